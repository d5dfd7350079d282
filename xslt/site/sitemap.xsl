<?xml version="1.0" encoding="UTF-8"?>
<!--
  sitemap.xml (sitemaps.org 0.9): every page of the edition site, with the site's base URL
  (relative URLs when none is configured: set base-url in the [site] configuration for a
  sitemap search engines accept). Input: the edition index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <urlset>
      <xsl:for-each select="('index.html', $s:site/s:site/s:register/@href, 'chronology.html', 'search.html',
                             s:document/@url)">
        <url><loc><xsl:value-of select="s:absolute(.)"/></loc></url>
      </xsl:for-each>
    </urlset>
  </xsl:template>
</xsl:stylesheet>
