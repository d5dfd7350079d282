<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the print and plain-text editions both need to know about a TEI document:
  header metadata as plain strings, which reading of a <choice> to give, which notes are
  editorial, note numbers (computed once per document, never with xsl:number), and the
  registers (listPerson / listOrg / listPlace) that the indexes are built from.

  Imported by xslt/print.xsl and xslt/text.xsl. Every function may be overridden by a
  user's stylesheet that imports the entry stylesheet.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Which reading of <choice> (and of abbreviation markers) to give:
       'normalised' (corr, reg, expan; the default) or 'diplomatic' (sic, orig, abbr). -->
  <xsl:param name="reading" as="xs:string" select="'normalised'"/>

  <xsl:variable name="ed:diplomatic" as="xs:boolean"
      select="lower-case(normalize-space($reading)) = ('diplomatic', 'dipl', 'diplomatique')"/>

  <!-- ===== documents ===== -->

  <!-- The TEI documents of the input: the root TEI, or every TEI of a teiCorpus. -->
  <xsl:function name="ed:documents" as="element()*">
    <xsl:param name="root" as="node()"/>
    <xsl:sequence select="root($root)//tei:TEI[tei:text]"/>
  </xsl:function>

  <!-- The teiHeader that describes a node: its own TEI's, else the corpus header. -->
  <xsl:function name="ed:header" as="element(tei:teiHeader)?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="($node/ancestor-or-self::tei:TEI[1]/tei:teiHeader,
                           $node/ancestor-or-self::tei:teiCorpus[1]/tei:teiHeader,
                           root($node)/*/tei:teiHeader)[1]"/>
  </xsl:function>

  <xsl:function name="ed:text" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="normalize-space(string-join($nodes ! string(.), ' '))"/>
  </xsl:function>

  <!-- Title of one TEI (or teiCorpus) element: main title, else the first title. -->
  <xsl:function name="ed:doc-title" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="titles" select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:sequence select="ed:or(ed:text(($titles[@type = 'main'], $titles[not(@type)], $titles)[1]),
                                'Untitled document')"/>
  </xsl:function>

  <xsl:function name="ed:subtitles" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="titles" select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <xsl:sequence select="($titles except $main)[@type = ('sub', 'alt', 'desc')] ! ed:text(.)"/>
  </xsl:function>

  <!-- Authors, or for correspondence the senders. -->
  <xsl:function name="ed:authors" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="h" select="$doc/tei:teiHeader"/>
    <xsl:variable name="authors" select="$h/tei:fileDesc/tei:titleStmt/tei:author ! ed:text(.)"/>
    <xsl:variable name="senders" select="$h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']
                                          /(tei:persName | tei:orgName | tei:name) ! ed:text(.)"/>
    <xsl:sequence select="distinct-values(if (exists($authors)) then $authors else $senders)[.]"/>
  </xsl:function>

  <xsl:function name="ed:authors-label" as="xs:string">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="if ($doc/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent'])
                          then 'From' else 'Author'"/>
  </xsl:function>

  <!-- The date of the document (not of the edition). -->
  <xsl:function name="ed:doc-date" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="h" select="$doc/tei:teiHeader"/>
    <xsl:variable name="d" select="($h/tei:profileDesc/tei:creation//tei:date,
                                    $h/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:date,
                                    $h/tei:fileDesc/tei:sourceDesc//tei:msDesc//tei:origDate,
                                    $h/tei:fileDesc/tei:sourceDesc/tei:bibl/tei:date,
                                    $h/tei:fileDesc/tei:sourceDesc//tei:imprint/tei:date,
                                    $doc/tei:text/tei:front//tei:docDate)[1]"/>
    <xsl:sequence select="($d ! ed:text(.), $d/(@when, @from, @notBefore))[normalize-space()][1]"/>
  </xsl:function>

  <!-- Place of sending or creation. -->
  <xsl:function name="ed:doc-place" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="h" select="$doc/tei:teiHeader/tei:profileDesc"/>
    <xsl:sequence select="($h/tei:correspDesc/tei:correspAction[@type = 'sent']/tei:placeName,
                           $h/tei:creation/tei:placeName)[1] ! ed:text(.)"/>
  </xsl:function>

  <xsl:function name="ed:recipients" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/tei:teiHeader/tei:profileDesc/tei:correspDesc/tei:correspAction[@type = 'received']
                          /(tei:persName | tei:orgName | tei:name | tei:placeName) ! ed:text(.)"/>
  </xsl:function>

  <!-- Archival identifier: "Moscow, AVPRF, fond 059a, opis 5a, ..., listy 120–122". -->
  <xsl:function name="ed:archival-id" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:for-each select="($doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc//tei:msDesc/tei:msIdentifier)[1]">
      <xsl:variable name="parts" as="xs:string*">
        <xsl:for-each select="tei:country | tei:region | tei:settlement | tei:institution | tei:repository
                              | tei:collection | tei:idno | tei:altIdentifier/tei:idno | tei:msName">
          <xsl:sequence select="if (self::tei:idno and @type and not(matches(@type, '^(shelfmark|URI|uri|callNo|callNumber|ID|id)$')))
                                then @type || ' ' || ed:text(.) else ed:text(.)"/>
        </xsl:for-each>
        <xsl:for-each select="(../tei:msContents//tei:locus)[1]">
          <xsl:sequence select="ed:text(.)"/>
        </xsl:for-each>
      </xsl:variable>
      <xsl:sequence select="string-join($parts[.], ', ')"/>
    </xsl:for-each>
  </xsl:function>

  <!-- People named in a respStmt whose resp mentions translation. -->
  <xsl:function name="ed:translators" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="distinct-values($doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt
                            [tei:resp[matches(., 'transl', 'i')]]/(tei:persName | tei:name | tei:orgName) ! ed:text(.))"/>
  </xsl:function>

  <!-- All respStmts as "resp: names". -->
  <xsl:function name="ed:responsibilities" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:for-each select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/(tei:respStmt | tei:editor)">
      <xsl:sequence select="if (self::tei:editor) then 'edited by ' || ed:text(.)
                            else ed:text(tei:resp) || ': ' || string-join((* except tei:resp) ! ed:text(.), ', ')"/>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="ed:funders" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/tei:teiHeader/tei:fileDesc/tei:titleStmt/(tei:funder | tei:sponsor) ! ed:text(.)"/>
  </xsl:function>

  <!-- The source the text is taken from, as a citation string. -->
  <xsl:function name="ed:source" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="sd" select="$doc/tei:teiHeader/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="s" select="($sd/tei:bibl[@type = 'citation'], $sd/tei:bibl, $sd/tei:biblStruct,
                                    $sd/tei:biblFull/tei:titleStmt, $sd/tei:p)[1]"/>
    <xsl:sequence select="$s ! ed:text(.)"/>
  </xsl:function>

  <xsl:function name="ed:keywords" as="xs:string*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="distinct-values($doc/tei:teiHeader/tei:profileDesc/tei:textClass/tei:keywords//tei:term ! ed:text(.))"/>
  </xsl:function>

  <xsl:function name="ed:abstract" as="xs:string?">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/tei:teiHeader/tei:profileDesc/tei:abstract[1] ! ed:flat(.)"/>
  </xsl:function>

  <!-- Plain string of TEI content giving one reading of each choice, without notes. -->
  <xsl:function name="ed:flat" as="xs:string">
    <xsl:param name="node" as="node()?"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="if ($node instance of element()) then $node/node() else $node" mode="ed:flat"/>
    </xsl:variable>
    <xsl:sequence select="normalize-space(string-join($parts))"/>
  </xsl:function>

  <xsl:mode name="ed:flat" on-no-match="text-only-copy"/>
  <xsl:template match="tei:note | tei:fw" mode="ed:flat"/>
  <xsl:template match="tei:choice" mode="ed:flat">
    <xsl:apply-templates select="ed:chosen(.)" mode="ed:flat"/>
  </xsl:template>
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="ed:flat">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>

  <!-- XML of encoded examples (egXML) as a reader sees it: markup serialized, text unescaped. -->
  <xsl:function name="ed:xml-source" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:sequence select="string-join($nodes ! (if (. instance of text()) then string(.)
                          else replace(replace(replace(serialize(.), '&amp;lt;', '&lt;'), '&amp;gt;', '&gt;'), '&amp;amp;', '&amp;')))"/>
  </xsl:function>

  <!-- ===== readings ===== -->

  <!-- The child of a <choice> to give: one of corr/reg/expan (or sic/orig/abbr when
       diplomatic); failing those, the first child. -->
  <xsl:function name="ed:chosen" as="element()?">
    <xsl:param name="choice" as="element()"/>
    <xsl:variable name="wanted" select="if ($ed:diplomatic) then ('sic', 'orig', 'abbr', 'seg')
                                        else ('corr', 'reg', 'expan', 'seg')"/>
    <xsl:sequence select="($choice/*[local-name() = $wanted[1]], $choice/*[local-name() = $wanted[2]],
                           $choice/*[local-name() = $wanted[3]], $choice/*)[1]"/>
  </xsl:function>

  <!-- ===== notes ===== -->

  <!-- Notes of the text that become numbered notes (footnotes; "Notes" in plain text). -->
  <xsl:function name="ed:text-notes" as="element(tei:note)*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc/tei:text//tei:note"/>
  </xsl:function>

  <!-- Note numbers, counted once per TEI document (teiCorpus: numbering restarts). -->
  <xsl:variable name="ed:note-numbers" as="map(xs:string, xs:integer)"
      select="map:merge(for $d in ed:documents(/), $ns in array{ed:text-notes($d)}, $i in 1 to array:size($ns)
                        return map:entry(generate-id($ns($i)), $i))"/>

  <xsl:function name="ed:note-number" as="xs:integer?">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$ed:note-numbers(generate-id($note))"/>
  </xsl:function>

  <!-- An editorial note: typed editorial, or added by someone named in @resp
       (unless typed as the author's). -->
  <xsl:function name="ed:is-editorial" as="xs:boolean">
    <xsl:param name="note" as="element(tei:note)"/>
    <xsl:sequence select="$note/@type = ('editorial', 'editor', 'ed', 'gloss', 'commentary')
                          or ($note/@resp and not($note/@type = ('authorial', 'author', 'auth')))"/>
  </xsl:function>

  <!-- ===== registers ===== -->

  <!-- Entries of persons, organisations and places (standOff, teiHeader or back). -->
  <xsl:function name="ed:register" as="element()*">
    <xsl:param name="doc" as="element()"/>
    <xsl:sequence select="$doc//(tei:listPerson | tei:listOrg | tei:listPlace)
                          //(tei:person | tei:personGrp | tei:org | tei:place)[@xml:id]"/>
  </xsl:function>

  <!-- Kind of an entry: 'person', 'org' or 'place'. -->
  <xsl:function name="ed:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:place) then 'place'
                          else if ($entry/self::tei:org) then 'org' else 'person'"/>
  </xsl:function>

  <xsl:function name="ed:entry-names" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/(tei:persName | tei:orgName | tei:placeName | tei:name | tei:geogName
                                  | tei:settlement | tei:country | tei:label)"/>
  </xsl:function>

  <xsl:function name="ed:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="names" select="ed:entry-names($entry)"/>
    <xsl:sequence select="ed:or(ed:text(($names[@type = 'main'], $names[not(@type = ('abbr', 'short'))], $names)[1]),
                                string($entry/@xml:id))"/>
  </xsl:function>

  <!-- Other name forms: {'name': ..., 'lang': ...} maps, distinct, without the main name. -->
  <xsl:function name="ed:entry-other-names" as="map(*)*">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:entry-name($entry)"/>
    <xsl:for-each-group select="ed:entry-names($entry)[ed:text(.) != $main]" group-by="ed:text(.)">
      <xsl:sequence select="map{'name': current-grouping-key(),
                                'lang': string(current-group()[1]/ancestor-or-self::*[@xml:lang][1]/@xml:lang)}"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- "1912–1994" from birth/death, or ''. -->
  <xsl:function name="ed:entry-dates" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="substring(($entry/tei:birth/(@when, @notBefore, .))[normalize-space()][1], 1, 4)"/>
    <xsl:variable name="d" select="substring(($entry/tei:death/(@when, @notAfter, .))[normalize-space()][1], 1, 4)"/>
    <xsl:sequence select="if ($b and $d) then $b || '–' || $d else if ($b) then 'b. ' || $b
                          else if ($d) then 'd. ' || $d else ''"/>
  </xsl:function>

  <xsl:function name="ed:entry-note" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:note)[1] ! ed:flat(.)"/>
  </xsl:function>

  <!-- Mentions of register entries in the text, by entry id (the index's source). Speeches
       (sp/@who) are not mentions: a play's index would list every page. -->
  <xsl:key name="ed:mentions"
      match="tei:text//tei:persName[@ref] | tei:text//tei:placeName[@ref] | tei:text//tei:orgName[@ref] | tei:text//tei:name[@ref] | tei:text//tei:rs[@ref] | tei:text//tei:roleName[@ref] | tei:text//tei:geogName[@ref] | tei:text//tei:settlement[@ref] | tei:text//tei:country[@ref] | tei:text//tei:region[@ref] | tei:text//tei:bloc[@ref] | tei:text//tei:district[@ref]"
      use="tokenize(normalize-space(string-join((@ref, @who), ' '))) ! substring-after(., '#')"/>

  <!-- Sort key of an entry: its name without a leading article, lower case. -->
  <xsl:function name="ed:entry-sort-key" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="lower-case(replace(ed:entry-name($entry), '^(the|a|an)\s+', '', 'i'))"/>
  </xsl:function>

  <!-- Register entries a mention points to (@ref, @who: "#id" tokens). -->
  <xsl:function name="ed:mention-targets" as="element()*">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="for $t in tokenize(normalize-space(string-join($mention/(@ref, @who), ' ')))
                          return ed:target($mention, $t)[self::tei:person or self::tei:personGrp
                                                         or self::tei:org or self::tei:place]"/>
  </xsl:function>

  <!-- Section labels in the edition's language (param lang of core.xsl). -->
  <xsl:function name="ed:print-label" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:variable name="de" select="map{'Notes': 'Anmerkungen', 'Index': 'Register', 'Persons': 'Personen',
        'Organisations': 'Organisationen', 'Places': 'Orte', 'Contents': 'Inhalt',
        'About this edition': 'Zu dieser Edition', 'Date': 'Datum', 'From': 'Von', 'To': 'An',
        'Author': 'Verfasser', 'Archival identifier': 'Archivsignatur', 'Translated by': 'Übersetzt von',
        'Source': 'Quelle', 'Funded by': 'Gefördert von', 'Ed.': 'Hrsg.'}"/>
    <xsl:sequence select="if (starts-with($lang, 'de') and map:contains($de, $key)) then $de($key) else $key"/>
  </xsl:function>
</xsl:stylesheet>
