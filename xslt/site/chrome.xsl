<?xml version="1.0" encoding="UTF-8"?>
<!--
  What every page of the edition site shares: the banner with the site's navigation and
  search form, the page shell of the site's own pages (index, registers, chronology,
  search), and the links to the site's CSS and script (assets/site.css, assets/site.js,
  written beside the pages: nothing is fetched from another host).

  Parameters (set by toolkit/site/pages.py for every page):
    s:site    the site model (model.xsl's output: title, register pages, front matter)
    s:root    the way from this page to the site's root folder: '' or '../' ...
    s:here    this page's URL relative to the root (index.html, front/introduction.html)

  Templates: s:banner (navigation: documents, registers, chronology; the front matter is
  listed on the index), s:page (the shell of a site page: title, content,
  JSON-LD), s:head-links, s:scripts. Functions: s:href($path) (a root-relative path as seen
  from this page), s:register-file($kind), s:kind-label($kind).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:param name="s:site" as="document-node()?" select="()"/>
  <xsl:param name="s:root" as="xs:string" select="''"/>
  <xsl:param name="s:here" as="xs:string" select="'index.html'"/>

  <!-- Register kinds and the page each has, in the order the navigation shows them. -->
  <xsl:variable name="s:register-files" as="map(xs:string, xs:string)" select="map{
      'person': 'persons.html', 'place': 'places.html', 'org': 'organisations.html',
      'event': 'events.html', 'communication': 'communications.html', 'object': 'objects.html',
      'nym': 'names.html', 'entry': 'entries.html'}"/>
  <xsl:variable name="s:kinds" as="xs:string*"
      select="('person', 'place', 'org', 'event', 'communication', 'object', 'nym', 'entry')"/>
  <!-- Written even when the registers have no such entries. -->
  <xsl:variable name="s:always-kinds" as="xs:string*" select="('person', 'place', 'org')"/>

  <xsl:function name="s:register-file" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="($s:register-files($kind), 'entries.html')[1]"/>
  </xsl:function>

  <xsl:function name="s:kind-label" as="xs:string">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="ed:kinds-label($kind)"/>
  </xsl:function>

  <xsl:function name="s:href" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:sequence select="$s:root || $path"/>
  </xsl:function>

  <xsl:function name="s:site-title" as="xs:string">
    <xsl:sequence select="string(($s:site/s:site/@title[normalize-space()], ed:label('documents'))[1])"/>
  </xsl:function>

  <!-- The banner: the site's name, its pages, the search form. -->
  <xsl:template name="s:banner">
    <xsl:variable name="site" select="$s:site/s:site"/>
    <nav class="site-nav" aria-label="{ed:label('site-nav')}" data-pagefind-ignore="all">
      <a class="site-name" href="{s:href('index.html')}"><xsl:value-of select="s:site-title()"/></a>
      <ul class="site-links">
        <xsl:call-template name="s:nav-link">
          <xsl:with-param name="href" select="'index.html'"/>
          <xsl:with-param name="label" select="ed:label('documents')"/>
        </xsl:call-template>
        <xsl:for-each select="$site/s:register">
          <xsl:call-template name="s:nav-link">
            <xsl:with-param name="href" select="string(@href)"/>
            <xsl:with-param name="label" select="s:kind-label(@kind)"/>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:call-template name="s:nav-link">
          <xsl:with-param name="href" select="'chronology.html'"/>
          <xsl:with-param name="label" select="ed:label('chronology')"/>
        </xsl:call-template>
      </ul>
      <form class="site-search-form" role="search" action="{s:href('search.html')}" method="get">
        <label for="site-q"><xsl:value-of select="ed:label('search-label')"/></label>
        <input id="site-q" name="q" type="search"/>
        <button type="submit"><xsl:value-of select="ed:label('search-button')"/></button>
      </form>
    </nav>
  </xsl:template>

  <xsl:template name="s:nav-link">
    <xsl:param name="href" as="xs:string"/>
    <xsl:param name="label" as="xs:string"/>
    <li>
      <a href="{s:href($href)}">
        <xsl:if test="$href = $s:here"><xsl:attribute name="aria-current" select="'page'"/></xsl:if>
        <xsl:value-of select="$label"/>
      </a>
    </li>
  </xsl:template>

  <xsl:template name="s:head-links">
    <link rel="icon" href="data:,"/>
    <link rel="stylesheet" href="{s:href('assets/site.css')}"/>
  </xsl:template>

  <xsl:template name="s:scripts">
    <script src="{s:href('assets/site.js')}" defer="defer"></script>
  </xsl:template>

  <!-- The shell of one of the site's own pages. -->
  <xsl:template name="s:page">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="content" as="node()*"/>
    <xsl:param name="jsonld" as="map(*)?" select="()"/>
    <xsl:param name="scripts" as="node()*" select="()"/>
    <html lang="{ed:ui-lang()}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title || ' · ' || s:site-title()"/></title>
        <meta name="generator" content="tei-edition"/>
        <style id="ed-css"><xsl:value-of select="$ed:css"/></style>
        <xsl:call-template name="s:head-links"/>
        <xsl:if test="exists($jsonld)">
          <script type="application/ld+json"><xsl:value-of select="ed:json-for-script($jsonld)"/></script>
        </xsl:if>
      </head>
      <body class="site-page">
        <a class="ed-skip" href="#main"><xsl:value-of select="ed:label('skip')"/></a>
        <xsl:call-template name="s:banner"/>
        <header class="ed-banner">
          <h1><xsl:value-of select="$title"/></h1>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content"/>
        </main>
        <footer class="ed-footer">
          <p><xsl:value-of select="ed:label('generated')"/></p>
        </footer>
        <xsl:call-template name="s:scripts"/>
        <xsl:sequence select="$scripts"/>
      </body>
    </html>
  </xsl:template>

  <!-- A URL of the site as JSON-LD gives it: absolute with the site's base URL, else relative. -->
  <xsl:function name="s:absolute" as="xs:string">
    <xsl:param name="path" as="xs:string"/>
    <xsl:variable name="base" select="string($s:site/s:site/@base-url)"/>
    <xsl:sequence select="if (not($base)) then $path else if (ends-with($base, '/')) then $base || $path
                          else $base || '/' || $path"/>
  </xsl:function>
</xsl:stylesheet>
