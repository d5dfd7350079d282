<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plays, letters and other divided texts, read once for every format: the parts of a cast
  list, the divisions a table of contents lists, and the parts of a letter that are named
  by their type. (Speeches as mentions of the persons who speak them: registers.xsl.)

    ed:cast-separator($el)  ', ' before a roleDesc or actor that follows the role of its cast
                            item with nothing but whitespace between ("EBBA, keeper of the
                            light"); '' otherwise. A cast item is one line: role, description
                            and actor are phrases of it, never blocks.
    ed:contents($text)      the divisions with a head that a contents lists, in order: those
                            of front, body and back and the headed divisions directly in them
                            (acts and their scenes, parts and their chapters); none inside
                            notes, floating or nested texts
    ed:contents-depth($div) 1 for a division at the top of the contents, 2 for one inside it
    ed:has-contents($text)  true when a contents helps: two top divisions or more, or three
                            entries in all
    ed:div-label($div)      the label of a division without a head whose @type names a part
                            of a letter or document (envelope, enclosure, attachment, docket,
                            cover): "Envelope" in $lang; () for any other division
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:cast-separator" as="xs:string">
    <xsl:param name="el" as="node()"/>
    <xsl:variable name="before" select="$el/preceding-sibling::node()[not(self::text()[not(normalize-space())] or self::comment())][1]"/>
    <xsl:sequence select="if (($el/self::tei:roleDesc or $el/self::tei:actor) and $el/(parent::tei:castItem | parent::tei:roleGroup)
                              and $before[self::tei:role or self::tei:roleDesc or self::tei:actor])
                          then ', ' else ''"/>
  </xsl:function>

  <xsl:function name="ed:contents" as="element()*">
    <xsl:param name="text" as="element()"/>
    <xsl:sequence select="$text/(tei:front | tei:body | tei:back)//*[ed:is(., 'division')][tei:head]
                          [ed:contents-depth(.) le 2]
                          [empty(ancestor::*[self::tei:note or self::tei:floatingText or self::tei:text][. >> $text])]"/>
  </xsl:function>

  <xsl:function name="ed:contents-depth" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="text" select="$div/ancestor::tei:text[1]"/>
    <xsl:sequence select="count($div/ancestor-or-self::*[ed:is(., 'division')][tei:head][ancestor::tei:text[1] is $text])"/>
  </xsl:function>

  <xsl:variable name="ed:_labelled-div-types" as="xs:string*"
      select="('envelope', 'enclosure', 'attachment', 'docket', 'cover')"/>

  <xsl:function name="ed:div-label" as="xs:string?">
    <xsl:param name="div" as="element()"/>
    <xsl:variable name="type" select="lower-case(normalize-space($div/@type))"/>
    <xsl:sequence select="if ($div[ed:is(., 'division')][not(tei:head)] and $type = $ed:_labelled-div-types)
                          then ed:label($type) else ()"/>
  </xsl:function>

  <xsl:function name="ed:has-contents" as="xs:boolean">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="entries" select="ed:contents($text)"/>
    <xsl:sequence select="count($entries[ed:contents-depth(.) = 1]) ge 2 or count($entries) ge 3"/>
  </xsl:function>
</xsl:stylesheet>
