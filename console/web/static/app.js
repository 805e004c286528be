// credwatch console: the pages' behaviour, kept out of the HTML so that the
// Content-Security-Policy can forbid every inline script and style.
(function () {
  "use strict";

  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.content : "";

  // Every htmx request carries the session's CSRF token.
  document.addEventListener("htmx:configRequest", function (e) {
    if (csrf) {
      e.detail.headers["X-CSRF-Token"] = csrf;
    }
  });

  // The filter form leaves its empty fields out of the address.
  function tidyFilters(form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (value !== "") {
          params.append(key, value);
        }
      });
      var query = params.toString();
      window.location.assign(form.getAttribute("action") + (query ? "?" + query : ""));
    });
  }

  // Bulk actions: the checked alerts, kept across the queue's refreshes.
  function bulkActions(bar) {
    var selected = new Map(); // "tenant/id" -> {tenant, id}
    var rows = document.getElementById("alert-rows");
    var all = document.getElementById("pick-all");
    var count = document.getElementById("bulk-count");
    var status = document.getElementById("bulk-status");
    var buttons = bar.querySelectorAll("button[data-bulk]");

    function boxes() {
      return rows.querySelectorAll('input[name="alert"]');
    }
    function pick(box) {
      var key = box.dataset.tenant + "/" + box.dataset.id;
      if (box.checked) {
        selected.set(key, { tenant: box.dataset.tenant, id: box.dataset.id });
      } else {
        selected.delete(key);
      }
    }
    function show() {
      count.textContent = selected.size + " selected";
      buttons.forEach(function (b) { b.disabled = selected.size === 0; });
    }
    rows.addEventListener("change", function (e) {
      if (e.target.name === "alert") {
        pick(e.target);
        show();
      }
    });
    if (all) {
      all.addEventListener("change", function () {
        boxes().forEach(function (b) { b.checked = all.checked; pick(b); });
        show();
      });
    }
    document.addEventListener("htmx:afterSwap", function (e) {
      if (e.target === rows) {
        boxes().forEach(function (b) { b.checked = selected.has(b.dataset.tenant + "/" + b.dataset.id); });
      }
    });
    buttons.forEach(function (button) {
      button.addEventListener("click", function () {
        status.textContent = "…";
        fetch(bar.dataset.endpoint, {
          method: "POST",
          credentials: "same-origin",
          headers: { "Content-Type": "application/json", "X-CSRF-Token": csrf },
          body: JSON.stringify({ action: button.dataset.bulk, alerts: Array.from(selected.values()) })
        }).then(function (resp) {
          status.textContent = resp.ok ? "Done." : "Refused (HTTP " + resp.status + ").";
          if (resp.ok) {
            selected.clear();
            show();
            window.htmx.trigger(rows, "refresh");
          }
        }).catch(function (err) {
          status.textContent = "Failed: " + err.message;
        });
      });
    });
    show();
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
    var opts = {
      width: Math.max(el.clientWidth, 320),
      height: 220,
      scales: { x: { time: true } },
      tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); }, // the pages speak UTC
      series: [{}, {
        label: "events",
        stroke: "#1d4ed8",
        fill: "rgba(29, 78, 216, 0.35)",
        paths: window.uPlot.paths.bars({ size: [0.9, 40] })
      }],
      axes: [{ label: "hour (UTC)" }, { label: "events / hour" }]
    };
    new window.uPlot(opts, [xs, ys], el);
    el.dataset.points = String(hourly.length);
    el.dataset.state = "drawn";
  }

  document.addEventListener("DOMContentLoaded", function () {
    var filters = document.getElementById("filters");
    if (filters) {
      tidyFilters(filters);
    }
    var bar = document.getElementById("bulk");
    if (bar) {
      bulkActions(bar);
    }
    var chart = document.getElementById("use-chart");
    if (chart && window.uPlot) {
      useChart(chart);
    }
  });
})();
