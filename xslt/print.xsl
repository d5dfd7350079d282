<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to print HTML with CSS paged media, rendered to PDF by WeasyPrint (toolkit/pdf.py).

  This file only joins the modules. To change one rendering, write a stylesheet that imports
  this one (by the catalog URI https://tei-edition.org/xslt/print.xsl or a relative path) and
  override that template or function: yours wins by import precedence, xsl:next-match reaches
  ours.

  Modules:
    common/core.xsl     what the TEI means, shared by every format (see its header)
    print/style.xsl     the CSS: print/print.css read at compile time ($print-css; params
                        page-size, font-size)
    print/document.xsl  html/head metadata, documents, teiCorpus, table of contents
    print/front.xsl     title page and "About this edition"
    print/inline.xsl    phrase level, names with index anchors, editorial interventions
    print/blocks.xsl    divisions, paragraphs, letters, verse, drama, lists, tables
                        (imported after inline.xsl: its block rules, e.g. for a
                        quote holding paragraphs, take precedence)
    print/notes.xsl     footnotes
    print/index.xsl     index of persons, organisations and places with page numbers

  Override surface:
    modes       #default (TEI to print HTML), print-document (one TEI or teiCorpus),
                print-about (header parts on the about page), print-index (one index entry),
                list-other, ed:plain (common: reading text as strings)
    templates   print-titlepage, print-metadata, print-about, print-toc, print-index,
                ed:span, ed:block; any TEI element's
    functions   ed:anchor, ed:short, ed:section-run, ed:rend-classes; everything public in
                common/core.xsl (ed:label, ed:entry-name, ed:note-kind, ed:metadata ...)
    variables   $print-css, $print-css-extra, $ed:print-css-file, $ed:labels
  Names beginning "ed:_" are internal.

  Parameters: lang (en, de, fr), reading, page-size, font-size, toc, about, index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="common/reader.xsl"/>
  <xsl:import href="print/style.xsl"/>
  <xsl:import href="print/inline.xsl"/>
  <xsl:import href="print/blocks.xsl"/>
  <xsl:import href="print/notes.xsl"/>
  <xsl:import href="print/front.xsl"/>
  <xsl:import href="print/index.xsl"/>
  <xsl:import href="print/document.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
</xsl:stylesheet>
