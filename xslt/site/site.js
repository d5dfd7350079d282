/* The edition site's script (tei-edition site writes it to assets/site.js): sorting and
   filtering of the index table, and on a document's page the words of a search marked and
   the page scrolled to the hit (?highlight=words#anchor, as search.js links results). The
   pages work without it; it reads nothing but the page's own markup and its URL. */
(function () {
  "use strict";
  var doc = document;

  function text(node) { return (node.textContent || "").trim(); }

  function sortable(table) {
    var body = table.tBodies[0];
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var hint = doc.querySelector(".site-sort-hint");
    if (hint) { hint.hidden = false; }
    Array.prototype.forEach.call(heads, function (th, column) {
      var button = doc.createElement("button");
      button.type = "button";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(heads, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[column], y = b.cells[column];
          var kx = x.getAttribute("data-sort-value") || text(x).toLowerCase();
          var ky = y.getAttribute("data-sort-value") || text(y).toLowerCase();
          return (kx < ky ? -1 : kx > ky ? 1 : 0) * (ascending ? 1 : -1);
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function filterable(form, table) {
    form.hidden = false;
    var count = form.querySelector(".site-count");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    function apply() {
      var wanted = {};
      Array.prototype.forEach.call(form.querySelectorAll("[data-filter]"), function (field) {
        wanted[field.getAttribute("data-filter")] = field.value.trim().toLowerCase();
      });
      var shown = 0;
      rows.forEach(function (row) {
        var ok = !wanted.text || text(row).toLowerCase().indexOf(wanted.text) !== -1;
        ["year", "sender", "recipient", "type"].forEach(function (key) {
          if (ok && wanted[key]) {
            var values = (row.getAttribute("data-" + key) || "").toLowerCase().split("|");
            ok = values.indexOf(wanted[key]) !== -1;
          }
        });
        row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      if (count) { count.textContent = shown + " / " + rows.length; }
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    apply();
  }

  function highlight() {
    var words = new URLSearchParams(location.search).get("highlight");
    var main = doc.getElementById("main");
    if (!words || !main) { return; }
    var terms = words.toLowerCase().split(/\s+/).filter(function (w) { return w.length > 1; });
    if (!terms.length) { return; }
    var pattern = new RegExp("(" + terms.map(function (t) {
      return t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    }).join("|") + ")", "gi");
    var walker = doc.createTreeWalker(main, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        if (!parent || parent.closest("script, style, .ed-tip, [data-pagefind-ignore]")) {
          return NodeFilter.FILTER_REJECT;
        }
        pattern.lastIndex = 0;
        return pattern.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
      }
    });
    var found = [];
    while (walker.nextNode()) { found.push(walker.currentNode); }
    var first = null;
    found.forEach(function (node) {
      var parts = node.nodeValue.split(pattern);
      var fragment = doc.createDocumentFragment();
      parts.forEach(function (part, i) {
        if (i % 2 === 1) {
          var mark = doc.createElement("mark");
          mark.className = "site-hit";
          mark.textContent = part;
          fragment.appendChild(mark);
        } else if (part) {
          fragment.appendChild(doc.createTextNode(part));
        }
      });
      node.parentNode.replaceChild(fragment, node);
    });
    var target = location.hash ? doc.getElementById(decodeURIComponent(location.hash.slice(1))) : null;
    var marks = main.querySelectorAll("mark.site-hit");
    for (var i = 0; i !== marks.length && !first; i += 1) {
      if (!target || target.contains(marks[i]) ||
          (target.compareDocumentPosition(marks[i]) & Node.DOCUMENT_POSITION_FOLLOWING)) {
        first = marks[i];
      }
    }
    if (first) {
      first.classList.add("site-hit-first");
      first.scrollIntoView({ block: "center" });
    }
  }

  var table = doc.getElementById("site-documents-table");
  if (table) {
    sortable(table);
    var form = doc.querySelector(".site-filters");
    if (form) { filterable(form, table); }
  }
  highlight();
})();
