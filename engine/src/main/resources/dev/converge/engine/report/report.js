"use strict";
// The report's only script: filter the matrix, and open a target's detail (plan, drift, history)
// on a click. Everything it shows is already in the page; it fetches nothing.
(function () {
  var targets = JSON.parse(document.getElementById("targets").textContent);
  var byKey = {};
  targets.forEach(function (t) { byKey[t.env + "\u0000" + t.name] = t; });
  var rows = Array.prototype.slice.call(document.querySelectorAll("#matrix tbody tr"));
  var search = document.getElementById("search");
  var state = document.getElementById("state");
  var shown = document.getElementById("shown");
  var timing = window.convergeTiming = { filters: [] };

  function filter() {
    var started = performance.now();
    var q = search.value.trim().toLowerCase();
    var s = state.value;
    var visible = 0;
    rows.forEach(function (row) {
      var show = row.getAttribute("data-name").toLowerCase().indexOf(q) >= 0
        && (s === "" || (" " + row.getAttribute("data-states") + " ").indexOf(" " + s + " ") >= 0);
      row.hidden = !show;
      if (show) { visible++; }
    });
    var ms = performance.now() - started;
    timing.filters.push(ms);
    shown.textContent = visible + " of " + rows.length + " rows shown (filtered in " + ms.toFixed(1) + " ms)";
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = text; }
    if (cls) { e.className = cls; }
    return e;
  }

  function open(env, name) {
    var t = byKey[env + "\u0000" + name];
    if (!t) { return; }
    var body = document.getElementById("detail-body");
    body.textContent = "";
    body.appendChild(el("h2", t.name + " in " + t.env));
    body.appendChild(el("p", t.target, "muted"));
    var facts = el("p");
    facts.appendChild(el("b", t.label, "detail-state"));
    facts.appendChild(document.createTextNode(" · last apply: " + t.lastOutcome
      + (t.appliedHash ? " · applied " + t.appliedHash.substring(0, 12) : "")
      + " · desired now " + t.desiredHash.substring(0, 12)));
    body.appendChild(facts);
    if (t.error) { body.appendChild(el("p", "Could not be planned: " + t.error, "bad")); }
    if (t.drift && t.drift.length) {
      body.appendChild(el("h3", "Drift: changed outside Converge since the last apply"));
      var ul = el("ul", null, "drift");
      t.drift.forEach(function (d) { ul.appendChild(el("li", d)); });
      body.appendChild(ul);
    }
    body.appendChild(el("h3", "Plan"));
    var section = t.group ? document.getElementById("plan-" + t.env + "-" + t.group) : null;
    if (section) {
      var plan = el("div", null, "detail-plan");
      plan.appendChild(el("p", "Plan " + t.group + " (" + section.querySelector("summary").textContent + ")", "muted"));
      Array.prototype.slice.call(section.children, 1).forEach(function (c) { plan.appendChild(c.cloneNode(true)); });
      body.appendChild(plan);
    } else {
      body.appendChild(el("p", t.error ? "No plan." : "No changes: the target matches the desired state.", "muted"));
    }
    body.appendChild(el("h3", "History"));
    if (!t.history.length) { body.appendChild(el("p", "Converge never applied here.", "muted")); }
    var list = el("ol", null, "timeline");
    t.history.forEach(function (h) {
      var li = el("li", null, h.status.replace(/ /g, "-"));
      li.appendChild(el("b", "#" + h.id + " " + h.status));
      li.appendChild(document.createTextNode(" · " + h.at + " by " + h.by + " · " + (h.ms / 1000).toFixed(1) + " s · "
        + h.hash + (h.commit ? " @ " + h.commit.substring(0, 8) : "")));
      li.appendChild(el("div", h.outcome, "muted"));
      if (h.note) { li.appendChild(el("div", h.note, "muted")); }
      list.appendChild(li);
    });
    body.appendChild(list);
    document.getElementById("detail").hidden = false;
  }

  document.querySelector("#matrix tbody").addEventListener("click", function (e) {
    var cell = e.target.closest("td.cell");
    if (cell) { open(cell.getAttribute("data-env"), cell.getAttribute("data-target")); }
  });
  document.querySelector("#matrix tbody").addEventListener("keydown", function (e) {
    var cell = e.target.closest("td.cell");
    if (cell && e.key === "Enter") { open(cell.getAttribute("data-env"), cell.getAttribute("data-target")); }
  });
  document.getElementById("close").addEventListener("click", function () {
    document.getElementById("detail").hidden = true;
  });
  search.addEventListener("input", filter);
  state.addEventListener("change", filter);
  filter();
  timing.readyMs = performance.now();
})();
