<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: in the text a numbered call (superscript link to #note-N) with a popup; the notes
  section lists them with back links. Numbers come from $ed:note-numbers (util.xsl), built
  once. Editorial notes (type="editorial", or with @resp) are marked as such in words and
  style; authorial and archival notes are not.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:note-kind" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="if (ed:is-editorial($note)) then 'editorial-note'
                          else if ($note/@type = ('source', 'archival', 'provenance')) then 'source-note'
                          else if ($note/@type = ('authorial', 'author', 'original')) then 'authorial-note'
                          else 'note'"/>
  </xsl:function>

  <!-- "Editorial note (tei-edition project)" -->
  <xsl:function name="ed:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="who" select="ed:targets($note, $note/@resp) ! (if (ed:is-entry(.)) then ed:entry-name(.) else normalize-space(ed:plain(.)))"/>
    <xsl:sequence select="ed:label(ed:note-kind($note))
                          || (if (exists($who[.])) then ' (' || string-join($who[.], ', ') || ')' else '')"/>
  </xsl:function>

  <!-- The call in the text. -->
  <xsl:template match="tei:note[exists(ed:note-number(.))]">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <xsl:variable name="class" select="'ed-noteref', 'ed-' || ed:note-kind(.)"/>
    <xsl:choose>
      <xsl:when test="$ed:render = 'full'">
        <span class="ed-pop ed-noteref-wrap">
          <a class="{$class}" id="noteref-{$n}" href="#note-{$n}" aria-describedby="tt-note-{$n}">
            <sup><span class="ed-vh"><xsl:value-of select="ed:label('note')"/><xsl:text> </xsl:text></span><xsl:value-of select="$n"/></sup>
          </a>
          <span class="ed-tip" role="tooltip" id="tt-note-{$n}">
            <span class="ed-tip-kind"><xsl:value-of select="ed:note-label(.)"/></span>
            <span class="ed-tip-note"><xsl:value-of select="normalize-space(ed:plain(node()))"/></span>
          </span>
        </span>
      </xsl:when>
      <xsl:when test="$ed:render = 'link'">
        <a class="{$class}" href="#note-{$n}"><sup><xsl:value-of select="$n"/></sup></a>
      </xsl:when>
      <xsl:otherwise>
        <sup class="{$class}"><xsl:value-of select="$n"/></sup>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A note that is not in <text> (notesStmt, register entries ...): shown where it stands. -->
  <xsl:template match="tei:note">
    <span>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-' || ed:note-kind(.)"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </span>
  </xsl:template>

  <!-- The notes section. -->
  <xsl:template name="ed:notes">
    <xsl:if test="exists($ed:text-notes)">
      <section id="notes" class="ed-section ed-notes" aria-labelledby="notes-h">
        <h2 id="notes-h"><xsl:value-of select="ed:label('notes')"/></h2>
        <ol class="ed-note-list">
          <xsl:for-each select="$ed:text-notes">
            <xsl:variable name="n" select="ed:note-number(.)"/>
            <li id="note-{$n}" class="ed-note ed-{ed:note-kind(.)}">
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <span class="ed-note-label"><xsl:value-of select="ed:note-label(.)"/><xsl:text>: </xsl:text></span>
              <xsl:apply-templates select="." mode="ed:note-body"/>
              <xsl:text> </xsl:text>
              <a href="#noteref-{$n}" class="ed-backlink ed-note-back" aria-label="{ed:label('back')} ({ed:label('note')} {$n})">↩</a>
            </li>
          </xsl:for-each>
        </ol>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="ed:note-body" on-no-match="shallow-skip"/>
  <xsl:template match="tei:note" mode="ed:note-body">
    <xsl:choose>
      <xsl:when test="tei:p | tei:list | tei:table | tei:lg | tei:quote[tei:p] | tei:figure">
        <div class="ed-note-body"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise>
        <span class="ed-note-body"><xsl:apply-templates/></span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
