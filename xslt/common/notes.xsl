<?xml version="1.0" encoding="UTF-8"?>
<!--
  Notes: which are numbered, their numbers, and what kind of note each is, once for every
  format (HTML's calls and notes section, the footnotes of the print edition, the "[n]" of
  the plain text all agree).

    ed:text-notes($in)       the numbered notes of $in (a TEI, a teiCorpus or a document):
                             every note inside a <text>, nested notes included, in order
    ed:note-number($note)    its number: counted from 1 in each TEI document (a teiCorpus
                             restarts with each document); () for a note that is not numbered
    ed:note-position($note)  its position among all numbered notes of the input (for ids that
                             must be unique in one output of a whole teiCorpus)
    ed:note-kind($note)      'editorial-note' | 'authorial-note' | 'source-note' | 'note'
                             (also the label key of the kind):
                               editorial: @type editorial, editor, ed, gloss, commentary,
                                          or a @resp (someone took responsibility for it)
                                          unless typed as authorial;
                               authorial: @type authorial, author, auth, original;
                               source:    @type source, archival, provenance (no @resp)
    ed:is-editorial($note)   ed:note-kind($note) = 'editorial-note'
    ed:note-responsible($note)  names of those in the note's @resp

  Numbers come from accumulators (one pass, no xsl:number, no generate-id()), so they are
  the same whatever the number of worker processes.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:accumulator name="ed:_note-count" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:TEI" select="0"/>
    <xsl:accumulator-rule match="tei:text//tei:note" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:accumulator name="ed:_note-sequence" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="tei:text//tei:note" select="$value + 1"/>
  </xsl:accumulator>

  <xsl:function name="ed:text-notes" as="element(tei:note)*">
    <xsl:param name="in" as="node()"/>
    <xsl:sequence select="$in/descendant-or-self::tei:text[not(ancestor::tei:text)]//tei:note"/>
  </xsl:function>

  <xsl:function name="ed:note-number" as="xs:integer?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note[self::tei:note][ancestor::tei:text][ed:is-local(.)]
                          ! accumulator-before('ed:_note-count')"/>
  </xsl:function>

  <xsl:function name="ed:note-position" as="xs:integer?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="$note[exists(ed:note-number(.))] ! accumulator-before('ed:_note-sequence')"/>
  </xsl:function>

  <xsl:function name="ed:note-kind" as="xs:string">
    <xsl:param name="note" as="element()"/>
    <xsl:variable name="type" select="lower-case(normalize-space($note/@type))"/>
    <xsl:sequence select="
        if ($type = ('authorial', 'author', 'auth', 'original')) then 'authorial-note'
        else if ($type = ('editorial', 'editor', 'ed', 'gloss', 'commentary') or $note/@resp) then 'editorial-note'
        else if ($type = ('source', 'archival', 'provenance')) then 'source-note'
        else 'note'"/>
  </xsl:function>

  <xsl:function name="ed:is-editorial" as="xs:boolean">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="ed:note-kind($note) = 'editorial-note'"/>
  </xsl:function>

  <xsl:function name="ed:note-responsible" as="xs:string*">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="ed:pointer-names($note, $note/@resp)"/>
  </xsl:function>
</xsl:stylesheet>
