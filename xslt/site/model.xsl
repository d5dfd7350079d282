<?xml version="1.0" encoding="UTF-8"?>
<!--
  The site model: which pages the edition site has, read by every page's navigation
  (chrome.xsl's $s:site). Input: the edition index (toolkit/site/index.py); the register
  files in $ed:registers. Output:

    <s:site title="…" base-url="…">
      <s:register kind="person" href="persons.html" count="N"/>*   persons, places and
                  organisations always; other kinds when the registers hold such entries
      <s:front href="front/introduction.html">Introduction</s:front>*   front matter, in the
                  order of $ed:front-matter-types
    </s:site>
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:variable name="kinds" select="($ed:registers//tei:*[ed:is-entry(.)] ! ed:entry-kind(.), s:document/s:entry/@kind)"/>
    <s:site title="{@title}" base-url="{@base-url}">
      <xsl:for-each select="$s:kinds[. = ($s:always-kinds, $kinds)]">
        <xsl:variable name="kind" select="."/>
        <s:register kind="{.}" href="{s:register-file(.)}" count="{count($kinds[. = $kind])}"/>
      </xsl:for-each>
      <xsl:for-each select="s:document[@front = 'true']">
        <xsl:sort select="(index-of($ed:front-matter-types, string(@type)), 99)[1]"/>
        <xsl:sort select="s:title"/>
        <s:front href="{@url}"><xsl:value-of select="s:title"/></s:front>
      </xsl:for-each>
    </s:site>
  </xsl:template>
</xsl:stylesheet>
