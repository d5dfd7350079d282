<?xml version="1.0" encoding="UTF-8"?>
<!--
  Example: the toolkit's plain-text edition with two changes: persons' names in the text in
  guillemets, and the notes section headed "Endnotes".

    tei-edition build (to: text) with: stylesheet text=examples/override-text.xsl
    (command line in README: double-dash to, double-dash stylesheet)

  The import URI is resolved by the toolkit's catalog (xslt/catalog.xml) to the installed
  text.xsl. Only what changes is written here: the template for persName hands the element
  back to ours with xsl:next-match, and the wording comes from $ed:label-overrides, which
  every label of every format consults first (xslt/common/labels.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="https://tei-edition.org/xslt/text.xsl"/>

  <xsl:variable name="ed:label-overrides" select="map{'en': map{'notes': 'Endnotes'}}"/>

  <xsl:template match="tei:text//tei:persName">
    <xsl:text>«</xsl:text>
    <xsl:next-match/>
    <xsl:text>»</xsl:text>
  </xsl:template>
</xsl:stylesheet>
