// credwatch console: the charts (uPlot), drawn in UTC as the pages speak it.
(function () {
  "use strict";

  function utc(ts) {
    return window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC");
  }

  function bars(label, stroke, fill) {
    return { label: label, stroke: stroke, fill: fill, points: { show: false },
      paths: window.uPlot.paths.bars({ size: [0.9, 40] }) };
  }

  // The credential's uses per hour, from the timeline endpoint, as bars.
  function useChart(el) {
    fetch(el.dataset.src, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (resp) {
        if (!resp.ok) {
          throw new Error("HTTP " + resp.status);
        }
        return resp.json();
      })
      .then(function (timeline) { drawUses(el, timeline.hourly || []); })
      .catch(function (err) {
        el.dataset.state = "failed";
        el.textContent = "The chart could not be drawn: " + err.message;
      });
  }

  function drawUses(el, hourly) {
    var from = Math.floor(Number(el.dataset.from) / 3600) * 3600;
    var to = Number(el.dataset.to);
    var byHour = new Map();
    hourly.forEach(function (h) { byHour.set(Date.parse(h.hour) / 1000, h.events); });
    var xs = [];
    var ys = [];
    for (var x = from; x < to; x += 3600) {
      xs.push(x);
      ys.push(byHour.get(x) || 0);
    }
    new window.uPlot({
      width: Math.max(el.clientWidth, 320),
      height: 220,
      scales: { x: { time: true } },
      tzDate: utc,
      series: [{}, bars("events", "#1d4ed8", "rgba(29, 78, 216, 0.35)")],
      axes: [{ label: "hour (UTC)" }, { label: "events / hour" }]
    }, [xs, ys], el);
    el.dataset.points = String(hourly.length);
    el.dataset.state = "drawn";
  }

  // The credential's events around an alert, from the table below the
  // chart (data-ts), in about 48 buckets: all of them, and the evidence.
  function aroundChart(el, rows) {
    var from = Number(el.dataset.from);
    var to = Number(el.dataset.to);
    var step = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440].map(function (m) { return m * 60; })
      .find(function (s) { return (to - from) / s <= 60; }) || 86400;
    var xs = [];
    var all = [];
    var evidence = [];
    for (var x = from; x < to; x += step) {
      xs.push(x);
      all.push(0);
      evidence.push(0);
    }
    rows.forEach(function (row) {
      var i = Math.floor((Number(row.dataset.ts) - from) / step);
      if (i >= 0 && i < xs.length) {
        all[i]++;
        if (row.dataset.evidence) {
          evidence[i]++;
        }
      }
    });
    new window.uPlot({
      width: Math.max(el.clientWidth, 320),
      height: 160,
      scales: { x: { time: true } },
      tzDate: utc,
      series: [{}, bars("events", "#1d4ed8", "rgba(29, 78, 216, 0.30)"),
        bars("evidence", "#b91c1c", "rgba(185, 28, 28, 0.55)")],
      axes: [{}, { label: "events / " + Math.round(step / 60) + " min" }]
    }, [xs, all, evidence], el);
    el.dataset.points = String(rows.length);
    el.dataset.state = "drawn";
  }

  document.addEventListener("DOMContentLoaded", function () {
    if (!window.uPlot) {
      return;
    }
    var uses = document.getElementById("use-chart");
    if (uses) {
      useChart(uses);
    }
    var around = document.getElementById("around-chart");
    if (around) {
      aroundChart(around, document.querySelectorAll("#around-table tr.event"));
    }
  });
})();
