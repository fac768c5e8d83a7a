/* Sortable tables: a header button per column sorts the rows, numerically where the column
   is marked data-type="number" (empty cells and "–" sort last). Re-wired on every page
   load, including Material's instant navigation. */
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var text = cell ? (cell.getAttribute("data-value") || cell.textContent).trim() : "";
    if (!numeric) return text.toLowerCase();
    var number = parseFloat(text.replace(/[^0-9.eE+-]/g, ""));
    return isNaN(number) ? null : number;
  }

  function sortBy(table, header, index) {
    var numeric = header.getAttribute("data-type") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      var order = x < y ? -1 : 1;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  function wire(table) {
    if (table.getAttribute("data-sort-wired") || !table.tHead || !table.tBodies.length) return;
    table.setAttribute("data-sort-wired", "1");
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "adgdm-sort";
      button.textContent = header.textContent;
      button.title = "Sort by " + header.textContent;
      header.textContent = "";
      header.appendChild(button);
      header.setAttribute("data-sortable", "1");
      button.addEventListener("click", function () { sortBy(table, header, index); });
    });
  }

  function wireAll() {
    document.querySelectorAll("table.adgdm-sortable").forEach(wire);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(wireAll);
  } else {
    document.addEventListener("DOMContentLoaded", wireAll);
  }
})();
