(function () {
  var d = document, table = d.getElementById('scenarios');
  if (!table) { return; }
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var box = d.getElementById('search'), q = d.getElementById('q'), verdict = d.getElementById('verdict');
  var shown = d.getElementById('shown');
  var text = rows.map(function (r) { return r.textContent.toLowerCase(); });
  function apply() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean), v = verdict.value, n = 0;
    rows.forEach(function (r, i) {
      var ok = (!v || r.getAttribute('data-verdict') === v) && words.every(function (w) { return text[i].indexOf(w) >= 0; });
      r.classList.toggle('nomatch', !ok);
      if (ok && r.offsetParent !== null) { n++; }
    });
    shown.textContent = 'Showing ' + n + ' of ' + rows.length;
  }
  box.hidden = false;
  q.addEventListener('input', apply);
  verdict.addEventListener('change', apply);
  Array.prototype.forEach.call(d.querySelectorAll('.filters input[type=radio]'), function (i) {
    i.addEventListener('change', apply);
  });
  d.documentElement.setAttribute('data-enhanced', 'true');
  apply();
})();
