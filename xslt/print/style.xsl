<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition's CSS (paged media for WeasyPrint), kept in the stylesheet because the
  transform has no file access. Override the variable $print-css to restyle everything,
  or $print-css-extra to add rules after ours.

  Fonts: DejaVu Serif / Sans for Latin, Greek and Cyrillic; NanumMyeongjo / NanumGothic for
  Hangul; WenQuanYi Micro Hei for Chinese characters that Nanum lacks (simplified forms).
  Hyphenation is off (hyphens: manual) so that every word of the source extracts whole.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    exclude-result-prefixes="#all">

  <!-- Page size: any CSS page size ('A4', 'letter', 'A5', '170mm 240mm'). -->
  <xsl:param name="page-size" as="xs:string" select="'A4'"/>
  <!-- Base font size of the text, a CSS length. -->
  <xsl:param name="font-size" as="xs:string" select="'10.5pt'"/>

  <xsl:variable name="print-css-extra" as="xs:string" select="''"/>

  <xsl:variable name="print-css" as="xs:string">
    <xsl:value-of><xsl:text>
@page {
  size: </xsl:text><xsl:value-of select="replace($page-size, '[^A-Za-z0-9. ]', '')"/><xsl:text>;
  margin: 24mm 22mm 24mm 22mm;
  @top-left { content: string(doctitle); font: 7.5pt "DejaVu Sans", "NanumGothic", sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @top-right { content: string(section, start); font: italic 7.5pt "DejaVu Sans", "NanumGothic", sans-serif; color: #555; vertical-align: bottom; padding-bottom: 3mm; }
  @bottom-center { content: counter(page); font: 9pt "DejaVu Serif", serif; }
  @footnote { border-top: 0.5pt solid #777; padding-top: 3pt; margin-top: 9pt; }
}
@page front { @top-left { content: none; } @top-right { content: none; } }
@page :blank { @top-left { content: none; } @top-right { content: none; } }

html {
  font-family: "DejaVu Serif", "NanumMyeongjo", "WenQuanYi Micro Hei", serif;
  font-size: </xsl:text><xsl:value-of select="replace($font-size, '[^A-Za-z0-9.%]', '')"/><xsl:text>;
  line-height: 1.45;
  hyphens: manual;
  color: #000;
}
body { margin: 0; }
:lang(ko) { font-family: "NanumMyeongjo", "DejaVu Serif", serif; }
:lang(zh), :lang(ja) { font-family: "WenQuanYi Micro Hei", "NanumMyeongjo", sans-serif; }
h1, h2, h3, h4, h5, h6, .sans {
  font-family: "DejaVu Sans", "NanumGothic", "WenQuanYi Micro Hei", sans-serif;
  font-weight: bold; line-height: 1.25; break-after: avoid; text-align: left;
}
h1 { font-size: 1.6em; margin: 0 0 0.8em; }
h2 { font-size: 1.25em; margin: 1.4em 0 0.6em; }
h3 { font-size: 1.1em; margin: 1.2em 0 0.5em; }
h4, h5, h6 { font-size: 1em; margin: 1em 0 0.4em; }
a { color: inherit; text-decoration: none; }

/* ===== front matter ===== */
.titlepage { page: front; break-after: page; padding-top: 30mm; }
.titlepage h1 { font-size: 1.9em; margin-bottom: 0.4em; }
.titlepage .subtitle { font-size: 1.15em; color: #333; margin: 0 0 2.5em; }
.titlepage dl { display: block; margin: 0 0 2em; font-size: 0.95em; }
.titlepage dt { font-family: "DejaVu Sans", "NanumGothic", sans-serif; font-size: 0.8em; text-transform: uppercase; letter-spacing: 0.06em; color: #555; margin-top: 0.9em; }
.titlepage dd { margin: 0.1em 0 0 0; }
.titlepage .abstract { border-top: 0.5pt solid #999; padding-top: 1em; font-style: italic; }
.corpus-title { page: front; break-after: page; padding-top: 40mm; }
.about { page: front; break-after: page; font-size: 0.9em; }
.about h2 { font-size: 1.25em; margin-top: 0; }
.about h3 { font-size: 1em; margin-top: 1.2em; }
.about p { margin: 0 0 0.5em; text-align: left; }
.about ul.changes { list-style: none; padding: 0; margin: 0; }
.about ul.changes li { margin-bottom: 0.3em; }
.toc { break-after: page; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { margin: 0.3em 0; }
.toc a::after { content: leader('.') target-counter(attr(href url), page); }

/* ===== running heads ===== */
.run-doc { string-set: doctitle attr(data-run); height: 0; margin: 0; }
.run-sec { string-set: section attr(data-run); height: 0; margin: 0; }
.run-index { string-set: doctitle attr(data-run), section ""; }

/* ===== text ===== */
.tei-doc { counter-reset: footnote; }
.text { break-before: page; }
p, .p { margin: 0 0 0.55em; text-align: justify; orphans: 2; widows: 2; }
p + p { text-indent: 0; }
.div.chapter, .div.book, .div.part, .div.act, .div.volume, .div.letter, .div.document, .div.telegram { }
.div.level1.chapter, .div.level1.book, .div.level1.part, .div.level1.volume { break-before: page; }
.ab { margin: 0 0 0.55em; }
.opener, .closer { margin: 0.6em 0 1em; }
.opener > span.block, .closer > span.block { display: block; }
.mark { font-family: "DejaVu Sans", "NanumGothic", sans-serif; font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.05em; }
.dateline { display: block; text-align: right; }
.signed { display: block; text-align: right; font-style: italic; }
.salute { display: block; }
.byline, .docAuthor, .docDate { display: block; text-align: center; }
.trailer { margin-top: 1em; text-align: center; }
.epigraph { margin: 0.5em 3em 1em; font-size: 0.92em; }
.quote-block { margin: 0.5em 2em; font-size: 0.95em; }
.lg { margin: 0.6em 0 0.9em 2em; }
.l { display: block; text-align: left; padding-left: 2em; text-indent: -2em; }
.sp { margin: 0 0 0.5em; }
.speaker { display: block; font-variant: small-caps; font-weight: bold; break-after: avoid; }
.stage { font-style: italic; }
div.stage { margin: 0.4em 0 0.6em 2em; }
ul, ol { margin: 0.3em 0 0.7em; padding-left: 1.6em; }
li { margin: 0 0 0.2em; }
dl.list { margin: 0.3em 0 0.7em; }
dl.list dt { font-weight: bold; }
dl.list dd { margin: 0 0 0.3em 1.6em; }
table { border-collapse: collapse; margin: 0.6em 0 1em; font-size: 0.92em; }
td, th { border: 0.5pt solid #999; padding: 2pt 4pt; vertical-align: top; text-align: left; }
.figure { margin: 0.6em 0; padding: 0.4em; border: 0.5pt dashed #999; font-size: 0.9em; }
.figure .graphic { display: block; color: #555; font-style: italic; }
pre, .eg { font-family: "DejaVu Sans Mono", monospace; font-size: 0.8em; white-space: pre-wrap; margin: 0.5em 0 0.8em; text-align: left; }
code, .gi, .att, .ident { font-family: "DejaVu Sans Mono", monospace; font-size: 0.88em; }
.block { display: block; }
.register-list .entry { margin: 0 0 0.6em; }

/* inline */
.italic, .title-m, .title-j, .title-s, .foreign, .term, .mentioned, .soCalled-i, .emph { font-style: italic; }
.bold { font-weight: bold; }
.smallcaps { font-variant: small-caps; }
.underline { text-decoration: underline; }
.strike, .del { text-decoration: line-through; }
.sup { vertical-align: super; font-size: 0.75em; line-height: 0; }
.sub { vertical-align: sub; font-size: 0.75em; line-height: 0; }
.add { }
.supplied, .gap, .editorial { color: #444; }
.pb { font-family: "DejaVu Sans", sans-serif; font-size: 0.7em; color: #777; }
.sic-mark { font-size: 0.8em; }

/* ===== footnotes ===== */
.fn {
  float: footnote; footnote-display: block;
  footnote-policy: line; /* a call whose note does not fit moves to the next page with it
                            (with 'auto' WeasyPrint 70 can drop such a note) */
  font-size: 8.5pt; line-height: 1.35; text-align: left; text-indent: 0;
  font-style: normal; font-weight: normal; font-variant: normal; text-transform: none; letter-spacing: 0;
  font-family: "DejaVu Serif", "NanumMyeongjo", "WenQuanYi Micro Hei", serif;
  margin-bottom: 2pt;
}
.fn::footnote-call {
  content: counter(footnote); vertical-align: super; font-size: 0.7em; line-height: 0;
  font-family: "DejaVu Sans", sans-serif; font-weight: normal; font-style: normal; padding-left: 0.05em;
}
.fn::footnote-marker { content: counter(footnote) ".\a0"; font-family: "DejaVu Sans", sans-serif; font-size: 0.9em; }
.fn .ed-label { font-family: "DejaVu Sans", sans-serif; font-size: 0.85em; font-style: italic; color: #444; }
.fn .block { display: block; }
.fn .inline-note { font-size: 1em; }
.inline-note { font-size: 0.9em; }

/* ===== index ===== */
.index { break-before: page; }
.index h2 { margin-top: 0; }
.index h3 { font-size: 1em; margin: 1.2em 0 0.4em; }
.index ul { list-style: none; padding: 0; margin: 0; }
.index li { margin: 0 0 0.35em; padding-left: 1.5em; text-indent: -1.5em; font-size: 0.92em; text-align: left; }
.index .forms { color: #333; }
.index .dates { color: #333; }
.index .gloss { display: block; font-size: 0.88em; color: #333; text-indent: 0; }
.index .pages a.pageref::after { content: target-counter(attr(href url), page); }
.index .pages a.pageref + a.pageref::before { content: ", "; }
.index a.pageref.dup { display: none; }
</xsl:text>
    <xsl:value-of select="$print-css-extra"/></xsl:value-of>
  </xsl:variable>
</xsl:stylesheet>
