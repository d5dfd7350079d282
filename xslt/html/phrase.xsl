<?xml version="1.0" encoding="UTF-8"?>
<!--
  Phrase level: hi (@rend, @rendition, @style sanitised), emph, foreign (with lang), q,
  quote and said in running text, title, term, mentioned, soCalled, gi/att/val/tag, and the
  milestones lb, pb, cb, milestone.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="tokenize(lower-case(normalize-space(@rend)), ' ')"/>
    <xsl:element name="{if ($rend = ('sup', 'superscript', 'super')) then 'sup'
                        else if ($rend = ('sub', 'subscript')) then 'sub'
                        else if (ed:has-blocks(.)) then 'div' else 'span'}"
                 namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:emph">
    <em><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></em>
  </xsl:template>

  <!-- The content of an element between its signs (common/signs.xsl: quotation marks, the
       signs of markup names, spoken-text descriptions), the same in every format. -->
  <xsl:template name="ed:signed">
    <xsl:value-of select="ed:sign-open(.)"/>
    <xsl:apply-templates/>
    <xsl:value-of select="ed:sign-close(.)"/>
  </xsl:template>

  <xsl:template match="tei:foreign | tei:term | tei:mentioned | tei:soCalled | tei:sic[not(parent::tei:choice)]/tei:foreign
                       | tei:vocal | tei:kinesic | tei:incident | tei:pause | tei:writing">
    <span><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:signed"/></span>
  </xsl:template>

  <xsl:template match="tei:title">
    <cite><xsl:call-template name="ed:attrs">
      <xsl:with-param name="class" select="@level ! ('level-' || ed:token(.))"/>
    </xsl:call-template><xsl:call-template name="ed:signed"/></cite>
  </xsl:template>

  <!-- Quotation in running text; quotes containing blocks are in blocks.xsl. -->
  <xsl:template match="tei:q | tei:quote | tei:said">
    <q><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:signed"/></q>
  </xsl:template>

  <xsl:template match="tei:gi | tei:att | tei:val | tei:tag">
    <code><xsl:call-template name="ed:attrs"/><xsl:call-template name="ed:signed"/></code>
  </xsl:template>

  <!-- Ruby glosses as HTML ruby; the parentheses (common) for browsers without it. -->
  <xsl:template match="tei:ruby">
    <ruby><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></ruby>
  </xsl:template>
  <xsl:template match="tei:rb">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:rt">
    <rp><xsl:value-of select="ed:sign-open(.)"/></rp><rt><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></rt><rp><xsl:value-of select="ed:sign-close(.)"/></rp>
  </xsl:template>

  <!-- A caesura: a wider space in the line. -->
  <xsl:template match="tei:caesura">
    <span class="ed-caesura"><xsl:text> </xsl:text></span>
  </xsl:template>

  <!-- Line, column and page beginnings. -->
  <xsl:template match="tei:lb">
    <xsl:if test="not(ed:joins(.))">
      <br/>
    </xsl:if>
  </xsl:template>

  <!-- A page beginning: in the margin (CSS), "[page 37]", linked to its image (common:
       ed:facs) when there is one; "[page image]" for a page without a number. A page with
       neither is a boundary no reader needs to see. -->
  <xsl:template match="tei:pb">
    <xsl:variable name="label" select="ed:page-label(.)"/>
    <xsl:variable name="facs" select="ed:facs(.)"/>
    <xsl:if test="not(ed:joins(.))"><xsl:text> </xsl:text></xsl:if>
    <xsl:if test="exists($label) or exists($facs)">
      <span class="ed-pb" role="note">
        <xsl:choose>
          <xsl:when test="exists($facs)">
            <a class="ed-facs" href="{$facs}" rel="noopener noreferrer"
               title="{ed:label('page-image')}">[<xsl:value-of select="($label, ed:label('page-image'))[1]"/>]</a>
          </xsl:when>
          <xsl:otherwise>[<xsl:value-of select="$label"/>]</xsl:otherwise>
        </xsl:choose>
      </span>
    </xsl:if>
  </xsl:template>

  <!-- Column and gathering beginnings change nothing for a reader of the text. -->
  <xsl:template match="tei:cb | tei:gb">
    <xsl:if test="not(ed:joins(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <xsl:template match="tei:milestone">
    <span class="ed-milestone" aria-hidden="true"><xsl:value-of select="if (@unit = ('section', 'part')) then ' ⁂ ' else ' | '"/></span>
  </xsl:template>

  <xsl:template match="tei:space">
    <span class="tei-space"><xsl:text> </xsl:text></span>
  </xsl:template>
</xsl:stylesheet>
