<?xml version="1.0" encoding="UTF-8"?>
<!--
  The plain-text edition as a whole: for each TEI document a title block (title,
  senders or authors, date, archival identifier, translator, source, funder, abstract),
  the text, and its notes ("Notes": [n], editorial notes marked [Ed.]); at the end an
  index of persons, organisations and places (name, other forms, dates, register note).
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
    <xsl:variable name="doc" select="."/>
    <xsl:variable name="group" select="'meta-' || generate-id()"/>
    <t:b kind="title" underline="="><xsl:value-of select="ed:doc-title(.)"/></t:b>
    <xsl:for-each select="ed:subtitles(.)">
      <t:b kind="subtitle"><xsl:value-of select="."/></t:b>
    </xsl:for-each>
    <xsl:variable name="fields" as="map(*)*" select="(
        map{'k': ed:print-label(ed:authors-label($doc)), 'v': string-join(ed:authors($doc), '; ')},
        map{'k': ed:print-label('To'), 'v': string-join(ed:recipients($doc), '; ')},
        map{'k': ed:print-label('Date'), 'v': string-join((ed:doc-date($doc), ed:doc-place($doc)), ', ')},
        map{'k': ed:print-label('Archival identifier'), 'v': ed:archival-id($doc)},
        map{'k': ed:print-label('Translated by'), 'v': string-join(ed:translators($doc), '; ')},
        map{'k': ed:print-label('Source'), 'v': ed:source($doc)},
        map{'k': ed:print-label('Funded by'), 'v': string-join(ed:funders($doc), '; ')})"/>
    <xsl:for-each select="$fields[normalize-space(?v)]">
      <t:b kind="meta" group="{$group}" prefix="{?k}: "><xsl:value-of select="?v"/></t:b>
    </xsl:for-each>
    <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract">
      <t:b kind="abstract"><xsl:apply-templates/></t:b>
    </xsl:for-each>
  </xsl:template>

  <!-- Context: TEI. The document's numbered notes. -->
  <xsl:template name="text-notes">
    <xsl:variable name="notes" select="ed:text-notes(.)"/>
    <xsl:if test="exists($notes)">
      <t:b kind="head" underline="-"><xsl:value-of select="ed:print-label('Notes')"/></t:b>
      <xsl:variable name="group" select="'notes-' || generate-id()"/>
      <xsl:for-each select="$notes">
        <t:b kind="note" group="{$group}" indent="0" prefix="[{ed:note-number(.)}] ">
          <xsl:if test="ed:is-editorial(.)">[<xsl:value-of select="ed:print-label('Ed.')"/>] </xsl:if>
          <xsl:apply-templates>
            <xsl:with-param name="indent" select="string-length(string(ed:note-number(.))) + 3" tunnel="yes"/>
            <xsl:with-param name="group" select="$group" tunnel="yes"/>
          </xsl:apply-templates>
        </t:b>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <!-- The index: entries of the registers that the text mentions. -->
  <xsl:template name="text-index">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="entries" select="$docs ! ed:register(.)"/>
    <xsl:variable name="mentioned" select="$entries[exists(key('ed:mentions', string(@xml:id), root(.)))]"/>
    <xsl:if test="exists($mentioned)">
      <t:b kind="title" underline="="><xsl:value-of select="ed:print-label('Index')"/></t:b>
      <xsl:variable name="kinds" select="map{'person': 'Persons', 'org': 'Organisations', 'place': 'Places'}"/>
      <xsl:for-each select="'person', 'org', 'place'">
        <xsl:variable name="kind" select="."/>
        <xsl:variable name="these" select="$mentioned[ed:entry-kind(.) = $kind]"/>
        <xsl:if test="exists($these)">
          <t:b kind="head" underline="-"><xsl:value-of select="ed:print-label($kinds($kind))"/></t:b>
          <xsl:for-each select="$these">
            <xsl:sort select="ed:entry-sort-key(.)"/>
            <xsl:variable name="forms" select="ed:entry-other-names(.) ! ?name"/>
            <t:b kind="entry" group="index-{$kind}" prefix="- ">
              <xsl:value-of select="ed:entry-name(.)"/>
              <xsl:if test="exists($forms)"> (<xsl:value-of select="string-join($forms, ', ')"/>)</xsl:if>
              <xsl:if test="ed:entry-dates(.)">, <xsl:value-of select="ed:entry-dates(.)"/></xsl:if>
              <xsl:if test="ed:entry-note(.)">: <xsl:value-of select="ed:entry-note(.)"/></xsl:if>
            </t:b>
          </xsl:for-each>
        </xsl:if>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
