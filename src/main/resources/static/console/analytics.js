// Reach console: the analytics dashboard's chart, drawn with ECharts (SVG) from the table under it,
// which stays the accessible source of the numbers.
(function () {
  "use strict";
  function number(cell) {
    return Number(cell.textContent.replace(/[^0-9.-]/g, "")) || 0;
  }
  function draw() {
    var box = document.getElementById("analytics-chart");
    var table = document.getElementById("analytics-series");
    if (!box || !table || !window.echarts || !table.tBodies.length) return;
    var rows = Array.from(table.tBodies[0].rows);
    var names = Array.from(table.tHead.rows[0].cells).map(function (cell) { return cell.textContent.trim(); });
    var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    var chart = window.echarts.init(box, dark ? "dark" : null, { renderer: "svg" });
    chart.setOption({
      backgroundColor: "transparent",
      tooltip: { trigger: "axis" },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 36, bottom: 28 },
      xAxis: { type: "category", data: rows.map(function (row) { return row.cells[0].textContent.trim(); }) },
      yAxis: { type: "value", minInterval: 1 },
      series: [1, 2].map(function (column) {
        return {
          name: names[column],
          type: "line",
          smooth: true,
          showSymbol: rows.length < 40,
          areaStyle: column === 2 ? { opacity: 0.15 } : undefined,
          data: rows.map(function (row) { return number(row.cells[column]); })
        };
      })
    });
    window.addEventListener("resize", function () { chart.resize(); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", draw);
  else draw();
})();
