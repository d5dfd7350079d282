<?xml version="1.0" encoding="UTF-8"?>
<!--
  Certainty (@cert), read once for every format: how sure the editors are of an
  identification, an office, a date. TEI's @cert is "high", "medium", "low", "unknown" or a
  probability (0 to 1); everything here speaks in the four words.

    ed:cert($el)          the certainty an element states: its @cert as one of the four words,
                          () when it has none (a statement without @cert is not doubted)
    ed:mention-cert($el)  for a mention: its own @cert, else the least certain of the register
                          entries it points to (a doubtful identification is doubtful wherever
                          the name appears)
    ed:cert-text($el)     what a reader is told: "probable" (medium), "uncertain" (low),
                          "certainty unknown" (unknown) in $lang; () for high or none
    ed:is-doubtful($el)   true when a mention's certainty is low or unknown: the formats set a
                          mark after it ("?" in HTML) and explain the mark in a legend
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:_cert-order" as="xs:string*" select="('unknown', 'low', 'medium', 'high')"/>

  <xsl:function name="ed:cert" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="v" select="lower-case(normalize-space($el/@cert))"/>
    <xsl:sequence select="
        if ($v = $ed:_cert-order) then $v
        else if ($v castable as xs:double) then
          (let $p := xs:double($v) return if ($p ge 0.8) then 'high' else if ($p ge 0.5) then 'medium' else 'low')
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:mention-cert" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="entries" select="ed:mention-entries($el) ! ed:cert(.)"/>
    <xsl:sequence select="(ed:cert($el), $ed:_cert-order[. = $entries][1])[1]"/>
  </xsl:function>

  <xsl:function name="ed:cert-text" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="ed:cert($el)[. != 'high'] ! ed:label('cert-' || .)"/>
  </xsl:function>

  <xsl:function name="ed:is-doubtful" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="ed:mention-cert($el) = ('low', 'unknown')"/>
  </xsl:function>
</xsl:stylesheet>
