<?xml version="1.0" encoding="UTF-8"?>
<!--
  The reading text of TEI content as plain strings, and the one reading of <choice>.

    $reading            parameter: 'normalised' (default: corr, reg, expan) or 'diplomatic'
                        (sic, orig, abbr); every format reads it
    $ed:diplomatic      true when $reading asks for the source's readings
    ed:chosen($choice)  the child of a choice that the reading gives
    ed:keeps-source($choice)  true for a sic/corr choice in quoted text (@source): its sic is
                        the reading, marked [sic], in both readings
    ed:sic-mark($el)    " [sic]" after a sic on its own or in quoted text, else ""
    ed:diplomatic-readings($choice), ed:normalised-readings($choice)
                        its sic/orig/abbr and its corr/reg/expan children (HTML shows both)
    ed:in-reading($el)  false for what the reading leaves out: abbreviation markers (am) in
                        the normalised reading, expansions (ex) in the diplomatic one
    ed:plain($nodes)    the reading text of nodes, whitespace kept: the chosen reading of
                        choice, no notes, no forme work, no apparatus readings, line and page
                        breaks as spaces (none inside a word: words.xsl), a gap as […], a shown
                        sic followed by [sic], a space after
                        each block (mode ed:plain; override its templates to change it)
    ed:flat($node)      the reading text of a node's content, whitespace normalised
    ed:or($value, $fallback)  $value unless it is empty or blank
    ed:lang($node)      the xml:lang in force at a node
    ed:xml-source($nodes)     encoded examples (egXML) as a reader sees the XML

  Every function here is declared cache="yes": the same nodes are read as text many times
  in one transform (an entry's name for each mention's popup, the register, the index,
  the citation), and the answer cannot change while it runs. Halved the HTML page of the
  telegram with plain.xsl, registers.xsl and pointers.xsl together.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Which reading of <choice> (and of abbreviation markers am/ex) to give. -->
  <xsl:param name="reading" as="xs:string" select="'normalised'"/>

  <xsl:variable name="ed:diplomatic" as="xs:boolean"
      select="lower-case(normalize-space($reading)) = ('diplomatic', 'dipl', 'diplomatique')"/>

  <xsl:variable name="ed:_diplomatic-names" as="xs:string*" select="('sic', 'orig', 'abbr')"/>
  <xsl:variable name="ed:_normalised-names" as="xs:string*" select="('corr', 'reg', 'expan')"/>

  <xsl:function name="ed:diplomatic-readings" as="element()*" cache="yes">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="$choice/tei:*[local-name() = $ed:_diplomatic-names]"/>
  </xsl:function>

  <xsl:function name="ed:normalised-readings" as="element()*" cache="yes">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="$choice/tei:*[local-name() = $ed:_normalised-names]"/>
  </xsl:function>

  <!-- One of corr/reg/expan (or sic/orig/abbr when diplomatic), in that order of preference,
       else a seg, else the first child; the sic of a quoted text in either reading. -->
  <xsl:function name="ed:chosen" as="element()?" cache="yes">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="wanted" select="(if ($ed:diplomatic) then $ed:_diplomatic-names else $ed:_normalised-names), 'seg'"/>
    <xsl:sequence select="if (ed:keeps-source($choice)) then $choice/tei:sic[1]
                          else (for $name in $wanted return $choice/*[local-name() = $name], $choice/*)[1]"/>
  </xsl:function>

  <!-- A sic/corr choice in a text quoted from a source (a block or quotation with @source,
       e.g. abstract source="#archive-page"): the quotation is given as published, its error
       kept and marked [sic] in every reading; the correction is the editors' aside. Nothing
       quoted is silently corrected. -->
  <xsl:function name="ed:keeps-source" as="xs:boolean" cache="yes">
    <xsl:param name="choice" as="element()"/>
    <xsl:sequence select="exists($choice/tei:sic) and exists($choice/tei:corr)
                          and exists($choice/ancestor::*[@source][self::tei:abstract or self::tei:quote or self::tei:q
                                     or self::tei:cit or self::tei:p or self::tei:ab or self::tei:said])"/>
  </xsl:function>

  <!-- " [sic]" after a sic that stands on its own or in quoted text (ed:keeps-source), else
       the empty string: what every format writes after the sic's text. (The sic of another
       choice is the diplomatic reading itself, which needs no mark.) -->
  <xsl:function name="ed:sic-mark" as="xs:string" cache="yes">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::tei:sic and (not($el/parent::tei:choice) or ed:keeps-source($el/..)))
                          then ' [' || ed:label('sic') || ']' else ''"/>
  </xsl:function>

  <xsl:function name="ed:in-reading" as="xs:boolean" cache="yes">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::tei:am) then $ed:diplomatic
                          else if ($el/self::tei:ex) then not($ed:diplomatic) else true()"/>
  </xsl:function>

  <xsl:function name="ed:plain" as="xs:string" cache="yes">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="ed:plain"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:function name="ed:flat" as="xs:string" cache="yes">
    <xsl:param name="node" as="node()?"/>
    <xsl:sequence select="normalize-space(ed:plain(if ($node instance of element()) then $node/node() else $node))"/>
  </xsl:function>

  <xsl:mode name="ed:plain" on-no-match="text-only-copy" warning-on-no-match="false"/>
  <xsl:template _match="tei:note | tei:app/tei:rdg | tei:app/tei:rdgGrp | tei:del[parent::tei:subst] | tei:surplus
                        | {$ed:match?furniture} | tei:*[ed:is-void(.)]" mode="ed:plain"/>
  <xsl:template match="tei:choice" mode="ed:plain">
    <xsl:apply-templates select="ed:chosen(.)" mode="ed:plain"/>
  </xsl:template>
  <xsl:template match="tei:sic" mode="ed:plain">
    <xsl:apply-templates mode="ed:plain"/>
    <xsl:value-of select="ed:sic-mark(.)"/>
  </xsl:template>
  <xsl:template match="tei:am | tei:ex" mode="ed:plain">
    <xsl:if test="ed:in-reading(.)"><xsl:apply-templates mode="ed:plain"/></xsl:if>
  </xsl:template>
  <xsl:template _match="{$ed:match?milestone}" mode="ed:plain">
    <xsl:if test="not(ed:joins(.))"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="text()" mode="ed:plain">
    <xsl:value-of select="ed:text(.)"/>
  </xsl:template>
  <xsl:template match="tei:*[exists(ed:gap-before(.))]" mode="ed:plain" priority="20">
    <xsl:value-of select="ed:gap-before(.)"/>
    <xsl:next-match/>
  </xsl:template>
  <xsl:template match="tei:gap" mode="ed:plain">[…]</xsl:template>
  <!-- A block is followed by a space, unless it stands in running text (a bibl inside a
       sentence: "(… 117036)" must not become "(… 117036 )"). -->
  <xsl:template _match="{$ed:match?block}" mode="ed:plain">
    <xsl:apply-templates mode="ed:plain"/>
    <xsl:if test="not(following-sibling::node()[1][self::text()][matches(., '^[\p{P}]')])">
      <xsl:text> </xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:function name="ed:or" as="xs:string" cache="yes">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($value)) then $value else $fallback"/>
  </xsl:function>

  <xsl:function name="ed:lang" as="xs:string?" cache="yes">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[@xml:lang][1]/@xml:lang/string()"/>
  </xsl:function>

  <!-- Markup serialized, its text unescaped once (as the example's author wrote it), without
       the namespace declarations serialization adds (the example's author wrote none). -->
  <xsl:function name="ed:xml-source" as="xs:string" cache="yes">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (. instance of text()) then string(.)
                          else replace(replace(replace(replace(serialize(., map{'method': 'xml', 'omit-xml-declaration': true()}),
                                       '\s+xmlns(:[\w.\-]+)?=&quot;[^&quot;]*&quot;', ''),
                                       '&amp;lt;', '&lt;'), '&amp;gt;', '&gt;'), '&amp;amp;', '&amp;')))"/>
  </xsl:function>
</xsl:stylesheet>
