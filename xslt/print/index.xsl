<?xml version="1.0" encoding="UTF-8"?>
<!--
  The index at the back of the print edition: the register entries the text mentions, by
  kind ($ed:index-kinds: persons, organisations, places, events, communications), wherever
  their registers are kept (common/registers.xsl), filed by ed:entry-sort-key and printed
  as ed:index-heading ("Surname, Forenames"), with the other name forms and dates, then
  " — " and the pages: one link per mention (a.pageref, class "note" inside a note), whose
  page CSS prints with target-counter(attr(href url), page); toolkit/build/pdf.py replaces
  the links by the page list once the text is laid out ("3, 5n, 7–9"). Then a short note
  (its sentences that name no markup: common/reader.xsl).
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
    <xsl:variable name="sections" as="element()*">
      <xsl:for-each select="$ed:index-kinds">
        <xsl:variable name="kind" select="."/>
        <xsl:variable name="these" select="ed:index-entries($docs, $kind)"/>
        <xsl:if test="exists($these)">
          <h3><xsl:value-of select="ed:kinds-label($kind)"/></h3>
          <ul class="index-{$kind}">
            <xsl:apply-templates select="$these" mode="print-index">
              <xsl:with-param name="docs" select="$docs"/>
            </xsl:apply-templates>
          </ul>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="exists($sections)">
      <section class="index" id="index">
        <h2 class="run-index" data-run="{ed:label('index')}"><xsl:value-of select="ed:label('index')"/></h2>
        <xsl:sequence select="$sections"/>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="print-index" on-no-match="shallow-skip"/>

  <!-- One entry (wherever its register is kept) with a link to each of its mentions. -->
  <xsl:template match="*" mode="print-index">
    <xsl:param name="docs" as="element()*"/>
    <li class="ix-entry" data-entry="{@xml:id}">
      <span class="ix-name"><xsl:value-of select="ed:index-heading(.)"/></span>
      <xsl:variable name="forms" select="ed:other-forms(.)"/>
      <xsl:if test="exists($forms)">
        <span class="forms"><xsl:text> (</xsl:text>
          <xsl:for-each select="$forms">
            <xsl:if test="position() gt 1">, </xsl:if>
            <span>
              <xsl:for-each select="ed:lang(.)"><xsl:attribute name="lang" select="."/></xsl:for-each>
              <xsl:value-of select="ed:name-string(.)"/>
            </span>
          </xsl:for-each>
          <xsl:text>)</xsl:text>
        </span>
      </xsl:if>
      <xsl:for-each select="ed:index-dates(.)">
        <span class="dates">, <xsl:value-of select="."/></span>
      </xsl:for-each>
      <xsl:for-each select="ed:cert-text(.)">
        <span class="cert"> (<xsl:value-of select="."/>)</span>
      </xsl:for-each>
      <xsl:text> — </xsl:text>
      <span class="pages">
        <xsl:for-each select="ed:mentions(., $docs)">
          <a class="pageref{if (ancestor::tei:note) then ' note' else ''}" href="#{ed:anchor(.)}"></a>
        </xsl:for-each>
      </span>
      <xsl:for-each select="ed:entry-notes(.)[1][normalize-space()]">
        <span class="gloss"><xsl:call-template name="print-reader-content"/></span>
      </xsl:for-each>
    </li>
  </xsl:template>
</xsl:stylesheet>
