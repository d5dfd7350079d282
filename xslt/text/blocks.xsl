<?xml version="1.0" encoding="UTF-8"?>
<!--
  TEI to the block tree of the plain-text edition (see text/layout.xsl for <t:b>).
  One template per element family: divisions and headings, paragraphs, letters, verse,
  drama, lists, tables, figures, quotations, examples, registers in the text; then
  phrase level: note calls [n], choice (param reading), editorial signs, breaks.
  Elements not named here are passed through: their text is always kept.

  Tunnel parameters: $indent (spaces before every line of a block), $group (blocks of
  one group are separated by a single newline instead of a blank line).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:t="urn:tei-edition:text"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:mode on-no-match="text-only-copy" use-accumulators="#all"/>

  <!-- Not running text (common/roles.xsl): header, standOff ..., forme work, data. -->
  <xsl:template _match="{$ed:match?hidden} | {$ed:match?furniture} | ({$ed:match?data})[not(normalize-space())]"/>

  <!-- A block: kind, the current indent and group, and content. -->
  <xsl:template name="ed:tb">
    <xsl:param name="kind" as="xs:string" select="local-name()"/>
    <xsl:param name="extra" as="xs:integer" select="0"/>
    <xsl:param name="prefix" as="xs:string" select="''"/>
    <xsl:param name="align" as="xs:string" select="''"/>
    <xsl:param name="underline" as="xs:string" select="''"/>
    <xsl:param name="own-group" as="xs:string?" select="()"/>
    <xsl:param name="content" as="item()*">
      <xsl:apply-templates/>
    </xsl:param>
    <xsl:param name="indent" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:param name="group" as="xs:string" select="''" tunnel="yes"/>
    <t:b kind="{$kind}" indent="{$indent + $extra}" group="{($own-group, $group)[1]}">
      <xsl:if test="$prefix"><xsl:attribute name="prefix" select="$prefix"/></xsl:if>
      <xsl:if test="$align"><xsl:attribute name="align" select="$align"/></xsl:if>
      <xsl:if test="$underline"><xsl:attribute name="underline" select="$underline"/></xsl:if>
      <xsl:sequence select="$content"/>
    </t:b>
  </xsl:template>

  <!-- ===== containers and divisions ===== -->

  <xsl:template match="tei:text | tei:front | tei:body | tei:back | tei:group | tei:div | tei:div1 | tei:div2
                       | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7 | tei:titlePage | tei:docImprint
                       | tei:castList | tei:castGroup | tei:spGrp | tei:u | tei:figure | tei:argument | tei:postscript">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:apply-templates><xsl:with-param name="group" select="''" tunnel="yes"/></xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="level" select="count(ancestor::*[self::tei:div or matches(local-name(), '^div[1-7]$')])"/>
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="underline" select="if ($level le 1) then '-' else '~'"/>
      <xsl:with-param name="own-group" select="''"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:p | tei:ab | tei:docTitle | tei:titlePart | tei:byline | tei:docAuthor | tei:docDate
                       | tei:trailer | tei:figDesc">
    <xsl:call-template name="ed:tb"/>
  </xsl:template>

  <!-- Cast list entries: role and description apart ("Ophelia, daughter to Polonius"). -->
  <xsl:template match="tei:castItem | tei:roleGroup">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:for-each select="node()">
          <xsl:if test="self::tei:roleDesc and preceding-sibling::node()[1][self::*]">, </xsl:if>
          <xsl:apply-templates select="."/>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== letters: each part of an opener or closer on its own line ===== -->

  <xsl:template match="tei:opener | tei:closer | tei:address">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="own-group" select="generate-id()"/>
      <xsl:with-param name="content">
        <xsl:apply-templates><xsl:with-param name="group" select="generate-id()" tunnel="yes"/></xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:opener/*[not(self::tei:note)] | tei:closer/*[not(self::tei:note)] | tei:address/tei:addrLine">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="align" select="if (self::tei:dateline or self::tei:signed) then 'right' else ''"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:epigraph">
    <xsl:call-template name="ed:tb"/>
  </xsl:template>

  <!-- ===== verse ===== -->

  <xsl:template match="tei:lg">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:apply-templates><xsl:with-param name="group" select="generate-id()" tunnel="yes"/></xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:l">
    <xsl:param name="group" as="xs:string" select="''" tunnel="yes"/>
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="extra" select="2"/>
      <xsl:with-param name="own-group" select="if ($group) then $group else generate-id(..)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== drama: the speaker's name on its own line, the speech indented ===== -->

  <xsl:template match="tei:sp">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:apply-templates>
          <xsl:with-param name="group" select="generate-id()" tunnel="yes"/>
        </xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:sp/*[not(self::tei:speaker or self::tei:note)]" priority="5">
    <xsl:param name="indent" as="xs:integer" select="0" tunnel="yes"/>
    <xsl:next-match>
      <xsl:with-param name="indent" select="$indent + 4" tunnel="yes"/>
    </xsl:next-match>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <xsl:call-template name="ed:tb"/>
  </xsl:template>

  <xsl:template match="tei:stage[not(parent::tei:p or parent::tei:l or parent::tei:ab or parent::tei:speaker)]">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="extra" select="4"/>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== lists ===== -->

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent
                       | tei:listApp | tei:listWit">
    <xsl:variable name="ordered" select="@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')"/>
    <xsl:variable name="nested" select="exists(ancestor::tei:item)"/>
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:apply-templates select="tei:head"/>
        <xsl:for-each select="* except (tei:head | tei:label)">
          <xsl:variable name="label" select="preceding-sibling::*[1][self::tei:label]"/>
          <xsl:call-template name="ed:tb">
            <xsl:with-param name="kind" select="'item'"/>
            <xsl:with-param name="prefix" select="if ($ordered) then position() || '. ' else '- '"/>
            <xsl:with-param name="extra" select="if ($nested) then 2 else 0"/>
            <xsl:with-param name="own-group" select="generate-id(..)"/>
            <xsl:with-param name="content">
              <xsl:if test="$label"><xsl:apply-templates select="$label/node()"/>: </xsl:if>
              <xsl:apply-templates select="."><xsl:with-param name="group" select="''" tunnel="yes"/></xsl:apply-templates>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Register entries in the text: their parts separated by spaces. -->
  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event">
    <xsl:for-each select="node()">
      <xsl:apply-templates select="."/>
      <xsl:if test="self::*"><xsl:text> </xsl:text></xsl:if>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== tables: one line per row, cells separated by " | " ===== -->

  <xsl:template match="tei:table">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="content">
        <xsl:apply-templates select="tei:head"/>
        <xsl:for-each select="tei:row">
          <xsl:call-template name="ed:tb">
            <xsl:with-param name="kind" select="'row'"/>
            <xsl:with-param name="own-group" select="generate-id(..)"/>
            <xsl:with-param name="content">
              <xsl:for-each select="tei:cell">
                <xsl:if test="position() gt 1"> | </xsl:if>
                <xsl:apply-templates/>
              </xsl:for-each>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
        <xsl:apply-templates select="* except (tei:head | tei:row)"/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== quotations and examples ===== -->

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:l | tei:ab] | tei:cit[tei:quote[tei:p | tei:lg | tei:l]]
                       | tei:floatingText | tei:said[tei:p]">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="extra" select="4"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:eg">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="kind" select="'pre'"/>
      <xsl:with-param name="extra" select="2"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="teix:egXML">
    <xsl:call-template name="ed:tb">
      <xsl:with-param name="kind" select="'pre'"/>
      <xsl:with-param name="extra" select="2"/>
      <xsl:with-param name="content" select="ed:xml-source(node())"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:graphic | tei:media | tei:binaryObject">
    <xsl:text>[</xsl:text>
    <xsl:value-of select="ed:label('image')"/>
    <xsl:value-of select="(@url, @mimeType)[1] ! (': ' || .)"/>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <!-- ===== phrase level ===== -->

  <xsl:template match="tei:note">
    <xsl:variable name="n" select="ed:note-number(.)"/>
    <xsl:choose>
      <xsl:when test="exists($n)">[<xsl:value-of select="$n"/>]</xsl:when>
      <xsl:otherwise> (<xsl:apply-templates/>)</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:choice">
    <xsl:apply-templates select="ed:chosen(.)"/>
  </xsl:template>
  <!-- A sic that is shown is marked: "than [sic]" (common: ed:sic-mark). -->
  <xsl:template match="tei:sic">
    <xsl:apply-templates/>
    <xsl:value-of select="ed:sic-mark(.)"/>
  </xsl:template>
  <xsl:template match="tei:am | tei:ex">
    <xsl:if test="ed:in-reading(.)"><xsl:apply-templates/></xsl:if>
  </xsl:template>

  <xsl:template match="tei:supplied">[<xsl:apply-templates/>]</xsl:template>
  <xsl:template match="tei:gap | tei:space">[…<xsl:for-each select="tei:desc"><xsl:text> </xsl:text><xsl:apply-templates/></xsl:for-each>]</xsl:template>
  <xsl:template match="tei:del">⟦<xsl:apply-templates/>⟧</xsl:template>
  <xsl:template match="tei:gi">&lt;<xsl:apply-templates/>&gt;</xsl:template>
  <xsl:template match="tei:att">@<xsl:apply-templates/></xsl:template>
  <xsl:template match="tei:q[not(@rend)] | tei:soCalled">“<xsl:apply-templates/>”</xsl:template>
  <xsl:template match="tei:title[@level = 'a']">“<xsl:apply-templates/>”</xsl:template>
  <xsl:template match="tei:ptr">
    <xsl:text>&lt;</xsl:text><xsl:value-of select="@target"/><xsl:text>&gt;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:app">
    <xsl:apply-templates select="(tei:lem, tei:rdg)[1]"/>
    <xsl:variable name="others" select="(tei:rdg, tei:rdgGrp/tei:rdg) except (tei:lem, tei:rdg)[1]"/>
    <xsl:if test="$others">
      <xsl:text> [</xsl:text>
      <xsl:for-each select="$others">
        <xsl:if test="position() gt 1">; </xsl:if>
        <xsl:apply-templates/>
        <xsl:if test="@wit"><xsl:text> </xsl:text><xsl:value-of select="normalize-space(replace(@wit, '#', ''))"/></xsl:if>
      </xsl:for-each>
      <xsl:text>]</xsl:text>
    </xsl:if>
    <xsl:apply-templates select="tei:note"/>
  </xsl:template>
  <xsl:template match="tei:wit | tei:witDetail"/>

  <xsl:template match="tei:lb | tei:pb | tei:cb">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template _match="tei:milestone | {$ed:match?linking}"/>
</xsl:stylesheet>
