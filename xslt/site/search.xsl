<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition site's search page (search.html): a form, the filters Pagefind found in the
  pages (year, sender, recipient, type), and the results with the words found marked; a
  result opens its page at the paragraph of the first hit, the words highlighted. The
  search runs in the browser on the index under pagefind/, written at site time
  (toolkit/site/search.py); assets/search.js drives it. Without JavaScript the page says
  so. Input: the edition index.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:call-template name="s:page">
      <xsl:with-param name="title" select="ed:label('search')"/>
      <xsl:with-param name="jsonld" select="map{'@context': 'https://schema.org', '@type': 'SearchResultsPage',
          'name': ed:label('search'), 'url': s:absolute('search.html'),
          'isPartOf': map{'@type': 'WebSite', 'name': s:site-title(), 'url': s:absolute('index.html')}}"/>
      <xsl:with-param name="content" as="node()*">
        <section class="ed-section site-search" aria-labelledby="site-search-h">
          <h2 id="site-search-h"><xsl:value-of select="ed:label('search-label')"/></h2>
          <form id="site-search" role="search" action="search.html" method="get">
            <p>
              <label for="site-search-q"><xsl:value-of select="ed:label('search-label')"/></label>
              <input id="site-search-q" name="q" type="search"/>
              <button type="submit"><xsl:value-of select="ed:label('search-button')"/></button>
            </p>
            <div id="site-search-filters" class="site-search-filters"
                 data-labels="{string-join(('year', 'sender', 'recipient', 'type') ! (. || '=' || ed:label(.)), '|')}"
                 data-all="{ed:label('all')}"></div>
          </form>
          <p id="site-search-status" class="site-count" aria-live="polite"
             data-results="{ed:label('results')}" data-none="{ed:label('no-results')}"></p>
          <ol id="site-search-results" class="site-results"></ol>
          <noscript><p><xsl:value-of select="ed:label('search-needs-js')"/></p></noscript>
        </section>
      </xsl:with-param>
      <xsl:with-param name="scripts" as="node()*">
        <script type="module" src="assets/search.js"></script>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
