/* Reach tracker (docs/measurement.md "Tracking script"): no cookies, no storage. */
(function(w,d){
var s=d.currentScript,k=s&&s.getAttribute('data-site-key');
if(!k||w.reach&&w.reach.on)return;
var l=w.location,n=w.navigator,h=w.history,q=w.reach&&w.reach.q||[],
b=(s.getAttribute('data-api')||new URL(s.src).origin).replace(/\/+$/,''),u=b+'/api/v1/ingest/trackers?site_key='+encodeURIComponent(k),
c=w.crypto,sid=c&&c.randomUUID?c.randomUUID():Date.now().toString(36)+Math.random().toString(36).slice(2),
r=d.referrer,last;
// body: the one place an event is built (ReachScriptTest posts the same JSON)
function body(t,p,v){var e={event_type:String(t).slice(0,64),session_id:sid,page_url:(l.origin+l.pathname).slice(0,2048),screen_resolution:screen.width+'x'+screen.height};if(r)e.referrer_url=r.slice(0,2048);if(p&&typeof p=='object')e.custom_properties=p;if(typeof v=='number'&&isFinite(v))e.event_value=v;r='';return JSON.stringify([e])}
function send(t,p,v){var b=body(t,p,v);try{if(n.sendBeacon&&n.sendBeacon(u,b))return}catch(x){}w.fetch&&fetch(u,{method:'POST',body:b,keepalive:true,credentials:'omit'})['catch'](function(){})}
function view(){if(l.pathname!==last){last=l.pathname;send('page_view')}}
['pushState','replaceState'].forEach(function(m){var o=h[m];h[m]=function(){var x=o.apply(this,arguments);view();return x}});
w.addEventListener('popstate',view);
w.reach=function(t,p,v){t&&send(t,p,v)};w.reach.on=1;
// conversion: the pixel (docs/attribution.md "The pixel"), e.g. reach.conversion({action:'purchase',value:49.9,currency:'EUR',order_id:'A-1'})
w.reach.conversion=function(p){var a=[],x;for(x in p)if(p[x]!=null)a.push(encodeURIComponent(x)+'='+encodeURIComponent(p[x]));var i=new Image();i.referrerPolicy='strict-origin-when-cross-origin';i.src=b+'/px/'+encodeURIComponent(k)+'.gif?'+a.join('&')};
view();
for(var i=0;i<q.length;i++)w.reach.apply(w,q[i]);
})(window,document);
