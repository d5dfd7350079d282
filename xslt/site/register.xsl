<?xml version="1.0" encoding="UTF-8"?>
<!--
  A register page of the edition site (persons.html, places.html, organisations.html, and
  events, communications ... when the registers hold them): every entry of one kind, at
  an anchor that is its xml:id, with its name forms, dates, offices, notes, the documents
  it sent or received, and every mention in every document, each linked to the mention in
  the document's page and shown in its context.

  Input: the edition index (toolkit/site/index.py). The register files are $ed:registers;
  entries of a document's own lists (a play's cast) come as copies in the index (s:entry)
  and are listed per document, at an anchor of the document and the id (s:anchor).

  Parameter: s:kind  the kind of entry (ed:entry-kind: person, place, org, event ...)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>
  <xsl:include href="entries.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>

  <xsl:param name="s:kind" as="xs:string" select="'person'"/>

  <xsl:template match="/">
    <xsl:variable name="shared" as="element()*">
      <xsl:for-each-group select="$ed:registers//tei:*[ed:is-entry(.)][ed:entry-kind(.) = $s:kind]" group-by="string(@xml:id)">
        <xsl:sort select="ed:entry-sort-key(.)"/>
        <xsl:sequence select="current-group()[1]"/>
      </xsl:for-each-group>
    </xsl:variable>
    <xsl:variable name="local" select="/s:edition/s:document[s:entry/@kind = $s:kind]"/>
    <xsl:call-template name="s:page">
      <xsl:with-param name="title" select="s:kind-label($s:kind)"/>
      <xsl:with-param name="jsonld" select="s:register-jsonld($shared)"/>
      <xsl:with-param name="content" as="node()*">
        <xsl:choose>
          <xsl:when test="empty($shared) and empty($local)">
            <p class="site-empty"><xsl:value-of select="ed:label('no-mentions')"/></p>
          </xsl:when>
          <xsl:otherwise>
            <xsl:if test="exists($shared)">
              <nav class="site-letters" aria-label="{s:kind-label($s:kind)}">
                <ul>
                  <xsl:for-each select="$shared">
                    <li><a href="#{s:anchor(.)}"><xsl:value-of select="ed:entry-name(.)"/></a></li>
                  </xsl:for-each>
                </ul>
              </nav>
              <div class="site-entries">
                <xsl:for-each select="$shared">
                  <xsl:call-template name="s:entry">
                    <xsl:with-param name="level" select="2"/>
                  </xsl:call-template>
                </xsl:for-each>
              </div>
            </xsl:if>
            <xsl:if test="exists($local)">
              <section class="site-local" aria-labelledby="site-local-h">
                <h2 id="site-local-h"><xsl:value-of select="ed:label('other-registers')"/></h2>
                <xsl:for-each select="$local">
                  <xsl:sort select="s:title"/>
                  <section class="site-local-document" aria-labelledby="site-local-{position()}">
                    <h3 id="site-local-{position()}"><a href="{@url}"><xsl:value-of select="s:title"/></a></h3>
                    <xsl:for-each select="s:entry[@kind = $s:kind]/tei:*">
                      <xsl:sort select="ed:entry-sort-key(.)"/>
                      <xsl:call-template name="s:entry">
                        <xsl:with-param name="level" select="4"/>
                      </xsl:call-template>
                    </xsl:for-each>
                  </section>
                </xsl:for-each>
              </section>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:function name="s:register-jsonld" as="map(*)">
    <xsl:param name="entries" as="element()*"/>
    <xsl:sequence select="map{
        '@context': 'https://schema.org', '@type': 'CollectionPage',
        'name': s:kind-label($s:kind), 'url': s:absolute(s:register-file($s:kind)),
        'isPartOf': map{'@type': 'WebSite', 'name': s:site-title(), 'url': s:absolute('index.html')},
        'mainEntity': map{'@type': 'ItemList', 'numberOfItems': count($entries),
          'itemListElement': array{ $entries ! map:merge((
              map{'@type': ed:schema-type(.), 'name': ed:entry-name(.),
                  '@id': s:absolute(s:register-file($s:kind) || '#' || s:anchor(.))},
              let $others := ed:other-forms(.) ! ed:name-string(.)
              return if (exists($others)) then map{'alternateName': array{ $others }} else (),
              let $uris := ed:authority-uris(.)
              return if (exists($uris)) then map{'sameAs': array{ $uris }} else ())) }}}"/>
  </xsl:function>
</xsl:stylesheet>
