<?xml version="1.0" encoding="UTF-8"?>
<!--
  cmif.xml: the correspondence metadata of every document with a correspDesc, in the
  Correspondence Metadata Interchange Format that correspSearch aggregates (TEI Correspondence
  SIG, CMIF v1): one correspDesc per letter with its URL (@ref) and the edition (@source),
  both correspActions with persName/orgName, placeName (authority URIs in @ref where the
  registers give them) and date; the header CMIF requires: title, editor (with e-mail),
  publisher, the file's URL as idno type="url", the CC BY 4.0 licence, the date of this
  file, and the edition as sourceDesc/bibl type="online". Input: the edition index.

  Parameters: s:editor, s:email, s:publisher (the site configuration), s:date (xs:dateTime
  of this file: the newest document's change, so the file does not change when nothing did).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:s="urn:tei-edition:site"
    xmlns="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="#all">

  <xsl:import href="../html.xsl"/>
  <xsl:include href="chrome.xsl"/>

  <xsl:output method="xml" encoding="UTF-8" indent="yes"/>

  <xsl:param name="s:editor" as="xs:string" select="''"/>
  <xsl:param name="s:email" as="xs:string" select="''"/>
  <xsl:param name="s:publisher" as="xs:string" select="''"/>
  <xsl:param name="s:date" as="xs:string" select="''"/>

  <xsl:template match="/">
    <xsl:apply-templates select="s:edition"/>
  </xsl:template>

  <xsl:template match="s:edition">
    <TEI>
      <teiHeader>
        <fileDesc>
          <titleStmt>
            <title><xsl:value-of select="s:site-title()"/></title>
            <editor>
              <xsl:value-of select="ed:or($s:editor, ed:or($s:publisher, s:site-title()))"/>
              <xsl:if test="$s:email"><email><xsl:value-of select="$s:email"/></email></xsl:if>
            </editor>
          </titleStmt>
          <publicationStmt>
            <publisher><xsl:value-of select="ed:or($s:publisher, s:site-title())"/></publisher>
            <idno type="url"><xsl:value-of select="s:absolute('cmif.xml')"/></idno>
            <date when="{$s:date}"/>
            <availability>
              <licence target="https://creativecommons.org/licenses/by/4.0/">This file is licensed under the terms of the Creative Commons License CC-BY 4.0</licence>
            </availability>
          </publicationStmt>
          <sourceDesc>
            <bibl type="online" xml:id="edition">
              <xsl:value-of select="s:site-title()"/>
              <xsl:text>. </xsl:text>
              <ref target="{s:absolute('index.html')}"><xsl:value-of select="s:absolute('index.html')"/></ref>
            </bibl>
          </sourceDesc>
        </fileDesc>
        <profileDesc>
          <xsl:for-each select="s:document[s:action]">
            <xsl:sort select="@order" data-type="number"/>
            <correspDesc ref="{s:absolute(@url)}" source="#edition">
              <xsl:for-each select="s:action">
                <correspAction type="{@type}">
                  <xsl:if test="empty(s:persName | s:orgName)">
                    <persName>Unknown</persName>
                  </xsl:if>
                  <xsl:for-each select="s:persName | s:orgName | s:placeName">
                    <xsl:element name="{local-name()}">
                      <xsl:copy-of select="@ref"/>
                      <xsl:value-of select="."/>
                    </xsl:element>
                  </xsl:for-each>
                  <xsl:for-each select="s:date[@*]">
                    <date><xsl:copy-of select="@*"/></date>
                  </xsl:for-each>
                </correspAction>
              </xsl:for-each>
            </correspDesc>
          </xsl:for-each>
        </profileDesc>
      </teiHeader>
      <text><body><p/></body></text>
    </TEI>
  </xsl:template>
</xsl:stylesheet>
