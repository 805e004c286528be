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

  // A filter form leaves its empty fields out of the address; its search
  // conditions (rows of field, operator, value) become eq=/prefix= field:value.
  function tidyFilters(form) {
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (value !== "") {
          params.append(key, value);
        }
      });
      form.querySelectorAll(".condition").forEach(function (row) {
        var field = row.querySelector("[data-cond=field]").value;
        var value = row.querySelector("[data-cond=value]").value;
        if (field !== "" && value !== "") {
          params.append(row.querySelector("[data-cond=op]").value, field + ":" + value);
        }
      });
      var query = params.toString();
      window.location.assign(form.getAttribute("action") + (query ? "?" + query : ""));
    });
    var add = form.querySelector("#add-condition");
    if (add) {
      add.addEventListener("click", function () {
        var rows = form.querySelectorAll(".condition");
        var row = rows[rows.length - 1].cloneNode(true);
        row.querySelector("[data-cond=value]").value = "";
        rows[rows.length - 1].after(row);
      });
    }
  }

  // picker keeps the rows checked in tbody (input[data-pick], with
  // data-tenant and data-id) across its refreshes, and gives them to the
  // bulk form as window.credwatch.collectors[name].
  function picker(form, tbody, name) {
    var selected = new Map(); // "tenant/id" -> {tenant, id}
    var all = document.getElementById(form.dataset.pickAll);
    var count = form.querySelector(".pick-count");
    var buttons = form.querySelectorAll("button[data-needs-pick]");
    function boxes() {
      return tbody.querySelectorAll("input[data-pick]");
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
    tbody.addEventListener("change", function (e) {
      if (e.target.dataset.pick !== undefined) {
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
      if (e.target === tbody) {
        boxes().forEach(function (b) { b.checked = selected.has(b.dataset.tenant + "/" + b.dataset.id); });
      }
    });
    form.addEventListener("credwatch:done", function () {
      selected.clear();
      boxes().forEach(function (b) { b.checked = false; });
      if (all) {
        all.checked = false;
      }
      show();
      if (tbody.getAttribute("hx-get") && window.htmx) {
        window.htmx.trigger(tbody, "refresh");
      }
    });
    window.credwatch.collectors[name] = function () { return Array.from(selected.values()); };
    show();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("form.filters").forEach(tidyFilters);
    document.querySelectorAll("form[data-collect]").forEach(function (form) {
      var tbody = document.getElementById(form.dataset.rows);
      if (tbody) {
        picker(form, tbody, form.dataset.collect);
      }
    });
  });
})();
