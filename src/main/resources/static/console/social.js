// Reach console, social accounts: draws each chart from the data table under it (the table stays the
// accessible source of the numbers). A table with data-chart="<element id>" gives the x axis in its row
// headers and one line per column (the first column after the headers: followers).
(function () {
  "use strict";

  function numbers(table, column) {
    return Array.from(table.tBodies[0].rows).map(function (row) {
      return Number(row.cells[column].textContent.trim());
    });
  }

  function draw(table) {
    var target = document.getElementById(table.dataset.chart);
    if (!target || !window.echarts || table.tBodies[0].rows.length === 0) return;
    var days = Array.from(table.tBodies[0].rows).map(function (row) {
      return row.cells[0].textContent.trim();
    });
    var name = table.tHead.rows[0].cells[1].textContent.trim();
    var dark = window.matchMedia("(prefers-color-scheme: dark)").matches;
    var chart = window.echarts.init(target, dark ? "dark" : null, { renderer: "svg" });
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "axis" },
      grid: { left: 56, right: 16, top: 16, bottom: 32 },
      xAxis: { type: "category", data: days },
      yAxis: { type: "value", scale: true },
      series: [{ name: name, type: "line", data: numbers(table, 1), smooth: true, showSymbol: false }]
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("table[data-chart]").forEach(draw);
  });
})();
