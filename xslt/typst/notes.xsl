<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes in Typst: a note of the text is a real footnote at the foot of the page of its
  call (numbered by Typst's footnote counter, restarted for each TEI document, which
  counts the notes as ed:note-number does); editorial notes begin with the label "Ed.".
  A note inside a note, and notes outside the text (header, registers), are printed
  inline in parentheses.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:note">
    <xsl:text> (</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:note[ancestor::tei:text][not(ancestor::tei:note)]">
    <xsl:text>#ed-note(</xsl:text>
    <xsl:if test="ed:is-editorial(.)">
      <xsl:text>ed: [</xsl:text><xsl:value-of select="ed:tx(ed:label('ed-abbr'))"/><xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
  </xsl:template>
</xsl:stylesheet>
