<?xml version="1.0" encoding="UTF-8"?>
<!--
  Letters and telegrams: opener and closer (and their marks, e.g. seg type="priority"),
  dateline, salute, signed, postscript, address.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:template match="tei:opener | tei:closer | tei:postscript">
    <div>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-letter-part'"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- Marks and lines of an opener or closer each on a line of their own. -->
  <xsl:template match="tei:opener/tei:seg | tei:closer/tei:seg | tei:opener/tei:idno">
    <div>
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="'ed-mark'"/>
      </xsl:call-template>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed">
    <xsl:element name="{if (ed:has-blocks(.)) then 'div' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <!-- Inside a paragraph (salute or signed in running text): inline. -->
  <xsl:template match="tei:p//tei:dateline | tei:p//tei:salute | tei:p//tei:signed">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:address">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
  </xsl:template>
  <xsl:template match="tei:addrLine">
    <span><xsl:call-template name="ed:attrs"/><xsl:apply-templates/></span>
    <xsl:if test="following-sibling::tei:addrLine"><br/></xsl:if>
  </xsl:template>
</xsl:stylesheet>
