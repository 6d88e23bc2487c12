// perfaudit serve: draws each trend chart from the JSON beside it, with the vendored uPlot.
(function () {
  "use strict";
  var PALETTE = ["#cf222e", "#bf8700", "#57606a", "#0969da", "#8250df", "#1a7f37",
                 "#bc4c00", "#1b7c83", "#d1242f"];
  var SEVERITY = { P0: "#cf222e", P1: "#bf8700", P2: "#57606a" };

  function draw(el) {
    var source = document.getElementById(el.dataset.trend);
    if (!source || typeof uPlot === "undefined") { return; }
    var data = JSON.parse(source.textContent);
    var labels = data.labels;
    var xs = labels.map(function (_, i) { return i; });
    var series = [{ label: "audit", value: function (u, v) { return v == null ? "" : labels[v]; } }];
    data.series.forEach(function (s, i) {
      series.push({ label: s.name, stroke: SEVERITY[s.name] || PALETTE[i % PALETTE.length],
                    width: 2, points: { show: true, size: 6 } });
    });
    var opts = {
      width: Math.max(el.clientWidth, 200), height: 240, series: series, legend: { live: false },
      scales: {
        x: { time: false, range: function (u, lo, hi) { return [lo - 0.5, hi + 0.5]; } },
        y: { range: function (u, lo, hi) { return [0, Math.max(1, hi) * 1.15]; } }
      },
      axes: [
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
          values: function (u, splits) {
            return splits.map(function (v) { return Number.isInteger(v) ? (labels[v] || "") : ""; });
          } },
        { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000] }
      ]
    };
    var columns = [xs].concat(data.series.map(function (s) { return s.values; }));
    var plot = new uPlot(opts, columns, el);
    window.addEventListener("resize", function () {
      plot.setSize({ width: Math.max(el.clientWidth, 200), height: 240 });
    });
  }

  document.querySelectorAll("[data-trend]").forEach(draw);
})();
