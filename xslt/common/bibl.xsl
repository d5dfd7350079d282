<?xml version="1.0" encoding="UTF-8"?>
<!--
  Header fields as fields: what a person named in the header is called, a source as a
  citation with its separators, what kind of document the TEI describes, and whether a
  header element says anything at all. metadata.xsl and every format's header read these.

    ed:agent-nodes($el)   the nodes of an author, editor, funder, sponsor ... that are its
                          name: its content without authority ids, notes, affiliations and
                          addresses (an author's Wikidata id and catalogue URLs are not part
                          of the name; several name forms and the text between them are)
    ed:agent-string($el)  the same as a string, two name forms with nothing between them
                          separated by a comma
    ed:bibl-parts($bibl)  a bibl, biblStruct or biblFull as the parts of a citation, in the
                          order of one: maps {'kind', 'value', 'url'?} with kind 'authors',
                          'article' (an analytic title), 'title' (main title: subtitles),
                          'series', 'editors', 'edition', 'imprint' (place: publisher, date;
                          printers), 'scope', 'id', 'link' (value = link text, url = target),
                          'note', 'other' (any other child, a nested bibl as its own
                          citation: no text is lost); a bibl that has punctuation of its own (text outside its
                          elements) is one part 'text'; each part also has 'end': the
                          full stop that closes it, or '' (a link, a part ending in a stop)
    ed:bibl-string($bibl) the parts as one string: "Tove Lindqvist. The Lighthouse Keepers: A
                          Comedy in Two Acts. Gothenburg: Harbour Press, 1894."
    ed:source-type($doc) 'manuscript' (a msDesc describes the source), 'letter' (a
                          correspDesc, no msDesc), 'book' (a printed source: an imprint, a
                          publisher or a place of publication), 'article' (an analytic part of
                          a printed source), else 'document' (born digital, or not said)
    ed:is-blank($el)      true for an element that shows nothing: no text, and no attribute
                          a format prints in its place (@when ... of a date, @target, @url)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:agent-nodes" as="node()*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="$el/node()[not(self::tei:idno or self::tei:note or self::tei:affiliation or self::tei:email
                                         or self::tei:address or self::tei:ptr or self::comment() or self::processing-instruction())]"/>
  </xsl:function>

  <xsl:function name="ed:agent-string" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="nodes" select="ed:agent-nodes($el)[not(self::text()[not(normalize-space())])]"/>
    <xsl:sequence select="normalize-space(string-join(for $i in 1 to count($nodes) return
                            (if ($i gt 1 and $nodes[$i] instance of element() and $nodes[$i - 1] instance of element()) then ', ' else ' ')
                            || ed:plain($nodes[$i]), ''))"/>
  </xsl:function>

  <xsl:function name="ed:is-blank" as="xs:boolean">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="not(normalize-space($el))
                          and empty($el/descendant-or-self::*/(@when, @from, @to, @notBefore, @notAfter, @target, @url)[normalize-space()])"/>
  </xsl:function>

  <!-- ===== citations of sources ===== -->

  <xsl:function name="ed:bibl-parts" as="map(xs:string, xs:string)*">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="ed:_bibl-parts($b) ! map:put(., 'end', if (?kind = 'link' or matches(?value, '[.!?…]”?$')) then '' else '.')"/>
  </xsl:function>

  <xsl:function name="ed:_bibl-parts" as="map(xs:string, xs:string)*">
    <xsl:param name="b" as="element()"/>
    <xsl:variable name="levels" select="($b/tei:analytic, $b/tei:monogr, $b/tei:titleStmt, $b)"/>
    <xsl:variable name="monogr" select="($b/tei:monogr, $b/tei:titleStmt, $b)[1]"/>
    <xsl:variable name="imprint" select="($monogr/tei:imprint, $b/tei:publicationStmt, $monogr)[1]"/>
    <xsl:choose>
      <xsl:when test="$b/text()[normalize-space()]">
        <xsl:sequence select="map{'kind': 'text', 'value': ed:flat($b)}"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="titles" select="$monogr/tei:title[normalize-space()]"/>
        <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type = ('sub', 'alt', 'short') or @level = 's')])[1]"/>
        <xsl:variable name="subs" select="$titles[@type = 'sub'] except $main"/>
        <xsl:variable name="series" select="$titles[@level = 's'] except $main, $b/tei:series/tei:title"/>
        <xsl:variable name="authors" select="$b/tei:author, $b/tei:analytic/tei:author, $monogr/tei:author"/>
        <xsl:variable name="editors" select="($b/tei:editor, $monogr/tei:editor)/."/>
        <xsl:variable name="editions" select="($b/tei:edition, $monogr/tei:edition, $b/tei:editionStmt/tei:edition)/."/>
        <xsl:variable name="place" select="$imprint/tei:pubPlace[1]"/>
        <xsl:variable name="publisher" select="$imprint/tei:publisher[1]"/>
        <xsl:variable name="date" select="($imprint/tei:date[1], $b/tei:date[1])[1]"/>
        <xsl:variable name="printers" select="$imprint/tei:respStmt"/>
        <xsl:variable name="scope" select="($levels/tei:biblScope, $levels/tei:citedRange)/."/>
        <xsl:variable name="ids" select="$levels/tei:idno[not(matches(., '^\s*https?://'))][normalize-space()]"/>
        <xsl:variable name="urls" select="($levels/tei:idno[matches(., '^\s*https?://')], $levels/(tei:ref | tei:ptr)[@target])"/>
        <!-- every other field keeps its text, as a part of its own -->
        <xsl:variable name="containers" select="$b/(tei:analytic | tei:monogr | tei:series | tei:titleStmt | tei:publicationStmt
                                                    | tei:editionStmt), $monogr/tei:imprint"/>
        <xsl:variable name="others" select="($b | $containers)/* except ($containers | $authors | $b/tei:analytic/tei:title | $main
                                            | $subs | $series | $editors | $editions | $place | $publisher | $date | $printers
                                            | $scope | $ids | $urls | $b/tei:note)"/>
        <xsl:sequence select="(
            ed:_bibl-part('authors', string-join(distinct-values($authors ! (if (ed:entries(., @ref)) then ed:agent-name(.)
                                                                        else ed:agent-string(.))), '; ')),
            ed:_bibl-part('article', string-join($b/tei:analytic/tei:title ! ed:flat(.), ': ')
                                ! (if (.) then '“' || . || (if (matches(., '[.!?…]$')) then '' else '.') || '”' else '')),
            ed:_bibl-part('title', string-join(($main, $subs) ! ed:flat(.), ': ')),
            ed:_bibl-part('series', string-join($series ! ed:flat(.), ', ')),
            ed:_bibl-part('editors', string-join($editors ! ed:agent-string(.), '; ') ! (if (.) then ed:label('edited-by') || ' ' || . else '')),
            ed:_bibl-part('edition', string-join($editions ! ed:flat(.), ', ')),
            ed:_bibl-part('imprint', string-join((string-join(($place, $publisher) ! ed:flat(.), ': '),
                                             $date ! ed:or(ed:flat(.), string(ed:iso-date(.))))[.], ', ')),
            ed:_bibl-part('imprint', string-join($printers ! (ed:flat(tei:resp) || ': ' || string-join((* except tei:resp) ! ed:flat(.), ', ')), '; ')),
            ed:_bibl-part('scope', string-join($scope ! ed:flat(.), ', ')),
            ed:_bibl-part('id', string-join($ids ! ((@type[not(. = ('URI', 'URL'))] ! (. || ' ')) || ed:flat(.)), ', ')),
            $urls ! map{'kind': 'link', 'value': ed:or(ed:flat(self::tei:ref), normalize-space((@target, .)[1])),
                        'url': normalize-space((@target, .)[1])},
            ed:_bibl-part('note', string-join($b/tei:note ! ed:flat(.), ' ')),
            $others ! ed:_bibl-part('other', if (self::tei:bibl or self::tei:biblStruct) then ed:bibl-string(.) else ed:flat(.)))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:_bibl-part" as="map(xs:string, xs:string)?">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="$value[normalize-space()] ! map{'kind': $kind, 'value': normalize-space(.)}"/>
  </xsl:function>

  <!-- Parts joined by ". ", a link as "text <url>" (the url alone when it is the text). -->
  <xsl:function name="ed:bibl-string" as="xs:string">
    <xsl:param name="b" as="element()"/>
    <xsl:sequence select="string-join(ed:bibl-parts($b) ! ((if (?url and ?url != ?value) then ?value || ' &lt;' || ?url || '>' else ?value)
                                                           || ?end), ' ')"/>
  </xsl:function>

  <!-- ===== document types ===== -->

  <xsl:function name="ed:source-type" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="d" select="if ($doc instance of document-node()) then ($doc/*)[1] else $doc"/>
    <xsl:variable name="h" select="($d/tei:teiHeader, $d//tei:teiHeader)[1]"/>
    <xsl:variable name="sd" select="$h/tei:fileDesc/tei:sourceDesc"/>
    <xsl:variable name="printed" select="$sd/(tei:bibl | tei:biblStruct | tei:biblFull)
                                         [descendant-or-self::*/(tei:imprint | tei:publisher | tei:pubPlace | tei:publicationStmt)]"/>
    <xsl:sequence select="
        if ($sd//tei:msDesc) then 'manuscript'
        else if ($h/tei:profileDesc/tei:correspDesc) then 'letter'
        else if ($printed[tei:analytic]) then 'article'
        else if (exists($printed)) then 'book'
        else 'document'"/>
  </xsl:function>
</xsl:stylesheet>
