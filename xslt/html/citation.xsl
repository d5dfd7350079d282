<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citation: the document's bibliographic data gathered once from the header ($ed:meta),
  with its kind from the TEI (common: ed:document-type: a manuscript, a letter, a printed
  book or article, a born-digital document), its editors as editors and its publisher as
  publisher, then written as
    - Highwire Press (citation_*) and Dublin Core (DC.*) meta tags, which Zotero reads;
    - schema.org JSON-LD of the document, its persons, places and organisations;
    - a "Cite this" box in Chicago style with CSL-JSON, BibTeX and RIS downloads
      (data: URLs built here from our own URL-encoded text, never from document URLs).
  JSON is produced by the JSON serializer and "<" is escaped as \u003c inside scripts.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- The header of the page's document (a teiCorpus: the corpus's). -->
  <xsl:variable name="ed:header" as="element(tei:teiHeader)?" select="ed:metadata(/)?header"/>

  <xsl:function name="ed:inverted" as="xs:string">
    <xsl:param name="p" as="map(*)"/>
    <xsl:sequence select="if ($p?family) then $p?family || (if ($p?given) then ', ' || $p?given else '') else $p?literal"/>
  </xsl:function>

  <!-- The citation's fields, from the one metadata map (common/metadata.xsl). -->
  <xsl:variable name="ed:meta" as="map(*)">
    <xsl:variable name="m" select="ed:metadata(/)"/>
    <xsl:variable name="iso" select="$m?iso-date"/>
    <xsl:map>
      <xsl:map-entry key="'title'" select="$m?title"/>
      <xsl:map-entry key="'subtitle'" select="string($m?subtitles[1])"/>
      <xsl:map-entry key="'type'" select="$m?type"/>
      <xsl:map-entry key="'editors'" select="array{ $m?editors ! ed:person-parts(.) }"/>
      <xsl:map-entry key="'authors'" select="array{ (if (exists($m?authors)) then $m?authors else $m?senders) ! ed:person-parts(.) }"/>
      <xsl:map-entry key="'date'" select="$iso"/>
      <xsl:map-entry key="'year'" select="replace($iso, '^(-?\d{4}).*$', '$1')[matches(., '^-?\d{4}$')]"/>
      <xsl:map-entry key="'place'" select="ed:flat($m?place)"/>
      <xsl:map-entry key="'publisher'" select="ed:flat($m?publisher[1])"/>
      <xsl:map-entry key="'pub-year'" select="string(ed:year(ed:iso-date($m?publication-date)))"/>
      <xsl:map-entry key="'archive'" select="$m?repository"/>
      <xsl:map-entry key="'archive-place'" select="$m?archive-place"/>
      <xsl:map-entry key="'archive-location'" select="$m?archive-location"/>
      <xsl:map-entry key="'translators'" select="array{ $m?translation/(tei:persName | tei:name | tei:orgName) ! ed:person-parts(.) }"/>
      <xsl:map-entry key="'language'" select="$m?language"/>
      <xsl:map-entry key="'abstract'" select="normalize-space(ed:plain($m?abstract))"/>
      <xsl:map-entry key="'identifier'" select="$m?identifier"/>
      <xsl:map-entry key="'url'" select="$m?url"/>
      <xsl:map-entry key="'licence'" select="$m?licence"/>
      <xsl:map-entry key="'keywords'" select="array{ $m?keywords ! ed:flat(.) }"/>
    </xsl:map>
  </xsl:variable>

  <!-- The document type (common) in each vocabulary: CSL, RIS, BibTeX, schema.org. -->
  <xsl:variable name="ed:type-names" as="map(xs:string, map(xs:string, xs:string))" select="map{
      'manuscript': map{'csl': 'manuscript', 'ris': 'MANSCPT', 'bibtex': 'misc', 'schema': 'ArchiveComponent'},
      'letter': map{'csl': 'letter', 'ris': 'PCOMM', 'bibtex': 'misc', 'schema': 'Message'},
      'book': map{'csl': 'book', 'ris': 'BOOK', 'bibtex': 'book', 'schema': 'Book'},
      'article': map{'csl': 'article', 'ris': 'JOUR', 'bibtex': 'article', 'schema': 'Article'},
      'document': map{'csl': 'document', 'ris': 'GEN', 'bibtex': 'misc', 'schema': 'CreativeWork'}}"/>

  <xsl:function name="ed:type-name" as="xs:string">
    <xsl:param name="vocabulary" as="xs:string"/>
    <xsl:sequence select="($ed:type-names($ed:meta?type), $ed:type-names?document)[1]($vocabulary)"/>
  </xsl:function>

  <!-- ===== meta tags and JSON-LD in <head> ============================================= -->

  <xsl:template name="ed:citation-meta">
    <xsl:variable name="m" select="$ed:meta"/>
    <meta name="citation_title" content="{$m?title}"/>
    <xsl:for-each select="$m?authors?*">
      <meta name="citation_author" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:if test="$m?date">
      <meta name="citation_date" content="{replace($m?date, '-', '/')}"/>
      <meta name="citation_publication_date" content="{replace($m?date, '-', '/')}"/>
    </xsl:if>
    <xsl:if test="$m?publisher"><meta name="citation_publisher" content="{$m?publisher}"/></xsl:if>
    <xsl:if test="$m?archive"><meta name="citation_archive" content="{$m?archive}"/></xsl:if>
    <xsl:if test="$m?archive-location"><meta name="citation_archive_id" content="{$m?archive-location}"/></xsl:if>
    <xsl:if test="$m?language"><meta name="citation_language" content="{$m?language}"/></xsl:if>
    <xsl:if test="$m?abstract"><meta name="citation_abstract" content="{$m?abstract}"/></xsl:if>
    <xsl:for-each select="$m?keywords?*"><meta name="citation_keywords" content="{.}"/></xsl:for-each>
    <xsl:if test="$m?url"><meta name="citation_public_url" content="{$m?url}"/></xsl:if>

    <meta name="DC.title" content="{$m?title}"/>
    <xsl:for-each select="$m?authors?*">
      <meta name="DC.creator" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:for-each select="$m?translators?*">
      <meta name="DC.contributor" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:if test="$m?date"><meta name="DC.date" content="{$m?date}"/></xsl:if>
    <xsl:if test="$m?language"><meta name="DC.language" content="{$m?language}"/></xsl:if>
    <xsl:if test="$m?identifier"><meta name="DC.identifier" content="{$m?identifier}"/></xsl:if>
    <xsl:if test="$m?publisher"><meta name="DC.publisher" content="{$m?publisher}"/></xsl:if>
    <xsl:if test="$m?abstract"><meta name="DC.description" content="{$m?abstract}"/></xsl:if>
    <xsl:if test="$m?archive"><meta name="DC.source" content="{string-join(($m?archive, $m?archive-location)[.], ', ')}"/></xsl:if>
    <xsl:if test="$m?licence"><meta name="DC.rights" content="{$m?licence}"/></xsl:if>
    <meta name="DC.type" content="Text"/>
    <meta name="DC.format" content="text/html"/>

    <script type="application/ld+json" id="ed-jsonld">
      <xsl:value-of select="ed:json-for-script(ed:jsonld())"/>
    </script>
  </xsl:template>

  <!-- JSON text safe inside <script>: no "<" can start "</script". -->
  <xsl:function name="ed:json-for-script" as="xs:string">
    <xsl:param name="value" as="item()*"/>
    <xsl:sequence select="serialize($value, map{'method': 'json', 'indent': false()})
                          => replace('&lt;', '\\u003c') => replace('>', '\\u003e') => replace('&amp;', '\\u0026')
                          => replace('\(', '\\u0028') => replace('\)', '\\u0029')"/>
  </xsl:function>

  <xsl:function name="ed:schema-type" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="if ($entry/self::tei:person) then 'Person' else if ($entry/self::tei:org or $entry/self::tei:personGrp) then 'Organization'
                          else if ($entry/self::tei:place) then 'Place' else if ($entry/self::tei:event) then 'Event' else 'CreativeWork'"/>
  </xsl:function>

  <xsl:function name="ed:jsonld" as="map(*)">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="entries" select="$ed:register-lists ! ed:register-entries(.)[ed:entry-kind(.) = ('person', 'org', 'place')]"/>
    <xsl:sequence select="map:merge((
        map{'@context': 'https://schema.org', '@type': ed:type-name('schema'), 'name': $m?title,
            'inLanguage': $m?language},
        if ($m?date) then map{'dateCreated': $m?date} else (),
        if (array:size($m?authors) gt 0) then map{'author': array{ $m?authors?* ! map{'@type': if (?family) then 'Person' else 'Organization', 'name': ?literal} }} else (),
        if (array:size($m?translators) gt 0) then map{'translator': array{ $m?translators?* ! map{'@type': 'Person', 'name': ?literal} }} else (),
        if (array:size($m?editors) gt 0) then map{'editor': array{ $m?editors?* ! map{'@type': if (?family) then 'Person' else 'Organization', 'name': ?literal} }} else (),
        if ($m?archive) then map{'holdingArchive': map{'@type': 'ArchiveOrganization', 'name': $m?archive}} else (),
        if ($m?abstract) then map{'abstract': $m?abstract} else (),
        if ($m?publisher) then map{'publisher': map{'@type': 'Organization', 'name': $m?publisher}} else (),
        if (exists($entries)) then map{'mentions': array{ $entries ! ed:jsonld-entry(.) }} else ()
      ))"/>
  </xsl:function>

  <xsl:function name="ed:jsonld-entry" as="map(*)">
    <xsl:param name="e" as="element()"/>
    <xsl:variable name="main" select="ed:main-form($e)"/>
    <xsl:variable name="others" select="ed:other-forms($e) ! ed:name-string(.)"/>
    <xsl:variable name="note" select="normalize-space(ed:plain($e/tei:note[1]/node()))"/>
    <xsl:sequence select="map:merge((
        map{'@type': ed:schema-type($e), '@id': '#' || ed:reg-id($e), 'name': ed:entry-name($e)},
        if (exists($others)) then map{'alternateName': array{ $others }} else (),
        if ($note) then map{'description': $note} else (),
        if ($e/tei:birth/@when) then map{'birthDate': string($e/tei:birth/@when)} else (),
        if ($e/tei:death/@when) then map{'deathDate': string($e/tei:death/@when)} else ()
      ))"/>
  </xsl:function>

  <!-- ===== The "Cite this" box ========================================================= -->

  <xsl:function name="ed:names-chicago" as="xs:string">
    <xsl:param name="people" as="map(*)*"/>
    <xsl:variable name="forms" select="for $i in 1 to count($people) return
        if ($i = 1) then ed:inverted($people[$i]) else $people[$i]?literal"/>
    <xsl:sequence select="if (count($forms) le 1) then string($forms[1])
                          else string-join($forms[position() lt last()], ', ') || ', and ' || $forms[last()]"/>
  </xsl:function>

  <xsl:function name="ed:chicago" as="xs:string">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="authors" select="ed:names-chicago($m?authors?*)"/>
    <!-- a printed work's title as a book's (with its subtitle), other titles in quotes -->
    <xsl:variable name="title" select="if ($m?type = 'book') then $m?title || ($m?subtitle[.] ! (': ' || .))
                                       else $m?title"/>
    <xsl:variable name="parts" select="(
        $authors[.] ! (. || (if (ends-with(., '.')) then '' else '.')),
        if ($m?type = 'book') then $title || (if (matches($title, '[.!?]$')) then '' else '.') else '“' || $title || '.”',
        ($m?date[.] ! (. || '.')),
        (if (exists($m?translators?*)) then ed:label('translated-by') || ' ' || string-join($m?translators?* ! ?literal, ' and ') || '.' else ()),
        (string-join(($m?archive, $m?archive-location, $m?archive-place)[.], ', ')[.] ! (. || '.')),
        (if (exists($m?editors?*)) then ed:label('edited-by') || ' ' || string-join($m?editors?* ! ?literal, ' and ') || '.' else ()),
        (string-join(($m?publisher, $m?pub-year)[.], ', ')[.] ! (. || '.')),
        ($m?url[.] ! (. || '.'))
      )"/>
    <xsl:sequence select="string-join($parts, ' ')"/>
  </xsl:function>

  <xsl:function name="ed:csl-json" as="xs:string">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="date-parts" select="array{ tokenize($m?date, '-')[. castable as xs:integer] ! xs:integer(.) }"/>
    <xsl:variable name="item" select="map:merge((
        map{'id': ed:token(($m?identifier[.], 'document')[1]), 'type': ed:type-name('csl'), 'title': $m?title},
        map{'author': array{ $m?authors?* ! (if (?family) then map{'family': ?family, 'given': ?given} else map{'literal': ?literal}) }},
        if ($m?date) then map{'issued': map{'date-parts': array{ $date-parts }}} else (),
        if (array:size($m?translators) gt 0) then map{'translator': array{ $m?translators?* ! (if (?family) then map{'family': ?family, 'given': ?given} else map{'literal': ?literal}) }} else (),
        if (array:size($m?editors) gt 0) then map{'editor': array{ $m?editors?* ! (if (?family) then map{'family': ?family, 'given': ?given} else map{'literal': ?literal}) }} else (),
        if ($m?archive) then map{'archive': $m?archive} else (),
        if ($m?archive-location) then map{'archive_location': $m?archive-location} else (),
        if ($m?archive-place) then map{'archive-place': $m?archive-place} else (),
        if ($m?publisher) then map{'publisher': $m?publisher} else (),
        if ($m?language) then map{'language': $m?language} else (),
        if ($m?abstract) then map{'abstract': $m?abstract} else (),
        if ($m?url) then map{'URL': $m?url} else ()
      ))"/>
    <xsl:sequence select="serialize(array{ $item }, map{'method': 'json', 'indent': true()})"/>
  </xsl:function>

  <!-- BibTeX values: braces, backslashes and specials cannot break out of {...}. -->
  <xsl:function name="ed:bib" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($s), '[{}\\]', ''), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>

  <xsl:function name="ed:bibtex" as="xs:string">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="first" select="($m?authors?*)[1]"/>
    <xsl:variable name="key" select="lower-case(replace(string(($first?family, $first?literal, 'document')[.][1]), '[^A-Za-z0-9]', ''))
                                     || $m?year || lower-case(replace(tokenize($m?title, '\s+')[string-length(.) gt 3][1], '[^A-Za-z0-9]', ''))"/>
    <xsl:variable name="fields" select="(
        'author = {' || ed:bib(string-join($m?authors?* ! (if (?family) then ed:inverted(.) else '{' || ?literal || '}'), ' and ')) || '}',
        'title = {{' || ed:bib($m?title) || '}}',
        $m?year[.] ! ('year = {' || . || '}'),
        $m?date[.] ! ('date = {' || . || '}'),
        (if (exists($m?translators?*)) then 'translator = {' || ed:bib(string-join($m?translators?* ! ed:inverted(.), ' and ')) || '}' else ()),
        (if (exists($m?editors?*)) then 'editor = {' || ed:bib(string-join($m?editors?* ! (if (?family) then ed:inverted(.) else '{' || ?literal || '}'), ' and ')) || '}' else ()),
        (string-join(($m?archive, $m?archive-location)[.], ', ')[.] ! ('howpublished = {' || ed:bib(.) || '}')),
        $m?publisher[.] ! ('publisher = {' || ed:bib(.) || '}'),
        $m?language[.] ! ('language = {' || ed:bib(.) || '}'),
        $m?url[.] ! ('url = {' || ed:bib(.) || '}'),
        $m?abstract[.] ! ('abstract = {' || ed:bib(.) || '}'))"/>
    <xsl:sequence select="'@' || ed:type-name('bibtex') || '{' || ed:or($key, 'document') || ',&#10;  ' || string-join($fields, ',&#10;  ') || '&#10;}&#10;'"/>
  </xsl:function>

  <xsl:function name="ed:ris" as="xs:string">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="lines" select="(
        'TY  - ' || ed:type-name('ris'),
        'TI  - ' || $m?title,
        $m?authors?* ! ('AU  - ' || ed:inverted(.)),
        $m?translators?* ! ('A4  - ' || ed:inverted(.)),
        $m?editors?* ! ('ED  - ' || ed:inverted(.)),
        $m?year[.] ! ('PY  - ' || .),
        $m?date[.] ! ('DA  - ' || replace(., '-', '/')),
        $m?archive[.] ! ('AN  - ' || string-join(($m?archive, $m?archive-location)[.], ', ')),
        $m?archive-place[.] ! ('CY  - ' || .),
        $m?publisher[.] ! ('PB  - ' || .),
        $m?language[.] ! ('LA  - ' || .),
        $m?abstract[.] ! ('AB  - ' || .),
        $m?url[.] ! ('UR  - ' || .),
        'ER  - ') ! replace(., '[\r\n]+', ' ')"/>
    <xsl:sequence select="string-join($lines, '&#13;&#10;') || '&#13;&#10;'"/>
  </xsl:function>

  <xsl:template name="ed:citation">
    <xsl:variable name="file" select="ed:token(($ed:meta?identifier[.], 'citation')[1])"/>
    <section id="citation" class="ed-section ed-citation" aria-labelledby="citation-h">
      <h2 id="citation-h"><xsl:value-of select="ed:label('citation')"/></h2>
      <p class="ed-cite-intro"><xsl:value-of select="ed:label('cite-intro')"/></p>
      <p class="ed-cite-chicago" id="cite-chicago"><xsl:value-of select="ed:chicago()"/></p>
      <p class="ed-cite-downloads">
        <xsl:value-of select="ed:label('download')"/>
        <xsl:text> </xsl:text>
        <a download="{$file}.json" type="application/vnd.citationstyles.csl+json" id="cite-csl"
           href="{'data:application/vnd.citationstyles.csl+json;charset=utf-8,' || encode-for-uri(ed:csl-json())}">CSL-JSON</a>
        <xsl:text> · </xsl:text>
        <a download="{$file}.bib" type="application/x-bibtex" id="cite-bibtex"
           href="{'data:application/x-bibtex;charset=utf-8,' || encode-for-uri(ed:bibtex())}">BibTeX</a>
        <xsl:text> · </xsl:text>
        <a download="{$file}.ris" type="application/x-research-info-systems" id="cite-ris"
           href="{'data:application/x-research-info-systems;charset=utf-8,' || encode-for-uri(ed:ris())}">RIS</a>
      </p>
    </section>
  </xsl:template>
</xsl:stylesheet>
