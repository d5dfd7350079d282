<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to a plain-text reading edition (UTF-8, word-wrapped, one trailing newline).

  Modules (each may be overridden template by template from a stylesheet that imports
  this one):
    print/meta.xsl     header metadata, readings of choice, note numbers, registers
                       (shared with print.xsl)
    text/layout.xsl    block tree to lines: flattening, word wrap at $width, spacing
    text/blocks.xsl    TEI elements to blocks and inline text
    text/document.xsl  title block, notes section, index

  Parameters: width (default 72; strings such as "60" from the command line are
  accepted), reading ('normalised' or 'diplomatic'), lang (core.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:import href="print/meta.xsl"/>
  <xsl:import href="text/layout.xsl"/>
  <xsl:import href="text/blocks.xsl"/>
  <xsl:import href="text/document.xsl"/>

  <xsl:output method="text" encoding="UTF-8"/>
</xsl:stylesheet>
