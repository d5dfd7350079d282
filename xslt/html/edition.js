/* The HTML edition's script, inlined into every page by xslt/html/assets.xsl: the reading
   toggle and the popups. It reads nothing from the document but the page's own markup. */
(function () {
  "use strict";
  var doc = document, body = doc.body;
  body.classList.add("ed-js");
  var toggle = doc.getElementById("ed-toggle");
  if (toggle) {
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var diplomatic = !body.classList.contains("ed-diplomatic");
      body.classList.toggle("ed-diplomatic", diplomatic);
      body.classList.toggle("ed-normalised", !diplomatic);
      toggle.setAttribute("aria-pressed", diplomatic ? "true" : "false");
    });
  }
  function popOf(node) {
    return node && node.closest ? node.closest(".ed-pop") : null;
  }
  doc.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      var open = doc.querySelectorAll(".ed-pop");
      for (var i = 0; i !== open.length; i += 1) { open[i].classList.add("ed-closed"); }
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
})();
