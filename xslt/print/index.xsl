<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index at the back of the print edition: persons, organisations and places from the
  registers (listPerson / listOrg / listPlace in standOff, teiHeader or back), each entry
  with its other name forms, dates, a short note, and the pages where the text mentions
  it: one link per mention, a.pageref whose page CSS prints with
  target-counter(attr(href url), page). toolkit/pdf.py drops links that repeat a page
  already listed for the same entry.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="print-index">
    <xsl:param name="docs" as="element()*"/>
    <xsl:variable name="entries" select="$docs ! ed:register(.)"/>
    <xsl:variable name="kinds" select="map{'person': 'Persons', 'org': 'Organisations', 'place': 'Places'}"/>
    <xsl:variable name="mentioned" select="$entries[exists(key('ed:mentions', string(@xml:id), root(.)))]"/>
    <xsl:if test="exists($mentioned)">
      <section class="index" id="index">
        <h2 class="run-index" data-run="{ed:print-label('Index')}"><xsl:value-of select="ed:print-label('Index')"/></h2>
        <xsl:for-each select="'person', 'org', 'place'">
          <xsl:variable name="kind" select="."/>
          <xsl:variable name="these" select="$mentioned[ed:entry-kind(.) = $kind]"/>
          <xsl:if test="exists($these)">
            <h3><xsl:value-of select="ed:print-label($kinds($kind))"/></h3>
            <ul class="index-{$kind}">
              <xsl:for-each select="$these">
                <xsl:sort select="ed:entry-sort-key(.)"/>
                <xsl:apply-templates select="." mode="print-index"/>
              </xsl:for-each>
            </ul>
          </xsl:if>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="print-index" on-no-match="shallow-skip"/>

  <xsl:template match="*" mode="print-index">
    <li class="ix-entry" data-entry="{@xml:id}">
      <span class="ix-name"><xsl:value-of select="ed:entry-name(.)"/></span>
      <xsl:variable name="forms" select="ed:entry-other-names(.)"/>
      <xsl:if test="exists($forms)">
        <span class="forms"><xsl:text> (</xsl:text>
          <xsl:for-each select="$forms">
            <xsl:if test="position() gt 1">, </xsl:if>
            <span>
              <xsl:if test="?lang"><xsl:attribute name="lang" select="?lang"/></xsl:if>
              <xsl:value-of select="?name"/>
            </span>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
      <xsl:if test="ed:entry-dates(.)">
        <span class="dates"><xsl:text> </xsl:text><xsl:value-of select="ed:entry-dates(.)"/></span>
      </xsl:if>
      <xsl:text> </xsl:text>
      <span class="pages">
        <xsl:for-each select="key('ed:mentions', string(@xml:id), root(.))">
          <a class="pageref" href="#{ed:anchor(.)}"></a>
        </xsl:for-each>
      </span>
      <xsl:variable name="note" select="ed:entry-note(.)"/>
      <xsl:if test="$note">
        <span class="gloss"><xsl:value-of select="$note"/></span>
      </xsl:if>
    </li>
  </xsl:template>
</xsl:stylesheet>
