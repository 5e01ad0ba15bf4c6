// EntraStrongAuth report: sorting, filtering and printing, nothing else. Runs from a file or a mail attachment with no
// network; the page is complete without it. Table cells are only read and reordered, never written as markup.
(function () {
  'use strict';

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) { return ''; }
    var value = cell.getAttribute('data-value');
    return value !== null ? value : cell.textContent.trim();
  }

  function compare(a, b, numeric) {
    if (numeric) { return Number(a) - Number(b); }
    return a.localeCompare(b, undefined, { sensitivity: 'base', numeric: true });
  }

  function sortBy(table, header) {
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var index = headers.indexOf(header);
    var direction = header.getAttribute('aria-sort') === 'ascending' ? 'descending' : 'ascending';
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var numeric = rows.length > 0 && rows.every(function (row) {
      var cell = row.cells[index];
      return cell && cell.hasAttribute('data-value');
    });
    rows.sort(function (a, b) {
      var order = compare(cellValue(a, index), cellValue(b, index), numeric);
      return direction === 'ascending' ? order : -order;
    });
    headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
    header.setAttribute('aria-sort', direction);
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function filter(input) {
    var table = document.getElementById(input.getAttribute('data-table'));
    if (!table) { return; }
    var query = input.value.trim().toLowerCase();
    var rows = table.tBodies[0].rows;
    var shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var match = query === '' || rows[i].textContent.toLowerCase().indexOf(query) >= 0;
      rows[i].hidden = !match;
      if (match) { shown++; }
    }
    var status = document.getElementById(table.id + '-count');
    if (status) { status.textContent = shown + ' of ' + rows.length + ' rows shown'; }
  }

  document.querySelectorAll('table.data th button.sort').forEach(function (button) {
    button.addEventListener('click', function () {
      sortBy(button.closest('table'), button.closest('th'));
    });
  });

  document.querySelectorAll('input.filter').forEach(function (input) {
    input.addEventListener('input', function () { filter(input); });
  });

  // Print everything: closed <details> would hide the chart's numbers and long lists on paper.
  var closedForPrint = [];
  window.addEventListener('beforeprint', function () {
    document.querySelectorAll('details:not([open])').forEach(function (details) {
      details.open = true;
      closedForPrint.push(details);
    });
  });
  window.addEventListener('afterprint', function () {
    closedForPrint.forEach(function (details) { details.open = false; });
    closedForPrint = [];
  });
}());
