<?xml version="1.0" encoding="UTF-8"?>
<!--
  The critical apparatus (app, lem, rdg) in Typst. By default the lemma is printed in the
  text with the other readings after it in brackets. With -p apparatus=lines the text
  has line numbers in the margin and each variant goes to the foot of its page keyed by
  line: "12 lemma] reading Wit.; reading Wit." (the template's ed-app).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- 'inline' (default) or 'lines'. -->
  <xsl:param name="apparatus" as="xs:string" select="'inline'"/>
  <xsl:variable name="ed:apparatus-lines" as="xs:boolean" select="normalize-space($apparatus) = 'lines'"/>

  <xsl:template match="tei:app">
    <xsl:variable name="lemma" select="(tei:lem, tei:rdg, tei:rdgGrp/tei:rdg)[1]"/>
    <xsl:variable name="others" select="(tei:rdg, tei:rdgGrp/tei:rdg) except $lemma"/>
    <xsl:apply-templates select="$lemma"/>
    <xsl:choose>
      <xsl:when test="$ed:apparatus-lines">
        <xsl:text>#ed-app(lemma: [</xsl:text>
        <xsl:value-of select="ed:tx(ed:or(ed:flat($lemma), '–'))"/>
        <xsl:text>], readings: (</xsl:text>
        <xsl:for-each select="$others">
          <xsl:text>([</xsl:text>
          <xsl:value-of select="ed:tx(ed:or(ed:flat(.), 'om.'))"/>
          <xsl:text>], [</xsl:text>
          <xsl:value-of select="ed:tx(ed:witnesses(.))"/>
          <xsl:text>]), </xsl:text>
        </xsl:for-each>
        <xsl:text>))</xsl:text>
      </xsl:when>
      <xsl:when test="$others">
        <xsl:text>#text(size: 0.9em)[ \[</xsl:text>
        <xsl:for-each select="$others">
          <xsl:if test="position() gt 1">; </xsl:if>
          <xsl:apply-templates/>
          <xsl:if test="@wit"><xsl:text> #emph[</xsl:text><xsl:value-of select="ed:tx(ed:witnesses(.))"/>]</xsl:if>
        </xsl:for-each>
        <xsl:text>\]]</xsl:text>
      </xsl:when>
    </xsl:choose>
    <xsl:apply-templates select="tei:note"/>
  </xsl:template>

  <xsl:template match="tei:lem | tei:rdg">
    <xsl:call-template name="typst-call"/>
  </xsl:template>

  <!-- Sigla of a reading's witnesses: the witness's siglum (abbr or @n) where the listWit
       gives one, else the pointer without "#". -->
  <xsl:function name="ed:witnesses" as="xs:string">
    <xsl:param name="reading" as="element()"/>
    <xsl:sequence select="string-join(for $t in tokenize(normalize-space($reading/@wit))
                            return (ed:target($reading, $t) ! (tei:abbr[@type = 'siglum'], tei:abbr, @n)[1] ! normalize-space(ed:flat(.)),
                                    replace($t, '^#', ''))[normalize-space()][1], ' ')"/>
  </xsl:function>
</xsl:stylesheet>
