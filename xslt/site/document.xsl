<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document's page in the edition site: the HTML edition (../html.xsl, unchanged) with the
  site around it, added in the HTML edition's last pass (mode ed:finish): the site's
  banner after the skip link, previous/next in date order before the footer, the site's
  CSS and script, and what Pagefind indexes (data-pagefind-body on main; filters year, sender, recipient, type and the sort key
  date from ed:metadata; popups, the register section and the citation box left out of
  the index, since they repeat what the registers and the header say).

  Parameters (besides chrome.xsl's and html.xsl's), set by toolkit/site/pages.py:
    s:prev-href, s:prev-title, s:next-href, s:next-title   neighbours in date order ('' = none)
  The downloads (TEI, plain text, PDF) are the HTML edition's own (its $downloads, with
  $page-path and $base-url for the canonical URL and the citations), set by
  toolkit/site/documents.py.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:param name="s:prev-href" as="xs:string" select="''"/>
  <xsl:param name="s:prev-title" as="xs:string" select="''"/>
  <xsl:param name="s:next-href" as="xs:string" select="''"/>
  <xsl:param name="s:next-title" as="xs:string" select="''"/>

  <!-- Global: templates of the last pass have the HTML page as their context. -->
  <xsl:variable name="s:meta" select="ed:metadata(/)"/>
  <xsl:variable name="s:type" select="ed:document-type(/)"/>

  <xsl:template match="h:head" mode="ed:finish">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()" mode="ed:finish"/>
      <xsl:call-template name="s:head-links"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="h:a[tokenize(@class) = 'ed-skip']" mode="ed:finish">
    <xsl:next-match/>
    <xsl:call-template name="s:banner"/>
  </xsl:template>

  <xsl:template match="h:main" mode="ed:finish">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="ed:finish"/>
      <xsl:attribute name="data-pagefind-body"/>
      <xsl:call-template name="s:search-fields"/>
      <xsl:apply-templates select="node()" mode="ed:finish"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="h:*[tokenize(@class) = 'ed-tip'] | h:section[@id = ('registers', 'citation')]"
      mode="ed:finish" priority="2">
    <xsl:copy>
      <xsl:apply-templates select="@*" mode="ed:finish"/>
      <xsl:attribute name="data-pagefind-ignore" select="'all'"/>
      <xsl:apply-templates select="node()" mode="ed:finish"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="h:footer[tokenize(@class) = 'ed-footer']" mode="ed:finish">
    <xsl:call-template name="s:pager"/>
    <xsl:next-match/>
  </xsl:template>

  <xsl:template match="h:body" mode="ed:finish">
    <xsl:copy>
      <xsl:apply-templates select="@* | node()" mode="ed:finish"/>
      <xsl:call-template name="s:scripts"/>
    </xsl:copy>
  </xsl:template>

  <!-- What Pagefind shows and filters by: no text of their own, only attributes. -->
  <xsl:template name="s:search-fields">
    <xsl:variable name="year" select="ed:year($s:meta?iso-date)"/>
    <span data-pagefind-meta="title:{$s:meta?title}" hidden="hidden"></span>
    <xsl:if test="$s:meta?iso-date">
      <span data-pagefind-meta="date:{$s:meta?iso-date}" data-pagefind-sort="date:{$s:meta?iso-date}" hidden="hidden"></span>
    </xsl:if>
    <xsl:if test="$year">
      <span data-pagefind-filter="year:{$year}" hidden="hidden"></span>
    </xsl:if>
    <xsl:for-each select="distinct-values($s:meta?creators)">
      <span data-pagefind-filter="sender:{.}" hidden="hidden"></span>
    </xsl:for-each>
    <xsl:for-each select="distinct-values($s:meta?recipients ! ed:agent-name(.))">
      <span data-pagefind-filter="recipient:{.}" hidden="hidden"></span>
    </xsl:for-each>
    <span data-pagefind-filter="type:{$s:type}" hidden="hidden"></span>
  </xsl:template>

  <!-- Previous and next document in date order. -->
  <xsl:template name="s:pager">
    <nav class="site-pager" aria-label="{ed:label('documents')}" data-pagefind-ignore="all">
      <xsl:if test="$s:prev-href">
        <a class="site-prev" rel="prev" href="{s:href($s:prev-href)}">
          <span class="site-pager-label"><xsl:value-of select="ed:label('previous')"/></span>
          <xsl:text> </xsl:text>
          <span class="site-pager-title"><xsl:value-of select="$s:prev-title"/></span>
        </a>
      </xsl:if>
      <xsl:if test="$s:next-href">
        <a class="site-next" rel="next" href="{s:href($s:next-href)}">
          <span class="site-pager-label"><xsl:value-of select="ed:label('next')"/></span>
          <xsl:text> </xsl:text>
          <span class="site-pager-title"><xsl:value-of select="$s:next-title"/></span>
        </a>
      </xsl:if>
    </nav>
  </xsl:template>
</xsl:stylesheet>
