<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI to a plain-text reading edition. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:mode on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <xsl:value-of select="ed:title(.)"/>
    <xsl:text>&#10;&#10;</xsl:text>
    <xsl:apply-templates select="//tei:text"/>
  </xsl:template>

  <xsl:template match="tei:p | tei:opener | tei:closer | tei:head">
    <xsl:value-of select="normalize-space(.)"/>
    <xsl:text>&#10;&#10;</xsl:text>
  </xsl:template>
  <xsl:template match="tei:note"/>
</xsl:stylesheet>
