<?xml version="1.0" encoding="UTF-8"?>
<!--
  What the teiHeader says about a document, gathered once for every format: HTML's "About
  this document", "Cite this" and meta tags, the print title page and the plain-text title
  block all read ed:metadata(). Each answer is either TEI elements (for a format to render,
  with their links and readings) or a plain string.

    ed:documents($node)     the TEI documents of the input (the TEI, or each TEI of a teiCorpus)
    ed:metadata($doc)       the map below, for a TEI or teiCorpus element (or a document node)
    ed:title($doc)          ed:metadata($doc)?title
    ed:agent-name($el)      a person or body named in the header, by its register entry's main
                            name when it points to one (an author element: its first name)
    ed:person-parts($el)    the same as a map {'family', 'given', 'literal'} for citations
    ed:decl-label($el)      the label of an encoding declaration (correction, normalization ...)
    ed:responsibility($el)  one line for an editor or respStmt: "Edited by X", "Resp, resp: X, Y"
    ed:imprint-line($m)     "publisher, place, date" of the imprint, its empty parts left out
                            (a date without text in words)
    ed:rights($m)           the rights statements and licences to print (with text, or a
                            licence with a @target only: printed as its URL)
    ed:responsibility-lines($m)  the lines of "About this edition"'s responsibility for the
                            metadata map $m: "Edited by X" for each editor (a name, without
                            ids), "Principal investigator: X", "resp: names" for a respStmt
    ed:context-label($el)   the label of a correspContext pointer by its subtype or type
                            ("Previous communication", "Instruction followed", "In reply to")
    ed:title-fields($doc)   the fields of a title page or title block, in order, non-empty:
                            maps {'key': label key, 'value': plain string} for creators
                            ('from' for correspondence, else 'authors'), 'to', 'date' (with the
                            place), 'archive', 'translated-by', 'source', 'source-page' (URL,
                            record, capture), 'funded-by' (titleStmt funders only), 'credits'
                            (respStmts), 'publisher' (with the date), 'identifier', 'online'
                            (the edition's address: ed:page-url), 'rights'
    ed:title-page-fields($doc)  ed:title-fields but publisher, identifier, online, rights,
                            credits and source page (which a print edition gives in its
                            imprint, its about page and its citation)
    ed:source-page($sd)     the sourceDesc bibl of the web page the document was taken from

  ed:metadata($doc) keys (E = element()*, S = xs:string, S* = xs:string*):
    doc E the element described      header E            titles E (titleStmt/title)
    title S (main title, else "Untitled document")       subtitles S* (sub, alt, desc titles)
    authors E (titleStmt/author)     senders E, recipients E (correspAction sent/sending,
    received/receiving)              creators S* (names of the authors, else of the senders)
    editors E (titleStmt/editor, not translators)          principals E (titleStmt/principal)
    translation E (respStmts for a translation)           translators S*
    responsibility E (the other respStmts)
    funders E, sponsors E, funding E (notesStmt/note[@type='funding'])
    publisher E (publisher, distributor, authority)      publication E (+ pubPlace, date)
    publication-date E               idnos E (publicationStmt/idno)
    identifier S (DOI, else URI, else the first idno, else the root's xml:id)
    url S (the first http(s) idno)   availability E      licence S (licence/@target or text)
    date E (the document's date: sent, created, origDate, source ...)
    iso-date S (ISO value of the first of those dates that has one, else the publication's)
    place E (place of sending or creation)
    ms-identifiers E                 archive-id S ("Moscow, AVPRF, fond 059a, ...")
    repository S, archive-place S, archive-location S ("fond 059a, opis 5a, ...")
    ms-contents E, ms-notes E        source E (sourceDesc bibl, biblStruct, biblFull, p ...)
    sources S* (each source as a citation, bibl.xsl; only the bibl type="citation" if any)   source-citation S (the first, or the
    bibl type="citation")            type S (ed:source-type: manuscript, letter, book ...)
    abstract E        abstract-by S (names in abstract/@resp)
    source-page E (ed:source-page: the web page the document was taken from)
    source-url S, source-record S (its address and record id), collection S (its series or
    collection title), collection-publisher S, accessed S (ISO date of the capture: a date
    typed access/capture, else one with only @notAfter; never the build's clock),
    accessed-text S (the same in words: "before 27 November 2026")
    rights S (availability paragraphs and licence with its URL, as one string)
    related E (notesStmt/relatedItem: their bibl, biblStruct, or the relatedItem with @target)
    keywords E        languages E
    language S (xml:lang of the text)                   context E (correspContext/*)
    notes E (notesStmt notes except funding)            encoding E         changes E
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:documents" as="element()*">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="root($node)//tei:TEI[tei:text]"/>
  </xsl:function>

  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:metadata($doc)?title"/>
  </xsl:function>

  <xsl:function name="ed:agent-name" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="ed:person-parts($el)?literal"/>
  </xsl:function>

  <!-- family/given from the main name form's surname and forename, else (a person's name of
       two words or more) the part before a comma and the rest without annotations ("Lyall,
       Edna [pseud.] (1857-1903)."), else its last word and the rest. -->
  <xsl:function name="ed:person-parts" as="map(xs:string, xs:string)">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="name" select="if ($el/self::tei:author or $el/self::tei:editor)
                                      then ($el/(tei:persName, tei:orgName, tei:name)[1], $el)[1] else $el"/>
    <!-- a doubtful identification (medium, low or unknown certainty) is not expanded: the
         document's own form stands -->
    <xsl:variable name="entry" select="ed:entries($name, string-join(($name/@ref, $name/@corresp), ' '))[1]
                                       [not(ed:cert(.) = ('medium', 'low', 'unknown'))]"/>
    <xsl:variable name="form" select="if ($entry) then ed:main-form($entry) else $name"/>
    <xsl:variable name="full" select="if ($entry) then ed:entry-name($entry)
                                      else if ($name is $el and ($el/self::tei:author or $el/self::tei:editor))
                                      then ed:agent-string($el)
                                      else ed:name-string($name)"/>
    <xsl:variable name="words" select="tokenize($full, ' ')"/>
    <xsl:sequence select="
        if ($form/tei:surname) then map{'family': normalize-space(ed:plain($form/tei:surname[1])),
                                        'given': string-join($form/tei:forename ! normalize-space(ed:plain(.)), ' '),
                                        'literal': $full}
        else if (not($name/self::tei:persName or $name/self::tei:author[not(tei:orgName)]) or count($words) lt 2)
             then map{'literal': $full}
        else if (matches($full, '^[^,]+,\s*\S'))
             then map{'family': normalize-space(substring-before($full, ',')),
                      'given': replace(substring-after($full, ','), '\s*[\[(].*$|\.\s*$', '') => normalize-space(),
                      'literal': $full}
        else map{'family': $words[last()], 'given': string-join($words[position() lt last()], ' '), 'literal': $full}"/>
  </xsl:function>

  <xsl:function name="ed:metadata" as="map(*)" cache="yes">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="d" select="if ($doc instance of document-node()) then ($doc/*)[1] else $doc"/>
    <xsl:variable name="h" select="($d/tei:teiHeader, $d//tei:teiHeader)[1]"/>
    <xsl:variable name="fd" select="$h/tei:fileDesc"/>
    <xsl:variable name="ts" select="$fd/tei:titleStmt"/>
    <xsl:variable name="pub" select="$fd/tei:publicationStmt"/>
    <xsl:variable name="sd" select="$fd/tei:sourceDesc"/>
    <xsl:variable name="pd" select="$h/tei:profileDesc"/>
    <xsl:variable name="sent" select="$pd/tei:correspDesc/tei:correspAction[@type = ('sent', 'sending')]"/>
    <xsl:variable name="received" select="$pd/tei:correspDesc/tei:correspAction[@type = ('received', 'receiving')]"/>
    <xsl:variable name="titles" select="$ts/tei:title"/>
    <xsl:variable name="main" select="($titles[@type = 'main'], $titles[not(@type)], $titles)[1]"/>
    <xsl:variable name="authors" select="$ts/tei:author"/>
    <xsl:variable name="senders" select="$sent/(tei:persName | tei:orgName | tei:name | tei:rs)"/>
    <xsl:variable name="translation" select="$ts/tei:respStmt[tei:resp[matches(., 'transl|übers|tradu', 'i')]]"/>
    <xsl:variable name="dates" select="($sent/tei:date, $pd/tei:creation//tei:date, $sd//tei:msDesc//tei:origDate,
                                        $sd/tei:bibl/tei:date, $sd//tei:imprint/tei:date, $d/tei:text/tei:front//tei:docDate,
                                        $pd/tei:creation[not(.//tei:date)][normalize-space()])"/>
    <xsl:variable name="iso" select="($dates, $sd//tei:date[@when], $pub/tei:date)[exists(ed:_date-value(.))][1] ! ed:_date-value(.)"/>
    <xsl:variable name="ms" select="$sd//tei:msDesc/tei:msIdentifier"/>
    <xsl:variable name="idno" select="($pub/tei:idno[@type = ('DOI', 'doi')], $pub/tei:idno[@type = ('URI', 'URL', 'url', 'uri')],
                                       $pub/tei:idno, $d/@xml:id)[1]"/>
    <xsl:variable name="page" select="ed:source-page($sd)"/>
    <xsl:variable name="capture" select="($page//tei:date[@type = ('access', 'accessed', 'capture', 'captured')],
                                          $page//tei:date[@notAfter][not(@when)])[1]"/>
    <xsl:map>
      <xsl:map-entry key="'doc'" select="$d"/>
      <xsl:map-entry key="'header'" select="$h"/>
      <xsl:map-entry key="'titles'" select="$titles"/>
      <xsl:map-entry key="'title'" select="ed:flat($main) => ed:or(ed:label('untitled'))"/>
      <xsl:map-entry key="'subtitles'" select="($titles except $main)[@type = ('sub', 'alt', 'desc')] ! ed:flat(.)"/>
      <xsl:map-entry key="'authors'" select="$authors"/>
      <xsl:map-entry key="'senders'" select="$senders"/>
      <xsl:map-entry key="'recipients'" select="$received/(tei:persName | tei:orgName | tei:name | tei:rs | tei:placeName)"/>
      <xsl:map-entry key="'creators'" select="distinct-values((if (exists($authors)) then $authors else $senders) ! ed:agent-name(.))[.]"/>
      <xsl:map-entry key="'editors'" select="$ts/tei:editor[not(@role = ('translator', 'trl'))]"/>
      <xsl:map-entry key="'principals'" select="$ts/tei:principal"/>
      <xsl:map-entry key="'translation'" select="$translation"/>
      <xsl:map-entry key="'translators'" select="distinct-values(($translation/(tei:persName | tei:name | tei:orgName),
                                                                   $ts/tei:editor[@role = ('translator', 'trl')]) ! ed:agent-name(.))[.]"/>
      <xsl:map-entry key="'responsibility'" select="$ts/tei:respStmt except $translation"/>
      <xsl:map-entry key="'funders'" select="$ts/tei:funder"/>
      <xsl:map-entry key="'sponsors'" select="$ts/tei:sponsor"/>
      <xsl:map-entry key="'funding'" select="$fd/tei:notesStmt/tei:note[@type = 'funding']"/>
      <xsl:map-entry key="'publisher'" select="$pub/(tei:publisher | tei:distributor | tei:authority)"/>
      <xsl:map-entry key="'publication'" select="$pub/(tei:publisher | tei:distributor | tei:authority | tei:pubPlace | tei:date)"/>
      <xsl:map-entry key="'publication-date'" select="$pub/tei:date[1]"/>
      <xsl:map-entry key="'idnos'" select="$pub/tei:idno[normalize-space()]"/>
      <xsl:map-entry key="'identifier'" select="normalize-space(string($idno))[not(matches(., '^[A-Za-z][A-Za-z0-9+.\-]*:')
                                                 and empty(ed:safe-url(.)) and not(matches(., '^(urn|doi|hdl|ark|info):', 'i')))]"/>
      <xsl:map-entry key="'url'" select="string($pub/tei:idno[matches(., '^\s*https?://')][1] ! ed:safe-url(normalize-space(.)))"/>
      <xsl:map-entry key="'availability'" select="$pub/tei:availability"/>
      <xsl:map-entry key="'licence'" select="normalize-space(string(($pub/tei:availability/tei:licence/@target ! ed:safe-url(.),
                                                                      $pub/tei:availability/tei:licence)[1]))"/>
      <xsl:map-entry key="'date'" select="$dates[1]"/>
      <xsl:map-entry key="'iso-date'" select="string(substring-before($iso || '/', '/'))"/>
      <xsl:map-entry key="'place'" select="($sent/(tei:placeName | tei:settlement), $pd/tei:creation/tei:placeName)[1]"/>
      <xsl:map-entry key="'ms-identifiers'" select="$ms"/>
      <xsl:map-entry key="'archive-id'" select="string(ed:_archive-id($ms[1]))"/>
      <xsl:map-entry key="'repository'" select="ed:flat(($ms[1]/tei:repository, $ms[1]/tei:institution)[1])"/>
      <xsl:map-entry key="'archive-place'" select="ed:flat($ms[1]/tei:settlement[1])"/>
      <xsl:map-entry key="'archive-location'" select="string-join((($ms[1]/tei:collection, $ms[1]/tei:idno)[normalize-space()]
                                                                   ! ((@type ! (. || ' ')) || ed:flat(.)),
                                                                   ed:_locus($ms[1])), ', ')"/>
      <xsl:map-entry key="'ms-contents'" select="$sd/tei:msDesc/tei:msContents"/>
      <xsl:map-entry key="'ms-notes'" select="$sd//tei:msContents//tei:note"/>
      <xsl:map-entry key="'source'" select="$sd/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p | tei:listBibl[not(.//@xml:id)])"/>
      <xsl:variable name="sources" select="$sd/(tei:bibl | tei:biblStruct | tei:biblFull | tei:p)"/>
      <!-- a bibl typed "citation" is how the source asks to be cited: it stands for the others -->
      <xsl:map-entry key="'sources'" select="$sd/tei:bibl[@type = 'citation'][1] ! ed:bibl-string(.),
                                             $sources[empty($sd/tei:bibl[@type = 'citation'])]
                                             ! (if (self::tei:p) then ed:flat(.) else ed:bibl-string(.))[.]"/>
      <xsl:map-entry key="'source-citation'" select="string(($sd/tei:bibl[@type = 'citation'], $sources)[1]
                                                             ! (if (self::tei:p) then ed:flat(.) else ed:bibl-string(.)))"/>
      <xsl:map-entry key="'type'" select="ed:source-type($d)"/>
      <xsl:map-entry key="'abstract'" select="$pd/tei:abstract"/>
      <xsl:map-entry key="'abstract-by'" select="string-join($pd/tei:abstract[1] ! ed:pointer-names(., @resp), ', ')"/>
      <xsl:map-entry key="'source-page'" select="$page"/>
      <xsl:map-entry key="'source-url'" select="string(($page//(tei:idno[@type = ('URI', 'URL', 'uri', 'url')], tei:ptr/@target, tei:ref/@target))
                                                      [matches(., '^\s*https?://')][1] ! ed:safe-url(normalize-space(.)))"/>
      <xsl:map-entry key="'source-record'" select="string(($page//tei:idno[@type = ('record', 'recordID', 'record-id')])[1] ! normalize-space(.))"/>
      <xsl:map-entry key="'collection'" select="string(($page/tei:title[@level = ('s', 'm')], $page/tei:title[@level = 'j'])[1] ! ed:flat(.))"/>
      <xsl:map-entry key="'collection-publisher'" select="string(($page/tei:publisher, $page/tei:distributor)[1] ! ed:flat(.))"/>
      <xsl:map-entry key="'accessed'" select="string($capture ! (@when, @notAfter)[1] ! normalize-space(.))"/>
      <xsl:map-entry key="'accessed-text'" select="string($capture ! ed:date-text(.))"/>
      <xsl:map-entry key="'rights'" select="normalize-space(string-join(($pub/tei:availability/(tei:p | tei:ab | tei:licence))
                                                     ! (ed:flat(.) || (self::tei:licence/@target ! ed:safe-url(.) ! (' ' || .))), ' '))"/>
      <xsl:map-entry key="'related'" select="$fd/tei:notesStmt/tei:relatedItem/(tei:bibl | tei:biblStruct | tei:listBibl/tei:bibl), $fd/tei:notesStmt/tei:relatedItem[@target]"/>
      <xsl:map-entry key="'keywords'" select="$pd/tei:textClass/tei:keywords/(tei:term | tei:list/tei:item)"/>
      <xsl:map-entry key="'languages'" select="$pd/tei:langUsage/tei:language"/>
      <xsl:map-entry key="'language'" select="string(($d//tei:text/@xml:lang, $d/@xml:lang)[1])"/>
      <xsl:map-entry key="'context'" select="$pd/tei:correspDesc/tei:correspContext/*"/>
      <xsl:map-entry key="'notes'" select="$fd/tei:notesStmt/tei:note[not(@type = 'funding')]"/>
      <xsl:map-entry key="'encoding'" select="$h/tei:encodingDesc/(tei:projectDesc | tei:editorialDecl | tei:samplingDecl | tei:p)"/>
      <xsl:map-entry key="'changes'" select="$h/tei:revisionDesc//tei:change"/>
    </xsl:map>
  </xsl:function>

  <!-- A date's ISO value: from its attributes, else its text when that is an ISO date ("1887"). -->
  <xsl:function name="ed:_date-value" as="xs:string?">
    <xsl:param name="date" as="element()"/>
    <xsl:sequence select="(ed:iso-date($date), normalize-space($date)[matches(., '^-?\d{4}(-\d{2}){0,2}$')])[1]"/>
  </xsl:function>

  <!-- The label of a correspContext pointer by its @subtype or @type ("Previous
       communication", "Instruction followed", "In reply to" ...), else "Related communications". -->
  <xsl:function name="ed:context-label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="keys" select="($el/@subtype, $el/@type) ! ('ctx-' || normalize-space(.))[map:contains($ed:labels('en'), .)]"/>
    <xsl:sequence select="ed:label(($keys, 'context')[1])"/>
  </xsl:function>

  <xsl:function name="ed:decl-label" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="key" select="'decl-' || local-name($el)"/>
    <xsl:sequence select="if (map:contains($ed:labels('en'), $key)) then ed:label($key)
                          else replace(local-name($el), '([a-z])([A-Z])', '$1 $2')
                               => replace('^(.)', '$1') => ed:_capitalised()"/>
  </xsl:function>

  <!-- A statement of responsibility as a reader reads it: an editor, or a respStmt's
       responsibilities (a respStmt may give several) and the people who bear them. -->
  <xsl:function name="ed:responsibility" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::tei:editor) then ed:label('edited-by') || ' ' || ed:agent-name($el)
                          else string-join($el/tei:resp ! ed:flat(.), ', ') || ': '
                               || string-join(($el/* except $el/tei:resp) ! ed:flat(.), ', ')"/>
  </xsl:function>

  <xsl:function name="ed:_capitalised" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || lower-case(substring($s, 2))"/>
  </xsl:function>

  <xsl:function name="ed:imprint-line" as="xs:string">
    <xsl:param name="m" as="map(*)"/>
    <xsl:sequence select="string-join($m?publication ! ed:or(ed:flat(.), string(self::tei:date/ed:date-text(.)))[normalize-space()], ', ')"/>
  </xsl:function>

  <xsl:function name="ed:rights" as="element()*">
    <xsl:param name="m" as="map(*)"/>
    <xsl:sequence select="($m?availability/(tei:p | tei:ab | tei:licence), $m?header/tei:fileDesc/tei:publicationStmt/tei:p)
                          [normalize-space() or self::tei:licence/@target[normalize-space()]]"/>
  </xsl:function>

  <xsl:function name="ed:responsibility-lines" as="xs:string*">
    <xsl:param name="m" as="map(*)"/>
    <xsl:sequence select="($m?editors, $m?translation, $m?responsibility, $m?principals)
                          ! (if (self::tei:principal) then ed:label('principal') || ': ' || ed:agent-name(.)
                             else ed:responsibility(.))"/>
  </xsl:function>

  <xsl:function name="ed:title-fields" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="m" select="ed:metadata($doc)"/>
    <xsl:variable name="date" select="$m?date ! ed:or(ed:flat(.), string((@when, @from, @notBefore)[1]))"/>
    <xsl:sequence select="(
        map{'key': if (exists($m?senders)) then 'from' else 'authors', 'value': string-join($m?creators, '; ')},
        map{'key': 'to', 'value': string-join((string-join($m?recipients[not(self::tei:placeName)] ! ed:agent-name(.), '; '),
                                               $m?recipients[self::tei:placeName] ! ed:flat(.))[.], ', ')},
        map{'key': 'date', 'value': string-join(($date, $m?place ! ed:flat(.))[.], ', ')},
        map{'key': 'archive', 'value': $m?archive-id},
        map{'key': 'translated-by', 'value': string-join($m?translators, '; ')},
        $m?sources ! map{'key': 'source', 'value': .},
        map{'key': 'source-page', 'value': string-join(($m?source-url, $m?source-record[.] ! (ed:label('record-id') || ' ' || .),
                                                         $m?accessed-text[.] ! (ed:label('captured') || ' ' || .)), ', ')},
        map{'key': 'funded-by', 'value': string-join(($m?funders | $m?sponsors) ! ed:flat(.), '; ')},
        map{'key': 'credits', 'value': string-join($m?responsibility[self::tei:respStmt] ! ed:responsibility(.), '; ')},
        map{'key': 'publisher', 'value': string-join(($m?publisher ! ed:flat(.), ed:date-text($m?publication-date)), ', ')},
        map{'key': 'identifier', 'value': string-join(($m?idnos[not(@type = ('URI', 'URL', 'uri', 'url'))] ! normalize-space(.)), ', ')},
        map{'key': 'online', 'value': ed:page-url($doc)},
        map{'key': 'rights', 'value': $m?rights}
      )[normalize-space(?value)]"/>
  </xsl:function>

  <!-- The fields of a printed title page: those of ed:title-fields but the ones a print
       edition gives elsewhere (publisher, identifier, address, rights in the imprint at the
       foot of the page; credits and the source page, with its address, record and capture,
       on the page "About this edition" and in its citation), so the page stays one. -->
  <xsl:function name="ed:title-page-fields" as="map(xs:string, xs:string)*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="ed:title-fields($doc)[not(?key = ('publisher', 'identifier', 'online', 'rights', 'credits',
                                                           'source-page'))]"/>
  </xsl:function>

  <!-- The web page a document was taken from: a sourceDesc bibl typed page (or online, web),
       else the first sourceDesc bibl that gives a web address. -->
  <xsl:function name="ed:source-page" as="element()?">
    <xsl:param name="sd" as="element()?"/>
    <xsl:sequence select="($sd/tei:bibl[@type = ('page', 'online', 'web', 'webpage')],
                           $sd/tei:bibl[(tei:idno[@type = ('URI', 'URL', 'uri', 'url')], tei:ptr/@target, tei:ref/@target)
                                        [matches(., '^\s*https?://')]])[1]"/>
  </xsl:function>

  <!-- The leaves or pages of the first locus of a manuscript's contents, as part of an archival
       reference: "listy 120–122" (a unit word at its start in lower case, as in "fond 059a"). -->
  <xsl:function name="ed:_locus" as="xs:string?">
    <xsl:param name="ms" as="element()?"/>
    <xsl:variable name="text" select="($ms/../tei:msContents//tei:locus)[1] ! ed:flat(.)"/>
    <xsl:sequence select="if (matches($text, '^\p{Lu}\p{Ll}+\.?\s+[0-9IVXLCivxlc]'))
                          then lower-case(substring($text, 1, 1)) || substring($text, 2) else $text"/>
  </xsl:function>

  <!-- "Moscow, AVPRF, fond 059a, opis 5a, delo 5, papka 11, Listy 120–122": the parts of an
       msIdentifier, typed idnos with their type, and the first locus of its contents. -->
  <xsl:function name="ed:_archive-id" as="xs:string?">
    <xsl:param name="ms" as="element()?"/>
    <xsl:for-each select="$ms">
      <xsl:variable name="parts" as="xs:string*">
        <xsl:for-each select="tei:country | tei:region | tei:settlement | tei:institution | tei:repository
                              | tei:collection | tei:idno | tei:altIdentifier/tei:idno | tei:msName">
          <xsl:sequence select="if (self::tei:idno and @type and not(matches(@type, '^(shelfmark|URI|uri|callNo|callNumber|ID|id)$')))
                                then @type || ' ' || ed:flat(.) else ed:flat(.)"/>
        </xsl:for-each>
        <xsl:sequence select="ed:_locus(.)"/>
      </xsl:variable>
      <xsl:sequence select="string-join($parts[.], ', ')"/>
    </xsl:for-each>
  </xsl:function>
</xsl:stylesheet>
