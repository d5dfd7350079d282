<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a citation needs, read once from the header for every format: the fields of two
  records, the document as the archive holds it and publishes it online, and this edition as a
  work of its own; and the Chicago citation of both (notes-bibliography style: an archival
  document in an online collection; an edition). HTML's "Cite this", its meta tags and
  downloads (CSL-JSON, BibTeX, RIS), the print edition's "How to cite" and any other format
  read these; none re-reads the header for a citation.

    ed:citation($doc)       map{'document': record, 'edition': record} (fields below)
    ed:chicago-parts($rec, $form)  the Chicago citation of a record as a sequence of parts,
                            map{'text': string, 'italic': boolean}, so that a format can set
                            titles in italics; $form 'note' or 'bibliography'
    ed:chicago($rec, $form) the same as one plain string
    ed:page-url($doc)       the edition's own address: a URI in publicationStmt/idno, else
                            $base-url joined with $page-path and ".html"; "" when neither

  Record fields (strings; persons as maps {'family', 'given', 'literal'}):
    kind ('document' | 'edition'), title, subtitle, authors (array), editors (array),
    translators (array), translation (a phrase: "translated for CWIHP by Kathryn Weathersby"),
    date (ISO), year, place, archive, archive-place, archive-location (with the leaves:
    "fond 059a, …, listy 120–122"), collection, publisher, pub-year, url, record, accessed
    (ISO: the capture date in the TEI, never the build's clock), abstract, language, keywords
    (array), identifier, licence, rights.

  Parameters:
    base-url   the address the edition is published under ("https://example.org/edition/"):
               gives the canonical URL of each page; empty (default): no URL is invented
    page-path  this page's path under base-url without extension ("front/sources"); the
               toolkit's build passes it; default: the source file's name
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:param name="base-url" as="xs:string" select="''"/>
  <xsl:param name="page-path" as="xs:string" select="''"/>

  <xsl:function name="ed:page-url" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="m" select="ed:metadata($doc)"/>
    <xsl:variable name="base" select="ed:safe-url(normalize-space($base-url))[matches(., '^https?://')]"/>
    <xsl:variable name="path" select="(normalize-space($page-path)[.],
                                       replace(string(base-uri($m?doc)), '^.*/|\.[^./]*$', ''))[.][1]"/>
    <xsl:sequence select="if ($m?url) then $m?url
                          else if (exists($base) and $path)
                          then (if (ends-with($base, '/')) then $base else $base || '/') || string-join(tokenize($path, '/') ! encode-for-uri(.), '/') || '.html'
                          else ''"/>
  </xsl:function>

  <xsl:function name="ed:citation" as="map(xs:string, map(*))">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="m" select="ed:metadata($doc)"/>
    <xsl:variable name="page" select="$m?source-page"/>
    <xsl:variable name="translation" select="$m?translation[1]"/>
    <xsl:variable name="translators" select="$translation/(tei:persName | tei:name | tei:orgName) ! ed:person-parts(.)"/>
    <xsl:variable name="resp" select="normalize-space(ed:plain($translation/tei:resp))"/>
    <xsl:variable name="edition-makers" select="($m?editors, $m?responsibility[self::tei:respStmt]
                                                 /(tei:persName | tei:orgName | tei:name))"/>
    <xsl:variable name="common" select="map{
        'language': $m?language,
        'keywords': array{ $m?keywords ! ed:flat(.) },
        'abstract': normalize-space(ed:plain($m?abstract)),
        'authors': array{ (if (exists($m?authors)) then $m?authors else $m?senders) ! ed:person-parts(.) },
        'date': $m?iso-date,
        'year': string(ed:year($m?iso-date))}"/>
    <xsl:sequence select="map{
        'document': map:merge(($common, map{
            'kind': 'document',
            'title': ($page/tei:title[@level = 'a'] ! ed:flat(.), $m?title)[.][1],
            'subtitle': '',
            'editors': array{},
            'translators': array{ $translators },
            'translation': if (empty($translators)) then ''
                           else (if (matches($resp, '^transl', 'i')) then $resp || ' ' || ed:label('note-by')
                                 else lower-case(ed:label('translated-by')))
                                || ' ' || ed:_and($translators ! ?literal),
            'place': ed:flat($m?place),
            'archive': $m?repository,
            'archive-place': $m?archive-place,
            'archive-location': $m?archive-location,
            'collection': $m?collection,
            'publisher': $m?collection-publisher,
            'pub-year': '',
            'url': $m?source-url,
            'record': $m?source-record,
            'accessed': $m?accessed,
            'accessed-exact': exists($page//tei:date[@when][@type = ('access', 'accessed', 'capture', 'captured')]),
            'identifier': $m?source-record,
            'licence': '', 'rights': ''})),
        'edition': map:merge(($common, map{
            'kind': 'edition',
            'title': $m?title,
            'subtitle': string($m?subtitles[1]),
            'editors': array{ distinct-values($edition-makers ! ed:agent-name(.)) ! map{'literal': .} },
            'translators': array{ $translators },
            'translation': '',
            'place': '', 'archive': '', 'archive-place': '', 'archive-location': '', 'collection': '',
            'publisher': string-join($m?publisher ! ed:flat(.), ', '),
            'pub-year': string(ed:year(ed:iso-date($m?publication-date))),
            'url': ed:page-url($doc),
            'record': '', 'accessed': '', 'accessed-exact': false(),
            'identifier': $m?identifier,
            'licence': $m?licence,
            'rights': $m?rights}))}"/>
  </xsl:function>

  <!-- ===== Chicago ===================================================================== -->

  <!-- "a", "a and b", "a, b, and c" -->
  <xsl:function name="ed:_and" as="xs:string">
    <xsl:param name="names" as="xs:string*"/>
    <xsl:variable name="and" select="' ' || ed:label('and') || ' '"/>
    <xsl:sequence select="if (count($names) le 2) then string-join($names, $and)
                          else string-join($names[position() lt last()], ', ') || ',' || $and || $names[last()]"/>
  </xsl:function>

  <!-- Chicago dates: "March 29, 1953" in English, the label language's order otherwise. -->
  <xsl:function name="ed:_chicago-date" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="p" select="tokenize(string($iso), '-')[. != '']"/>
    <xsl:sequence select="
        if (ed:ui-lang() = 'en' and count($p) = 3 and matches($iso, '^\d{4}-\d{2}-\d{2}$'))
        then tokenize(ed:label('months'))[xs:integer($p[2])] || ' ' || xs:integer($p[3]) || ', ' || $p[1]
        else ed:date-words($iso)"/>
  </xsl:function>

  <!-- Headline-style capitalisation of an English title (Chicago 8.159): every word but
       articles, prepositions and coordinating conjunctions, unless first or last; words that
       already hold capitals are left alone. Titles in other languages are not changed. -->
  <xsl:variable name="ed:_minor-words" as="xs:string*" select="('a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for',
      'so', 'yet', 'as', 'at', 'by', 'from', 'in', 'into', 'of', 'off', 'on', 'onto', 'over', 'per', 'to',
      'up', 'via', 'with', 'without', 'than', 'versus', 'vs.', 'about', 'after', 'before', 'between',
      'through', 'under', 'until', 'upon')"/>

  <xsl:function name="ed:headline" as="xs:string">
    <xsl:param name="title" as="xs:string"/>
    <xsl:param name="lang" as="xs:string?"/>
    <xsl:variable name="words" select="tokenize($title, ' ')"/>
    <xsl:sequence select="if (not(starts-with(lower-case(($lang, 'en')[.][1]), 'en'))) then $title
                          else string-join(for $i in 1 to count($words) return
                              let $w := $words[$i]
                              return if (matches($w, '\p{Lu}') or not(matches($w, '^\p{Ll}'))) then $w
                                     else if ($i gt 1 and $i lt count($words) and $w = $ed:_minor-words) then $w
                                     else upper-case(substring($w, 1, 1)) || substring($w, 2), ' ')"/>
  </xsl:function>

  <xsl:function name="ed:_part" as="map(*)">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="italic" as="xs:boolean"/>
    <xsl:sequence select="map{'text': $text, 'italic': $italic}"/>
  </xsl:function>

  <!-- A sentence of the bibliography ("A, b.") or a clause of the note ("a, b,"). -->
  <xsl:function name="ed:_end" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:param name="mark" as="xs:string"/>
    <xsl:sequence select="if (matches($s, '[.?!]$') and $mark = '.') then $s else $s || $mark"/>
  </xsl:function>

  <xsl:function name="ed:chicago-parts" as="map(*)*">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:variable name="note" select="$form = 'note'"/>
    <xsl:variable name="mark" select="if ($note) then ',' else '.'"/>
    <xsl:variable name="people" select="$r?authors?*"/>
    <!-- the first person inverted in the bibliography: "Kuznetsov, Vasily Vasilyevich, and Fedorenko" -->
    <xsl:variable name="inverted" select="not($note) and exists($people[1]?family)"/>
    <xsl:variable name="names" select="if (not($inverted)) then ed:_and($people ! ?literal)
                                       else if (count($people) = 1) then $people[1]?family || ', ' || $people[1]?given
                                       else $people[1]?family || ', ' || $people[1]?given || ', '
                                            || ed:_and(subsequence($people, 2) ! ?literal) ! (if (count($people) = 2) then ed:label('and') || ' ' || . else .)"/>
    <xsl:variable name="title" select="ed:headline($r?title, $r?language)
                                       || ($r?subtitle[.] ! (': ' || ed:headline(., $r?language)))"/>
    <xsl:variable name="editors" select="ed:_and($r?editors?* ! ?literal)"/>
    <xsl:variable name="accessed" select="$r?accessed[.] ! ed:_chicago-date(.)
                                          ! ((if ($r?accessed-exact) then '' else ed:label('date-before-short') || ' ') || .)"/>
    <xsl:variable name="cap" select="function($s) { if ($note) then $s else upper-case(substring($s, 1, 1)) || substring($s, 2) }"/>
    <xsl:choose>
      <xsl:when test="$r?kind = 'document'">
        <xsl:sequence select="(
            $names[.] ! ed:_part(ed:_end(., $mark) || ' ', false()),
            ed:_part('“' || ed:_end($title, $mark) || '” ', false()),
            ed:_part(string-join((
                $r?date[.] ! ed:_end(ed:_chicago-date(.), $mark),
                string-join(($r?archive, $r?archive-location)[.], ', ')[.] ! ed:_end(., $mark),
                $r?translation[.] ! ed:_end($cap(.), $mark),
                string-join(($r?collection, $r?publisher)[.], ', ')[.] ! ed:_end(., $mark),
                $r?record[.] ! ed:_end(ed:label('record-id') || ' ' || ., $mark),
                $accessed ! ed:_end($cap(lower-case(ed:label('accessed')) || ' ' || .), $mark),
                $r?url[.] ! (. || '.')), ' '), false()))"/>
      </xsl:when>
      <xsl:otherwise>
        <!-- bibliography: "Editor, ed. Title: Subtitle. Publisher, 2026. URL."
             note: "Editor, ed., Title: Subtitle (Publisher, 2026), URL." (the publisher left out
             where it is the editor) -->
        <xsl:variable name="facts" select="string-join(($r?publisher[. != $editors], $r?pub-year)[.], ', ')"/>
        <xsl:sequence select="(
            $editors[.] ! ed:_part(. || ', ' || ed:label('ed-short') || (if ($note) then ', ' else ' '), false()),
            ed:_part(if ($note) then $title else ed:_end($title, '.'), true()),
            ed:_part(if ($note) then ($facts[.] ! (' (' || . || ')')) || ($r?url[.] ! (', ' || .)) || '.'
                     else ' ' || string-join(($facts[.] ! ed:_end(., '.'), $r?url[.] ! (. || '.')), ' '), false()))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:chicago" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:sequence select="normalize-space(string-join(ed:chicago-parts($r, $form) ! ?text))
                          => replace('[,.]$', '.')"/>
  </xsl:function>
</xsl:stylesheet>
