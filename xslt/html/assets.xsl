<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page's CSS and script, inlined into every page (no CDN, no web fonts, no files read at
  transform time). Override $ed:css / $ed:js in your stylesheet to replace them, or use the
  css-href parameter to link an extra stylesheet.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:css" as="xs:string"><![CDATA[
:root { --ink: #1b1b1b; --muted: #545454; --paper: #ffffff; --accent: #0a4f8a; --ed: #7a3b00;
        --tip: #fffdf3; --rule: #d4d4d4; --focus: #c24e00; }
* { box-sizing: border-box; }
html { font-size: 100%; }
body { margin: 0 auto; max-width: 46rem; padding: 0 1rem 3rem; color: var(--ink); background: var(--paper);
       font-family: Georgia, "DejaVu Serif", "Noto Serif", "Noto Serif CJK KR", "Nanum Myeongjo", serif;
       line-height: 1.6; }
a { color: var(--accent); }
a:hover { color: #06365f; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
.ed-skip { position: absolute; left: -999px; top: 0; background: var(--paper); padding: .5rem 1rem; z-index: 100; }
.ed-skip:focus { left: 1rem; }
.ed-vh { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
         clip-path: inset(50%); white-space: nowrap; }
header.ed-banner { border-bottom: 1px solid var(--rule); margin-bottom: 1.5rem; padding-top: 1.5rem; }
h1 { font-size: 1.6rem; line-height: 1.3; margin: 0 0 .5rem; }
h2 { font-size: 1.3rem; margin-top: 2.5rem; border-bottom: 1px solid var(--rule); padding-bottom: .2rem; }
h3 { font-size: 1.15rem; } h4 { font-size: 1rem; } h5, h6 { font-size: 1rem; font-style: italic; }
.ed-subtitle { color: var(--muted); margin: 0 0 .75rem; }
.ed-nav ul { list-style: none; padding: 0; margin: .5rem 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
.ed-tools { margin: .5rem 0 1rem; }
.ed-toggle { font: inherit; padding: .3rem .8rem; border: 1px solid var(--accent); border-radius: 4px;
             background: var(--paper); color: var(--accent); cursor: pointer; }
.ed-toggle[aria-pressed="true"] { background: var(--accent); color: #fff; }
.ed-footer { margin-top: 3rem; border-top: 1px solid var(--rule); color: var(--muted); font-size: .875rem; }

/* about */
.ed-about-list { display: grid; grid-template-columns: minmax(8rem, 12rem) 1fr; gap: .35rem 1rem; }
.ed-about-list > div { display: contents; }
.ed-about-list dt { font-weight: bold; }
.ed-about-list dd { margin: 0; }
.ed-about-list dd p { margin: 0 0 .4rem; }
details { margin: 1rem 0; } summary { cursor: pointer; font-weight: bold; }
.ed-decl-label { font-style: italic; margin-bottom: 0; }

/* text */
.ed-text p, .ed-text .tei-p { text-align: left; hyphens: auto; }
.tei-head.type-editorial { font-style: normal; }
.ed-letter-part { margin: 1rem 0; }
.tei-opener .ed-mark { font-variant: small-caps; letter-spacing: .03em; }
.tei-closer, .ed-text .tei-closer p { text-align: right; }
.tei-dateline, .tei-salute, .tei-signed { margin: .3rem 0; }
.tei-signed { font-style: italic; }
.tei-postscript { margin-top: 1rem; }
.tei-lg { margin: 1rem 0 1rem 1.5rem; } .tei-l { position: relative; }
.ed-lineno { position: absolute; right: -2.5rem; color: var(--muted); font-size: .8rem; }
.tei-sp { margin: .75rem 0; } .tei-speaker { font-variant: small-caps; font-weight: bold; }
.tei-stage { font-style: italic; color: var(--muted); }
div.tei-stage { margin: .5rem 0 .5rem 1.5rem; }
.tei-castList { margin: 1rem 0; } .tei-castItem { margin-left: 1rem; }
blockquote { margin: 1rem 1.5rem; }
q.tei-q::before, q.tei-q::after, q.tei-quote::before, q.tei-quote::after, q.tei-said::before, q.tei-said::after { content: ""; }
.tei-floatingText { border-left: 3px solid var(--rule); padding-left: 1rem; margin: 1rem 0; }
.ed-table-wrap { overflow-x: auto; } table { border-collapse: collapse; margin: 1rem 0; }
td, th { border: 1px solid var(--rule); padding: .25rem .5rem; vertical-align: top; }
figure { margin: 1rem 0; } img { max-width: 100%; height: auto; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f6f6f6; padding: .5rem; font-size: .85rem; }
.tei-foreign, .tei-term, .tei-mentioned, cite.level-m, cite.level-j, cite.level-s { font-style: italic; }
cite { font-style: normal; }
.tei-soCalled::before { content: "‘"; } .tei-soCalled::after { content: "’"; }
.rend-italic, .rend-i, .rend-it { font-style: italic; }
.rend-bold, .rend-b, .rend-strong { font-weight: bold; }
.rend-underline, .rend-u { text-decoration: underline; }
.rend-smallcaps, .rend-sc, .rend-small-caps { font-variant: small-caps; }
.rend-caps, .rend-allcaps, .rend-uppercase { text-transform: uppercase; }
.rend-strikethrough, .rend-strike { text-decoration: line-through; }
.rend-center, .rend-centre { display: block; text-align: center; }
.rend-right { display: block; text-align: right; }
.rend-spaced, .rend-letterspace { letter-spacing: .15em; }
.ed-pb { display: inline-block; color: var(--muted); font-size: .8rem; margin: 0 .25rem; }
.ed-milestone, .ed-cb { color: var(--muted); }

/* names and popups */
.ed-mention > a.ed-link, .ed-mention > span.ed-link { color: inherit; text-decoration: underline dotted var(--accent);
  text-decoration-thickness: 1px; text-underline-offset: .2em; }
.ed-mention > a.ed-link:hover { color: var(--accent); text-decoration-style: solid; }
.ed-ref > a.ed-link { color: var(--accent); text-decoration: underline; }
.ed-date > a.ed-link { text-decoration-color: #5c7c5c; }
.ed-cert-low > .ed-link::after, .ed-cert-unknown > .ed-link::after { content: "?"; font-size: .75em; vertical-align: super; color: var(--muted); }
.ed-pop { position: relative; }
.ed-tip { display: none; position: absolute; left: 0; top: 100%; z-index: 50; width: max-content; max-width: min(24rem, 85vw);
  background: var(--tip); color: var(--ink); border: 1px solid #b9ae86; border-radius: 4px; padding: .5rem .7rem;
  box-shadow: 0 2px 8px rgba(0,0,0,.18); font-size: .875rem; line-height: 1.4; font-style: normal; font-weight: normal;
  font-variant: normal; text-align: left; text-transform: none; letter-spacing: normal; white-space: normal; }
.ed-tip > span { display: block; }
.ed-tip-kind { color: var(--muted); font-size: .75rem; text-transform: uppercase; letter-spacing: .04em; }
.ed-tip-name { font-weight: bold; }
.ed-tip-note { margin-top: .25rem; }
.ed-iso { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
.ed-pop > a:hover ~ .ed-tip, .ed-pop > a:focus ~ .ed-tip, .ed-pop > span[tabindex]:focus ~ .ed-tip,
.ed-pop > span[tabindex]:hover ~ .ed-tip, .ed-pop > .ed-tip:hover { display: block; }
.ed-pop.ed-closed > .ed-tip { display: none !important; }

/* notes */
a.ed-noteref { text-decoration: none; padding: 0 .1em; }
a.ed-noteref sup, sup.ed-noteref { font-size: .75em; font-weight: bold; }
a.ed-editorial-note sup { font-style: italic; color: var(--ed); }
.ed-note-list li { margin-bottom: .6rem; }
.ed-note-label { font-size: .85rem; color: var(--muted); }
.ed-note.ed-editorial-note { border-left: 3px solid var(--ed); padding-left: .6rem; }
.ed-note.ed-editorial-note .ed-note-label { color: var(--ed); font-style: italic; }
.ed-backlink { text-decoration: underline; }
.ed-note-body p { margin: .25rem 0; }

/* editorial signs; the reading toggle */
.ed-sign { color: var(--muted); }
.ed-gap { color: var(--muted); }
.tei-unclear .ed-sign { font-size: .8em; vertical-align: super; }
del { text-decoration: line-through; }
ins { text-decoration: none; }
.tei-damage { text-decoration: underline dotted var(--muted); }
.ed-rdgs { font-size: .85em; color: var(--muted); }
.ed-normalised .ed-choice > .ed-dipl { display: none; }
.ed-diplomatic .ed-choice > .ed-norm { display: none; }
.ed-choice > .ed-norm[title], .ed-choice > .ed-dipl[title] { text-decoration: underline dotted var(--muted); }
.ed-nolink { }

/* registers and citation */
.ed-entries { list-style: none; padding: 0; }
.ed-entry { margin: 0 0 1rem; padding-bottom: .5rem; border-bottom: 1px dotted var(--rule); }
.ed-entry h4 { margin: 0 0 .2rem; }
.ed-entry p, .ed-entry ul { margin: .15rem 0; }
.ed-entry-forms, .ed-entry-dates, .ed-backlinks { font-size: .9rem; }
.ed-backlinks { color: var(--muted); }
.ed-backlinks a { margin-right: .35rem; }
.ed-chronology .ed-entry { margin-bottom: .4rem; }
.ed-entry:target, .ed-note:target, .ed-mention:target { background: #fff4c2; }
.ed-cite-chicago { padding: .75rem; background: #f6f6f6; border-left: 3px solid var(--accent); }

@media (max-width: 40rem) {
  body { padding: 0 .75rem 2rem; }
  .ed-about-list { grid-template-columns: 1fr; }
  .ed-about-list dd { margin-bottom: .5rem; }
  .ed-tip { position: fixed; left: .5rem; right: .5rem; top: auto; bottom: .5rem; width: auto; max-width: none; }
  .ed-lineno { position: static; margin-left: .5rem; }
}
@media print {
  body { max-width: none; font-size: 11pt; }
  .ed-skip, .ed-nav, .ed-tools, .ed-tip, .ed-footer, .ed-cite-downloads { display: none !important; }
  a { color: inherit; text-decoration: none; }
  .ed-mention > a.ed-link { text-decoration: none; }
  h2, h3, h4 { break-after: avoid; }
  .ed-entry, .ed-note { break-inside: avoid; }
  details > *:not(summary) { display: block; }
}
]]></xsl:variable>

  <xsl:variable name="ed:js" as="xs:string"><![CDATA[
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
]]></xsl:variable>
</xsl:stylesheet>
