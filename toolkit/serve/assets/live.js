/* tei-edition serve: live reload and the findings panel (the server's own script).
   Everything shown comes from /_live/status as JSON and is inserted with textContent. */
(function () {
  "use strict";
  var script = document.currentScript;
  var pageVersion = Number(script && script.dataset.version) || 0;
  var path = location.pathname;
  var key = "tei-live-scroll:" + path;

  function restoreScroll() {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      window.scrollTo(0, Number(saved) || 0);
    }
  }
  restoreScroll();
  window.addEventListener("load", function () {
    restoreScroll();
    sessionStorage.removeItem(key);
  });

  function reload() {
    sessionStorage.setItem(key, String(window.scrollY));
    location.reload();
  }

  /* A new version of the page replaces only the elements whose source changed, so the
     reader keeps the scroll position, and what the page's own script changed (the
     diplomatic view, an open note) stays where the source did not change. The new page is
     compared with the page as it was served (not with the live one, which that script
     has touched). Nodes parsed by DOMParser are inert: no script in them runs when they
     are inserted. When the head or the body's outline changed (a stylesheet edit), the
     page is reloaded instead. */
  var served = null;
  function parse(text) { return new DOMParser().parseFromString(text, "text/html"); }
  function fetchPage() {
    return fetch(path, {cache: "no-store"}).then(function (r) {
      if (!r.ok) { throw new Error("status " + r.status); }
      return r.text();
    }).then(parse);
  }
  fetchPage().then(function (doc) { if (!served) { served = doc; } }).catch(function () {});

  function sameAttributes(a, b) {
    if (a.attributes.length !== b.attributes.length) { return false; }
    for (var i = 0; i < a.attributes.length; i += 1) {
      var attr = a.attributes[i];
      if (b.getAttribute(attr.name) !== attr.value) { return false; }
    }
    return true;
  }

  function kids(node) { return Array.prototype.slice.call(node.childNodes); }

  function morph(live, before, after) {
    if (before.isEqualNode(after)) { return; }
    if (before.nodeType !== 1 || before.nodeName !== after.nodeName ||
        live.nodeName !== before.nodeName || !sameAttributes(before, after) ||
        before.childNodes.length !== after.childNodes.length ||
        live.childNodes.length !== before.childNodes.length) {
      live.parentNode.replaceChild(document.importNode(after, true), live);
      return;
    }
    var liveKids = kids(live), beforeKids = kids(before), afterKids = kids(after);
    for (var i = 0; i < liveKids.length; i += 1) { morph(liveKids[i], beforeKids[i], afterKids[i]); }
  }

  function headOf(doc) {  /* the head without its title, which may change freely */
    return Array.prototype.map.call(doc.head.children, function (node) {
      return node.nodeName === "TITLE" ? "" : node.outerHTML;
    }).join("");
  }

  function update(data) {
    fetchPage().then(function (fresh) {
      var liveKids = Array.prototype.filter.call(document.body.childNodes, function (node) {
        return node !== banner && node !== panel;
      });
      var before = served;
      if (!before || headOf(fresh) !== headOf(before) ||
          liveKids.length !== before.body.childNodes.length ||
          before.body.childNodes.length !== fresh.body.childNodes.length) {
        reload();
        return;
      }
      var beforeKids = kids(before.body), afterKids = kids(fresh.body);
      for (var i = 0; i < liveKids.length; i += 1) { morph(liveKids[i], beforeKids[i], afterKids[i]); }
      served = fresh;
      var script = fresh.querySelector("script[src='/_live/live.js']");
      pageVersion = Number(script && script.dataset.version) || data.version;
      document.title = fresh.title;
      show(data);
    }).catch(reload);
  }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function where(f) {
    return f.line ? (f.line + (f.column ? ":" + f.column : "")) : "";
  }

  function lineLink(status, f) {
    var text = where(f) || "file";
    if (!status.source || !f.line) { return el("span", "tei-live-where", text); }
    var a = el("a", "tei-live-where", text);
    a.href = status.source + "#L" + f.line;
    return a;
  }

  var banner = el("div", "tei-live-error");
  banner.id = "tei-live-error";
  banner.setAttribute("role", "alert");
  banner.hidden = true;
  var panel = el("aside", "tei-live-panel");
  panel.id = "tei-live-panel";
  panel.setAttribute("aria-label", "Validation findings");
  var toggle = el("button", "tei-live-toggle", "findings");
  toggle.type = "button";
  toggle.setAttribute("aria-expanded", "false");
  var list = el("ol", "tei-live-list");
  list.hidden = true;
  toggle.addEventListener("click", function () {
    list.hidden = !list.hidden;
    toggle.setAttribute("aria-expanded", String(!list.hidden));
  });
  panel.appendChild(toggle);
  panel.appendChild(list);
  document.body.insertBefore(banner, document.body.firstChild);
  document.body.appendChild(panel);

  /* A status is shown unless one made after more validations was shown already: the
     status of a save's "reload" is applied once the new page has been fetched, and the
     validation of that save may have been shown meanwhile. */
  var shownGeneration = -1;
  function show(status) {
    if (status.generation < shownGeneration) { return; }
    shownGeneration = status.generation;
    panel.dataset.version = String(status.version);
    banner.textContent = "";
    if (status.error) {
      banner.appendChild(el("strong", null, "Not updated: "));
      banner.appendChild(lineLink(status, status.error));
      banner.appendChild(el("span", null, " " + status.error.message +
        " [" + status.error.rule + "]"));
      banner.appendChild(el("span", "tei-live-note",
        status.version ? " (showing the last version that rendered)" : ""));
      banner.hidden = false;
    } else {
      banner.hidden = true;
    }
    var counts = {error: 0, warning: 0, info: 0};
    list.textContent = "";
    status.findings.forEach(function (f) {
      counts[f.severity] = (counts[f.severity] || 0) + 1;
      var item = el("li", "tei-live-" + f.severity);
      item.appendChild(el("span", "tei-live-severity", f.severity));
      item.appendChild(lineLink(status, f));
      item.appendChild(el("span", "tei-live-message", f.message));
      item.appendChild(el("code", "tei-live-rule", f.rule));
      list.appendChild(item);
    });
    var summary = status.total ? (counts.error + " error(s), " + counts.warning +
      " warning(s), " + counts.info + " info") : "valid: no findings";
    if (status.total > status.findings.length) {
      summary += " (first " + status.findings.length + " of " + status.total + ")";
    }
    toggle.textContent = summary;
    panel.className = "tei-live-panel" + (counts.error ? " tei-live-has-errors" : "");
  }

  function fetchStatus() {
    fetch("/_live/status?page=" + encodeURIComponent(path), {cache: "no-store"})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (status) {
        if (!status) { return; }
        if (status.version > pageVersion && !status.error) { update(status); return; }
        show(status);
      })
      .catch(function () {});
  }

  var source = new EventSource("/_live/events");
  source.addEventListener("reload", function (event) {
    var data = JSON.parse(event.data);
    if (data.url === path && data.version !== pageVersion) { update(data); }
  });
  source.addEventListener("status", function (event) {
    var data = JSON.parse(event.data);
    if (data.url === path) { show(data); }
  });
  source.addEventListener("open", fetchStatus);
  fetchStatus();
}());
