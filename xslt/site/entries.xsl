<?xml version="1.0" encoding="UTF-8"?>
<!--
  One register entry on a register page (register.xsl), and where entries are on the site.

    s:entry (template, context: the entry)  the entry's article: heading, name forms, dates,
                              details, notes (mode s:note: names linked to their entries'
                              pages), the documents it sent and received, its mentions
    s:anchor($entry)          its id on its page: the xml:id; "DOCUMENT, two hyphens, ID" for an
                              entry of a document's own lists (a copy in the index)
    s:entry-href($entry)      "persons.html#kim-il-sung", from any page at the root
    s:key-of($entry)          the key the index files its mentions under (ed:entry-key of the
                              entry where it was written)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:key name="s:mentions" match="s:mention" use="@key"/>
  <xsl:key name="s:creators" match="s:creator" use="@key"/>
  <xsl:key name="s:recipients" match="s:recipient" use="@key"/>

  <xsl:variable name="s:index" select="/" as="document-node()"/>

  <xsl:function name="s:key-of" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/parent::s:entry) then string($entry/../@key) else ed:entry-key($entry)"/>
  </xsl:function>

  <xsl:function name="s:anchor" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/parent::s:entry)
                          then ed:token(translate($entry/../../@stem, '/', '-')) || '--' || $entry/@xml:id
                          else string($entry/@xml:id)"/>
  </xsl:function>

  <xsl:function name="s:entry-href" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="s:register-file(ed:entry-kind($entry)) || '#' || s:anchor($entry)"/>
  </xsl:function>

  <xsl:template name="s:entry">
    <xsl:param name="level" as="xs:integer"/>
    <xsl:variable name="id" select="s:anchor(.)"/>
    <xsl:variable name="key" select="s:key-of(.)"/>
    <xsl:variable name="main" select="ed:main-form(.)"/>
    <article class="site-entry" id="{$id}" aria-labelledby="{$id}-h">
      <xsl:element name="h{$level}">
        <xsl:attribute name="id" select="$id || '-h'"/>
        <xsl:if test="$main/@xml:lang"><xsl:attribute name="lang" select="$main/@xml:lang"/></xsl:if>
        <xsl:value-of select="ed:entry-name(.)"/>
      </xsl:element>
      <xsl:variable name="others" select="ed:other-forms(.)"/>
      <xsl:if test="$others">
        <p class="site-forms">
          <xsl:value-of select="ed:label('also-called')"/>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$others">
            <xsl:if test="position() gt 1"> · </xsl:if>
            <span>
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <xsl:value-of select="ed:name-string(.)"/>
            </span>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="ed:life(.)">
        <p class="site-life"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:variable name="details" select="ed:entry-details(.)"/>
      <xsl:if test="exists($details)">
        <ul class="site-details">
          <xsl:for-each select="$details"><li><xsl:value-of select="."/></li></xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:for-each select="ed:entry-notes(.)">
        <p class="site-note"><xsl:apply-templates select="node()" mode="s:note"/></p>
      </xsl:for-each>
      <xsl:call-template name="s:correspondence">
        <xsl:with-param name="key" select="$key"/>
      </xsl:call-template>
      <xsl:variable name="mentions" select="key('s:mentions', $key, $s:index)"/>
      <xsl:choose>
        <xsl:when test="empty($mentions)">
          <p class="site-unmentioned"><xsl:value-of select="ed:label('no-mentions')"/></p>
        </xsl:when>
        <xsl:otherwise>
          <xsl:element name="h{$level + 1}">
            <xsl:value-of select="ed:label('mentioned-in')"/>
          </xsl:element>
          <ul class="site-mentions">
            <xsl:for-each-group select="$mentions" group-by="../@url">
              <xsl:sort select="../@order" data-type="number"/>
              <xsl:variable name="doc" select="current-group()[1]/.."/>
              <li>
                <a class="site-mention-doc" href="{$doc/@url}"><xsl:value-of select="$doc/s:title"/></a>
                <xsl:for-each select="$doc[@front = 'false']/s:date[@iso != '']">
                  <xsl:text> (</xsl:text><xsl:value-of select="@iso"/><xsl:text>)</xsl:text>
                </xsl:for-each>
                <ol class="site-contexts">
                  <xsl:for-each select="current-group()">
                    <li>
                      <a class="site-mention" href="{$doc/@url}#{@anchor}">
                        <xsl:value-of select="s:before"/>
                        <mark><xsl:value-of select="s:match"/></mark>
                        <xsl:value-of select="s:after"/>
                      </a>
                    </li>
                  </xsl:for-each>
                </ol>
              </li>
            </xsl:for-each-group>
          </ul>
        </xsl:otherwise>
      </xsl:choose>
    </article>
  </xsl:template>

  <!-- The documents an entry sent or received (correspondence). -->
  <xsl:template name="s:correspondence">
    <xsl:param name="key" as="xs:string"/>
    <xsl:for-each select="('sender', 'recipient')">
      <xsl:variable name="docs" select="(if (. = 'sender') then key('s:creators', $key, $s:index)
                                         else key('s:recipients', $key, $s:index))/..[@front = 'false']"/>
      <xsl:if test="exists($docs)">
        <p class="site-corresp">
          <xsl:value-of select="ed:label(.)"/>
          <xsl:text>: </xsl:text>
          <xsl:for-each select="$docs">
            <xsl:sort select="@order" data-type="number"/>
            <xsl:if test="position() gt 1">; </xsl:if>
            <a href="{@url}"><xsl:value-of select="s:title"/></a>
          </xsl:for-each>
        </p>
      </xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== A register note: its text, names linked to their entries ===== -->

  <xsl:mode name="s:note" on-no-match="text-only-copy"/>

  <xsl:template match="tei:*[@ref]" mode="s:note">
    <xsl:variable name="target" select="ed:entry(., @ref)"/>
    <xsl:choose>
      <xsl:when test="exists($target) and not($target/ancestor::tei:text)">
        <a href="{s:entry-href($target)}"><xsl:apply-templates mode="s:note"/></a>
      </xsl:when>
      <xsl:otherwise><xsl:apply-templates mode="s:note"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:note | tei:bibl[@type = 'citation']" mode="s:note"/>
  <xsl:template match="tei:lb" mode="s:note"><xsl:text> </xsl:text></xsl:template>
  <xsl:template match="tei:choice" mode="s:note">
    <xsl:value-of select="ed:plain(.)"/>
  </xsl:template>
</xsl:stylesheet>
