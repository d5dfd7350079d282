<?xml version="1.0" encoding="UTF-8"?>
<!--
  Citation: the fields of two records from the common layer (common/citation.xsl: the
  document as the archive holds and publishes it, $ed:meta; this edition, $ed:edition), then
  written as
    - Highwire Press (citation_*) and Dublin Core (DC.*) meta tags, which Zotero reads
      (DC.rights: the availability statement and the licence; DC.source: the archival
      reference and the source page; DC.relation: the related documents);
    - schema.org JSON-LD of the document, its persons, places and organisations;
    - a "Cite this" box: Chicago notes-bibliography, the note and the bibliography entry of
      the document (an archival document in an online collection: the archival reference in
      full, the collection, the record, the capture as access date, the URL) and of the
      edition; CSL-JSON, BibTeX and RIS downloads with the same fields, both records in each
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

  <!-- The citation's fields (common/citation.xsl): the document as the archive holds and
       publishes it, and this edition. -->
  <xsl:variable name="ed:citation" as="map(xs:string, map(*))" select="ed:citation(/)"/>
  <xsl:variable name="ed:meta" as="map(*)" select="$ed:citation?document"/>
  <xsl:variable name="ed:edition" as="map(*)" select="$ed:citation?edition"/>

  <!-- ===== meta tags and JSON-LD in <head> ============================================= -->

  <xsl:template name="ed:citation-meta">
    <xsl:variable name="m" select="$ed:meta"/>
    <xsl:variable name="e" select="$ed:edition"/>
    <xsl:variable name="md" select="ed:metadata(/)"/>
    <meta name="citation_title" content="{$e?title}"/>
    <xsl:for-each select="$m?authors?*">
      <meta name="citation_author" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:if test="$m?date">
      <meta name="citation_date" content="{replace($m?date, '-', '/')}"/>
      <meta name="citation_publication_date" content="{replace($m?date, '-', '/')}"/>
    </xsl:if>
    <xsl:if test="$e?publisher"><meta name="citation_publisher" content="{$e?publisher}"/></xsl:if>
    <xsl:if test="$m?archive"><meta name="citation_archive" content="{$m?archive}"/></xsl:if>
    <xsl:if test="$m?archive-location"><meta name="citation_archive_id" content="{$m?archive-location}"/></xsl:if>
    <xsl:if test="$m?language"><meta name="citation_language" content="{$m?language}"/></xsl:if>
    <xsl:if test="$m?abstract"><meta name="citation_abstract" content="{$m?abstract}"/></xsl:if>
    <xsl:for-each select="$m?keywords?*"><meta name="citation_keywords" content="{.}"/></xsl:for-each>
    <xsl:if test="$e?url"><meta name="citation_public_url" content="{$e?url}"/></xsl:if>

    <meta name="DC.title" content="{$e?title}"/>
    <xsl:for-each select="$m?authors?*">
      <meta name="DC.creator" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:for-each select="$m?translators?*">
      <meta name="DC.contributor" content="{ed:inverted(.)}"/>
    </xsl:for-each>
    <xsl:if test="$m?date"><meta name="DC.date" content="{$m?date}"/></xsl:if>
    <xsl:if test="$m?language"><meta name="DC.language" content="{$m?language}"/></xsl:if>
    <xsl:if test="$e?identifier"><meta name="DC.identifier" content="{$e?identifier}"/></xsl:if>
    <xsl:if test="$e?url"><meta name="DC.identifier" content="{$e?url}"/></xsl:if>
    <xsl:if test="$e?publisher"><meta name="DC.publisher" content="{$e?publisher}"/></xsl:if>
    <xsl:if test="$m?abstract"><meta name="DC.description" content="{$m?abstract}"/></xsl:if>
    <xsl:variable name="source" select="string-join(($m?archive, $m?archive-location)[.], ', ')"/>
    <xsl:if test="$source"><meta name="DC.source" content="{$source}"/></xsl:if>
    <xsl:if test="$m?url"><meta name="DC.source" content="{$m?url}"/></xsl:if>
    <xsl:for-each select="$md?related ! (.//tei:idno[@type = ('URI', 'URL', 'uri', 'url')], @target)[1] ! ed:safe-url(normalize-space(.))">
      <meta name="DC.relation" content="{.}"/>
    </xsl:for-each>
    <xsl:if test="$e?rights"><meta name="DC.rights" content="{$e?rights}"/></xsl:if>
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
    <xsl:variable name="e" select="$ed:edition"/>
    <xsl:sequence select="map:merge((
        map{'@context': 'https://schema.org', '@type': 'ArchiveComponent', 'name': $e?title,
            'inLanguage': $m?language},
        if ($m?date) then map{'dateCreated': $m?date} else (),
        if ($e?url) then map{'url': $e?url} else (),
        if ($m?url) then map{'isBasedOn': map:merge((map{'@type': 'WebPage', 'url': $m?url, 'name': $m?title},
                                                      if ($m?collection) then map{'isPartOf': map{'@type': 'Collection', 'name': $m?collection}} else ()))} else (),
        if ($e?licence) then map{'license': $e?licence} else (),
        if ($e?rights) then map{'copyrightNotice': $e?rights} else (),
        if (array:size($m?authors) gt 0) then map{'author': array{ $m?authors?* ! map{'@type': if (?family) then 'Person' else 'Organization', 'name': ?literal} }} else (),
        if (array:size($m?translators) gt 0) then map{'translator': array{ $m?translators?* ! map{'@type': 'Person', 'name': ?literal} }} else (),
        if ($m?archive) then map{'holdingArchive': map{'@type': 'ArchiveOrganization', 'name': $m?archive}} else (),
        if ($m?abstract) then map{'abstract': $m?abstract} else (),
        if ($e?publisher) then map{'publisher': map{'@type': 'Organization', 'name': $e?publisher}} else (),
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

  <!-- A person in CSL-JSON. -->
  <xsl:function name="ed:csl-name" as="map(*)">
    <xsl:param name="p" as="map(*)"/>
    <xsl:sequence select="if ($p?family) then map{'family': $p?family, 'given': $p?given} else map{'literal': $p?literal}"/>
  </xsl:function>

  <xsl:function name="ed:csl-date" as="map(*)">
    <xsl:param name="iso" as="xs:string"/>
    <xsl:sequence select="map{'date-parts': array{ array{ tokenize($iso, '-')[. castable as xs:integer] ! xs:integer(.) } }}"/>
  </xsl:function>

  <!-- The record's id in the downloads: the edition's identifier; the document's is "…-document". -->
  <xsl:function name="ed:record-id" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="id" select="ed:token(($ed:edition?identifier[.], 'edition')[1])"/>
    <xsl:sequence select="if ($r?kind = 'document') then $id || '-document' else $id"/>
  </xsl:function>

  <xsl:function name="ed:csl-item" as="map(*)">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="doc" select="$r?kind = 'document'"/>
    <xsl:sequence select="map:merge((
        map{'id': ed:record-id($r), 'type': if ($doc) then 'manuscript' else 'book',
            'title': $r?title || ($r?subtitle[.] ! (': ' || .))},
        if (array:size($r?authors) gt 0 and $doc) then map{'author': array{ $r?authors?* ! ed:csl-name(.) }} else (),
        if (array:size($r?editors) gt 0) then map{'editor': array{ $r?editors?* ! ed:csl-name(.) }} else (),
        if (array:size($r?translators) gt 0) then map{'translator': array{ $r?translators?* ! ed:csl-name(.) }} else (),
        if ($doc and $r?date) then map{'issued': ed:csl-date($r?date)} else (),
        if (not($doc) and $r?pub-year) then map{'issued': ed:csl-date($r?pub-year)} else (),
        if ($r?archive) then map{'archive': $r?archive} else (),
        if ($r?archive-location) then map{'archive_location': $r?archive-location} else (),
        if ($r?archive-place) then map{'archive-place': $r?archive-place} else (),
        if ($r?collection) then map{'source': $r?collection} else (),
        if ($r?publisher) then map{'publisher': $r?publisher} else (),
        if ($r?language) then map{'language': $r?language} else (),
        if ($r?abstract and $doc) then map{'abstract': $r?abstract} else (),
        if ($r?url) then map{'URL': $r?url} else (),
        if ($r?accessed) then map{'accessed': ed:csl-date($r?accessed)} else (),
        if ($r?record) then map{'note': ed:label('record-id') || ' ' || $r?record} else (),
        if ($r?licence) then map{'license': $r?licence} else ()
      ))"/>
  </xsl:function>

  <xsl:function name="ed:csl-json" as="xs:string">
    <xsl:sequence select="serialize(array{ ed:csl-item($ed:meta), ed:csl-item($ed:edition) },
                                    map{'method': 'json', 'indent': true()})"/>
  </xsl:function>

  <!-- BibTeX values: braces, backslashes and specials cannot break out of {...}. -->
  <xsl:function name="ed:bib" as="xs:string">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($s), '[{}\\]', ''), '([&amp;%$#_])', '\\$1')"/>
  </xsl:function>

  <xsl:function name="ed:bib-names" as="xs:string">
    <xsl:param name="people" as="map(*)*"/>
    <xsl:sequence select="string-join($people ! (if (?family) then ed:bib(ed:inverted(.)) else '{' || ed:bib(?literal) || '}'), ' and ')"/>
  </xsl:function>

  <xsl:function name="ed:bibtex-entry" as="xs:string">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="doc" select="$r?kind = 'document'"/>
    <xsl:variable name="first" select="(if ($doc) then $r?authors?* else $r?editors?*)[1]"/>
    <xsl:variable name="key" select="lower-case(replace(string(($first?family, $first?literal, 'document')[.][1]), '[^A-Za-z0-9]', ''))
                                     || (if ($doc) then $r?year else $r?pub-year)
                                     || lower-case(replace(tokenize($r?title, '\s+')[string-length(.) gt 3][1], '[^A-Za-z0-9]', ''))"/>
    <xsl:variable name="fields" select="(
        (if ($doc and exists($r?authors?*)) then 'author = {' || ed:bib-names($r?authors?*) || '}' else ()),
        (if (exists($r?editors?*)) then 'editor = {' || ed:bib-names($r?editors?*) || '}' else ()),
        'title = {{' || ed:bib($r?title) || '}}',
        $r?subtitle[.] ! ('subtitle = {{' || ed:bib(.) || '}}'),
        (if ($doc) then $r?year else $r?pub-year)[.] ! ('year = {' || . || '}'),
        $r?date[.][$doc] ! ('date = {' || . || '}'),
        (if (exists($r?translators?*)) then 'translator = {' || ed:bib-names($r?translators?*) || '}' else ()),
        string-join(($r?archive, $r?archive-location)[.], ', ')[.] ! ('note = {' || ed:bib(. || ($r?record[.] ! ('. ' || ed:label('record-id') || ' ' || .))) || '}'),
        string-join(($r?collection, $r?publisher)[.], ', ')[.][$doc] ! ('howpublished = {' || ed:bib(.) || '}'),
        $r?publisher[.][not($doc)] ! ('publisher = {' || ed:bib(.) || '}'),
        $r?language[.] ! ('language = {' || ed:bib(.) || '}'),
        $r?url[.] ! ('url = {' || ed:bib(.) || '}'),
        $r?accessed[.] ! ('urldate = {' || . || '}'),
        $r?abstract[.][$doc] ! ('abstract = {' || ed:bib(.) || '}'))"/>
    <xsl:sequence select="'@' || (if ($doc) then 'misc' else 'book') || '{' || ed:or($key, 'document') || ',&#10;  '
                          || string-join($fields, ',&#10;  ') || '&#10;}&#10;'"/>
  </xsl:function>

  <xsl:function name="ed:bibtex" as="xs:string">
    <xsl:sequence select="ed:bibtex-entry($ed:meta) || '&#10;' || ed:bibtex-entry($ed:edition)"/>
  </xsl:function>

  <xsl:function name="ed:ris-record" as="xs:string*">
    <xsl:param name="r" as="map(*)"/>
    <xsl:variable name="doc" select="$r?kind = 'document'"/>
    <xsl:sequence select="(
        'TY  - ' || (if ($doc) then 'MANSCPT' else 'BOOK'),
        'TI  - ' || $r?title || ($r?subtitle[.] ! (': ' || .)),
        $r?authors?*[$doc] ! ('AU  - ' || ed:inverted(.)),
        $r?editors?* ! ('A3  - ' || ed:inverted(.)),
        $r?translators?* ! ('A4  - ' || ed:inverted(.)),
        (if ($doc) then $r?year else $r?pub-year)[.] ! ('PY  - ' || .),
        $r?date[.][$doc] ! ('DA  - ' || replace(., '-', '/')),
        $r?archive[.] ! ('DB  - ' || .),
        $r?archive-location[.] ! ('AN  - ' || .),
        $r?archive-place[.] ! ('CY  - ' || .),
        $r?collection[.] ! ('DP  - ' || .),
        $r?publisher[.] ! ('PB  - ' || .),
        $r?language[.] ! ('LA  - ' || .),
        $r?abstract[.][$doc] ! ('AB  - ' || .),
        $r?url[.] ! ('UR  - ' || .),
        $r?accessed[.] ! ('Y2  - ' || replace(., '-', '/')),
        $r?record[.] ! ('N1  - ' || ed:label('record-id') || ' ' || .),
        'ER  - ') ! replace(., '[\r\n]+', ' ')"/>
  </xsl:function>

  <xsl:function name="ed:ris" as="xs:string">
    <xsl:sequence select="string-join((ed:ris-record($ed:meta), ed:ris-record($ed:edition)), '&#13;&#10;') || '&#13;&#10;'"/>
  </xsl:function>

  <!-- A Chicago citation with its titles in italics. -->
  <xsl:template name="ed:chicago-html">
    <xsl:param name="record" as="map(*)"/>
    <xsl:param name="form" as="xs:string"/>
    <xsl:for-each select="ed:chicago-parts($record, $form)">
      <xsl:choose>
        <xsl:when test="?italic"><cite><xsl:value-of select="?text"/></cite></xsl:when>
        <xsl:otherwise><xsl:value-of select="?text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:for-each>
  </xsl:template>

  <xsl:template name="ed:citation">
    <xsl:variable name="file" select="ed:token(($ed:edition?identifier[.], 'citation')[1])"/>
    <section id="citation" class="ed-section ed-citation" aria-labelledby="citation-h">
      <h2 id="citation-h"><xsl:value-of select="ed:label('citation')"/></h2>
      <p class="ed-cite-intro"><xsl:value-of select="ed:label('cite-intro')"/></p>
      <xsl:for-each select="('document', 'edition')">
        <xsl:variable name="record" select="$ed:citation(current())"/>
        <xsl:variable name="kind" select="."/>
        <h3 class="ed-cite-kind" id="cite-{$kind}-h"><xsl:value-of select="ed:label('cite-' || $kind)"/></h3>
        <dl class="ed-cite-forms" aria-labelledby="cite-{$kind}-h">
          <xsl:for-each select="('note', 'bibliography')">
            <dt><xsl:value-of select="ed:label('cite-' || .)"/></dt>
            <dd class="ed-cite-chicago" id="cite-{$kind}-{.}">
              <xsl:call-template name="ed:chicago-html">
                <xsl:with-param name="record" select="$record"/>
                <xsl:with-param name="form" select="."/>
              </xsl:call-template>
            </dd>
          </xsl:for-each>
        </dl>
      </xsl:for-each>
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
