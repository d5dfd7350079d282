<?xml version="1.0" encoding="UTF-8"?>
<!--
  The print edition's CSS: the rules live in print/print.css, read when the stylesheet is
  compiled (a transform reads no file) and inlined into the print HTML, after two rules made
  from the parameters page-size and font-size.

  Overriding: $print-css-extra adds rules after ours; $ed:print-css-file replaces the file's
  rules (give it your own file with a static variable:
    <xsl:variable name="my:css" static="yes" select="unparsed-text('my-print.css')"/>
    <xsl:variable name="ed:print-css-file" select="$my:css"/>);
  $print-css is everything together.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Page size: any CSS page size ('A4', 'letter', 'A5', '170mm 240mm'). -->
  <xsl:param name="page-size" as="xs:string" select="'A4'"/>
  <!-- Base font size of the text, a CSS length. -->
  <xsl:param name="font-size" as="xs:string" select="'10.5pt'"/>

  <xsl:variable name="ed:_print-css-file" static="yes" as="xs:string" select="unparsed-text('print.css')"/>
  <xsl:variable name="ed:print-css-file" as="xs:string" select="$ed:_print-css-file"/>

  <xsl:variable name="print-css-extra" as="xs:string" select="''"/>

  <xsl:variable name="print-css" as="xs:string" select="string-join((
      '@page { size: ' || replace($page-size, '[^A-Za-z0-9. ]', '') || '; }',
      'html { font-size: ' || replace($font-size, '[^A-Za-z0-9.%]', '') || '; }',
      $ed:print-css-file, $print-css-extra), '&#10;')"/>
</xsl:stylesheet>
