<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page's CSS and script: html/edition.css and html/edition.js, read when the stylesheet is
  compiled (a transform reads no file) and inlined into every page (no CDN, no web fonts,
  nothing linked). The css-href parameter links an extra stylesheet.

  Overriding: $ed:css and $ed:js are the texts inlined. To use files of your own, read them
  with a static variable in your stylesheet (its base URI is your file):
    <xsl:variable name="my:css" static="yes" select="unparsed-text('my-edition.css')"/>
    <xsl:variable name="ed:css" select="$my:css"/>
  or add to ours: <xsl:variable name="ed:css" select="$ed:_css-file || $my:css"/>.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:_css-file" static="yes" as="xs:string" select="unparsed-text('edition.css')"/>
  <xsl:variable name="ed:_js-file" static="yes" as="xs:string" select="unparsed-text('edition.js')"/>

  <xsl:variable name="ed:css" as="xs:string" select="$ed:_css-file"/>
  <xsl:variable name="ed:js" as="xs:string" select="$ed:_js-file"/>
</xsl:stylesheet>
