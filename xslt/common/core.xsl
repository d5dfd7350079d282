<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every edition format: keys, functions and the parameters all formats take.
  Imported (never included) so that a format or a user's stylesheet can override anything.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Language of the labels the stylesheets add ("Notes", "Persons" ...). -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

  <!-- The element a local pointer such as "#kim" points to, or the empty sequence. -->
  <xsl:function name="ed:target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" select="substring-after(normalize-space($pointer), '#')"/>
    <xsl:sequence select="if ($id and starts-with(normalize-space($pointer), '#'))
                          then key('id', $id, root($context))[1] else ()"/>
  </xsl:function>

  <!-- The document's title, for page titles and running heads. -->
  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="root($doc)//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="normalize-space(string(($titles[@type='main'], $titles)[1])) => ed:or('Untitled document')"/>
  </xsl:function>

  <xsl:function name="ed:or" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($value)) then $value else $fallback"/>
  </xsl:function>
</xsl:stylesheet>
