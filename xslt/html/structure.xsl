<?xml version="1.0" encoding="UTF-8"?>
<!--
  The text's structure: text, front/body/back, group, divisions and their headings,
  paragraphs and anonymous blocks; and the fallback for elements nobody knows, which keeps
  their text (span class="tei-NAME" data-tei="NAME") and is reported once per document.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode on-no-match="text-only-copy" warning-on-no-match="false" use-accumulators="#all"/>

  <!-- Unknown elements (any namespace): keep the text, mark the element, count it later. -->
  <xsl:template match="*" priority="-10">
    <span class="tei-{ed:token(local-name())} ed-unknown" data-tei="{local-name()}">
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Text as it reads between its neighbours (common/words.xsl: joins, token spacing). -->
  <xsl:template match="text()">
    <xsl:value-of select="ed:text(.)"/>
  </xsl:template>

  <!-- Comments and processing instructions are not text. -->
  <xsl:template match="comment() | processing-instruction()"/>

  <!-- Forme work (running heads, page numbers of the source): kept, marked, in the margin. -->
  <xsl:template _match="{$ed:match?furniture}">
    <span aria-hidden="true">
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-fw'"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- Whether an element holds blocks (role "block" in common/roles.xsl), so that it becomes a
       div rather than a p or span: HTML does not allow a block inside a paragraph. -->
  <xsl:function name="ed:has-blocks" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/descendant::*[local-name() = $ed:roles?block][not(self::tei:item)]
                                 [not(ancestor::tei:note intersect $el/descendant::tei:note)])
                          or exists($el/descendant::*[not(self::tei:*)][local-name() = ('math', 'svg', 'table', 'div', 'p')])"/>
  </xsl:function>

  <xsl:template match="tei:text | tei:group | tei:body | tei:front | tei:back">
    <div>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:param name="ed:level" as="xs:integer" tunnel="yes" select="3"/>
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <section>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-div'"/>
      </xsl:call-template>
      <xsl:if test="$ed:render = 'full' and not(@xml:id) and tei:head">
        <xsl:attribute name="id" select="ed:div-id(.)"/>
      </xsl:if>
      <xsl:for-each select="ed:div-label(.)">
        <xsl:element name="h{max((2, min((6, $ed:level))))}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="'ed-div-label'"/>
          <xsl:value-of select="."/>
        </xsl:element>
      </xsl:for-each>
      <xsl:apply-templates>
        <xsl:with-param name="ed:level" select="$ed:level + 1" tunnel="yes"/>
      </xsl:apply-templates>
    </section>
  </xsl:template>

  <!-- Headings of divisions and of text parts become h3..h6; other heads (of lists,
       tables, verse) are styled blocks. -->
  <xsl:template match="tei:head">
    <xsl:param name="ed:level" as="xs:integer" tunnel="yes" select="3"/>
    <xsl:variable name="in-div" select="exists(parent::*[starts-with(local-name(), 'div')])"/>
    <xsl:variable name="level" select="max((2, min((6, if ($in-div) then $ed:level - 1 else $ed:level))))"/>
    <xsl:choose>
      <xsl:when test="parent::*[self::tei:div or self::tei:div1 or self::tei:div2 or self::tei:div3 or self::tei:div4
                                or self::tei:div5 or self::tei:div6 or self::tei:div7 or self::tei:body
                                or self::tei:front or self::tei:back or self::tei:group]
                      and not(preceding-sibling::tei:head)">
        <xsl:element name="h{$level}" namespace="http://www.w3.org/1999/xhtml">
          <xsl:call-template name="ed:attrs"/>
          <xsl:apply-templates/>
        </xsl:element>
      </xsl:when>
      <xsl:otherwise>
        <div>
          <xsl:call-template name="ed:attrs"/>
          <xsl:apply-templates/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab">
    <xsl:element name="{if (ed:has-blocks(.)) then 'div' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Front and back matter, title pages, arguments ...: blocks with a class. -->
  <xsl:template match="tei:titlePage | tei:docTitle | tei:titlePart | tei:docAuthor | tei:docImprint
                       | tei:docDate | tei:docEdition | tei:argument | tei:epigraph | tei:byline
                       | tei:trailer | tei:imprimatur | tei:div/tei:docAuthor">
    <div>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- Inside a byline, an imprint or a paragraph, title-page parts are phrases (common). -->
  <xsl:template match="tei:*[ed:is-phrase(.)]" priority="2">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Generic inline containers whose meaning is carried by a class only (no warning). -->
  <xsl:template match="tei:seg | tei:s | tei:w | tei:c | tei:pc | tei:phr | tei:cl | tei:m | tei:num
                       | tei:measure | tei:measureGrp | tei:idno | tei:ident | tei:code | tei:email
                       | tei:distinct | tei:gloss | tei:unit | tei:anchor | tei:index | tei:interp
                       | tei:span | tei:affiliation | tei:occupation | tei:addName | tei:forename
                       | tei:surname | tei:genName | tei:nameLink | tei:orgName/tei:orgName
                       | tei:offset | tei:geo | tei:state | tei:trait | tei:label | tei:desc | tei:biblScope
                       | tei:pubPlace | tei:publisher | tei:edition | tei:extent | tei:series | tei:author
                       | tei:editor | tei:respStmt | tei:resp | tei:imprint | tei:monogr | tei:analytic
                       | tei:textLang | tei:locus | tei:lang | tei:time/tei:*  | tei:secFol | tei:catchwords
                       | tei:signatures | tei:incipit | tei:explicit | tei:rubric | tei:finalRubric
                       | tei:colophon | tei:summary | tei:filiation | tei:msItem | tei:repository
                       | tei:collection | tei:altIdentifier | tei:msName | tei:institution
                       | tei:dimensions | tei:height | tei:width | tei:depth | tei:dim | tei:precision
                       | tei:certainty | tei:respons | tei:link | tei:linkGrp | tei:join | tei:alt
                       | tei:altGrp | tei:timeline | tei:when | tei:metamark | tei:ex | tei:am
                       | tei:rhyme | tei:shift | tei:oRef | tei:pRef | tei:oVar | tei:pVar
                       | tei:hyph | tei:syll | tei:pos | tei:gram | tei:gen | tei:number | tei:case
                       | tei:per | tei:tns | tei:mood | tei:iType | tei:usg | tei:lbl | tei:xr | tei:re
                       | tei:etym | tei:def | tei:cit/tei:bibl | tei:specDesc | tei:specList
                       | tei:listRef | tei:citedRange | tei:date/tei:*
                       | tei:g | tei:noteGrp | tei:interpGrp | tei:joinGrp | tei:spanGrp">
    <span>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>
</xsl:stylesheet>
