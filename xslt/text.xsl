<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to a plain-text reading edition (UTF-8, word-wrapped, one trailing newline).

  This file only joins the modules. To change one rendering, write a stylesheet that imports
  this one (by the catalog URI https://tei-edition.org/xslt/text.xsl or a relative path) and
  override that template or function: yours wins by import precedence, xsl:next-match reaches
  ours.

  Modules:
    common/core.xsl    what the TEI means, shared by every format (see its header)
    text/layout.xsl    block tree to lines: flattening, word wrap at $width, spacing
    text/blocks.xsl    TEI elements to blocks (<t:b>) and inline text
    text/document.xsl  title block, notes section, index

  Override surface:
    modes       #default (TEI to blocks and text), text-document (one document),
                ed:plain (common: reading text as strings)
    templates   text-title-block, text-notes, text-index, ed:tb (one block); any TEI element's
    functions   ed:render (blocks to the final text), ed:wrap, ed:lines; everything public in
                common/core.xsl (ed:label, ed:entry-name, ed:note-kind, ed:metadata ...)
    variables   $ed:labels (wordings, common/labels.xsl)
  Names beginning "ed:_" are internal.

  Parameters: width (default 72; strings such as "60" from the command line are accepted),
  reading ('normalised' or 'diplomatic'), lang (en, de, fr).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="text/layout.xsl"/>
  <xsl:import href="text/blocks.xsl"/>
  <xsl:import href="text/document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
</xsl:stylesheet>
