<?xml version="1.0" encoding="UTF-8"?>
<!--
  The language of a TEI element as Typst takes it: ed:typst-lang(@xml:lang) is a map
  with 'lang' (ISO 639, two or three letters), 'region' (ISO 3166, two letters) and
  'script' (ISO 15924) where the tag has them, or empty when it is not a language tag.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:typst-lang" as="map(*)?">
    <xsl:param name="tag" as="xs:string?"/>
    <xsl:variable name="parts" select="tokenize(normalize-space($tag), '[-_]')"/>
    <xsl:if test="matches($parts[1], '^[A-Za-z]{2,3}$')">
      <xsl:sequence select="map:merge((
          map{'lang': lower-case($parts[1])},
          $parts[position() gt 1][matches(., '^[A-Za-z]{2}$')][1] ! map{'region': upper-case(.)},
          $parts[position() gt 1][matches(., '^[A-Za-z]{4}$')][1]
            ! map{'script': upper-case(substring(., 1, 1)) || lower-case(substring(., 2))}))"/>
    </xsl:if>
  </xsl:function>

  <!-- The arguments of the template's ed-lang(): "ru", region: "RU", script: "Cyrl". -->
  <xsl:function name="ed:typst-lang-args" as="xs:string">
    <xsl:param name="lang" as="map(*)"/>
    <xsl:sequence select="string-join((ed:ts($lang?lang), $lang?region ! ('region: ' || ed:ts(.)),
                                       $lang?script ! ('script: ' || ed:ts(.))), ', ')"/>
  </xsl:function>
</xsl:stylesheet>
