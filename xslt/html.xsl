<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to a reading edition in HTML5: one self-contained page (inline CSS and script).

  This file only joins the modules; it has no templates of its own. To change one rendering,
  write a stylesheet that imports this one (by the catalog URI
  https://tei-edition.org/xslt/html.xsl or a relative path) and override that template:
  your templates win by import precedence, xsl:next-match reaches ours.

  Modules (xslt/html/):
    util.xsl       attributes, note numbers, pointers, the mention (link + popup) pattern
    assets.xsl     the inline CSS ($ed:css) and script ($ed:js)
    structure.xsl  text, front/body/back, div, head, p, ab; the fallback for unknown elements
    phrase.xsl     hi, emph, foreign, q/quote/said, title, term, gi/att, lb/pb/cb/milestone
    editorial.xsl  choice (with the reading toggle), gap, unclear, supplied, add, del, app ...
    letters.xsl    opener, closer, dateline, salute, signed, postscript, address
    blocks.xsl     lists, tables, figures, verse, drama, floatingText, block quotes, examples
    names.xsl      persName, placeName, orgName, rs, name, ref, ptr, date
    notes.xsl      note calls, popups and the notes section
    header.xsl     "About this document" from the teiHeader
    registers.xsl  popups for register entries and the register section with back links
    citation.xsl   Highwire/Dublin Core meta, JSON-LD, "Cite this" (Chicago, CSL-JSON, BibTeX, RIS)
    page.xsl       the page shell, the parameters, the unknown-element report, the last pass

  Parameters: lang (en|de|fr), sections (about,text,notes,registers,citation), toggle (on|off),
  css-href (extra stylesheet URL).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="html/util.xsl"/>
  <xsl:import href="html/assets.xsl"/>
  <xsl:import href="html/structure.xsl"/>
  <xsl:import href="html/phrase.xsl"/>
  <xsl:import href="html/editorial.xsl"/>
  <xsl:import href="html/letters.xsl"/>
  <xsl:import href="html/blocks.xsl"/>
  <xsl:import href="html/names.xsl"/>
  <xsl:import href="html/notes.xsl"/>
  <xsl:import href="html/header.xsl"/>
  <xsl:import href="html/registers.xsl"/>
  <xsl:import href="html/citation.xsl"/>
  <xsl:import href="html/page.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
