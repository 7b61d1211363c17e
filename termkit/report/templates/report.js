(function () {
  "use strict";
  var rule = document.getElementById("filter-rule");
  var severity = document.getElementById("filter-severity");
  var status = document.getElementById("filter-status");
  var findings = Array.prototype.slice.call(document.querySelectorAll(".finding"));
  var total = findings.length;

  function visible() { return findings.filter(function (f) { return !f.hidden; }); }

  function apply() {
    var r = rule.value, s = severity.value, shown = 0;
    findings.forEach(function (f) {
      var keep = (!r || f.dataset.code === r) && (!s || f.dataset.severity === s);
      f.hidden = !keep;
      var mark = document.querySelector('mark[data-finding="' + f.id + '"]');
      if (mark) { mark.classList.toggle("filtered", !keep); }
      if (keep) { shown += 1; }
    });
    document.querySelectorAll("article.article").forEach(function (a) {
      var n = Number(a.dataset.findings);
      a.hidden = (r || s) ? (n === 0 || a.querySelectorAll(".finding:not([hidden])").length === 0) : false;
    });
    status.textContent = status.getAttribute("data-template").replace("{shown}", shown).replace("{total}", total);
  }
  rule.addEventListener("change", apply);
  severity.addEventListener("change", apply);

  function highlight(f) {
    document.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    var mark = document.querySelector('mark[data-finding="' + f.id + '"]');
    if (mark) { mark.classList.add("current"); }
  }
  findings.forEach(function (f) { f.addEventListener("focus", function () { highlight(f); }); });

  // j / k (or the arrow keys on a finding): next / previous finding that the filters show
  document.addEventListener("keydown", function (e) {
    if (e.target && (e.target.tagName === "SELECT" || e.target.tagName === "INPUT") || e.altKey || e.ctrlKey || e.metaKey) { return; }
    var onFinding = e.target && e.target.classList && e.target.classList.contains("finding");
    var step = 0;
    if (e.key === "j" || (onFinding && e.key === "ArrowDown")) { step = 1; }
    if (e.key === "k" || (onFinding && e.key === "ArrowUp")) { step = -1; }
    if (!step) { return; }
    var list = visible();
    if (!list.length) { return; }
    var at = list.indexOf(document.activeElement);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    list[next].focus();
    e.preventDefault();
  });
}());
