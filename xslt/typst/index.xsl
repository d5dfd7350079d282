<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index in Typst: the entries the text mentions, by kind ($ed:index-kinds: persons,
  organisations, places, events, communications; common/registers.xsl: ed:index-entries,
  filed by ed:entry-sort-key), each printed as ed:index-heading with its other name forms,
  dates and a short note (its sentences that name no markup: common/reader.xsl). The
  pages come from Typst: the template's ed-index queries every mention marker (#ed-m) once
  and prints "3, 5n, 7–9" (ranges collapsed, "n": mentioned only in a note there).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:template name="typst-index">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="kinds" as="map(*)*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="these" select="ed:index-entries($docs, .)"/>
        <xsl:if test="exists($these)">
          <xsl:sequence select="map{'kind': ., 'entries': $these}"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($kinds)">
      <xsl:text>&#10;#ed-index(title: </xsl:text>
      <xsl:value-of select="ed:ts(ed:label('index'))"/>
      <xsl:text>, kinds: (</xsl:text>
      <xsl:for-each select="$kinds">
        <xsl:text>&#10;  ([</xsl:text>
        <xsl:value-of select="ed:tx(ed:kinds-label(?kind))"/>
        <xsl:text>], (</xsl:text>
        <xsl:apply-templates select="?entries" mode="typst-index"/>
        <xsl:text>)),</xsl:text>
      </xsl:for-each>
      <xsl:text>))&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="typst-index" on-no-match="shallow-skip"/>

  <xsl:template match="*" mode="typst-index">
    <xsl:variable name="forms" select="ed:other-forms(.)"/>
    <xsl:variable name="dates" select="ed:index-dates(.)"/>
    <xsl:variable name="note" select="ed:entry-notes(.)[1]"/>
    <xsl:text>&#10;    (id: </xsl:text>
    <xsl:value-of select="ed:ts(ed:entry-key(.))"/>
    <xsl:text>, name: [</xsl:text>
    <xsl:value-of select="ed:tx(ed:index-heading(.))"/>
    <xsl:text>], forms: </xsl:text>
    <xsl:choose>
      <xsl:when test="exists($forms)">
        <xsl:text>[</xsl:text>
        <xsl:for-each select="$forms">
          <xsl:if test="position() gt 1">, </xsl:if>
          <xsl:variable name="lang" select="ed:typst-lang(ed:lang(.))"/>
          <xsl:choose>
            <xsl:when test="exists($lang)">
              <xsl:text>#ed-lang(</xsl:text><xsl:value-of select="ed:typst-lang-args($lang)"/><xsl:text>)[</xsl:text>
              <xsl:value-of select="ed:tx(ed:name-string(.))"/><xsl:text>]</xsl:text>
            </xsl:when>
            <xsl:otherwise><xsl:value-of select="ed:tx(ed:name-string(.))"/></xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
    <xsl:text>, dates: </xsl:text>
    <xsl:value-of select="if ($dates) then ed:ts($dates) else 'none'"/>
    <xsl:text>, gloss: </xsl:text>
    <xsl:choose>
      <xsl:when test="$note[normalize-space()]">
        <xsl:text>[</xsl:text>
        <xsl:for-each select="$note"><xsl:call-template name="typst-reader-content"/></xsl:for-each>
        <xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise>none</xsl:otherwise>
    </xsl:choose>
    <xsl:text>),</xsl:text>
  </xsl:template>
</xsl:stylesheet>
