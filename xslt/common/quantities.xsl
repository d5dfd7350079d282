<?xml version="1.0" encoding="UTF-8"?>
<!--
  Quantities (measure, num) as the TEI states them in attributes, read once for every format.

    ed:quantity-text($el)  what @quantity, @min/@max, @atLeast/@atMost and @unit say, in
                           words: "300–400 persons", "at least 300 persons", "12 km"; () when
                           the element states no value in attributes. A stated range is given
                           as the range, never as one of its ends.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:quantity-text" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="a" select="function($n) { normalize-space($el/@*[local-name() = $n])[.] }"/>
    <xsl:variable name="value" select="
        if ($a('quantity')) then $a('quantity')
        else if ($a('value') and $el/self::*[local-name() = 'num']) then $a('value')
        else if ($a('min') and $a('max')) then $a('min') || '–' || $a('max')
        else if ($a('min')) then ed:label('at-least') || ' ' || $a('min')
        else if ($a('max')) then ed:label('at-most') || ' ' || $a('max')
        else if ($a('atLeast') and $a('atMost')) then $a('atLeast') || '–' || $a('atMost')
        else if ($a('atLeast')) then ed:label('at-least') || ' ' || $a('atLeast')
        else if ($a('atMost')) then ed:label('at-most') || ' ' || $a('atMost')
        else ()"/>
    <xsl:sequence select="$value ! string-join((., $a('unit')), ' ')"/>
  </xsl:function>
</xsl:stylesheet>
