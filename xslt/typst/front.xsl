<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter in Typst: the title page (title, who and when, archival identifier,
  translator, source and source page, funder: common ed:title-page-fields; abstract with whose
  summary it is; at its foot the imprint: publisher, date, identifier, rights and licence),
  unnumbered and without running head; then "About this edition" (responsibility, editorial
  principles, notes on the source, related documents, how to cite the document and the
  edition (common/citation.xsl), changes).
  Paragraphs that name markup are given as their sentences that do not (reader.xsl).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Context: a TEI or teiCorpus element. -->
  <xsl:template name="typst-titlepage">
    <xsl:param name="marks" as="xs:string" select="''"/>
    <xsl:variable name="m" select="ed:metadata(.)"/>
    <xsl:text>&#10;#ed-titlepage(&#10;  marks: [</xsl:text>
    <xsl:value-of select="$marks"/>
    <xsl:text>],&#10;  title: [</xsl:text>
    <xsl:value-of select="ed:tx($m?title)"/>
    <xsl:text>],&#10;  subtitles: (</xsl:text>
    <xsl:for-each select="$m?subtitles">[<xsl:value-of select="ed:tx(.)"/>], </xsl:for-each>
    <xsl:text>),&#10;  fields: (</xsl:text>
    <xsl:for-each select="ed:title-page-fields(.)">
      <xsl:text>&#10;    ([</xsl:text><xsl:value-of select="ed:tx(ed:label(?key))"/>
      <xsl:text>], [</xsl:text><xsl:value-of select="ed:tx(?value)"/><xsl:text>]),</xsl:text>
    </xsl:for-each>
    <xsl:text>),&#10;</xsl:text>
    <xsl:for-each select="$m?abstract[normalize-space()][1]">
      <xsl:text>  abstract: [</xsl:text>
      <xsl:apply-templates/>
      <xsl:if test="$m?abstract-by">
        <xsl:value-of select="'#parbreak()' || ed:tx(ed:label('summary-by') || ' ' || $m?abstract-by)"/>
      </xsl:if>
      <xsl:text>],&#10;</xsl:text>
    </xsl:for-each>
    <xsl:variable name="imprint" as="xs:string*">
      <xsl:call-template name="typst-imprint"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    </xsl:variable>
    <xsl:if test="exists($imprint)">
      <xsl:text>  imprint: [</xsl:text>
      <xsl:value-of select="$imprint" separator="#parbreak()"/>
      <xsl:text>],&#10;</xsl:text>
    </xsl:if>
    <xsl:text>)&#10;</xsl:text>
  </xsl:template>

  <!-- The imprint: "Publisher, place, date. Identifier." then rights and licence, each a
       paragraph of Typst markup. Context: a TEI or teiCorpus element. -->
  <xsl:template name="typst-imprint">
    <xsl:param name="m" as="map(*)"/>
    <xsl:variable name="line" select="string-join(($m?publication ! ed:flat(.)), ', ')"/>
    <xsl:if test="normalize-space($line) or exists($m?idnos)">
      <xsl:value-of>
        <xsl:if test="normalize-space($line)">
          <xsl:value-of select="ed:tx(ed:label('publisher') || ' ' || $line || '.')"/>
        </xsl:if>
        <xsl:for-each select="$m?idnos">
          <xsl:value-of select="ed:tx(' ' || ed:label('identifier') || ': ' || ed:flat(.) || '.')"/>
        </xsl:for-each>
      </xsl:value-of>
    </xsl:if>
    <xsl:for-each select="$m?availability/(tei:p | tei:ab | tei:licence), $m?header/tei:fileDesc/tei:publicationStmt/tei:p">
      <xsl:value-of>
        <xsl:if test="self::tei:licence">
          <xsl:value-of select="'#ed-label[' || ed:tx(ed:label('licence')) || ']: '"/>
        </xsl:if>
        <xsl:call-template name="typst-reader-content"/>
      </xsl:value-of>
    </xsl:for-each>
  </xsl:template>

  <!-- An element's content for the reader: as is, or only its sentences that name no markup. -->
  <xsl:template name="typst-reader-content">
    <xsl:choose>
      <xsl:when test="ed:has-markup-names(.)">
        <xsl:value-of select="ed:tx(string-join(ed:reader-sentences(.), ' '))"/>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- "About this edition". Context: a TEI element. -->
  <xsl:template name="typst-about">
    <xsl:variable name="m" select="ed:metadata(.)"/>
    <xsl:variable name="enc" select="$m?encoding[not(self::tei:p)]"/>
    <xsl:variable name="changes" select="$m?changes"/>
    <xsl:variable name="notes" select="$m?notes | $m?funding | $m?ms-notes"/>
    <xsl:variable name="resp" select="(($m?translation | $m?responsibility)[self::tei:respStmt or self::tei:editor])
                                      ! ed:responsibility(.)"/>
    <xsl:if test="exists($resp) or $enc or $changes or $notes">
      <xsl:text>&#10;#ed-front[&#10;#heading(level: 1, outlined: false)[</xsl:text>
      <xsl:value-of select="ed:tx(ed:label('about-edition'))"/>
      <xsl:text>]&#10;</xsl:text>
      <xsl:if test="exists($resp)">
        <xsl:value-of select="ed:typst-subhead(ed:label('responsibility'))"/>
        <xsl:for-each select="$resp">
          <xsl:value-of select="ed:tx(.)"/><xsl:text>&#10;&#10;</xsl:text>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="$enc">
        <xsl:value-of select="ed:typst-subhead(ed:label('encoding'))"/>
        <xsl:apply-templates select="$enc" mode="typst-about"/>
      </xsl:if>
      <xsl:if test="$notes">
        <xsl:value-of select="ed:typst-subhead(ed:label('source-notes'))"/>
        <xsl:for-each select="$notes">
          <xsl:call-template name="typst-reader-content"/><xsl:text>&#10;&#10;</xsl:text>
        </xsl:for-each>
      </xsl:if>
      <xsl:if test="exists($m?related)">
        <xsl:value-of select="ed:typst-subhead(ed:label('related'))"/>
        <xsl:for-each select="$m?related">
          <xsl:text>- </xsl:text>
          <xsl:value-of select="ed:tx(if (self::tei:relatedItem) then string(@target) else ed:flat(.))"/>
          <xsl:text>&#10;</xsl:text>
        </xsl:for-each>
        <xsl:text>&#10;</xsl:text>
      </xsl:if>
      <xsl:variable name="citation" select="ed:citation(.)"/>
      <xsl:value-of select="ed:typst-subhead(ed:label('how-to-cite'))"/>
      <xsl:for-each select="'document', 'edition'">
        <xsl:value-of select="'#ed-label[' || ed:tx(ed:label('cite-' || .)) || ']. '"/>
        <xsl:for-each select="ed:chicago-parts($citation(current()), 'bibliography')">
          <xsl:value-of select="if (?italic) then '#emph[' || ed:tx(?text) || ']' else ed:tx(?text)"/>
        </xsl:for-each>
        <xsl:text>&#10;&#10;</xsl:text>
      </xsl:for-each>
      <xsl:if test="$changes">
        <xsl:value-of select="ed:typst-subhead(ed:label('changes'))"/>
        <xsl:for-each select="$changes">
          <xsl:value-of select="ed:tx(string-join((ed:date-text(.), ed:pointer-names(., @who), @status), ', '))"/>
          <xsl:if test="@when or @who or @status">: </xsl:if>
          <xsl:call-template name="typst-reader-content"/>
          <xsl:text>&#10;&#10;</xsl:text>
        </xsl:for-each>
      </xsl:if>
      <xsl:text>]&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:function name="ed:typst-subhead" as="xs:string">
    <xsl:param name="label" as="xs:string"/>
    <xsl:sequence select="'#heading(level: 2, outlined: false)[' || ed:tx($label) || ']&#10;'"/>
  </xsl:function>

  <xsl:mode name="typst-about" on-no-match="shallow-skip"/>

  <xsl:template match="tei:p | tei:ab" mode="typst-about">
    <xsl:variable name="content" as="xs:string">
      <xsl:value-of><xsl:call-template name="typst-reader-content"/></xsl:value-of>
    </xsl:variable>
    <xsl:if test="normalize-space($content)">
      <xsl:value-of select="$content"/><xsl:text>&#10;&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:projectDesc | tei:samplingDecl | tei:editorialDecl" mode="typst-about">
    <xsl:apply-templates mode="typst-about"/>
  </xsl:template>

  <!-- correction, normalization, quotation, hyphenation ...: a paragraph led by its label. -->
  <xsl:template match="tei:editorialDecl/*[not(self::tei:p)]" mode="typst-about">
    <xsl:variable name="label" select="ed:decl-label(.)"/>
    <xsl:variable name="paras" as="xs:string*">
      <xsl:for-each select="(tei:p, .[not(tei:p)])">
        <xsl:value-of><xsl:call-template name="typst-reader-content"/></xsl:value-of>
      </xsl:for-each>
    </xsl:variable>
    <xsl:for-each select="$paras[normalize-space()]">
      <xsl:if test="position() = 1">
        <xsl:text>#ed-label[</xsl:text>
        <xsl:value-of select="ed:tx($label)"/>
        <xsl:text>]. </xsl:text>
      </xsl:if>
      <xsl:value-of select="."/><xsl:text>&#10;&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
