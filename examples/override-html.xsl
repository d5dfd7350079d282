<?xml version="1.0" encoding="UTF-8"?>
<!--
  Example: the toolkit's HTML edition with one change: persons' names in small capitals.

    tei-edition build (to: html) with: stylesheet html=examples/override-html.xsl
    (command line in README: double-dash to, double-dash stylesheet)

  The import URI is resolved by the catalog the toolkit ships (xslt/catalog.xml) to the
  installed html.xsl, so this file works wherever tei-edition is installed. A relative href
  to html.xsl works as well. Only the overridden template is written here; xsl:next-match
  hands the element to our template, so links, popups and register back links stay.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="https://tei-edition.org/xslt/html.xsl"/>

  <xsl:template match="tei:persName">
    <span class="smallcaps" style="font-variant: small-caps">
      <xsl:next-match/>
    </span>
  </xsl:template>
</xsl:stylesheet>
