<?xml version="1.0" encoding="UTF-8"?>
<!--
  "About this document": the teiHeader as a description list in a disclosure widget (closed:
  the page shows the document first). Every row is optional, so any header renders with
  whatever subset it has: rights (the availability, not only a licence), one row per related
  communication labelled by its relation (common: ed:context-label), the related documents
  with their links, the summary with whose it is, the page's canonical address. Override
  ed:about-rows to add or drop rows.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The header in a disclosure widget, closed: the page opens on the document (the title,
       then the text), and a reader opens "About this document" for the rest. -->
  <xsl:template name="ed:about">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <section id="about" class="ed-section ed-about" aria-labelledby="about-h">
      <details class="ed-about-box">
        <summary><h2 id="about-h"><xsl:value-of select="ed:label('about')"/></h2></summary>
        <xsl:if test="$header">
          <dl class="ed-about-list">
            <xsl:apply-templates select="$header" mode="ed:about-rows"/>
          </dl>
          <xsl:apply-templates select="$header" mode="ed:about-details"/>
        </xsl:if>
      </details>
    </section>
  </xsl:template>

  <!-- One row: a label and the rendered nodes (skipped when there are none). -->
  <xsl:template name="ed:row">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="separator" as="xs:string" select="', '"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:param name="label" as="xs:string?" select="()"/>
    <xsl:if test="exists($nodes[normalize-space() or self::*])">
      <div class="ed-row ed-row-{$key} {$class}">
        <dt><xsl:value-of select="($label, ed:label($key))[1]"/></dt>
        <dd>
          <xsl:for-each select="$nodes">
            <xsl:if test="position() gt 1"><xsl:value-of select="$separator"/></xsl:if>
            <xsl:apply-templates select="."/>
          </xsl:for-each>
        </dd>
      </div>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="ed:about-rows" on-no-match="shallow-skip"/>
  <xsl:mode name="ed:about-details" on-no-match="shallow-skip"/>

  <!-- The rows, in order; each is left out when the header has nothing for it. -->
  <xsl:template match="tei:teiHeader" mode="ed:about-rows">
    <xsl:variable name="m" select="ed:metadata(..)"/>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'title'"/>
      <xsl:with-param name="nodes" select="$m?titles"/>
      <xsl:with-param name="separator" select="'. '"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="exists($m?senders)">
        <xsl:call-template name="ed:row">
          <xsl:with-param name="key" select="'senders'"/>
          <xsl:with-param name="nodes" select="$m?senders"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:row">
          <xsl:with-param name="key" select="'authors'"/>
          <xsl:with-param name="nodes" select="$m?authors"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'recipients'"/>
      <xsl:with-param name="nodes" select="$m?recipients"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'date'"/>
      <xsl:with-param name="nodes" select="$m?date"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'place'"/>
      <xsl:with-param name="nodes" select="$m?place"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'archive'"/>
      <xsl:with-param name="nodes" select="$m?ms-identifiers"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'ms-contents'"/>
      <xsl:with-param name="nodes" select="$m?ms-contents"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'source'"/>
      <xsl:with-param name="nodes" select="$m?source"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'translator'"/>
      <xsl:with-param name="nodes" select="$m?translation"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'responsibility'"/>
      <xsl:with-param name="nodes" select="$m?responsibility"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'funder'"/>
      <xsl:with-param name="nodes" select="$m?funders, $m?funding"/>
      <xsl:with-param name="separator" select="'. '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'publisher'"/>
      <xsl:with-param name="nodes" select="$m?publication"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'identifier'"/>
      <xsl:with-param name="nodes" select="$m?idnos"/>
    </xsl:call-template>
    <xsl:variable name="page-url" select="ed:page-url(..)"/>
    <xsl:if test="$page-url">
      <div class="ed-row ed-row-page-url">
        <dt><xsl:value-of select="ed:label('page-url')"/></dt>
        <dd><a href="{$page-url}"><xsl:value-of select="$page-url"/></a></dd>
      </div>
    </xsl:if>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'rights'"/>
      <xsl:with-param name="nodes" select="$m?availability"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
    <!-- one row per related communication, labelled by its relation: "Previous communication" -->
    <xsl:for-each-group select="$m?context" group-adjacent="ed:context-label(.)">
      <xsl:call-template name="ed:row">
        <xsl:with-param name="key" select="'context'"/>
        <xsl:with-param name="label" select="current-grouping-key()"/>
        <xsl:with-param name="nodes" select="current-group()"/>
      </xsl:call-template>
    </xsl:for-each-group>
    <xsl:if test="exists($m?related)">
      <div class="ed-row ed-row-related">
        <dt><xsl:value-of select="ed:label('related')"/></dt>
        <dd>
          <ul class="ed-related">
            <xsl:for-each select="$m?related">
              <li><xsl:apply-templates select="."/></li>
            </xsl:for-each>
          </ul>
        </dd>
      </div>
    </xsl:if>
    <xsl:if test="exists($m?abstract)">
      <div class="ed-row ed-row-abstract">
        <dt><xsl:value-of select="ed:label('abstract')"/></dt>
        <dd>
          <xsl:apply-templates select="$m?abstract"/>
          <xsl:if test="$m?abstract-by">
            <p class="ed-attribution"><xsl:value-of select="ed:label('summary-by') || ' ' || $m?abstract-by"/></p>
          </xsl:if>
        </dd>
      </div>
    </xsl:if>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'keywords'"/>
      <xsl:with-param name="nodes" select="$m?keywords"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'languages'"/>
      <xsl:with-param name="nodes" select="$m?languages"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'notes'"/>
      <xsl:with-param name="nodes" select="$m?notes"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Longer parts: encoding decisions and changes, each in a disclosure widget. -->
  <xsl:template match="tei:teiHeader" mode="ed:about-details">
    <xsl:variable name="m" select="ed:metadata(..)"/>
    <xsl:variable name="enc" select="$m?encoding"/>
    <xsl:if test="$enc[normalize-space()]">
      <details class="ed-encoding">
        <summary><xsl:value-of select="ed:label('encoding')"/></summary>
        <xsl:for-each select="$enc">
          <xsl:choose>
            <xsl:when test="self::tei:p"><xsl:apply-templates select="."/></xsl:when>
            <xsl:otherwise>
              <xsl:for-each select="tei:p | tei:*[tei:p]">
                <div class="ed-decl ed-decl-{local-name()}">
                  <xsl:if test="not(self::tei:p)">
                    <p class="ed-decl-label"><xsl:value-of select="ed:decl-label(.)"/></p>
                  </xsl:if>
                  <xsl:apply-templates select="if (self::tei:p) then . else tei:p"/>
                </div>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </details>
    </xsl:if>
    <xsl:if test="exists($m?changes) or tei:revisionDesc[normalize-space()]">
      <details class="ed-changes">
        <summary><xsl:value-of select="ed:label('changes')"/></summary>
        <ul>
          <xsl:for-each select="$m?changes">
            <li>
              <xsl:if test="@when">
                <time>
                  <xsl:for-each select="ed:html-datetime(@when)"><xsl:attribute name="datetime" select="."/></xsl:for-each>
                  <xsl:value-of select="ed:date-text(.)"/>
                </time>
                <xsl:text>: </xsl:text>
              </xsl:if>
              <xsl:variable name="who" select="ed:pointer-names(., @who)"/>
              <xsl:if test="exists($who)"><xsl:value-of select="string-join($who, ', ')"/>: </xsl:if>
              <xsl:apply-templates/>
              <xsl:if test="@status"> (<xsl:value-of select="ed:label('status') || ' ' || @status"/>)</xsl:if>
            </li>
          </xsl:for-each>
          <xsl:for-each select="tei:revisionDesc/tei:p"><li><xsl:apply-templates/></li></xsl:for-each>
        </ul>
      </details>
    </xsl:if>
  </xsl:template>

  <!-- Header elements as they appear in the rows. -->
  <xsl:template match="tei:msIdentifier">
    <span class="tei-msIdentifier">
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:if test="self::tei:idno and @type"><xsl:value-of select="@type"/><xsl:text> </xsl:text></xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:msContents | tei:msContents/tei:msItem">
    <span class="tei-{local-name()}">
      <xsl:for-each select="*">
        <xsl:if test="position() gt 1">. </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:respStmt">
    <span class="tei-respStmt">
      <xsl:apply-templates select="tei:resp"/>
      <xsl:text>: </xsl:text>
      <xsl:for-each select="* except tei:resp">
        <xsl:if test="position() gt 1">, </xsl:if>
        <xsl:apply-templates select="."/>
      </xsl:for-each>
    </span>
  </xsl:template>

  <xsl:template match="tei:teiHeader//tei:sourceDesc/tei:bibl | tei:teiHeader//tei:sourceDesc/tei:biblStruct | tei:teiHeader//tei:sourceDesc/tei:biblFull">
    <span>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- A related item without a bibl: its @target as a link. -->
  <xsl:template match="tei:relatedItem[@target]">
    <xsl:variable name="href" select="ed:href(., @target)"/>
    <xsl:choose>
      <xsl:when test="exists($href)"><a href="{$href}"><xsl:value-of select="@target"/></a></xsl:when>
      <xsl:otherwise><xsl:value-of select="@target"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:availability | tei:abstract | tei:correspContext | tei:creation">
    <div>
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:licence">
    <xsl:variable name="href" select="ed:safe-url(@target)"/>
    <p class="tei-licence">
      <xsl:apply-templates/>
      <xsl:if test="exists($href)">
        <xsl:text> </xsl:text><a href="{$href}" rel="license noopener"><xsl:value-of select="$href"/></a>
      </xsl:if>
    </p>
  </xsl:template>

  <xsl:template match="tei:language | tei:funder | tei:sponsor | tei:principal | tei:authority | tei:distributor">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
