<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names, places, organisations, referring strings, dates and pointers: each mention links
  to its register entry (#reg-ID) and has a popup with the entry; dates link to the
  chronology of dates and show their ISO value. External targets are linked only when
  ed:safe-url allows them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template _match="{$ed:match?name}">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="pointer" select="ed:pointer(.)"/>
    <xsl:call-template name="ed:mention">
      <xsl:with-param name="href" select="ed:href(., $pointer)"/>
      <xsl:with-param name="class" select="('ed-name', @cert ! ('ed-cert-' || ed:token(.)))"/>
      <xsl:with-param name="tip" as="node()*">
        <xsl:if test="$ed:render = 'full'">
          <xsl:for-each select="ed:entries(., $pointer)">
            <xsl:call-template name="ed:entry-tip"/>
          </xsl:for-each>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:ref | tei:ptr">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="pointer" select="ed:pointer(.)"/>
    <xsl:variable name="href" select="ed:href(., $pointer)"/>
    <xsl:variable name="entries" select="ed:entries(., $pointer)"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <xsl:call-template name="ed:mention">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="class" select="'ed-ref'"/>
          <xsl:with-param name="fallback-text" select="if ($entries) then ed:entry-name($entries[1])
                                                       else if (starts-with($href, '#')) then ed:plain(ed:target(., $pointer)/(tei:head, tei:title, tei:label)[1])
                                                       else ()"/>
          <xsl:with-param name="tip" as="node()*">
            <xsl:if test="$ed:render = 'full'">
              <xsl:for-each select="$entries">
                <xsl:call-template name="ed:entry-tip"/>
              </xsl:for-each>
            </xsl:if>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:call-template name="ed:attrs">
            <xsl:with-param name="class" select="'ed-nolink'"/>
          </xsl:call-template>
          <xsl:apply-templates/>
          <xsl:if test="self::tei:ptr and $pointer and not(starts-with(normalize-space($pointer), '#'))">
            <xsl:value-of select="ed:label('unsafe-link')"/>
          </xsl:if>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template _match="{$ed:match?date}">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="iso" select="ed:iso-date(.)"/>
    <xsl:variable name="datetime" select="ed:html-datetime($iso)"/>
    <xsl:call-template name="ed:mention">
      <xsl:with-param name="href" select="ed:date-href(.)"/>
      <xsl:with-param name="element" select="if (exists($datetime)) then 'time' else 'span'"/>
      <xsl:with-param name="datetime" select="$datetime"/>
      <xsl:with-param name="class" select="'ed-date'"/>
      <xsl:with-param name="fallback-text" select="$iso"/>
      <xsl:with-param name="tip" as="node()*">
        <xsl:if test="$ed:render = 'full' and exists($iso) and ancestor::tei:text">
          <span class="ed-tip-kind"><xsl:value-of select="ed:label('date')"/></span>
          <span class="ed-tip-name"><xsl:value-of select="normalize-space(ed:plain(.))"/></span>
          <span class="ed-iso"><xsl:value-of select="$iso"/></span>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>
</xsl:stylesheet>
