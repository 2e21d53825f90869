// Draws the dashboard's charts with Chart.js from the page's JSON block (<script type="application/json" id="chart-data">).
// No inline script: the Content-Security-Policy allows this host's scripts only. Series differ by more than colour:
// bar fill patterns (solid, stripes, dots), line dashes and point shapes, and every chart has its table beside it.
(function () {
  'use strict';
  var block = document.getElementById('chart-data');
  if (!block || typeof Chart === 'undefined') {
    return;
  }
  var spec = JSON.parse(block.textContent);
  var locale = spec.locale;
  // Okabe-Ito hues darkened to at least 3:1 against white (WCAG 1.4.11 for graphical objects).
  var colours = ['#1f4e79', '#a3480b', '#0f6e5a', '#6b3fa0'];
  var pointStyles = ['circle', 'triangle', 'rectRot', 'star'];
  var dashes = [[], [8, 4], [2, 3], [12, 4, 2, 4]];
  var percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
  var count = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  var decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

  Chart.defaults.font.family = 'system-ui, "Segoe UI", Roboto, Arial, sans-serif';
  Chart.defaults.font.size = 13;
  Chart.defaults.color = '#1b1b1b';
  Chart.defaults.animation = false;

  function pattern(index, colour) {
    if (index === 0) {
      return colour;
    }
    var tile = document.createElement('canvas');
    tile.width = 10;
    tile.height = 10;
    var ctx = tile.getContext('2d');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, 10, 10);
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    if (index === 1) {
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(-2, 12);
      ctx.lineTo(12, -2);
      ctx.moveTo(-2, 2);
      ctx.lineTo(2, -2);
      ctx.moveTo(8, 12);
      ctx.lineTo(12, 8);
      ctx.stroke();
    } else {
      ctx.beginPath();
      ctx.arc(5, 5, 3, 0, 2 * Math.PI);
      ctx.fill();
    }
    return ctx.createPattern(tile, 'repeat');
  }

  function formatter(scale) {
    if (scale === 'share') {
      return function (value) { return percent.format(value); };
    }
    return scale === 'decimal' ? function (value) { return decimal.format(value); } : function (value) { return count.format(value); };
  }

  function categoryChart(chart) {
    var format = formatter(chart.scale);
    var isLine = chart.type === 'line';
    return {
      type: chart.type,
      data: {
        labels: chart.labels,
        datasets: chart.series.map(function (series, i) {
          var colour = colours[i % colours.length];
          return {
            label: series.label,
            data: series.data,
            backgroundColor: isLine ? colour : pattern(i % 3, colour),
            borderColor: colour,
            borderWidth: isLine ? 3 : 2,
            borderDash: isLine ? dashes[i % dashes.length] : undefined,
            pointStyle: pointStyles[i % pointStyles.length],
            pointRadius: isLine ? 5 : undefined,
            pointHoverRadius: isLine ? 7 : undefined
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        locale: locale,
        plugins: {
          legend: { display: chart.series.length > 1, labels: { usePointStyle: isLine, boxWidth: 28 } },
          tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + format(item.parsed.y); } } }
        },
        scales: {
          y: {
            beginAtZero: true,
            max: chart.scale === 'share' ? 1 : undefined,
            title: { display: true, text: chart.yTitle },
            ticks: { callback: format, precision: chart.scale === 'count' ? 0 : undefined },
            grid: { color: '#d5d9e0' }
          },
          x: { grid: { display: false } }
        }
      }
    };
  }

  function scatterChart(chart) {
    return {
      type: 'scatter',
      data: {
        datasets: chart.series.map(function (series, i) {
          var colour = colours[i % colours.length];
          return {
            label: series.label,
            data: series.data,
            backgroundColor: colour,
            borderColor: colour,
            pointStyle: pointStyles[i % pointStyles.length],
            pointRadius: 6,
            pointHoverRadius: 8
          };
        })
      },
      options: {
        maintainAspectRatio: false,
        locale: locale,
        plugins: {
          legend: { labels: { usePointStyle: true } },
          tooltip: {
            callbacks: {
              label: function (item) {
                return item.raw.name + ' (' + item.dataset.label + '): ' + percent.format(item.raw.x) + ', ' + decimal.format(item.raw.y);
              }
            }
          }
        },
        scales: {
          x: { min: 0, max: 1, title: { display: true, text: chart.xTitle }, ticks: { callback: function (v) { return percent.format(v); } }, grid: { color: '#d5d9e0' } },
          y: { title: { display: true, text: chart.yTitle }, ticks: { callback: function (v) { return decimal.format(v); } }, grid: { color: '#d5d9e0' } }
        }
      }
    };
  }

  spec.charts.forEach(function (chart) {
    var canvas = document.getElementById(chart.id);
    if (canvas) {
      new Chart(canvas, chart.type === 'scatter' ? scatterChart(chart) : categoryChart(chart));
    }
  });
}());
