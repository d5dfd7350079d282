<?xml version="1.0" encoding="UTF-8"?>
<!--
  Blocks: lists, tables, figures and graphics, verse (lg, l), drama (sp, speaker, stage,
  castList), floatingText, block quotations, examples (eg, egXML) and bibliographies.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- ===== Lists ===== -->
  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent
                       | tei:listObject | tei:listNym | tei:listWit | tei:listApp">
    <xsl:variable name="gloss" select="exists(tei:label) or @type = 'gloss'"/>
    <div>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-list'"/>
      </xsl:call-template>
      <xsl:apply-templates select="tei:head"/>
      <xsl:choose>
        <xsl:when test="$gloss">
          <dl>
            <xsl:for-each-group select="(* except tei:head)[not(ed:is-void(.))]" group-starting-with="tei:label">
              <xsl:if test="current-group()[1][not(self::tei:label)]"><dt class="ed-empty"/></xsl:if>
              <xsl:for-each select="current-group()">
                <xsl:choose>
                  <xsl:when test="self::tei:label"><dt><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></dt></xsl:when>
                  <xsl:otherwise><dd><xsl:apply-templates select="."><xsl:with-param name="ed:wrap" select="false()" tunnel="yes"/></xsl:apply-templates></dd></xsl:otherwise>
                </xsl:choose>
              </xsl:for-each>
            </xsl:for-each-group>
          </dl>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="{if (@type = ('ordered', 'numbered', 'decimal') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}"
                       namespace="http://www.w3.org/1999/xhtml">
            <xsl:for-each select="(* except tei:head)[not(ed:is-void(.))]">
              <li><xsl:apply-templates select="."><xsl:with-param name="ed:wrap" select="false()" tunnel="yes"/></xsl:apply-templates></li>
            </xsl:for-each>
          </xsl:element>
        </xsl:otherwise>
      </xsl:choose>
    </div>
    <!-- text directly inside the list element (rare, invalid) is kept -->
    <xsl:apply-templates select="text()[normalize-space()]"/>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:element name="{if (ed:has-blocks(.)) then 'div' else 'span'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Entries of lists inside the text (back-matter registers, bibliographies): blocks. -->
  <xsl:template match="tei:text//tei:person | tei:text//tei:personGrp | tei:text//tei:org | tei:text//tei:place
                       | tei:text//tei:event | tei:bibl | tei:biblStruct | tei:biblFull | tei:text//tei:object
                       | tei:text//tei:nym | tei:witness | tei:msDesc | tei:text//tei:relation">
    <xsl:value-of select="ed:sign-open(.)"/>
    <xsl:element name="{if (ed:has-blocks(.) or parent::*[starts-with(local-name(), 'list')]) then 'div' else 'span'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:choose>
        <!-- a structured source as a citation (common: ed:bibl-parts) -->
        <xsl:when test="(self::tei:biblStruct or self::tei:biblFull or self::tei:bibl[count(*) gt 1])
                        and not(text()[normalize-space()])">
          <xsl:call-template name="ed:bibl-parts"/>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </xsl:element>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== Tables ===== -->
  <xsl:template match="tei:table">
    <div class="ed-table-wrap">
      <table>
        <xsl:call-template name="ed:attrs"/>
        <xsl:if test="tei:head">
          <caption><xsl:for-each select="tei:head"><xsl:if test="position() gt 1"><br/></xsl:if><xsl:apply-templates/></xsl:for-each></caption>
        </xsl:if>
        <tbody>
          <xsl:apply-templates select="tei:row"/>
        </tbody>
      </table>
      <xsl:apply-templates select="* except (tei:head, tei:row)"/>
    </div>
  </xsl:template>

  <xsl:template match="tei:row">
    <tr><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></tr>
  </xsl:template>

  <xsl:template match="tei:cell">
    <xsl:element name="{if (@role = 'label' or parent::tei:row/@role = 'label') then 'th' else 'td'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:if test="@cols castable as xs:positiveInteger and xs:integer(@cols) le 100">
        <xsl:attribute name="colspan" select="xs:integer(@cols)"/>
      </xsl:if>
      <xsl:if test="@rows castable as xs:positiveInteger and xs:integer(@rows) le 1000">
        <xsl:attribute name="rowspan" select="xs:integer(@rows)"/>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- ===== Figures ===== -->
  <xsl:template match="tei:figure">
    <figure>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates select="* except tei:head"/>
      <xsl:if test="tei:head">
        <figcaption><xsl:for-each select="tei:head"><xsl:if test="position() gt 1"><br/></xsl:if><xsl:apply-templates/></xsl:for-each></figcaption>
      </xsl:if>
    </figure>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media">
    <xsl:variable name="src" select="ed:safe-url(@url)"/>
    <xsl:if test="exists($src) and matches($src, '^(https?:|[^:]*$)')">
      <img src="{$src}" alt="{normalize-space(ed:plain((../tei:figDesc, tei:desc)[1]))}" loading="lazy">
        <xsl:call-template name="ed:attrs"/>
      </img>
    </xsl:if>
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:binaryObject">
    <span class="tei-binaryObject" title="{(@mimeType, 'binary')[1]}"><xsl:value-of select="."/></span>
  </xsl:template>

  <!-- ===== Verse ===== -->
  <xsl:template match="tei:lg">
    <div><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:l">
    <div>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
      <xsl:if test="@n and matches(@n, '^\d*[05]$')">
        <span class="ed-lineno" aria-hidden="true"><xsl:value-of select="@n"/></span>
      </xsl:if>
    </div>
  </xsl:template>

  <!-- ===== Drama ===== -->
  <xsl:template match="tei:sp | tei:spGrp | tei:castList | tei:castGroup | tei:u">
    <div><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:speech-of"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- A speech mentions those who speak it (common/registers.xsl): an id, and data-who with
       the register ids the register section links back from. -->
  <xsl:template name="ed:speech-of">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="regs" select="ed:mention-entries(.)[ed:in-register(.)] ! ed:reg-id(.)"/>
    <xsl:if test="self::tei:sp and $ed:render = 'full' and exists($regs)">
      <xsl:if test="not(@xml:id)"><xsl:attribute name="id" select="'m-' || ed:node-id(.)"/></xsl:if>
      <xsl:attribute name="data-who" select="string-join($regs, ' ')"/>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <div><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:stage | tei:move | tei:camera | tei:sound | tei:view | tei:caption | tei:tech">
    <xsl:element name="{if (parent::tei:p or parent::tei:l or parent::tei:head or ancestor::tei:hi or not(ed:has-blocks(.)) and parent::*[not(self::tei:sp or self::tei:div or starts-with(local-name(), 'div') or self::tei:body or self::tei:lg)]) then 'span' else 'div'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- A cast item is one line; its role, description and actor are phrases of it
       (common: ed:cast-separator). -->
  <xsl:template match="tei:castItem">
    <div><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:role | tei:roleDesc | tei:actor | tei:roleGroup">
    <xsl:value-of select="ed:cast-separator(.)"/>
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Dictionaries: entries and senses are blocks, their forms and grammar phrases. -->
  <xsl:template match="tei:entry | tei:superEntry | tei:sense | tei:re">
    <div><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:form | tei:orth | tei:pron | tei:gramGrp">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:floatingText">
    <div><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></div>
  </xsl:template>

  <!-- ===== Block quotations ===== -->
  <xsl:template match="tei:quote[ed:has-blocks(.)] | tei:q[ed:has-blocks(.)] | tei:said[ed:has-blocks(.)]
                       | tei:cit[ed:has-blocks(.) or parent::tei:div or parent::tei:body]">
    <blockquote><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></blockquote>
  </xsl:template>
  <xsl:template match="tei:cit">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- ===== Examples: markup examples are shown as markup (text, never elements) ===== -->
  <xsl:template match="tei:eg">
    <pre><xsl:call-template name="ed:attrs"/><code><xsl:value-of select="."/></code></pre>
  </xsl:template>

  <xsl:template match="*[local-name() = 'egXML']">
    <pre class="tei-egXML"><code><xsl:value-of select="ed:xml-source(node())"/></code></pre>
  </xsl:template>

  <!-- Mathematical formulae and other foreign vocabularies: their text, in a span. -->
  <xsl:template match="tei:formula">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
