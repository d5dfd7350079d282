<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrase-level TEI as Typst markup: text (escaped, escape.xsl), highlighting, languages,
  mentions of register entries (a marker the index reads), references, editorial
  interventions, readings of choice, breaks. Each template writes fixed Typst calls
  around content that went through ed:tx or ed:ts.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:mode on-no-match="text-only-copy" use-accumulators="#all"/>

  <!-- Every character of the document arrives here or in ed:tx/ed:ts: nowhere else. -->
  <xsl:template match="text()">
    <xsl:value-of select="ed:tx(.)"/>
  </xsl:template>

  <!-- Content wrapped in a template function, in its own language when it has one:
       #fn[...] or #ed-lang("ru")[#fn[...]]. $fn empty: the content alone. -->
  <xsl:template name="typst-call">
    <xsl:param name="fn" as="xs:string*"/>
    <xsl:param name="content" as="item()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:variable name="lang" select="@xml:lang ! ed:typst-lang(.)"/>
    <xsl:if test="exists($lang)">#ed-lang(<xsl:value-of select="ed:typst-lang-args($lang)"/>)[</xsl:if>
    <xsl:for-each select="$fn">#<xsl:value-of select="."/>[</xsl:for-each>
    <xsl:sequence select="$content"/>
    <xsl:for-each select="$fn">]</xsl:for-each>
    <xsl:if test="exists($lang)">]</xsl:if>
  </xsl:template>

  <!-- ===== highlighting ===== -->

  <xsl:function name="ed:typst-rend" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="ed:rend-classes($e) ! map{'italic': 'emph', 'bold': 'strong', 'sup': 'super',
                          'sub': 'sub', 'smallcaps': 'smallcaps', 'underline': 'underline', 'strike': 'strike'}(.)"/>
  </xsl:function>

  <xsl:template match="tei:hi">
    <xsl:call-template name="typst-call">
      <xsl:with-param name="fn" select="(ed:typst-rend(.), 'emph')[1], ed:typst-rend(.)[position() gt 1]"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:emph | tei:foreign | tei:term | tei:mentioned | tei:distinct | tei:title[not(@level = ('a', 'u'))]">
    <xsl:call-template name="typst-call">
      <xsl:with-param name="fn" select="'emph', ed:typst-rend(.)[. != 'emph']"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:code | tei:ident | tei:val">
    <xsl:text>#raw(</xsl:text><xsl:value-of select="ed:ts(string(.))"/><xsl:text>)</xsl:text>
  </xsl:template>

  <!-- Everything else of the phrase level: its content, in its language and rendition. -->
  <xsl:template match="tei:text//*" priority="-0.6">
    <xsl:call-template name="typst-call">
      <xsl:with-param name="fn" select="ed:typst-rend(.)"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:gi">
    <xsl:value-of select="ed:tx('&lt;' || . || '&gt;')"/>
  </xsl:template>
  <xsl:template match="tei:att">
    <xsl:value-of select="ed:tx('@' || .)"/>
  </xsl:template>

  <xsl:template match="tei:title[@level = ('a', 'u')] | tei:q | tei:quote | tei:said | tei:soCalled">
    <xsl:variable name="marks" select="self::tei:title or (not(@rend = ('none', 'pre', 'post', 'inline')) and
                                       (self::tei:soCalled or @rend = ('quoted', 'dq', 'double-quotes') or
                                       (self::tei:q and not(@rend)) or (self::tei:quote and parent::tei:p and not(@rend))))"/>
    <xsl:call-template name="typst-call">
      <xsl:with-param name="fn" select="ed:typst-rend(.)"/>
      <xsl:with-param name="content">
        <xsl:if test="$marks">“</xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="$marks">”</xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== names: a marker for each register entry the text mentions ===== -->

  <xsl:template match="tei:text//*[(@ref and ed:is(., 'name')) or ((self::tei:ref or self::tei:ptr) and @target)]
                                  [ed:index-mention-entries(.)]" priority="2">
    <xsl:variable name="in-note" select="exists(ancestor::tei:note)"/>
    <xsl:for-each select="ed:index-mention-entries(.)">
      <xsl:text>#ed-m(</xsl:text>
      <xsl:value-of select="ed:ts(ed:entry-key(.))"/>
      <xsl:if test="$in-note">, n: true</xsl:if>
      <xsl:text>)</xsl:text>
    </xsl:for-each>
    <xsl:next-match/>
  </xsl:template>

  <!-- The entries of the index kinds a mention points to (common: ed:mention-entries). -->
  <xsl:function name="ed:index-mention-entries" as="element()*">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="ed:mention-entries($mention)[ed:entry-kind(.) = $ed:index-kinds]"/>
  </xsl:function>

  <!-- ===== references ===== -->

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:variable name="target" select="tokenize(normalize-space(@target))[1]"/>
    <xsl:variable name="local" select="if (starts-with($target, '#')) then ed:target(., $target) else ()"/>
    <xsl:variable name="url" select="if (matches($target, '^(https?|mailto):')) then ed:safe-url($target) else ()"/>
    <xsl:variable name="content" as="item()*">
      <xsl:apply-templates/>
      <xsl:if test="self::tei:ptr"><xsl:value-of select="ed:tx($target)"/></xsl:if>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="$local[ancestor::tei:text] and not(ancestor::tei:ref)">
        <xsl:text>#ed-ref(</xsl:text><xsl:value-of select="ed:ts(ed:anchor($local))"/><xsl:text>)[</xsl:text>
        <xsl:sequence select="$content"/><xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:when test="exists($url) and not(ancestor::tei:ref)">
        <xsl:text>#ed-link(</xsl:text><xsl:value-of select="ed:ts($url)"/><xsl:text>)[</xsl:text>
        <xsl:sequence select="$content"/><xsl:text>]</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:sequence select="$content"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An anchor where a reference of the text points (only there: the document stays small). -->
  <xsl:template match="tei:text//*[ed:is-ref-target(.)]" priority="3">
    <xsl:text>#ed-anchor(</xsl:text><xsl:value-of select="ed:ts(ed:anchor(.))"/><xsl:text>)</xsl:text>
    <xsl:next-match/>
  </xsl:template>

  <!-- ===== editorial interventions ===== -->

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="ed:chosen(.)"/>
  </xsl:template>
  <!-- A sic on its own or in quoted text is marked: "than [sic]" (common: ed:sic-mark). -->
  <xsl:template match="tei:sic">
    <xsl:apply-templates/>
    <xsl:value-of select="ed:tx(ed:sic-mark(.))"/>
  </xsl:template>

  <xsl:template match="tei:am">
    <xsl:if test="$ed:diplomatic"><xsl:apply-templates/></xsl:if>
  </xsl:template>
  <xsl:template match="tei:ex">
    <xsl:if test="not($ed:diplomatic)">(<xsl:apply-templates/>)</xsl:if>
  </xsl:template>

  <xsl:template match="tei:supplied">#ed-supplied[<xsl:apply-templates/>]</xsl:template>

  <xsl:template match="tei:gap | tei:space">
    <xsl:text>#ed-gap(</xsl:text>
    <xsl:if test="tei:desc">desc: [<xsl:apply-templates select="tei:desc/node()"/>]</xsl:if>
    <xsl:text>)</xsl:text>
  </xsl:template>

  <xsl:template match="tei:del">#ed-del[<xsl:apply-templates/>]</xsl:template>

  <xsl:template match="tei:wit | tei:witDetail"/>

  <!-- ===== breaks ===== -->

  <xsl:template match="tei:lb">
    <xsl:choose>
      <xsl:when test="@break = 'no'"/>
      <xsl:when test="ancestor::tei:l or ancestor::tei:head or ancestor::tei:dateline or ancestor::tei:signed
                      or ancestor::tei:address or ancestor::tei:titlePart or ancestor::tei:lg
                      or ancestor::tei:ab[@type = ('inscription', 'edition')] or ancestor::tei:div[@type = ('edition', 'textpart')]">
        <xsl:text>#linebreak()</xsl:text>
      </xsl:when>
      <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:pb">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="@n">
      <xsl:text>#text(size: 0.8em, fill: luma(35%))[</xsl:text>
      <xsl:value-of select="ed:tx('[' || @n || ']')"/>
      <xsl:text>]</xsl:text>
      <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:cb | tei:milestone | tei:anchor | tei:index | tei:link | tei:linkGrp
                       | tei:alt | tei:altGrp | tei:join | tei:span | tei:spanGrp | tei:interpGrp | tei:interp
                       | tei:teiHeader | tei:facsimile | tei:standOff | tei:sourceDoc | tei:fw"/>
  <xsl:template match="tei:cb[not(@break = 'no')]"><xsl:text> </xsl:text></xsl:template>
</xsl:stylesheet>
