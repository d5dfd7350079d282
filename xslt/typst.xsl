<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to Typst markup (method text) for the print edition; toolkit/build/typst.py puts the
  template xslt/typst/edition.typ in front and compiles the PDF. Chosen with
  -p pdf-engine=typst (the default); -p pdf-engine=weasyprint takes xslt/print.xsl.

  Modules (each may be overridden template by template from a stylesheet that imports
  this one):
    common/core.xsl     the TEI rules every format reads (the common layer: roles, labels,
                        metadata, notes, registers and the index's sort keys)
    common/reader.xsl   what the printed page gives a reader: sentences that name no
                        markup, index dates, renditions, anchors
    typst/escape.xsl    ed:tx / ed:ts: how every character reaches Typst as text
    typst/lang.xsl      languages as Typst takes them
    typst/inline.xsl    phrase level, mentions, references, interventions, breaks
    typst/blocks.xsl    divisions, paragraphs, letters, verse, drama, lists, tables
    typst/notes.xsl     footnotes
    typst/apparatus.xsl critical apparatus: inline, or by line at the foot (apparatus=lines)
    typst/front.xsl     title page with imprint, "About this edition"
    typst/index.xsl     index of persons, organisations, places, events, communications
    typst/document.xsl  the document, table of contents

  Parameters: lang (core.xsl), reading, page-size, font-size, toc, about, index, apparatus.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="common/reader.xsl"/>
  <xsl:import href="typst/escape.xsl"/>
  <xsl:import href="typst/lang.xsl"/>
  <xsl:import href="typst/inline.xsl"/>
  <xsl:import href="typst/blocks.xsl"/>
  <xsl:import href="typst/notes.xsl"/>
  <xsl:import href="typst/apparatus.xsl"/>
  <xsl:import href="typst/front.xsl"/>
  <xsl:import href="typst/index.xsl"/>
  <xsl:import href="typst/document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
</xsl:stylesheet>
