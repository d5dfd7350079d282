<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to a reading edition in HTML5: one self-contained page (inline CSS and script).

  This file only joins the modules; it has no templates of its own. To change one rendering,
  write a stylesheet that imports this one (by the catalog URI
  https://tei-edition.org/xslt/html.xsl or a relative path) and override that template:
  your templates win by import precedence, xsl:next-match reaches ours.

  Modules:
    common/core.xsl  what the TEI means, shared by every format (see its header): roles,
                   labels, metadata, notes, registers, pointers across register files
    html/util.xsl    attributes, page ids of notes and entries, links, the mention pattern
    html/assets.xsl  the inline CSS and script: html/edition.css, html/edition.js
    html/structure.xsl  text, front/body/back, div, head, p, ab; the fallback for unknown elements
    html/phrase.xsl  hi, emph, foreign, q/quote/said, title, term, gi/att, lb/pb/cb/milestone
    html/editorial.xsl  choice (with the reading toggle), gap, unclear, supplied, add, del, app ...
    html/letters.xsl opener, closer, dateline, salute, signed, postscript, address
    html/blocks.xsl  lists, tables, figures, verse, drama, floatingText, block quotes, examples
    html/names.xsl   names (role "name"), ref, ptr, dates (role "date")
    html/notes.xsl   note calls, popups and the notes section
    html/header.xsl  "About this document" from ed:metadata
    html/registers.xsl  popups for register entries and the register section with back links
    html/citation.xsl   Highwire/Dublin Core meta, JSON-LD, "Cite this" (Chicago, CSL-JSON, BibTeX, RIS)
    html/page.xsl    the page shell, the parameters, the unknown-element report, the last pass

  Override surface:
    modes       #default (TEI to HTML), ed:about-rows and ed:about-details (the header),
                ed:note-body (a note in the notes section), ed:finish (the last pass over the
                page), ed:plain (common: reading text as strings)
    templates   ed:page, ed:text-section, ed:about, ed:row, ed:notes, ed:note-item,
                ed:registers, ed:register-entry, ed:entry-tip, ed:backlinks, ed:citation,
                ed:citation-meta, ed:mention, ed:attrs; any TEI element's
    functions   ed:href, ed:reg-id, ed:note-id, ed:note-label, ed:list-label, ed:chicago,
                ed:csl-json, ed:bibtex, ed:ris, ed:jsonld; everything public in
                common/core.xsl (ed:label, ed:entry-name, ed:note-kind, ed:metadata ...)
    variables   $ed:css, $ed:js (html/assets.xsl), $ed:labels, $ed:meta (citation fields)
  Names beginning "ed:_" are internal.

  Parameters: lang (en|de|fr), reading (normalised|diplomatic), sections
  (about,text,notes,registers,citation), toggle (on|off), css-href (extra stylesheet URL).
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
