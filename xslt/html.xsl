<?xml version="1.0" encoding="UTF-8"?>
<!-- TEI to a reading edition in HTML5. -->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:import href="common/core.xsl"/>

  <xsl:output method="html" html-version="5" encoding="UTF-8" indent="no"/>
  <xsl:mode on-no-match="text-only-copy"/>

  <xsl:template match="/">
    <html lang="{(/*/@xml:lang, 'en')[1]}">
      <head>
        <meta charset="utf-8"/>
        <title><xsl:value-of select="ed:title(.)"/></title>
      </head>
      <body>
        <h1><xsl:value-of select="ed:title(.)"/></h1>
        <xsl:apply-templates select="//tei:text"/>
        <xsl:if test="//tei:text//tei:note">
          <section class="notes"><h2>Notes</h2>
            <ol><xsl:for-each select="//tei:text//tei:note"><li id="note-{position()}"><xsl:apply-templates/></li></xsl:for-each></ol>
          </section>
        </xsl:if>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:p | tei:opener | tei:closer | tei:head">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>
  <xsl:template match="tei:note"/>
</xsl:stylesheet>
