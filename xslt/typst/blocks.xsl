<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block-level TEI as Typst markup: divisions and heads, paragraphs, openers and closers,
  verse, drama, lists (no empty items), tables, figures, quotations, examples, register
  entries printed in the text. A block is written between blank lines, or as a template
  call (#ed-lg[...]), so that a block inside a paragraph simply breaks it.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:nl" select="'&#10;'"/>
  <xsl:variable name="ed:par" select="'&#10;&#10;'"/>

  <!-- A nested text (floatingText, group) is a block of the text it is in. -->
  <xsl:template match="tei:text">
    <xsl:call-template name="typst-call">
      <xsl:with-param name="content">
        <xsl:value-of select="$ed:par"/><xsl:apply-templates/><xsl:value-of select="$ed:par"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Front, body and back are not containers: a chapter inside may open a page. -->
  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <xsl:value-of select="$ed:par"/>
    <xsl:call-template name="typst-call"/>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- ===== divisions and heads ===== -->

  <xsl:function name="ed:div-level" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="count($div/ancestor::*[self::tei:div or matches(local-name(), '^div[1-7]$')]
                                [ancestor::tei:text]) + 1"/>
  </xsl:function>

  <!-- A long text's chapters (three or more headed divisions of the body) open a page. -->
  <xsl:function name="ed:is-chapter" as="xs:boolean">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="$div/parent::tei:body and $div/tei:head
                          and count($div/../(tei:div | tei:div1)[tei:head]) ge 3"/>
  </xsl:function>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:value-of select="$ed:par"/>
    <xsl:if test="ed:is-chapter(.)">#pagebreak(weak: true)&#10;</xsl:if>
    <xsl:if test="ed:is-chapter(.) or @xml:id">
      <xsl:text>#ed-anchor(</xsl:text><xsl:value-of select="ed:ts(ed:anchor(.))"/><xsl:text>)</xsl:text>
    </xsl:if>
    <xsl:call-template name="typst-call">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- The head of a division: a heading with its running-head string. -->
  <xsl:template match="tei:head[parent::*[self::tei:div or matches(local-name(), '^div[1-7]$')]]">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-head(level: </xsl:text>
    <xsl:value-of select="ed:div-level(..)"/>
    <xsl:if test="not(preceding-sibling::tei:head)">
      <xsl:text>, run: </xsl:text><xsl:value-of select="ed:ts(ed:typst-run(.))"/>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- Other heads (of lists, verse, figures, a text): a bold line. -->
  <xsl:template match="tei:head">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-block(above: 0.8em)[#strong[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- The running head of a division: its head as plain text, empty when it repeats the title. -->
  <xsl:function name="ed:typst-run" as="xs:string">
    <xsl:param name="head" as="element()"/>
    <xsl:variable name="h" select="ed:flat($head)"/>
    <xsl:variable name="title" select="ed:title(($head/ancestor::tei:TEI[1], root($head)/*)[1])"/>
    <xsl:sequence select="if ($h = '' or starts-with($title, $h) or starts-with($h, $title)) then '' else $h"/>
  </xsl:function>

  <!-- ===== paragraphs ===== -->

  <xsl:template match="tei:p | tei:ab">
    <xsl:value-of select="$ed:par"/>
    <xsl:call-template name="typst-call"/>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- ===== letters and documents ===== -->

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph
                       | tei:titlePage | tei:docTitle | tei:docImprint | tei:castList | tei:castGroup | tei:spGrp | tei:u">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-block(indent: </xsl:text>
    <xsl:value-of select="if (self::tei:epigraph or self::tei:argument) then '2em' else '0pt'"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- Lines of openers and closers; datelines and signatures on the right. -->
  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:docAuthor | tei:docDate
                       | tei:address | tei:addrLine | tei:opener/tei:seg | tei:closer/tei:seg
                       | tei:trailer | tei:titlePart | tei:castItem | tei:roleGroup | tei:figDesc">
    <xsl:value-of select="$ed:nl"/>
    <xsl:text>#ed-line(align-to: </xsl:text>
    <xsl:value-of select="if (self::tei:dateline or self::tei:signed or (self::tei:salute and parent::tei:closer)) then 'right' else 'left'"/>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="typst-call">
      <xsl:with-param name="fn" select="if (self::tei:seg and @type = ('priority', 'classification')) then 'ed-mark'
                                        else if (self::tei:titlePart or self::tei:trailer) then 'strong' else ()"/>
    </xsl:call-template>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:nl"/>
  </xsl:template>

  <xsl:template match="tei:roleDesc">
    <xsl:if test="preceding-sibling::*">, </xsl:if>
    <xsl:call-template name="typst-call"><xsl:with-param name="fn" select="'emph'"/></xsl:call-template>
  </xsl:template>

  <!-- ===== verse and drama ===== -->

  <xsl:template match="tei:lg">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-lg[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:value-of select="$ed:nl"/>
    <xsl:text>#ed-l[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:nl"/>
  </xsl:template>

  <xsl:template match="tei:sp">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-sp(</xsl:text>
    <xsl:if test="tei:speaker">
      <xsl:text>speaker: [</xsl:text>
      <xsl:apply-templates select="tei:speaker/node()"/>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:text>)[</xsl:text>
    <xsl:call-template name="typst-call">
      <xsl:with-param name="content"><xsl:apply-templates select="node() except tei:speaker"/></xsl:with-param>
    </xsl:call-template>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:call-template name="typst-call"><xsl:with-param name="fn" select="'smallcaps'"/></xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:stage | tei:move">
    <xsl:variable name="inline" select="parent::tei:p or parent::tei:l or parent::tei:ab or parent::tei:sp"/>
    <xsl:if test="not($inline)"><xsl:value-of select="$ed:par"/></xsl:if>
    <xsl:call-template name="typst-call"><xsl:with-param name="fn" select="'ed-stage'"/></xsl:call-template>
    <xsl:if test="not($inline)"><xsl:value-of select="$ed:par"/></xsl:if>
  </xsl:template>

  <!-- ===== lists: an item without text is not printed, nor a list without items ===== -->

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent
                       | tei:listRelation | tei:listApp | tei:listWit | tei:listNym | tei:listObject">
    <xsl:variable name="items" select="ed:list-entries(.)"/>
    <xsl:if test="exists($items) or tei:head[normalize-space()]">
      <xsl:value-of select="$ed:par"/>
      <xsl:apply-templates select="tei:head"/>
      <xsl:if test="exists($items)">
        <xsl:choose>
          <xsl:when test="tei:label and tei:item">
            <xsl:text>#terms(</xsl:text>
            <xsl:for-each select="$items">
              <xsl:text>terms.item([</xsl:text>
              <xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()"/>
              <xsl:text>], [</xsl:text><xsl:apply-templates select="."/><xsl:text>]), </xsl:text>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:when>
          <xsl:otherwise>
            <xsl:value-of select="if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then '#enum(' else '#list('"/>
            <xsl:for-each select="$items">
              <xsl:text>[</xsl:text><xsl:apply-templates select="."/><xsl:text>], </xsl:text>
            </xsl:for-each>
            <xsl:text>)</xsl:text>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:if>
      <xsl:value-of select="$ed:par"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:call-template name="typst-call"/>
  </xsl:template>

  <!-- Register entries printed in the text: their parts on one line. -->
  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event | tei:relation | tei:nym | tei:object">
    <xsl:call-template name="typst-call">
      <xsl:with-param name="content">
        <xsl:for-each select="node()">
          <xsl:apply-templates select="."/>
          <xsl:if test="self::* and following-sibling::*"><xsl:text> </xsl:text></xsl:if>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== tables ===== -->

  <xsl:template match="tei:table">
    <xsl:variable name="columns" select="max((1, tei:row ! sum(tei:cell ! (if (@cols castable as xs:integer) then xs:integer(@cols) else 1))))"/>
    <xsl:value-of select="$ed:par"/>
    <xsl:apply-templates select="tei:head"/>
    <xsl:text>#table(columns: </xsl:text>
    <xsl:value-of select="min(($columns, 40))"/>
    <xsl:text>, stroke: 0.4pt + luma(60%), inset: 4pt, align: left,&#10;</xsl:text>
    <xsl:for-each select="tei:row/tei:cell">
      <xsl:text>table.cell(</xsl:text>
      <xsl:if test="@cols castable as xs:integer and xs:integer(@cols) gt 1">colspan: <xsl:value-of select="min((xs:integer(@cols), 40))"/>, </xsl:if>
      <xsl:if test="@rows castable as xs:integer and xs:integer(@rows) gt 1">rowspan: <xsl:value-of select="min((xs:integer(@rows), 1000))"/>, </xsl:if>
      <xsl:text>)[</xsl:text>
      <xsl:call-template name="typst-call">
        <xsl:with-param name="fn" select="if (../@role = 'label' or @role = 'label') then 'strong' else ()"/>
      </xsl:call-template>
      <xsl:text>], </xsl:text>
    </xsl:for-each>
    <xsl:text>)</xsl:text>
    <xsl:apply-templates select="* except (tei:head | tei:row)"/>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- ===== figures, quotations, examples ===== -->

  <xsl:template match="tei:figure">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-figure[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <!-- Images are not fetched: the print edition names them. -->
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject">
    <xsl:value-of select="ed:tx('[' || ed:or(string((@url, @mimeType)[1]), 'image') || ']')"/>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:l | tei:ab] | tei:cit[not(ancestor::tei:p | ancestor::tei:l)]
                       | tei:floatingText | tei:said[tei:p]">
    <xsl:value-of select="$ed:par"/>
    <xsl:text>#ed-quote[</xsl:text>
    <xsl:call-template name="typst-call"/>
    <xsl:text>]</xsl:text>
    <xsl:value-of select="$ed:par"/>
  </xsl:template>

  <xsl:template match="tei:eg">
    <xsl:text>#ed-pre(</xsl:text><xsl:value-of select="ed:ts-pre(ed:pre(string(.)))"/><xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="teix:egXML">
    <xsl:text>#ed-pre(</xsl:text><xsl:value-of select="ed:ts-pre(ed:pre(ed:xml-source(node())))"/><xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:function name="ed:pre" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace($s, '[ \p{Zs}]+(\r?\n)', '$1'), '^\s*\n|\s+$', '')"/>
  </xsl:function>
</xsl:stylesheet>
