<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition site's chronology (chronology.html): in date order, the dated events of the
  registers, the documents of the edition, and the entries of the front matter's
  chronology lists, each linked to where it is told (its register entry, the document's
  page, the chronology entry). Grouped by year. Input: the edition index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>
  <xsl:include href="entries.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:variable name="items" as="element(s:item)*">
      <xsl:for-each-group select="$ed:registers//tei:*[ed:is-entry(.)][ed:entry-kind(.) = 'event'][ed:iso-date(.)]" group-by="string(@xml:id)">
        <s:item iso="{ed:iso-date(.)}" kind="event-entry" href="{s:entry-href(.)}" when="{ed:life(.)}">
          <xsl:value-of select="ed:entry-name(.)"/>
        </s:item>
      </xsl:for-each-group>
      <xsl:for-each select="s:document[@front = 'false'][s:date/@iso != '']">
        <s:item iso="{s:date/@iso}" kind="document-entry" href="{@url}" when="{ed:or(s:date, s:date/@iso)}">
          <xsl:value-of select="s:title"/>
        </s:item>
      </xsl:for-each>
      <xsl:for-each select="s:document/s:dated[@iso != '']">
        <s:item iso="{@iso}" kind="chronology-entry" href="{../@url}{@anchor ! ('#' || .)}" when="{s:label}">
          <xsl:value-of select="s:text"/>
        </s:item>
      </xsl:for-each>
    </xsl:variable>
    <xsl:call-template name="s:page">
      <xsl:with-param name="title" select="ed:label('chronology')"/>
      <xsl:with-param name="jsonld" select="map{'@context': 'https://schema.org', '@type': 'CollectionPage',
          'name': ed:label('chronology'), 'url': s:absolute('chronology.html'),
          'isPartOf': map{'@type': 'WebSite', 'name': s:site-title(), 'url': s:absolute('index.html')}}"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:for-each-group select="$items" group-by="(ed:year(@iso), '?')[1]">
          <xsl:sort select="current-grouping-key()"/>
          <section class="ed-section site-year" aria-labelledby="year-{current-grouping-key()}">
            <h2 id="year-{current-grouping-key()}"><xsl:value-of select="current-grouping-key()"/></h2>
            <ol class="site-chronology">
              <xsl:for-each select="current-group()">
                <xsl:sort select="substring-before(@iso || '/', '/')"/>
                <xsl:sort select="@kind"/>
                <li class="site-{@kind}">
                  <span class="site-when">
                    <xsl:variable name="start" select="substring-before(@iso || '/', '/')"/>
                    <xsl:choose>
                      <xsl:when test="exists(ed:html-datetime($start))">
                        <time datetime="{$start}"><xsl:value-of select="ed:or(@when, @iso)"/></time>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="ed:or(@when, @iso)"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                  <xsl:text> </xsl:text>
                  <span class="site-kind"><xsl:value-of select="ed:label(@kind)"/></span>
                  <xsl:text> </xsl:text>
                  <a href="{@href}"><xsl:value-of select="."/></a>
                </li>
              </xsl:for-each>
            </ol>
          </section>
        </xsl:for-each-group>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
