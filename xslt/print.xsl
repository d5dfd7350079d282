<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to print HTML with CSS paged media, rendered to PDF by WeasyPrint (toolkit/pdf.py).

  Modules (each may be overridden template by template from a stylesheet that imports
  this one):
    print/meta.xsl      header metadata, readings of choice, note numbers, registers
                        (shared with text.xsl)
    print/style.xsl     the CSS ($print-css; params page-size, font-size)
    print/document.xsl  html/head metadata, documents, teiCorpus, table of contents
    print/front.xsl     title page and "About this edition"
    print/inline.xsl    phrase level, names with index anchors, editorial interventions
    print/blocks.xsl    divisions, paragraphs, letters, verse, drama, lists, tables
                        (imported after inline.xsl: its block rules, e.g. for a
                        quote holding paragraphs, take precedence)
    print/notes.xsl     footnotes
    print/index.xsl     index of persons, organisations and places with page numbers

  Parameters: lang (core.xsl), reading, page-size, font-size, toc, about, index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="print/meta.xsl"/>
  <xsl:import href="print/style.xsl"/>
  <xsl:import href="print/inline.xsl"/>
  <xsl:import href="print/blocks.xsl"/>
  <xsl:import href="print/notes.xsl"/>
  <xsl:import href="print/front.xsl"/>
  <xsl:import href="print/index.xsl"/>
  <xsl:import href="print/document.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
