<?xml version="1.0" encoding="UTF-8"?>
<!--
  Example: the toolkit's print edition (PDF) with two changes: persons' names in small
  capitals, and editorial footnotes marked "Editors" instead of "Ed.".

    tei-edition build (to: pdf) with: stylesheet pdf=examples/override-print.xsl
    (command line in README: double-dash to, double-dash stylesheet)

  The import URI is resolved by the toolkit's catalog (xslt/catalog.xml) to the installed
  print.xsl. xsl:next-match hands the element back to ours, so its index anchor stays and
  the index still finds every mention.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="https://tei-edition.org/xslt/print.xsl"/>

  <xsl:variable name="ed:label-overrides" select="map{'en': map{'ed-abbr': 'Editors'}}"/>

  <xsl:template match="tei:persName">
    <span class="smallcaps"><xsl:next-match/></span>
  </xsl:template>
</xsl:stylesheet>
