// Reach console: htmx sends the session's CSRF token with every request it makes.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) event.detail.headers[header.content] = token.content;
});
