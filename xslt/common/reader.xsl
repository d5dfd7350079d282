<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the printed page gives a reader, for both print engines (xslt/print.xsl and
  xslt/typst.xsl); the register rules the index reads (sort key, heading, kinds, mentions)
  are in registers.xsl.

    ed:has-markup-names($e)    true if the element names markup (gi, att, tag, egXML)
    ed:reader-sentences($e)    its sentences that name no markup, as plain text: "tagged
                               <gi>roleName</gi> pointing here" is for encoders, not readers
                               (a paragraph left with no more than its label gives nothing)
    ed:index-dates($entry)     a person's life years, an event's or a communication's date
    ed:rend-classes($e)        @rend/@rendition/@style as italic, bold, sup, sub, smallcaps,
                               underline, strike
    ed:anchor($e)              a stable anchor id: id-XMLID, or g-eN in document order
    ed:list-entries($list)     the entries of a list worth a line: no empty bullets, no term lost
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- ===== lists ===== -->

  <!-- The entries a reader is given of a list: each child but its head and labels that
       carries text, a gap or a graphic, or that follows a label with text (a term whose
       gloss is empty keeps its term). An empty item makes an empty bullet: leave it out. -->
  <xsl:function name="ed:list-entries" as="element()*">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="($list/* except $list/(tei:head | tei:label))
                          [normalize-space() or .//tei:gap or .//tei:graphic
                           or preceding-sibling::*[1][self::tei:label][normalize-space()]]"/>
  </xsl:function>

  <!-- ===== markup names ===== -->

  <xsl:function name="ed:has-markup-names" as="xs:boolean">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="exists($e//(tei:gi | tei:att | tei:tag | teix:egXML))"/>
  </xsl:function>

  <xsl:function name="ed:reader-sentences" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="marked" as="xs:string">
      <xsl:value-of><xsl:apply-templates select="$e/node()" mode="ed:markup-marked"/></xsl:value-of>
    </xsl:variable>
    <!-- a sentence ends at . ! or ? (and closing quotes) before a space and a capital -->
    <xsl:variable name="split" select="replace(normalize-space($marked),
                                       '([.!?][”’&quot;'')\]]*) ([\p{Lu}“‘&quot;(\[])', '$1 &#xE001;$2')"/>
    <xsl:variable name="kept" select="tokenize($split, '&#xE001;')[not(contains(., '&#xE000;'))]"/>
    <!-- what is left of a paragraph may be only its label ("Numbers."): then nothing -->
    <xsl:sequence select="if (count(tokenize(string-join($kept, ' '))) le 3) then () else $kept ! normalize-space(.)"/>
  </xsl:function>

  <!-- The text of an element with a private-use mark where markup is named. -->
  <xsl:mode name="ed:markup-marked" on-no-match="text-only-copy"/>
  <xsl:template match="tei:gi | tei:att | tei:tag | tei:val | teix:egXML" mode="ed:markup-marked">&#xE000;</xsl:template>
  <xsl:template match="tei:note | tei:fw" mode="ed:markup-marked"/>
  <xsl:template match="tei:choice" mode="ed:markup-marked">
    <xsl:apply-templates select="ed:chosen(.)" mode="ed:markup-marked"/>
  </xsl:template>
  <xsl:function name="ed:index-dates" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="years" select="distinct-values(tokenize(string((ed:iso-date($entry), ed:iso-date($entry/tei:date[1]))[1]), '/')
                                                       [normalize-space()] ! ed:year(.))"/>
    <xsl:sequence select="if (ed:entry-kind($entry) = ('person', 'org', 'place')) then ed:life-years($entry)
                          else string-join($years, '–')[normalize-space()]"/>
  </xsl:function>

  <xsl:function name="ed:rend-classes" as="xs:string*">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="t" select="tokenize(lower-case(string-join(($e/@rend, $e/@rendition, $e/@style), ' ')), '[\s;:#()]+')"/>
    <xsl:sequence select="(if ($t[matches(., '^(ital|italic|italics|i|it|slanted)$')]) then 'italic' else (),
                           if ($t[matches(., '^(bold|b|bf|strong)$')]) then 'bold' else (),
                           if ($t[matches(., '^(sup|super|superscript)$')]) then 'sup' else (),
                           if ($t[matches(., '^(sub|subscript)$')]) then 'sub' else (),
                           if ($t[matches(., '^(sc|smallcaps|small-caps|smcap)$')]) then 'smallcaps' else (),
                           if ($t[matches(., '^(u|ul|underline|underlined)$')]) then 'underline' else (),
                           if ($t[matches(., '^(strike|strikethrough|line-through)$')]) then 'strike' else ())"/>
  </xsl:function>
  <!-- A stable anchor for an element: its xml:id if it is an NCName, else a generated id. -->
  <xsl:function name="ed:anchor" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@xml:id castable as xs:NCName) then 'id-' || $e/@xml:id
                          else 'g-' || ed:node-id($e)"/>
  </xsl:function>
</xsl:stylesheet>
