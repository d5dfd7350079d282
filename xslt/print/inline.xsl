<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrase-level TEI in the print edition: highlighting, names (each mention in the text
  gets an anchor that the index points to), dates and numbers, references, editorial
  interventions (choice, sic/corr, abbr/expan, supplied, gap, unclear, del/add),
  quotations, technical terms, line and page breaks.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- A span with classes, the language and (for mentions and xml:ids) an anchor. -->
  <xsl:template name="ed:span">
    <xsl:param name="class" as="xs:string*" select="local-name()"/>
    <xsl:param name="content" as="item()*">
      <xsl:apply-templates/>
    </xsl:param>
    <span class="{string-join($class[.], ' ')}">
      <xsl:if test="@xml:id or (@ref and ancestor::tei:text)"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:sequence select="$content"/>
    </span>
  </xsl:template>

  <!-- Runs of white space become one space (line ends inside CJK text trip WeasyPrint 70). -->
  <xsl:template match="text()">
    <xsl:value-of select="replace(., '[ \t\r\n]+', ' ')"/>
  </xsl:template>

  <!-- ===== highlighting ===== -->

  <xsl:template match="tei:hi">
    <xsl:call-template name="ed:span">
      <xsl:with-param name="class" select="('hi', if (empty(ed:rend-classes(.))) then 'italic' else ed:rend-classes(.))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template _match="{$ed:match?date} | tei:emph | tei:foreign | tei:term | tei:mentioned | tei:distinct | tei:gloss | tei:code
                       | tei:ident | tei:val | tei:tag | tei:seg | tei:w | tei:c | tei:pc | tei:s
                       | tei:phr | tei:cl | tei:g | tei:add | tei:unclear | tei:damage | tei:surplus | tei:orig
                       | tei:reg | tei:corr | tei:abbr | tei:expan | tei:num | tei:measure
                       | tei:idno | tei:label | tei:affiliation | tei:occupation | tei:state
                       | tei:trait | tei:birth | tei:death | tei:residence | tei:biblScope | tei:citedRange
                       | tei:publisher | tei:pubPlace | tei:author | tei:editor | tei:imprint | tei:bibl
                       | tei:biblStruct | tei:monogr | tei:analytic | tei:email | tei:formula | tei:locus">
    <xsl:call-template name="ed:span">
      <xsl:with-param name="class" select="(local-name(), ed:rend-classes(.), @type ! replace(., '\W', ''))"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gi">
    <span class="gi">&lt;<xsl:apply-templates/>&gt;</span>
  </xsl:template>
  <xsl:template match="tei:att">
    <span class="att">@<xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:title">
    <xsl:call-template name="ed:span">
      <xsl:with-param name="class" select="('title', if (@level = ('a', 'u')) then () else 'italic', ed:rend-classes(.))"/>
      <xsl:with-param name="content">
        <xsl:if test="@level = 'a'">“</xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="@level = 'a'">”</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:q | tei:quote | tei:said | tei:soCalled">
    <xsl:call-template name="ed:span">
      <xsl:with-param name="class" select="(local-name(), ed:rend-classes(.))"/>
      <xsl:with-param name="content">
        <xsl:variable name="marks" select="not(@rend = ('none', 'pre', 'post', 'inline')) and
                                           (self::tei:soCalled or @rend = ('quoted', 'dq', 'double-quotes') or
                                           (self::tei:q and not(@rend)) or (self::tei:quote and parent::tei:p and not(@rend)))"/>
        <xsl:if test="$marks">“</xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="$marks">”</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== names ===== -->

  <xsl:template _match="{$ed:match?name} | {$ed:match?name-part}">
    <xsl:call-template name="ed:span">
      <xsl:with-param name="class" select="('name', local-name(), ed:rend-classes(.))"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== references ===== -->

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:variable name="local" select="if (starts-with($target, '#')) then ed:target(., $target) else ()"/>
    <xsl:variable name="href" select="if ($local[ancestor::tei:text or ancestor::tei:back]) then '#' || ed:anchor($local)
                                      else if (matches($target, '^(https?|mailto):')) then $target else ()"/>
    <xsl:variable name="content" as="item()*">
      <xsl:apply-templates/>
      <xsl:if test="self::tei:ptr"><xsl:value-of select="$target"/></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a class="ref" href="{$href}">
          <xsl:if test="ancestor::tei:text"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
          <xsl:sequence select="$content"/>
        </a>
      </xsl:when>
      <xsl:otherwise>
        <span class="ref">
          <xsl:if test="ancestor::tei:text"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
          <xsl:sequence select="$content"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:ref[ancestor::tei:ref] | tei:ref[.//tei:ref]">
    <span class="ref"><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== editorial interventions ===== -->

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="ed:chosen(.)"/>
  </xsl:template>
  <!-- A sic that is shown is marked: "than [sic]" (common: ed:sic-mark). -->
  <xsl:template match="tei:sic">
    <span class="sic"><xsl:apply-templates/></span>
    <xsl:if test="ed:sic-mark(.)"><span class="sign"><xsl:value-of select="ed:sic-mark(.)"/></span></xsl:if>
  </xsl:template>

  <!-- Abbreviation markers belong to the diplomatic reading. -->
  <xsl:template match="tei:am">
    <xsl:if test="ed:in-reading(.)"><xsl:apply-templates/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:ex">
    <xsl:if test="ed:in-reading(.)">
      <span class="ex">(<xsl:apply-templates/>)</span>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span class="supplied">[<xsl:apply-templates/>]</span>
  </xsl:template>

  <xsl:template match="tei:gap | tei:space">
    <span class="gap">[…<xsl:for-each select="tei:desc"><xsl:text> </xsl:text><xsl:apply-templates/></xsl:for-each>]</span>
  </xsl:template>

  <xsl:template match="tei:del">
    <span class="del">⟦<xsl:apply-templates/>⟧</span>
  </xsl:template>

  <xsl:template match="tei:app">
    <xsl:apply-templates select="(tei:lem, tei:rdg)[1]"/>
    <xsl:variable name="others" select="(tei:rdg, tei:rdgGrp/tei:rdg) except (tei:lem, tei:rdg)[1]"/>
    <xsl:if test="$others">
      <span class="editorial"> [<xsl:for-each select="$others">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:apply-templates/>
          <xsl:if test="@wit"><xsl:text> </xsl:text><span class="italic"><xsl:value-of select="replace(@wit, '#', '')"/></span></xsl:if>
        </xsl:for-each>]</span>
    </xsl:if>
    <xsl:apply-templates select="tei:note"/>
  </xsl:template>
  <xsl:template match="tei:lem | tei:rdg">
    <xsl:apply-templates/>
  </xsl:template>
  <xsl:template match="tei:wit | tei:witDetail"/>

  <!-- ===== breaks ===== -->

  <xsl:template match="tei:lb">
    <xsl:choose>
      <xsl:when test="@break = 'no'"/>
      <xsl:when test="ancestor::tei:l or ancestor::tei:head or ancestor::tei:dateline or ancestor::tei:signed
                      or ancestor::tei:address or ancestor::tei:titlePart or ancestor::tei:lg
                      or ancestor::tei:ab[@type = ('inscription', 'edition')] or ancestor::tei:div[@type = ('edition', 'textpart')]">
        <br/>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="@n">
      <span class="pb">[<xsl:value-of select="@n"/>]</span>
      <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
    </xsl:if>
  </xsl:template>
  <xsl:template _match="tei:cb | tei:milestone | {$ed:match?linking}"/>
  <xsl:template match="tei:cb[not(@break = 'no')]"><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>
