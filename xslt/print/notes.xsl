<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes of the print edition: real footnotes at the foot of the page of their call
  (CSS float: footnote; calls and markers numbered by the CSS counter "footnote", which
  .tei-doc resets, so numbering restarts with each document of a teiCorpus).
  Editorial notes (common/notes.xsl: ed:note-kind) begin with the label "Ed.". A note inside
  a note, and notes outside the text (header, registers), are printed inline in parentheses.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note">
    <span class="inline-note">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:text> (</xsl:text>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
      <xsl:text>)</xsl:text>
    </span>
  </xsl:template>

  <xsl:template match="tei:note[ancestor::tei:text][not(ancestor::tei:note)]">
    <!-- A word joiner keeps the call on the line of the word it follows. -->
    <xsl:if test="matches(string(preceding-sibling::node()[1][self::text()]), '\S$')
                  or preceding-sibling::node()[1][self::*]">&#x2060;</xsl:if>
    <span class="{string-join(('fn', if (ed:is-editorial(.)) then 'editorial-note' else (), @type ! replace(., '\W', '')), ' ')}"
          data-n="{ed:note-number(.)}">
      <xsl:attribute name="id" select="ed:anchor(.)"/>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:if test="ed:is-editorial(.)">
        <span class="ed-label"><xsl:value-of select="ed:label('ed-abbr')"/></span>
        <xsl:text> </xsl:text>
      </xsl:if>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
    </span>
  </xsl:template>
</xsl:stylesheet>
