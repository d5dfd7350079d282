<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI to print HTML with CSS paged media, rendered to PDF by WeasyPrint. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="html.xsl"/>

  <xsl:template match="/">
    <html lang="{(/*/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="ed:title(.)"/></title>
        <style>
          @page { size: A4; margin: 2.5cm 2cm; @bottom-center { content: counter(page); } }
          body { font-family: "DejaVu Serif", "NanumMyeongjo", serif; font-size: 11pt; }
          .fn { float: footnote; font-size: 9pt; }
        </style>
      </head>
      <body>
        <h1><xsl:value-of select="ed:title(.)"/></h1>
        <xsl:apply-templates select="//tei:text"/>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:note">
    <span class="fn"><xsl:apply-templates/></span>
  </xsl:template>
</xsl:stylesheet>
