<?xml version="1.0" encoding="UTF-8"?>
<!--
  The Typst document: the template's `edition` show rule with the PDF metadata, then for
  each TEI document its title page, "About this edition" and text, a table of contents
  for several documents or a long text, and the index at the back.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- 'auto' (several TEI documents, or a text of three or more headed chapters), 'yes', 'no'. -->
  <xsl:param name="toc" as="xs:string" select="'auto'"/>
  <!-- 'yes' (default) or 'no': the "About this edition" pages. -->
  <xsl:param name="about" as="xs:string" select="'yes'"/>
  <!-- 'yes' (default) or 'no': the index. -->
  <xsl:param name="index" as="xs:string" select="'yes'"/>
  <!-- Paper: a4, a5, us-letter ... (Typst's paper names). -->
  <xsl:param name="page-size" as="xs:string" select="'a4'"/>
  <!-- Base size of the text, in points. -->
  <xsl:param name="font-size" as="xs:string" select="'10.5'"/>

  <xsl:template match="/">
    <xsl:variable name="docs" select="ed:documents(.)"/>
    <xsl:variable name="top" select="(tei:teiCorpus, tei:TEI, *)[1]"/>
    <xsl:variable name="lang" select="ed:typst-lang(($top/@xml:lang, $top/tei:text/@xml:lang,
                                      $docs[1]/@xml:lang, $docs[1]/tei:text/@xml:lang, 'en')[normalize-space()][1])"/>
    <xsl:variable name="m" select="ed:metadata($top)"/>
    <xsl:variable name="description" select="($m?abstract ! ed:flat(.), $m?subtitles[1], $m?source-citation)[normalize-space()][1]"/>
    <xsl:text>#show: edition.with(&#10;  title: </xsl:text>
    <xsl:value-of select="ed:ts($m?title)"/>
    <xsl:text>,&#10;  authors: </xsl:text>
    <xsl:value-of select="ed:ts-array(distinct-values(($top, $docs) ! ed:metadata(.)?creators))"/>
    <xsl:text>,&#10;  keywords: </xsl:text>
    <xsl:value-of select="ed:ts-array(distinct-values(($top, $docs) ! (ed:metadata(.)?keywords ! ed:flat(.))))"/>
    <xsl:if test="$description">
      <xsl:text>,&#10;  description: </xsl:text>
      <xsl:value-of select="ed:ts($description)"/>
    </xsl:if>
    <xsl:text>,&#10;  lang: </xsl:text>
    <xsl:value-of select="ed:ts(($lang?lang, 'en')[1])"/>
    <xsl:if test="$lang?region">
      <xsl:text>, region: </xsl:text><xsl:value-of select="ed:ts($lang?region)"/>
    </xsl:if>
    <xsl:text>,&#10;  paper: </xsl:text>
    <xsl:variable name="paper" select="replace(lower-case($page-size), '[^a-z0-9\-]', '')"/>
    <xsl:value-of select="ed:ts(if ($paper = ('letter', 'legal', 'tabloid')) then 'us-' || $paper else $paper)"/>
    <xsl:text>, size: </xsl:text>
    <xsl:value-of select="(xs:decimal(replace($font-size, '[^0-9.]', ''))[. gt 4 and . lt 40], 10.5)[1]"/>
    <xsl:text>pt, apparatus: </xsl:text>
    <xsl:value-of select="if ($ed:apparatus-lines) then 'true' else 'false'"/>
    <xsl:text>)&#10;&#10;</xsl:text>
    <xsl:apply-templates select="$top" mode="typst-document"/>
    <xsl:if test="$index = 'yes'">
      <xsl:call-template name="typst-index">
        <xsl:with-param name="docs" select="$docs"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:mode name="typst-document" on-no-match="shallow-skip"/>

  <xsl:template match="tei:teiCorpus" mode="typst-document">
    <xsl:call-template name="typst-titlepage">
      <xsl:with-param name="marks" select="ed:typst-doc-marks(.)"/>
    </xsl:call-template>
    <xsl:if test="$toc = ('auto', 'yes')">
      <xsl:call-template name="typst-toc">
        <xsl:with-param name="entries" select="tei:TEI | tei:teiCorpus"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:apply-templates select="tei:TEI | tei:teiCorpus" mode="typst-document"/>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="typst-document">
    <xsl:call-template name="typst-titlepage">
      <xsl:with-param name="marks" select="'#ed-restart-notes()' || ed:typst-doc-marks(.)"/>
    </xsl:call-template>
    <xsl:if test="$about = 'yes'">
      <xsl:call-template name="typst-about"/>
    </xsl:if>
    <xsl:variable name="chapters" select="tei:text/tei:body/(tei:div | tei:div1)[tei:head]"/>
    <xsl:if test="$toc = 'yes' or ($toc = 'auto' and not(parent::tei:teiCorpus) and count($chapters) ge 3)">
      <xsl:call-template name="typst-toc">
        <xsl:with-param name="entries" select="$chapters"/>
      </xsl:call-template>
    </xsl:if>
    <xsl:variable name="lang" select="ed:typst-lang((@xml:lang, tei:text/@xml:lang)[1])"/>
    <xsl:choose>
      <xsl:when test="exists($lang)">
        <xsl:text>#ed-lang(</xsl:text><xsl:value-of select="ed:typst-lang-args($lang)"/><xsl:text>)[</xsl:text>
        <xsl:apply-templates select="tei:text"/>
        <xsl:text>]&#10;</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates select="tei:text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- Table of contents: the entries' titles with the page of their label. -->
  <xsl:template name="typst-toc">
    <xsl:param name="entries" as="element()*"/>
    <xsl:text>#pagebreak(weak: true)&#10;#heading(level: 1, outlined: false)[</xsl:text>
    <xsl:value-of select="ed:tx(ed:label('contents'))"/>
    <xsl:text>]&#10;#ed-toc((</xsl:text>
    <xsl:for-each select="$entries">
      <xsl:text>(</xsl:text>
      <xsl:value-of select="ed:ts(ed:anchor(.))"/>
      <xsl:text>, [</xsl:text>
      <xsl:value-of select="ed:tx(if (self::tei:TEI or self::tei:teiCorpus) then ed:title(.) else ed:flat(tei:head[1]))"/>
      <xsl:text>]), </xsl:text>
    </xsl:for-each>
    <xsl:text>))&#10;#pagebreak(weak: true)&#10;</xsl:text>
  </xsl:template>

  <!-- Markers of a document's title page: its running title and its anchor. -->
  <xsl:function name="ed:typst-doc-marks" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="'#ed-doc(' || ed:ts(ed:title($doc)) || ', short: ' || ed:typst-short($doc)
                          || ')#ed-anchor(' || ed:ts(ed:anchor($doc)) || ')'"/>
  </xsl:function>

  <!-- The short title for the running heads: titleStmt/title[@type='short'], else none. -->
  <xsl:function name="ed:typst-short" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="short" select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type = ('short', 'abbreviated', 'running')][1]"/>
    <xsl:sequence select="if ($short) then ed:ts(ed:flat($short)) else 'none'"/>
  </xsl:function>
</xsl:stylesheet>
