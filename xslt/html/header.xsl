<?xml version="1.0" encoding="UTF-8"?>
<!--
  "About this document": the teiHeader as a description list. Every row is optional, so
  any header renders with whatever subset it has. Override ed:about-rows to add or drop rows.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template name="ed:about">
    <xsl:param name="header" as="element(tei:teiHeader)?"/>
    <section id="about" class="ed-section ed-about" aria-labelledby="about-h">
      <h2 id="about-h"><xsl:value-of select="ed:label('about')"/></h2>
      <xsl:if test="$header">
        <dl class="ed-about-list">
          <xsl:apply-templates select="$header" mode="ed:about-rows"/>
        </dl>
        <xsl:apply-templates select="$header" mode="ed:about-details"/>
      </xsl:if>
    </section>
  </xsl:template>

  <!-- One row: a label and the rendered nodes (skipped when there are none). -->
  <xsl:template name="ed:row">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="nodes" as="node()*"/>
    <xsl:param name="separator" as="xs:string" select="', '"/>
    <xsl:param name="class" as="xs:string?" select="()"/>
    <xsl:if test="exists($nodes[normalize-space() or self::*])">
      <div class="ed-row ed-row-{$key} {$class}">
        <dt><xsl:value-of select="ed:label($key)"/></dt>
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

  <xsl:template match="tei:teiHeader" mode="ed:about-rows">
    <xsl:variable name="fd" select="tei:fileDesc"/>
    <xsl:variable name="sent" select="tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']"/>
    <xsl:variable name="received" select="tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']"/>
    <xsl:variable name="ms" select="$fd/tei:sourceDesc/tei:msDesc"/>
    <xsl:variable name="resp" select="$fd/tei:titleStmt/tei:respStmt"/>
    <xsl:variable name="translation" select="$resp[tei:resp[matches(., 'transl|übers|tradu', 'i')]]"/>

    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'title'"/>
      <xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:title"/>
      <xsl:with-param name="separator" select="'. '"/>
    </xsl:call-template>
    <xsl:choose>
      <xsl:when test="$sent">
        <xsl:call-template name="ed:row">
          <xsl:with-param name="key" select="'senders'"/>
          <xsl:with-param name="nodes" select="$sent/(tei:persName | tei:orgName | tei:name | tei:rs)"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="ed:row">
          <xsl:with-param name="key" select="'authors'"/>
          <xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:author"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'recipients'"/>
      <xsl:with-param name="nodes" select="$received/(tei:persName | tei:orgName | tei:name | tei:rs | tei:placeName)"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'date'"/>
      <xsl:with-param name="nodes" select="($sent/tei:date, tei:profileDesc/tei:creation/tei:date, tei:profileDesc/tei:creation[not(tei:date)][normalize-space()])[1]"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'place'"/>
      <xsl:with-param name="nodes" select="($sent/(tei:placeName | tei:settlement), tei:profileDesc/tei:creation/tei:placeName)[1]"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'archive'"/>
      <xsl:with-param name="nodes" select="$ms/tei:msIdentifier"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'ms-contents'"/>
      <xsl:with-param name="nodes" select="$ms/tei:msContents"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'source'"/>
      <xsl:with-param name="nodes" select="$fd/tei:sourceDesc/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p | tei:listBibl[not(.//@xml:id)])"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'translator'"/>
      <xsl:with-param name="nodes" select="$translation"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'responsibility'"/>
      <xsl:with-param name="nodes" select="$resp except $translation, $fd/tei:titleStmt/(tei:editor | tei:sponsor | tei:principal)"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'funder'"/>
      <xsl:with-param name="nodes" select="$fd/tei:titleStmt/tei:funder, $fd/tei:notesStmt/tei:note[@type = 'funding']"/>
      <xsl:with-param name="separator" select="'. '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'publisher'"/>
      <xsl:with-param name="nodes" select="$fd/tei:publicationStmt/(tei:publisher | tei:distributor | tei:authority | tei:pubPlace | tei:date)"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'identifier'"/>
      <xsl:with-param name="nodes" select="$fd/tei:publicationStmt/tei:idno"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'licence'"/>
      <xsl:with-param name="nodes" select="$fd/tei:publicationStmt/tei:availability"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'context'"/>
      <xsl:with-param name="nodes" select="tei:profileDesc/tei:correspDesc/tei:correspContext/*"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'abstract'"/>
      <xsl:with-param name="nodes" select="tei:profileDesc/tei:abstract"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'keywords'"/>
      <xsl:with-param name="nodes" select="tei:profileDesc/tei:textClass/tei:keywords/(tei:term | tei:list/tei:item)"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'languages'"/>
      <xsl:with-param name="nodes" select="tei:profileDesc/tei:langUsage/tei:language"/>
      <xsl:with-param name="separator" select="'; '"/>
    </xsl:call-template>
    <xsl:call-template name="ed:row">
      <xsl:with-param name="key" select="'notes'"/>
      <xsl:with-param name="nodes" select="$fd/tei:notesStmt/tei:note[not(@type = 'funding')]"/>
      <xsl:with-param name="separator" select="' '"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Longer parts: encoding decisions and changes, each in a disclosure widget. -->
  <xsl:template match="tei:teiHeader" mode="ed:about-details">
    <xsl:variable name="enc" select="tei:encodingDesc/(tei:projectDesc | tei:editorialDecl | tei:samplingDecl | tei:p)"/>
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
                    <p class="ed-decl-label"><xsl:value-of select="replace(local-name(), '([a-z])([A-Z])', '$1 $2') => lower-case()"/></p>
                  </xsl:if>
                  <xsl:apply-templates select="if (self::tei:p) then . else tei:p"/>
                </div>
              </xsl:for-each>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </details>
    </xsl:if>
    <xsl:if test="tei:revisionDesc[normalize-space() or .//@when]">
      <details class="ed-changes">
        <summary><xsl:value-of select="ed:label('changes')"/></summary>
        <ul>
          <xsl:for-each select="tei:revisionDesc//tei:change">
            <li>
              <xsl:if test="@when"><time datetime="{ed:html-datetime(@when)}"><xsl:value-of select="@when"/></time>: </xsl:if>
              <xsl:variable name="who" select="ed:targets(., @who) ! (if (ed:is-entry(.)) then ed:entry-name(.) else normalize-space(ed:plain(.)))"/>
              <xsl:if test="exists($who[.])"><xsl:value-of select="string-join($who[.], ', ')"/>: </xsl:if>
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
