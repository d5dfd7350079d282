<?xml version="1.0" encoding="UTF-8"?>
<!--
  Names, places, organisations, referring strings, dates and pointers: each mention links
  to its register entry (#reg-ID) and has a popup with the entry (a doubtful identification
  gets the class ed-doubtful, which CSS marks "?"); dates link to the chronology of dates and
  say their value in words. A citation (bibl) with @corresp links to its entry in the list of
  sources, a URI idno is a link, a quantity's stated range is in a popup. External targets
  are linked only when ed:safe-url allows them.
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
      <xsl:with-param name="class" select="('ed-name', @cert ! ('ed-cert-' || ed:token(.)), 'ed-doubtful'[ed:is-doubtful(current())])"/>
      <xsl:with-param name="tip" as="node()*">
        <xsl:if test="$ed:render = 'full'">
          <xsl:sequence select="ed:entries(., $pointer) ! ed:entry-tip(.)"/>
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
              <xsl:sequence select="$entries ! ed:entry-tip(.)"/>
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

  <!-- A date: its popup says what the encoding says, in words ("29 March 1953", "before 27
       November 2026"), under the date as written; data-iso keeps the value for the chronology. -->
  <xsl:template _match="{$ed:match?date}">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="iso" select="ed:iso-date(.)"/>
    <xsl:variable name="datetime" select="ed:html-datetime($iso)"/>
    <xsl:variable name="words" select="ed:date-text(.)"/>
    <xsl:call-template name="ed:mention">
      <xsl:with-param name="href" select="ed:date-href(.)"/>
      <xsl:with-param name="element" select="if (exists($datetime)) then 'time' else 'span'"/>
      <xsl:with-param name="datetime" select="$datetime"/>
      <xsl:with-param name="class" select="'ed-date'"/>
      <xsl:with-param name="fallback-text" select="($words, $iso)[1]"/>
      <xsl:with-param name="data-iso" select="$iso"/>
      <xsl:with-param name="tip" as="node()*">
        <xsl:if test="$ed:render = 'full' and exists($iso) and ancestor::tei:text">
          <span class="ed-tip-kind"><xsl:value-of select="ed:label('date')"/></span>
          <span class="ed-tip-name"><xsl:value-of select="($words, $iso)[1]"/></span>
          <xsl:variable name="written" select="normalize-space(ed:plain(.))"/>
          <xsl:if test="$written and $written != $words">
            <span class="ed-tip-written"><xsl:value-of select="$written"/></span>
          </xsl:if>
        </xsl:if>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- A citation whose @corresp names its full description (an entry of the list of
       sources): the citation links there, around the links it holds. -->
  <xsl:template match="tei:bibl[@corresp][not(parent::tei:*[starts-with(local-name(), 'list')])]">
    <xsl:call-template name="ed:mention">
      <xsl:with-param name="href" select="ed:href(., @corresp)"/>
      <xsl:with-param name="class" select="'ed-cite'"/>
    </xsl:call-template>
  </xsl:template>

  <!-- A web address given as an identifier: a link showing the address. -->
  <xsl:template match="tei:idno[@type = ('URI', 'URL', 'uri', 'url')][matches(., '^\s*https?://')]">
    <xsl:variable name="href" select="ed:safe-url(normalize-space(.))"/>
    <xsl:choose>
      <xsl:when test="exists($href)">
        <a href="{$href}" class="tei-idno ed-url" rel="noopener noreferrer"><xsl:value-of select="normalize-space(.)"/></a>
      </xsl:when>
      <xsl:otherwise><span class="tei-idno"><xsl:value-of select="."/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A quantity stated in attributes (a range in @min/@max ...): a popup gives it. -->
  <xsl:template match="tei:measure[exists(ed:quantity-text(.))] | tei:num[exists(ed:quantity-text(.))][@min or @max or @atLeast or @atMost]">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="gid" select="ed:node-id(.)"/>
    <span>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-quantity', 'ed-pop'[$ed:render = 'full']"/>
      </xsl:call-template>
      <xsl:choose>
        <xsl:when test="$ed:render = 'full'">
          <span class="ed-quantity-text" tabindex="0" aria-describedby="tt-{$gid}"><xsl:apply-templates/></span>
          <span class="ed-tip" role="tooltip" id="tt-{$gid}">
            <span class="ed-tip-kind"><xsl:value-of select="ed:label('quantity')"/></span>
            <span class="ed-tip-name"><xsl:value-of select="ed:quantity-text(.)"/></span>
          </span>
        </xsl:when>
        <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
      </xsl:choose>
    </span>
  </xsl:template>
</xsl:stylesheet>
