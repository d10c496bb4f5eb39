// Reach console, e-mail and SMS campaigns: draws each chart from the data table it names
// (data-chart-for="<table id>"): the first column is the x axis, every other column a line;
// shows each message preview (iframe data-message) in its sandboxed frame.
(function () {
  "use strict";
  function draw(box) {
    var table = document.getElementById(box.dataset.chartFor);
    if (!table || !window.echarts) return;
    var names = Array.from(table.querySelectorAll("thead th")).map(function (th) { return th.textContent.trim(); });
    var rows = Array.from(table.querySelectorAll("tbody tr")).map(function (tr) {
      return Array.from(tr.children).map(function (cell) { return cell.textContent.trim(); });
    });
    var series = names.slice(1).map(function (name, i) {
      return { name: name, type: "line", smooth: true, data: rows.map(function (row) { return Number(row[i + 1]); }) };
    });
    var dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    var chart = window.echarts.init(box, dark ? "dark" : null, { renderer: "svg" });
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "axis" },
      legend: { data: names.slice(1) },
      xAxis: { type: "category", data: rows.map(function (row) { return row[0]; }) },
      yAxis: { type: "value", minInterval: 1 },
      series: series
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  // a message preview: its HTML goes into the sandboxed frame (no scripts run there)
  function preview(frame) { frame.srcdoc = frame.dataset.message; }
  function start() {
    document.querySelectorAll("[data-chart-for]").forEach(draw);
    document.querySelectorAll("iframe[data-message]").forEach(preview);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start); else start();
})();
