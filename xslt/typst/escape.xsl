<?xml version="1.0" encoding="UTF-8"?>
<!--
  How the TEI's characters reach Typst: always as text, never as markup or code.

    ed:tx($s)   markup text: every ASCII punctuation character is escaped with a backslash
                (Typst accepts "\" before each of them, and only those could start markup,
                code, a label, a reference, math, a comment, a URL or a shorthand), and
                runs of white space, including the line and paragraph separators Typst
                treats as line ends, become one space, so no line of the document can
                start a heading, a list or a new paragraph.
    ed:ts($s)   a Typst string literal with quotes: backslash and quotation mark escaped,
                white space as in ed:tx.

  Every text node of the document, every attribute value and every string the
  stylesheets compute from them goes through one of these two functions. The stylesheets
  themselves write only fixed Typst code around them.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:tx" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(ed:ws(string($s)), '([!-/:-@\[-`{-~])', '\\$1')"/>
  </xsl:function>

  <xsl:function name="ed:ts" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="'&quot;' || replace(ed:ws(string($s)), '([\\&quot;])', '\\$1') || '&quot;'"/>
  </xsl:function>

  <!-- White space as Typst should see it: one space for every run, line ends included. -->
  <xsl:function name="ed:ws" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace($s, '[\s&#x85;&#x2028;&#x2029;]+', ' ')"/>
  </xsl:function>

  <!-- A string literal that keeps line ends and spaces (preformatted text, raw blocks). -->
  <xsl:function name="ed:ts-pre" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="'&quot;' || replace(replace(replace(string($s), '([\\&quot;])', '\\$1'),
                          '\r?\n|[&#x85;&#x2028;&#x2029;]', '\\n'), '\t', '    ') || '&quot;'"/>
  </xsl:function>

  <!-- A Typst array of string literals: ("a", "b"). -->
  <xsl:function name="ed:ts-array" as="xs:string">
    <xsl:param name="items" as="xs:string*"/>
    <xsl:sequence select="'(' || string-join($items ! ed:ts(.), ', ') || (if (count($items) = 1) then ',' else '') || ')'"/>
  </xsl:function>
</xsl:stylesheet>
