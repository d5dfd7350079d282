<?xml version="1.0" encoding="UTF-8"?>
<!--
  Editorial interventions and the state of the source.
  choice: both readings are on the page; the body class ed-normalised (default, no script
  needed) shows corr/expan/reg and gives the source reading as a title; the toggle button
  switches to ed-diplomatic (sic/abbr/orig). A sic/corr choice in quoted text
  (common: ed:keeps-source) shows the quotation as published, marked [sic], in both readings.
  Signs: gap […], unclear (?), supplied [ ], add ⟨ ⟩ (superscript when placed above),
  del struck through, surplus { }, damage dotted.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:choice">
    <xsl:variable name="dipl" select="ed:diplomatic-readings(.)"/>
    <xsl:variable name="norm" select="ed:normalised-readings(.)"/>
    <span>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-choice'"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="ed:keeps-source(.)">
          <!-- quoted text: its reading as published, marked [sic]; the correction as a hint -->
          <span class="ed-sic-kept" title="{ed:label('normalised') || ': ' || normalize-space(ed:plain($norm[1]))}">
            <xsl:apply-templates select="ed:chosen(.)/node()"/>
          </span>
          <span class="ed-sign ed-sic-mark"><xsl:value-of select="ed:sic-mark(ed:chosen(.))"/></span>
        </xsl:when>
        <xsl:when test="$dipl and $norm">
          <span class="ed-dipl">
            <xsl:attribute name="title" select="ed:label('normalised') || ': ' || normalize-space(ed:plain($norm[1]))"/>
            <xsl:apply-templates select="$dipl"/>
          </span>
          <span class="ed-norm">
            <xsl:attribute name="title" select="ed:label('original') || ': ' || normalize-space(string-join($dipl ! ed:plain(node()), ' / '))"/>
            <xsl:apply-templates select="$norm"/>
          </span>
          <xsl:apply-templates select="* except ($dipl | $norm)"/>
        </xsl:when>
        <xsl:otherwise>
          <!-- Alternatives of one kind (seg | seg, unclear | unclear): all shown, separated. -->
          <xsl:for-each select="*">
            <xsl:if test="position() gt 1"><span class="ed-sign" aria-hidden="true">/</span></xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>

  <xsl:template match="tei:choice/tei:sic | tei:choice/tei:corr | tei:choice/tei:abbr | tei:choice/tei:expan
                       | tei:choice/tei:orig | tei:choice/tei:reg">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <!-- Outside choice. -->
  <xsl:template match="tei:sic">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
    <span class="ed-sign ed-sic-mark"> [sic]</span>
  </xsl:template>
  <xsl:template match="tei:corr | tei:reg | tei:expan | tei:orig">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:abbr">
    <abbr><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></abbr>
  </xsl:template>

  <xsl:template match="tei:gap">
    <xsl:variable name="what" select="string-join((ed:label('gap'), @reason, @extent,
                                       (@quantity || (@unit ! (' ' || .)))[normalize-space()]), ', ')"/>
    <span class="ed-gap" title="{$what}">
      <span aria-hidden="true">[…]</span><span class="ed-vh"><xsl:value-of select="'(' || $what || ')'"/></span>
      <xsl:if test="*">
        <span class="ed-gap-desc"><xsl:text> </xsl:text><xsl:apply-templates/></span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:unclear">
    <span title="{string-join((ed:label('unclear'), @reason), ', ')}">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
      <span class="ed-sign" aria-hidden="true">(?)</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:supplied">
    <span title="{string-join((ed:label('supplied'), @reason), ', ')}">
      <xsl:call-template name="ed:attrs"/>
      <span class="ed-sign" aria-hidden="true">[</span>
      <xsl:apply-templates/>
      <span class="ed-sign" aria-hidden="true">]</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:add">
    <xsl:variable name="above" select="tokenize(@place, ' ') = ('above', 'sup', 'superlinear', 'top')"/>
    <xsl:element name="{if ($above) then 'sup' else 'ins'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:attribute name="title" select="string-join((ed:label('added'), @place, @hand), ', ')"/>
      <span class="ed-sign" aria-hidden="true">⟨</span>
      <xsl:apply-templates/>
      <span class="ed-sign" aria-hidden="true">⟩</span>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:del">
    <del title="{string-join((ed:label('deleted'), @rend), ', ')}">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </del>
  </xsl:template>

  <xsl:template match="tei:subst | tei:mod | tei:restore | tei:retrace | tei:handShift | tei:addSpan
                       | tei:delSpan | tei:damageSpan | tei:undo | tei:redo | tei:transpose | tei:listTranspose">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:damage">
    <span title="{ed:label('damage')}"><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:surplus">
    <span title="{ed:label('surplus')}">
      <xsl:call-template name="ed:attrs"/>
      <span class="ed-sign" aria-hidden="true">{</span><xsl:apply-templates/><span class="ed-sign" aria-hidden="true">}</span>
    </span>
  </xsl:template>

  <xsl:template match="tei:secl">
    <span><xsl:call-template name="ed:attrs"/><span class="ed-sign" aria-hidden="true">⟦</span><xsl:apply-templates/><span class="ed-sign" aria-hidden="true">⟧</span></span>
  </xsl:template>

  <!-- Apparatus: lemma in the text, readings in a smaller bracket after it. -->
  <xsl:template match="tei:app">
    <span>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-app'"/>
      </xsl:call-template>
      <xsl:apply-templates select="tei:lem"/>
      <xsl:if test="tei:rdg | tei:rdgGrp | tei:note | tei:witDetail">
        <span class="ed-rdgs">
          <span class="ed-sign" aria-hidden="true">[</span>
          <xsl:for-each select="* except tei:lem">
            <xsl:if test="position() gt 1">; </xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
          <span class="ed-sign" aria-hidden="true">]</span>
        </span>
      </xsl:if>
    </span>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg | tei:rdgGrp | tei:witDetail | tei:wit">
    <span>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
      <xsl:if test="self::tei:rdg and @wit">
        <span class="ed-wit"><xsl:value-of select="' ' || normalize-space(@wit)"/></span>
      </xsl:if>
    </span>
  </xsl:template>
</xsl:stylesheet>
