<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: in the text a numbered call (superscript link to #note-N) with a popup; the notes
  section lists them with back links. Which notes are numbered, their numbers and kinds
  (editorial, authorial, source) come from common/notes.xsl; each kind is named in words
  and has a class (ed-editorial-note ...).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- "Editorial note (tei-edition project)" -->
  <xsl:function name="ed:note-label" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="who" select="ed:note-responsible($note)"/>
    <xsl:sequence select="ed:label(ed:note-kind($note))
                          || (if (exists($who)) then ' (' || string-join($who, ', ') || ')' else '')"/>
  </xsl:function>

  <!-- The call in the text. -->
  <xsl:template match="tei:note[exists(ed:note-number(.))]">
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <xsl:variable name="id" select="ed:note-id(.)"/>
    <xsl:variable name="class" select="'ed-noteref', 'ed-' || ed:note-kind(.)"/>
    <xsl:choose>
      <xsl:when test="$ed:render = 'full'">
        <span class="ed-pop ed-noteref-wrap">
          <a class="{$class}" id="noteref-{$id}" href="#note-{$id}" aria-describedby="tt-note-{$id}">
            <sup><span class="ed-vh"><xsl:value-of select="ed:label('note')"/><xsl:text> </xsl:text></span><xsl:value-of select="$n"/></sup>
          </a>
          <span class="ed-tip" role="tooltip" id="tt-note-{$id}">
            <span class="ed-tip-kind"><xsl:value-of select="ed:note-label(.)"/></span>
            <span class="ed-tip-note"><xsl:value-of select="normalize-space(ed:plain(node()))"/></span>
          </span>
        </span>
      </xsl:when>
      <xsl:when test="$ed:render = 'link'">
        <a class="{$class}" href="#note-{$id}"><sup><xsl:value-of select="$n"/></sup></a>
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

  <!-- The notes section; for a teiCorpus one list per document, under its title. -->
  <xsl:template name="ed:notes">
    <xsl:variable name="docs" select="if (/tei:teiCorpus) then ed:documents(/)[exists(ed:text-notes(.))] else /"/>
    <xsl:if test="exists(ed:text-notes(/))">
      <section id="notes" class="ed-section ed-notes" aria-labelledby="notes-h">
        <h2 id="notes-h"><xsl:value-of select="ed:label('notes')"/></h2>
        <xsl:for-each select="$docs">
          <xsl:if test="/tei:teiCorpus">
            <h3 class="ed-notes-doc"><xsl:value-of select="ed:title(.)"/></h3>
          </xsl:if>
          <ol class="ed-note-list">
            <xsl:for-each select="ed:text-notes(.)">
              <xsl:call-template name="ed:note-item"/>
            </xsl:for-each>
          </ol>
        </xsl:for-each>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One note of the notes section (context: the note). -->
  <xsl:template name="ed:note-item">
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <xsl:variable name="id" select="ed:note-id(.)"/>
    <li id="note-{$id}" class="ed-note ed-{ed:note-kind(.)}">
      <xsl:if test="string($n) != $id"><xsl:attribute name="data-n" select="$n"/></xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <span class="ed-note-label"><xsl:value-of select="ed:note-label(.)"/><xsl:text>: </xsl:text></span>
      <xsl:apply-templates select="." mode="ed:note-body"/>
      <xsl:text> </xsl:text>
      <a href="#noteref-{$id}" class="ed-backlink ed-note-back" aria-label="{ed:label('back')} ({ed:label('note')} {$n})">↩</a>
    </li>
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
