<?xml version="1.0" encoding="UTF-8"?>
<!--
  One document's entry in the edition-wide index of the site (tei-edition site): what the
  index, chronology, register pages, CMIF and sitemap say about it. The toolkit runs this
  over every document once (toolkit/site/documents.py) and joins the results into one
  index document (toolkit/site/index.py), which the site's page stylesheets read; no
  stylesheet reads all the documents.

  Every TEI rule comes from common/ (ed:metadata, ed:mention-entries, ed:entry-key,
  ed:context ...); this module only writes them down. Output (namespace urn:tei-edition:site):

    <s:document type="…" front="true|false" lang="…">
      <s:title>             ed:metadata?title
      <s:date iso="…">      the document's date as written (iso: ed:metadata?iso-date)
      <s:creator key="…">*  senders, else authors (key: the register entry's ed:entry-key)
      <s:recipient key="…">*, <s:place key="…">?
      <s:action type="sent|received">*  for CMIF: <s:persName|s:orgName|s:placeName ref="authority URIs">,
                            <s:date when|from|to|notBefore|notAfter>
      <s:mention key="…" anchor="m-eN"><s:before/><s:match/><s:after/></s:mention>*
                            each mention of each register entry in the text, with the id its
                            HTML page gives it (html/util.xsl: 'm-' || ed:node-id) and the
                            text around it
      <s:dated iso="…" anchor="x-ID"?>  each entry of the document's chronology lists
      <s:entry key="…" id="…" kind="…">(copy of the TEI entry)</s:entry>*  its own registers
      <s:register-file uri="…"/>*  the register files it was given ($ed:registers)
    </s:document>
  A TEI with no text (a register file given as a source) is <s:document register="true">.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    exclude-result-prefixes="#all">

  <xsl:import href="../common/core.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:mode use-accumulators="#all"/>

  <!-- Characters of context on each side of a mention. -->
  <xsl:param name="context-length" as="xs:integer" select="70"/>

  <xsl:template match="/">
    <xsl:variable name="m" select="ed:metadata(/)"/>
    <s:document type="{ed:document-type(/)}" front="{ed:is-front-matter(/)}" lang="{$m?language}"
                register="{empty(//tei:text)}">
      <s:title><xsl:value-of select="$m?title"/></s:title>
      <s:date iso="{$m?iso-date}">
        <xsl:value-of select="$m?date ! ed:or(ed:flat(.), string((@when, @from, @notBefore)[1]))"/>
      </s:date>
      <xsl:for-each select="if (exists($m?senders)) then $m?senders else $m?authors">
        <xsl:call-template name="s:agent">
          <xsl:with-param name="as" select="'creator'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$m?recipients">
        <xsl:call-template name="s:agent">
          <xsl:with-param name="as" select="'recipient'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:for-each select="$m?place">
        <xsl:call-template name="s:agent">
          <xsl:with-param name="as" select="'place'"/>
        </xsl:call-template>
      </xsl:for-each>
      <xsl:apply-templates select="(//tei:teiHeader)[1]/tei:profileDesc/tei:correspDesc/tei:correspAction
                                   [@type = ('sent', 'sending', 'received', 'receiving')]" mode="s:cmif"/>
      <xsl:for-each select="ed:text-mentions(/)">
        <xsl:variable name="mention" select="."/>
        <xsl:variable name="block" select="ed:block(.)"/>
        <xsl:variable name="context" select="ed:context(., $context-length)"/>
        <xsl:for-each select="ed:mention-entries(.)">
          <s:mention key="{ed:entry-key(.)}" anchor="m-{ed:node-id($mention)}">
            <s:before><xsl:value-of select="$context[1]"/></s:before>
            <s:match><xsl:value-of select="normalize-space(ed:plain($mention))"/></s:match>
            <s:after><xsl:value-of select="$context[2]"/></s:after>
          </s:mention>
        </xsl:for-each>
      </xsl:for-each>
      <xsl:for-each select="ed:chronology-labels(/)">
        <xsl:variable name="date" select="(descendant-or-self::*[ed:iso-date(.)])[1]"/>
        <s:dated iso="{ed:iso-date($date)}">
          <xsl:for-each select="@xml:id">
            <xsl:attribute name="anchor" select="'x-' || ed:token(.)"/>
          </xsl:for-each>
          <s:label><xsl:value-of select="normalize-space(ed:plain(.))"/></s:label>
          <s:text><xsl:value-of select="normalize-space(ed:plain(following-sibling::tei:item[1]))"/></s:text>
        </s:dated>
      </xsl:for-each>
      <xsl:for-each select="ed:local-entries(/)">
        <s:entry key="{ed:entry-key(.)}" id="{@xml:id}" kind="{ed:entry-kind(.)}">
          <xsl:copy-of select="."/>
        </s:entry>
      </xsl:for-each>
      <xsl:for-each select="$ed:registers">
        <s:register-file uri="{base-uri(.)}"/>
      </xsl:for-each>
    </s:document>
  </xsl:template>

  <!-- A sender, author, recipient or place: its name, and the key of its register entry. -->
  <xsl:template name="s:agent">
    <xsl:param name="as" as="xs:string"/>
    <xsl:variable name="name" select="if (self::tei:author or self::tei:editor)
                                      then ((tei:persName, tei:orgName, tei:name)[1], .)[1] else ."/>
    <xsl:variable name="entry" select="ed:entries($name, string-join(($name/@ref, $name/@corresp, $name/@key[starts-with(., '#')]), ' '))[1]"/>
    <xsl:element name="s:{$as}">
      <xsl:for-each select="$entry">
        <xsl:attribute name="key" select="ed:entry-key(.)"/>
      </xsl:for-each>
      <xsl:value-of select="if (local-name() = ('placeName', 'settlement')) then ($entry ! ed:entry-name(.), ed:flat(.))[1]
                            else ed:agent-name(.)"/>
    </xsl:element>
  </xsl:template>

  <!-- ===== CMIF: the correspondence actions with names and authority URIs ===== -->

  <xsl:template match="tei:correspAction" mode="s:cmif">
    <s:action type="{if (@type = ('sent', 'sending')) then 'sent' else 'received'}">
      <xsl:apply-templates select="tei:persName | tei:orgName | tei:name | tei:rs | tei:placeName | tei:settlement | tei:date"
          mode="s:cmif"/>
    </s:action>
  </xsl:template>

  <xsl:template match="tei:persName | tei:orgName | tei:name | tei:rs | tei:placeName | tei:settlement" mode="s:cmif">
    <xsl:variable name="entry" select="ed:entries(., string-join((@ref, @corresp), ' '))[1]"/>
    <xsl:variable name="kind" select="if (self::tei:placeName or self::tei:settlement or $entry/self::tei:place) then 'placeName'
                                      else if (self::tei:orgName or $entry/self::tei:org) then 'orgName' else 'persName'"/>
    <xsl:element name="s:{$kind}">
      <xsl:variable name="uris" select="(ed:authority-uris($entry), tokenize(normalize-space(@ref))[matches(., '^https?://')])"/>
      <xsl:if test="exists($uris)">
        <xsl:attribute name="ref" select="string-join(distinct-values($uris), ' ')"/>
      </xsl:if>
      <xsl:value-of select="if ($entry) then ed:entry-name($entry)
                            else if ($kind = 'placeName') then ed:flat(.) else ed:agent-name(.)"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:date" mode="s:cmif">
    <s:date>
      <xsl:copy-of select="(@when, @from, @to, @notBefore, @notAfter)[matches(., '^\d{4}(-\d{2}(-\d{2})?)?$')]"/>
    </s:date>
  </xsl:template>
</xsl:stylesheet>
