<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition as a whole: for each TEI document a title block (ed:title-fields:
  senders or authors, recipients, date and place, archival identifier, translator, source,
  source page with its address and capture, funder, credits, publisher and date, identifier,
  rights; then the abstract, with whose summary it is), the text, and its notes ("Notes":
  [n], editorial notes marked [Ed.]); at the end an index of the register entries the text
  mentions, by kind (name, certainty when below high, other forms, life dates, register
  note), wherever the registers are kept.

  Named templates (override one to change that part): text-title-block, text-notes,
  text-index. Mode text-document: one template per TEI, teiCorpus or other root.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:t="urn:tei-edition:text"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:template match="/">
    <xsl:variable name="blocks" as="element(t:b)*">
      <xsl:apply-templates select="(tei:teiCorpus, tei:TEI, *)[1]" mode="text-document"/>
      <xsl:call-template name="text-index">
        <xsl:with-param name="docs" select="ed:documents(.)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:value-of select="ed:render($blocks)"/>
  </xsl:template>

  <xsl:mode name="text-document" on-no-match="shallow-skip"/>

  <xsl:template match="tei:teiCorpus" mode="text-document">
    <xsl:call-template name="text-title-block"/>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="text-document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="text-document">
    <xsl:call-template name="text-title-block"/>
    <xsl:apply-templates select="tei:text"/>
    <xsl:call-template name="text-notes"/>
  </xsl:template>

  <!-- A root element that is neither TEI nor teiCorpus: its text. -->
  <xsl:template match="/*[not(self::tei:TEI or self::tei:teiCorpus)]" mode="text-document">
    <t:b kind="p"><xsl:apply-templates/></t:b>
  </xsl:template>

  <!-- Context: TEI or teiCorpus. -->
  <xsl:template name="text-title-block">
    <xsl:variable name="m" select="ed:metadata(.)"/>
    <xsl:variable name="group" select="'meta-' || generate-id()"/>
    <t:b kind="title" underline="="><xsl:value-of select="$m?title"/></t:b>
    <xsl:for-each select="$m?subtitles">
      <t:b kind="subtitle"><xsl:value-of select="."/></t:b>
    </xsl:for-each>
    <xsl:for-each select="ed:title-fields(.)">
      <t:b kind="meta" group="{$group}" prefix="{ed:label(?key)}: "><xsl:value-of select="?value"/></t:b>
    </xsl:for-each>
    <xsl:for-each select="$m?abstract">
      <t:b kind="abstract">
        <xsl:if test="$m?abstract-by">
          <xsl:value-of select="ed:label('summary-by') || ' ' || $m?abstract-by || ': '"/>
        </xsl:if>
        <xsl:apply-templates/>
      </t:b>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: TEI. The document's numbered notes. -->
  <xsl:template name="text-notes">
    <xsl:variable name="notes" select="ed:text-notes(.)"/>
    <xsl:if test="exists($notes)">
      <t:b kind="head" underline="-"><xsl:value-of select="ed:label('notes')"/></t:b>
      <xsl:variable name="group" select="'notes-' || generate-id()"/>
      <xsl:for-each select="$notes">
        <t:b kind="note" group="{$group}" indent="0" prefix="[{ed:note-number(.)}] ">
          <xsl:if test="ed:is-editorial(.)">[<xsl:value-of select="ed:label('ed-abbr')"/>] </xsl:if>
          <xsl:apply-templates>
            <xsl:with-param name="indent" select="string-length(string(ed:note-number(.))) + 3" tunnel="yes"/>
            <xsl:with-param name="group" select="$group" tunnel="yes"/>
          </xsl:apply-templates>
        </t:b>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The index: the register entries the text mentions, by kind. -->
  <xsl:template name="text-index">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="sections" as="element(t:b)*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="kind" select="."/>
        <xsl:variable name="these" select="ed:index-entries($docs, $kind)"/>
        <xsl:if test="exists($these)">
          <t:b kind="head" underline="-"><xsl:value-of select="ed:kinds-label($kind)"/></t:b>
          <xsl:for-each select="$these">
            <xsl:variable name="forms" select="ed:other-forms(.) ! ed:name-string(.)"/>
            <xsl:variable name="note" select="ed:entry-notes(.)[1] ! ed:flat(.)"/>
            <t:b kind="entry" group="index-{$kind}" prefix="- ">
              <xsl:value-of select="ed:entry-name(.)"/>
              <xsl:for-each select="ed:cert-text(.)"> (<xsl:value-of select="."/>)</xsl:for-each>
              <xsl:if test="exists($forms)"> (<xsl:value-of select="string-join($forms, ', ')"/>)</xsl:if>
              <xsl:for-each select="ed:life-years(.)">, <xsl:value-of select="."/></xsl:for-each>
              <xsl:if test="$note">: <xsl:value-of select="$note"/></xsl:if>
            </t:b>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($sections)">
      <t:b kind="title" underline="="><xsl:value-of select="ed:label('index')"/></t:b>
      <xsl:sequence select="$sections"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
