// The insight pages' charts: each canvas carries its chart as JSON (labels and series of the numbers the gate showed).
// A hidden number is null there, a gap in the chart: it is never plotted, and the table beside the chart says why.
(function () {
  'use strict';
  var COLOURS = ['#14467a', '#b4531f', '#2f7d4a', '#6b3fa0', '#8a6d00'];

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart') || '{}');
    } catch (e) {
      return;
    }
    if (!spec.labels || !spec.series) {
      return;
    }
    var datasets = spec.series.map(function (series, i) {
      var colour = COLOURS[i % COLOURS.length];
      return {
        type: series.kind === 'line' ? 'line' : 'bar',
        label: series.label,
        data: series.values,
        borderColor: colour,
        backgroundColor: colour,
        borderWidth: series.kind === 'line' ? 2 : 0,
        pointRadius: series.kind === 'line' ? 3 : 0,
        spanGaps: false,
        tension: 0
      };
    });
    new window.Chart(canvas, {
      type: spec.type || 'bar',
      data: { labels: spec.labels, datasets: datasets },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: !!spec.stacked },
          y: { stacked: !!spec.stacked, beginAtZero: true, ticks: { precision: 0 } }
        },
        plugins: { legend: { display: datasets.length > 1, position: 'bottom' } }
      }
    });
  }

  function drawAll() {
    if (!window.Chart) {
      return;
    }
    var canvases = document.querySelectorAll('canvas[data-chart]');
    for (var i = 0; i < canvases.length; i++) {
      draw(canvases[i]);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
}());
