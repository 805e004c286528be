// credwatch console: forms that call the JSON API. A <form data-api="/api/…">
// is posted (or sent with its data-method) as a JSON object of its named
// fields, with the session's CSRF token; empty fields are left out,
// data-json="number" fields are sent as numbers, datetime-local values as
// RFC 3339 (UTC), a field with data-for="x" only when the button pressed
// has value x, and the pressed button's name and value too. A form with
// data-collect="name" also sends what window.credwatch.collectors[name]
// returns under that name. On success data-then="reload" reloads the page;
// the form's <output> says what happened, or what the API refused and why.
(function () {
  "use strict";

  var collectors = {};
  window.credwatch = window.credwatch || {};
  window.credwatch.collectors = collectors;

  function csrf() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : "";
  }

  // rfc3339 turns a datetime-local value (the pages speak UTC) into RFC 3339.
  function rfc3339(v) {
    return v.length === 16 ? v + ":00Z" : v + "Z";
  }

  function bodyOf(form, submitter) {
    var body = {};
    var pressed = submitter && submitter.name ? submitter.value : "";
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || el.disabled || el.type === "submit" || el.type === "button") {
        return;
      }
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) {
        return;
      }
      if ((el.dataset.for && el.dataset.for !== pressed) || el.value === "") {
        return;
      }
      var v = el.value;
      if (el.dataset.json === "number") {
        v = Number(v);
      } else if (el.type === "datetime-local") {
        v = rfc3339(v);
      }
      body[el.name] = v;
    });
    if (submitter && submitter.name) {
      body[submitter.name] = submitter.value;
    }
    var collect = form.dataset.collect;
    if (collect && collectors[collect]) {
      body[collect] = collectors[collect]();
    }
    return body;
  }

  // summary says what a bulk answer's results were, or "Done."
  function summary(answer) {
    var results = answer && answer.results;
    if (answer && answer.expires && answer.id) {
      return "Added " + answer.id + ".";
    }
    if (answer && answer.state === "pending" && answer.id) {
      return "Requested (" + answer.id + "): another user must confirm it.";
    }
    if (!Array.isArray(results)) {
      return "Done.";
    }
    var counts = {};
    results.forEach(function (r) { counts[r.result] = (counts[r.result] || 0) + 1; });
    return Object.keys(counts).sort().map(function (k) { return counts[k] + " " + k; }).join(", ") + ".";
  }

  function send(form, submitter) {
    var status = form.querySelector("output.form-status");
    var say = function (text, failed) {
      if (status) {
        status.textContent = text;
        status.classList.toggle("error", !!failed);
      }
    };
    say("…");
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch(form.dataset.api, {
      method: form.dataset.method || "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json", "X-CSRF-Token": csrf() },
      body: JSON.stringify(bodyOf(form, submitter))
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (answer) {
        buttons.forEach(function (b) { b.disabled = false; });
        if (!resp.ok) {
          say((answer.field ? answer.field + ": " : "") + (answer.error || "HTTP " + resp.status), true);
          return;
        }
        say(summary(answer));
        form.dispatchEvent(new CustomEvent("credwatch:done", { bubbles: true, detail: answer }));
        if (form.dataset.then === "reload") {
          window.location.reload();
        }
      });
    }).catch(function (err) {
      buttons.forEach(function (b) { b.disabled = false; });
      say("Failed: " + err.message, true);
    });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (form instanceof HTMLFormElement && form.dataset.api) {
      e.preventDefault();
      send(form, e.submitter);
    }
  });
})();
