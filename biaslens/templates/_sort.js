// Sort a table by the clicked header; numbers numerically, blanks last. No external code.
(function () {
  function key(cell) {
    var v = cell.getAttribute("data-v");
    if (v === null) v = cell.textContent.trim();
    if (v === "" || v === "\u2013") return null;
    var n = Number(v);
    return isNaN(n) ? v.toLowerCase() : n;
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, col) {
      th.setAttribute("tabindex", "0");
      function sort() {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[col]), y = key(b.cells[col]);
          if (x === null) return y === null ? 0 : 1;
          if (y === null) return -1;
          if (typeof x !== typeof y) { x = String(x); y = String(y); }
          return (x < y ? -1 : x > y ? 1 : 0) * (asc ? 1 : -1);
        });
        rows.forEach(function (r) { body.appendChild(r); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") sort(); });
    });
  });
})();
// Family selector: show one comparison table at a time (without script every table stays visible).
(function () {
  var nav = document.getElementById("family-selector");
  if (!nav) return;
  var buttons = Array.prototype.slice.call(nav.querySelectorAll("button[data-show]"));
  function show(id) {
    buttons.forEach(function (b) {
      var on = b.getAttribute("data-show") === id;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      var el = document.getElementById(b.getAttribute("data-show"));
      if (el) el.hidden = !on;
    });
  }
  buttons.forEach(function (b) {
    b.addEventListener("click", function () { show(b.getAttribute("data-show")); });
  });
  nav.hidden = false;
  if (buttons.length) show(buttons[0].getAttribute("data-show"));
})();
