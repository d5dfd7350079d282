<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print HTML document: <head> with the metadata WeasyPrint maps into the PDF
  (title, author, description, keywords, lang), then for each TEI document a title page,
  an "About this edition" page and the text, a table of contents for several documents,
  and the index of persons, organisations and places at the back.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- 'auto' (several TEI documents, or a text of three or more headed chapters), 'yes', 'no'. -->
  <xsl:param name="toc" as="xs:string" select="'auto'"/>
  <!-- 'yes' (default) or 'no': the "About this edition" page. -->
  <xsl:param name="about" as="xs:string" select="'yes'"/>
  <!-- 'yes' (default) or 'no': the index of persons, organisations and places. -->
  <xsl:param name="index" as="xs:string" select="'yes'"/>

  <xsl:template match="/">
    <xsl:variable name="docs" select="ed:documents(.)"/>
    <xsl:variable name="top" select="(tei:teiCorpus, tei:TEI, *)[1]"/>
    <html lang="{ed:or(($top/@xml:lang, $top/tei:text/@xml:lang, $docs[1]/@xml:lang,
                        $docs[1]/tei:text/@xml:lang)[1], 'en')}">
      <head>
        <meta charset="utf-8"/>
        <xsl:variable name="m" select="ed:metadata($top)"/>
        <title><xsl:value-of select="$m?title"/></title>
        <xsl:variable name="authors" select="distinct-values(($top, $docs) ! ed:metadata(.)?creators)"/>
        <xsl:if test="exists($authors)">
          <meta name="author" content="{string-join($authors, '; ')}"/>
        </xsl:if>
        <xsl:variable name="description" select="($m?abstract[1] ! ed:flat(.), $m?subtitles[1],
                                                  $m?source-citation)[normalize-space()][1]"/>
        <xsl:if test="$description">
          <meta name="description" content="{$description}"/>
        </xsl:if>
        <xsl:variable name="keywords" select="distinct-values(($top, $docs) ! ed:metadata(.)?keywords ! ed:flat(.))"/>
        <xsl:if test="exists($keywords)">
          <meta name="keywords" content="{string-join($keywords, ', ')}"/>
        </xsl:if>
        <meta name="generator" content="tei-edition print.xsl"/>
        <style><xsl:value-of select="$print-css"/></style>
      </head>
      <body>
        <xsl:apply-templates select="$top" mode="print-document"/>
        <xsl:if test="$index = 'yes'">
          <xsl:call-template name="print-index">
            <xsl:with-param name="docs" select="$docs"/>
          </xsl:call-template>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <xsl:mode name="print-document" on-no-match="shallow-skip"/>

  <xsl:template match="tei:teiCorpus" mode="print-document">
    <section class="corpus-title" id="{ed:anchor(.)}">
      <div class="run-doc" data-run="{ed:short(ed:title(.))}"></div>
      <h1><xsl:value-of select="ed:title(.)"/></h1>
      <xsl:for-each select="ed:metadata(.)?subtitles">
        <div class="subtitle"><xsl:value-of select="."/></div>
      </xsl:for-each>
      <xsl:call-template name="print-metadata"><xsl:with-param name="doc" select="."/></xsl:call-template>
    </section>
    <xsl:if test="$toc = ('auto', 'yes')">
      <xsl:call-template name="print-toc">
        <xsl:with-param name="entries" select="tei:TEI | tei:teiCorpus"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="print-document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="print-document">
    <section class="tei-doc" id="{ed:anchor(.)}">
      <xsl:attribute name="lang" select="ed:or((@xml:lang, tei:text/@xml:lang)[1], 'en')"/>
      <xsl:call-template name="print-titlepage"/>
      <xsl:if test="$about = 'yes'">
        <xsl:call-template name="print-about"/>
      </xsl:if>
      <xsl:variable name="chapters" select="tei:text/tei:body/(tei:div | tei:div1)[tei:head]"/>
      <xsl:if test="$toc = 'yes' or ($toc = 'auto' and not(parent::tei:teiCorpus) and count($chapters) ge 3)">
        <xsl:call-template name="print-toc">
          <xsl:with-param name="entries" select="$chapters"/>
        </xsl:call-template>
      </xsl:if>
      <xsl:apply-templates select="tei:text"/>
    </section>
  </xsl:template>

  <!-- Table of contents: one line per entry with its page (target-counter). -->
  <xsl:template name="print-toc">
    <xsl:param name="entries" as="element()*"/>
    <nav class="toc">
      <h2><xsl:value-of select="ed:label('contents')"/></h2>
      <ol>
        <xsl:for-each select="$entries">
          <li>
            <a href="#{ed:anchor(.)}">
              <xsl:value-of select="if (self::tei:TEI or self::tei:teiCorpus) then ed:title(.)
                                    else ed:flat(tei:head[1])"/>
            </a>
          </li>
        </xsl:for-each>
      </ol>
    </nav>
  </xsl:template>

  <!-- A running-head string: whole (verso and recto each have the full measure). -->
  <xsl:function name="ed:short" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="normalize-space($s)"/>
  </xsl:function>

  <!-- The section head for the recto running head: the document title when it repeats it. -->
  <xsl:function name="ed:section-run" as="xs:string">
    <xsl:param name="head" as="element()?"/>
    <xsl:variable name="h" select="ed:flat($head)"/>
    <xsl:variable name="title" select="ed:title(($head/ancestor::tei:TEI[1], root($head)/*)[1])"/>
    <xsl:sequence select="if ($h = '' or starts-with($title, $h) or starts-with($h, $title)) then $title else ed:short($h)"/>
  </xsl:function>
</xsl:stylesheet>
