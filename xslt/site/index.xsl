<?xml version="1.0" encoding="UTF-8"?>
<!--
  The edition site's front page (index.html): every document in date order in a table
  (date, title, sender or author, recipient, place, type), sortable by any column and
  filterable by text, year, sender, recipient and type in the browser (assets/site.js);
  without JavaScript it is the same table in date order. Then the front matter and the
  registers. Input: the edition index (toolkit/site/index.py).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <!-- Index columns: key, label, the row's value(s). -->
  <xsl:function name="s:column-values" as="xs:string*">
    <xsl:param name="doc" as="element(s:document)"/>
    <xsl:param name="key" as="xs:string"/>
    <xsl:sequence select="if ($key = 'sender') then $doc/s:creator ! string(.)
                          else if ($key = 'recipient') then $doc/s:recipient ! string(.)
                          else if ($key = 'place') then $doc/s:place ! string(.)
                          else if ($key = 'type') then string($doc/@type)
                          else if ($key = 'year') then ed:year($doc/s:date/@iso)
                          else ()"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <xsl:variable name="docs" select="s:document[@front = 'false']"/>
    <xsl:call-template name="s:page">
      <xsl:with-param name="title" select="s:site-title()"/>
      <xsl:with-param name="jsonld" select="s:index-jsonld($docs)"/>
      <xsl:with-param name="content" as="node()*">
        <section class="ed-section site-documents" aria-labelledby="site-documents-h">
          <h2 id="site-documents-h"><xsl:value-of select="ed:label('documents')"/></h2>
          <form class="site-filters" hidden="hidden" aria-label="{ed:label('filter')}">
            <p>
              <label for="site-filter-text"><xsl:value-of select="ed:label('filter')"/></label>
              <input id="site-filter-text" type="search" data-filter="text"/>
            </p>
            <xsl:for-each select="('year', 'sender', 'recipient', 'type')">
              <xsl:variable name="key" select="."/>
              <xsl:variable name="values" select="distinct-values($docs ! s:column-values(., $key))"/>
              <xsl:if test="count($values) gt 1 or ($key = 'year' and exists($values))">
                <p>
                  <label for="site-filter-{$key}"><xsl:value-of select="ed:label($key)"/></label>
                  <select id="site-filter-{$key}" data-filter="{$key}">
                    <option value=""><xsl:value-of select="ed:label('all')"/></option>
                    <xsl:for-each select="$values">
                      <xsl:sort select="."/>
                      <option value="{.}"><xsl:value-of select="."/></option>
                    </xsl:for-each>
                  </select>
                </p>
              </xsl:if>
            </xsl:for-each>
            <p class="site-count" aria-live="polite"></p>
          </form>
          <p class="site-sort-hint" hidden="hidden"><xsl:value-of select="ed:label('sort-hint')"/></p>
          <table class="site-table" id="site-documents-table">
            <thead>
              <tr>
                <xsl:for-each select="('date', 'title', 'sender', 'recipient', 'place', 'type')">
                  <th scope="col" data-sort-key="{.}">
                    <xsl:value-of select="ed:label(.)"/>
                  </th>
                </xsl:for-each>
              </tr>
            </thead>
            <tbody>
              <xsl:for-each select="$docs">
                <xsl:sort select="@order" data-type="number"/>
                <tr data-year="{s:column-values(., 'year')}" data-type="{@type}"
                    data-sender="{string-join(s:column-values(., 'sender'), '|')}"
                    data-recipient="{string-join(s:column-values(., 'recipient'), '|')}">
                  <td data-sort-value="{(s:date/@iso[. != ''], '9999')[1]}">
                    <xsl:choose>
                      <xsl:when test="exists(ed:html-datetime(s:date/@iso))">
                        <time datetime="{s:date/@iso}"><xsl:value-of select="ed:or(s:date, s:date/@iso)"/></time>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="ed:or(s:date, ed:label('undated'))"/></xsl:otherwise>
                    </xsl:choose>
                  </td>
                  <td><a href="{@url}"><xsl:value-of select="s:title"/></a></td>
                  <td><xsl:value-of select="string-join(s:column-values(., 'sender'), '; ')"/></td>
                  <td><xsl:value-of select="string-join(s:column-values(., 'recipient'), '; ')"/></td>
                  <td><xsl:value-of select="string-join(s:column-values(., 'place'), '; ')"/></td>
                  <td><xsl:value-of select="@type"/></td>
                </tr>
              </xsl:for-each>
            </tbody>
          </table>
        </section>
        <xsl:if test="$s:site/s:site/s:front">
          <section class="ed-section site-front" aria-labelledby="site-front-h">
            <h2 id="site-front-h"><xsl:value-of select="ed:label('front-matter')"/></h2>
            <ul>
              <xsl:for-each select="$s:site/s:site/s:front">
                <li><a href="{@href}"><xsl:value-of select="."/></a></li>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:if>
        <section class="ed-section site-registers" aria-labelledby="site-registers-h">
          <h2 id="site-registers-h"><xsl:value-of select="ed:label('registers-page')"/></h2>
          <ul>
            <xsl:for-each select="$s:site/s:site/s:register">
              <li><a href="{@href}"><xsl:value-of select="s:kind-label(@kind)"/></a> (<xsl:value-of select="@count"/>)</li>
            </xsl:for-each>
            <li><a href="chronology.html"><xsl:value-of select="ed:label('chronology')"/></a></li>
          </ul>
        </section>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="s:index-jsonld" as="map(*)">
    <xsl:param name="docs" as="element(s:document)*"/>
    <xsl:sequence select="map{
        '@context': 'https://schema.org', '@type': 'WebSite', 'name': s:site-title(),
        'url': s:absolute('index.html'),
        'potentialAction': map{'@type': 'SearchAction', 'target': s:absolute('search.html') || '?q={query}',
                               'query-input': 'required name=query'},
        'hasPart': array{ for $d in $docs return map:merge((
            map{'@type': 'CreativeWork', 'name': string($d/s:title), 'url': s:absolute($d/@url)},
            if (string($d/s:date/@iso)) then map{'dateCreated': string($d/s:date/@iso)} else ())) }}"/>
  </xsl:function>
</xsl:stylesheet>
