/* The HTML edition's script, inlined into every page by xslt/html/assets.xsl: the reading
   toggle, the popups (hover, focus, and tap on touch screens), notes aligned beside their
   calls on wide screens, and disclosures opened for the links that lead into them. It reads
   nothing from the document but the page's own markup; without it the page still works
   (popups on hover and focus, notes listed beside or below the text). */
(function () {
  "use strict";
  var doc = document, body = doc.body, win = window;
  body.classList.add("ed-js");

  /* ---- the reading toggle ---- */
  var toggle = doc.getElementById("ed-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var diplomatic = !body.classList.contains("ed-diplomatic");
      body.classList.toggle("ed-diplomatic", diplomatic);
      body.classList.toggle("ed-normalised", !diplomatic);
      toggle.setAttribute("aria-pressed", diplomatic ? "true" : "false");
      alignNotes();
    });
  }

  /* ---- popups ---- */
  function popOf(node) {
    return node && node.closest ? node.closest(".ed-pop") : null;
  }
  function closeAll(except) {
    var open = doc.querySelectorAll(".ed-pop.ed-open");
    for (var i = 0; i !== open.length; i += 1) {
      if (open[i] !== except) { open[i].classList.remove("ed-open"); }
    }
  }
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      closeAll(null);
      var pops = doc.querySelectorAll(".ed-pop");
      for (var i = 0; i !== pops.length; i += 1) { pops[i].classList.add("ed-closed"); }
    }
  });
  function reopen(event) {
    var pop = popOf(event.target);
    if (pop) {
      var leaving = event.relatedTarget;
      if (!leaving || !pop.contains(leaving)) { pop.classList.remove("ed-closed"); }
    }
  }
  doc.addEventListener("focusout", reopen);
  doc.addEventListener("mouseout", reopen);
  doc.addEventListener("focusin", function (event) {
    var pop = popOf(event.target);
    if (pop) { pop.classList.remove("ed-closed"); }
  });

  /* A tap on a name opens its popup and stays on the page; a second tap on the same name
     follows its link (to the register entry). A tap elsewhere closes the popup. */
  var lastPointer = "";
  doc.addEventListener("pointerdown", function (event) { lastPointer = event.pointerType || ""; }, true);
  doc.addEventListener("touchstart", function () { lastPointer = "touch"; }, { capture: true, passive: true });
  doc.addEventListener("click", function (event) {
    if (lastPointer !== "touch") { return; }
    var target = event.target && event.target.closest ? event.target : null;
    var trigger = target ? target.closest(".ed-pop > a, .ed-pop > [tabindex]") : null;
    var pop = trigger ? trigger.parentElement : null;
    if (!pop || !pop.querySelector(":scope > .ed-tip")) {
      if (!(target && target.closest(".ed-tip"))) { closeAll(null); }
      return;
    }
    if (!pop.classList.contains("ed-open")) {
      if (trigger.tagName === "A") { event.preventDefault(); }
      closeAll(pop);
      pop.classList.remove("ed-closed");
      pop.classList.add("ed-open");
      place(pop, trigger);
    } else {
      pop.classList.remove("ed-open");
    }
  });
  /* On a phone the popup sits at the foot of the screen; when that would cover the name, at
     its head. */
  function place(pop, trigger) {
    var tip = pop.querySelector(":scope > .ed-tip");
    tip.classList.remove("ed-tip-top");
    var a = trigger.getBoundingClientRect(), t = tip.getBoundingClientRect();
    if (a.bottom > t.top && a.top < t.bottom && getComputedStyle(tip).position === "fixed") {
      tip.classList.add("ed-tip-top");
    }
  }

  /* ---- notes beside their calls ---- */
  var wide = win.matchMedia ? win.matchMedia("(min-width: 64rem)") : null;
  var notes = doc.querySelector(".ed-reading.ed-with-notes > .ed-notes");
  function alignNotes() {
    if (!notes) { return; }
    var items = notes.querySelectorAll(".ed-note-list > li.ed-note");
    var i;
    for (i = 0; i !== items.length; i += 1) { items[i].style.marginTop = ""; }
    notes.classList.remove("ed-aligned");
    if (!wide || !wide.matches) { return; }
    notes.classList.add("ed-aligned");
    for (i = 0; i !== items.length; i += 1) {
      var call = doc.getElementById("noteref-" + items[i].id.slice(5));
      if (!call) { continue; }
      var wanted = call.getBoundingClientRect().top;
      var now = items[i].getBoundingClientRect().top;
      if (wanted > now) { items[i].style.marginTop = Math.round(wanted - now) + "px"; }
    }
  }
  var pending = 0;
  function later() {
    if (pending) { win.cancelAnimationFrame(pending); }
    pending = win.requestAnimationFrame(function () { pending = 0; alignNotes(); });
  }
  win.addEventListener("resize", later);
  win.addEventListener("load", alignNotes);
  if (doc.fonts && doc.fonts.ready) { doc.fonts.ready.then(later); }
  alignNotes();

  /* ---- links into a closed disclosure ("About this document") open it ---- */
  function reveal() {
    var id = decodeURIComponent(win.location.hash.slice(1));
    var target = id ? doc.getElementById(id) : null;
    var box = target && target.closest ? target.closest("details") : null;
    if (!box && target) { box = target.querySelector(":scope > details"); }
    if (box && !box.open) {
      box.open = true;
      target.scrollIntoView();
    }
  }
  win.addEventListener("hashchange", reveal);
  reveal();
})();
