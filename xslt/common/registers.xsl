<?xml version="1.0" encoding="UTF-8"?>
<!--
  Register entries (persons, organisations, places, events, communications ...) and their
  mentions, in the document or in register documents of their own (see pointers.xsl). Every
  format asks here what an entry is, what it is called, what kind it is and where the text
  mentions it; the answers are strings and TEI nodes, never markup of a format.

    ed:is-entry($el)            an element with an xml:id and the role "entry", in a list*
                                (or a personGrp)
    ed:in-register($el)         an entry that a register section or index lists: not part of
                                the reading text of the document being transformed, and not a
                                bibliography entry in the text of another document (a list of
                                sources is a page of its own, which citations link to)
    ed:entry($context, $p)      the entry a pointer leads to (ed:target, entries only)
    ed:entries($context, $ps)   the entries a whitespace-separated list of pointers leads to
    ed:entry-key($entry)        a string unique across documents: "file URI#id"
    ed:entry-kind($entry)       'person' | 'org' | 'place' | 'event' | 'communication' |
                                'object' | 'nym' | 'entry'
    ed:list-kind($list)         the kind of the entries a list* holds (same values)
    ed:kind-label($kind)        "Person" ..., ed:kinds-label($kind) "Persons" ... (in $lang)
    ed:entry-forms($entry)      its name forms (persName, placeName, label, title ...)
    ed:main-form($entry)        the main name form: @type main/full/reg, else one in the
                                entry's language, else the first
    ed:name-string($name)       a name form as a string (parts joined by spaces)
    ed:entry-name($entry)       the entry's main name (else its title/desc, else its id)
    ed:other-forms($entry)      name forms other than the main name, one per distinct string
    ed:entry-sort-key($entry)   where it files in an index: @sortKey, surname, or the last word
                                of a Western-order personal name; ed:index-heading($entry) prints
                                it "Surname, Forenames"
    ed:birth($entry), ed:death($entry)   the birth and death dates in words (ed:date-text),
                                else their text
    ed:life($entry)             "15 April 1912 – 8 July 1994", "1912–1994", "born 1912", "died
                                1976"; for events and communications their dates in words
    ed:life-years($entry)       "1912–1994", "b. 1912", "d. 1976" (years only, for indexes)
    ed:entry-details($entry)    offices, occupations, affiliations ... "label (dates in words)",
                                with "(probable)" or "(uncertain)" when its @cert says so
    ed:entry-notes($entry)      the entry's notes and descriptions (TEI elements)
    ed:mention-entries($m)      the entries a mention (@ref, @who, @target) points to
    ed:mentions($entry, $in)    mentions of $entry in the reading text of $in (nodes)
    ed:mentioned-entries($in)   every entry that the reading text of $in mentions
    ed:index-entries($in, $kind)  the mentioned entries of one kind, in index order
    $ed:index-kinds             the kinds an index has sections for, in order
    ed:referenced-entries($in)  every entry any pointer attribute in $in leads to
    ed:pointer-names($context, $ps)  names of those a pointer list leads to (entries: main
                                name; other elements: their text; an unresolved "#x": "x")

  A mention is an element with the role "name" and a @ref inside tei:text, a reference
  (ref, ptr) whose @target is an entry, or a speech (sp/@who) inside tei:text: a person who speaks in a play appears in it, though no name
  in the text may point to them (the register says where they speak, the index lists the
  pages of their speeches).

  Its functions are declared cache="yes" (see plain.xsl): an entry mentioned 24 times is
  named, dated and described once per transform.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:function name="ed:is-entry" as="xs:boolean" cache="yes">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="exists($el[@xml:id][ed:is(., 'entry')]
                                 [parent::tei:*[starts-with(local-name(), 'list')] or parent::tei:personGrp])"/>
  </xsl:function>

  <xsl:function name="ed:in-register" as="xs:boolean" cache="yes">
    <xsl:param name="el" as="element()?"/>
    <xsl:sequence select="ed:is-entry($el) and not($el/ancestor::tei:text
                          and (ed:is-local($el) or $el/self::tei:bibl or $el/self::tei:biblStruct))"/>
  </xsl:function>

  <xsl:function name="ed:entry" as="element()?" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="ed:target($context, $pointer)[ed:is-entry(.)]"/>
  </xsl:function>

  <xsl:function name="ed:entries" as="element()*" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="ed:targets($context, $pointers)[ed:is-entry(.)]"/>
  </xsl:function>

  <xsl:function name="ed:entry-key" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="ed:_uri-key(string(base-uri(root($entry)))) || '#' || $entry/@xml:id"/>
  </xsl:function>

  <!-- ===== kinds ===== -->

  <xsl:variable name="ed:_kind-of-element" as="map(xs:string, xs:string)" select="map{
      'person': 'person', 'personGrp': 'person', 'org': 'org', 'place': 'place', 'event': 'event',
      'bibl': 'communication', 'biblStruct': 'communication', 'object': 'object', 'nym': 'nym',
      'listPerson': 'person', 'listOrg': 'org', 'listPlace': 'place', 'listEvent': 'event',
      'listBibl': 'communication', 'listObject': 'object', 'listNym': 'nym'}"/>

  <xsl:function name="ed:entry-kind" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry[self::tei:*] ! $ed:_kind-of-element(local-name(.)), 'entry')[1]"/>
  </xsl:function>

  <xsl:function name="ed:list-kind" as="xs:string" cache="yes">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="ed:entry-kind($list)"/>
  </xsl:function>

  <xsl:function name="ed:kind-label" as="xs:string" cache="yes">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="ed:label((map{'org': 'organisation', 'place': 'place-kind'}($kind), $kind)[1])"/>
  </xsl:function>

  <xsl:function name="ed:kinds-label" as="xs:string" cache="yes">
    <xsl:param name="kind" as="xs:string"/>
    <xsl:sequence select="ed:label((map{'person': 'persons', 'org': 'organisations', 'place': 'places',
                                        'event': 'events', 'communication': 'bibl', 'object': 'objects',
                                        'nym': 'nyms'}($kind), 'register')[1])"/>
  </xsl:function>

  <!-- ===== names ===== -->

  <xsl:variable name="ed:_name-forms" as="xs:string*"
      select="('persName', 'orgName', 'placeName', 'name', 'title', 'label', 'objectName', 'eventName',
               'form', 'geogName')"/>
  <!-- Place names that are the name only when an entry has no name form proper; otherwise
       they say where the place is (a settlement's country). -->
  <xsl:variable name="ed:_place-forms" as="xs:string*"
      select="('settlement', 'country', 'region', 'district', 'bloc')"/>

  <xsl:function name="ed:entry-forms" as="element()*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="forms" select="$entry/tei:*[local-name() = $ed:_name-forms]"/>
    <xsl:sequence select="if (exists($forms)) then $forms
                          else ($entry/tei:*[local-name() = $ed:_place-forms])[1]"/>
  </xsl:function>

  <xsl:function name="ed:main-form" as="element()?" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="forms" select="ed:entry-forms($entry)"/>
    <xsl:variable name="lang" select="(ed:lang($entry), 'en')[1]"/>
    <xsl:sequence select="($forms[@type = ('main', 'full', 'reg')],
                           $forms[not(@xml:lang) or starts-with(@xml:lang, $lang)][not(@type = ('abbr', 'short'))],
                           $forms)[1]"/>
  </xsl:function>

  <xsl:function name="ed:name-string" as="xs:string" cache="yes">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="if ($name/* and not($name/text()[normalize-space()]))
                          then string-join($name/* ! normalize-space(ed:plain(.))[.], ' ')
                          else normalize-space(ed:plain($name))"/>
  </xsl:function>

  <xsl:function name="ed:entry-name" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:main-form($entry)"/>
    <xsl:sequence select="(if ($main) then ed:name-string($main)
                           else normalize-space(ed:plain(($entry//tei:title, $entry/tei:desc, $entry/tei:p)[1])))
                          => ed:or(string($entry/@xml:id))"/>
  </xsl:function>

  <xsl:function name="ed:other-forms" as="element()*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:entry-name($entry)"/>
    <xsl:for-each-group select="ed:entry-forms($entry) except ed:main-form($entry)" group-by="ed:name-string(.)">
      <xsl:sequence select="current-group()[1][current-grouping-key() != $main]"/>
    </xsl:for-each-group>
  </xsl:function>

  <!-- Where an entry files in an index: the entry's or its main name's @sortKey; else
       "surname forenames" from the main name's surname; else, for a person, the last word
       of a name in Western order (a person with a Hangul, Chinese or Japanese form, or a
       name in a family-name-first language, keeps the order: "Kim Il Sung" files under K;
       a role named with an article, "The Pilot", is no personal name and files under P);
       else the name without a leading article. Lower case, accents folded. -->
  <xsl:function name="ed:entry-sort-key" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="parts" select="ed:surname-parts($entry)"/>
    <xsl:variable name="key" select="(($entry/@sortKey, ed:main-form($entry)/@sortKey)[normalize-space()][1],
                                      string-join($parts, ' ')[exists($parts)],
                                      replace(ed:entry-name($entry), '^(the|a|an)\s+', '', 'i'))[1]"/>
    <xsl:sequence select="lower-case(replace(normalize-unicode(string($key), 'NFD'), '\p{Mn}', ''))"/>
  </xsl:function>

  <!-- The name as an index prints it: "Surname, Forenames" when it files by surname, except
       a name whose family name comes first anyway ("Kim Il Sung", "Peng Dehuai"). -->
  <xsl:function name="ed:index-heading" as="xs:string" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="parts" select="ed:surname-parts($entry)"/>
    <xsl:variable name="main" select="ed:main-form($entry)"/>
    <xsl:variable name="family-first" select="ed:family-first($entry)
                                              or exists($main/tei:surname[1][following-sibling::tei:forename])"/>
    <xsl:sequence select="if (exists($parts[2][normalize-space()]) and not($family-first)) then $parts[1] || ', ' || $parts[2]
                          else ed:entry-name($entry)"/>
  </xsl:function>

  <!-- Languages whose personal names put the family name first. -->
  <xsl:variable name="ed:family-first" as="xs:string*" select="('ko', 'zh', 'ja', 'vi', 'hu', 'mn')"/>

  <!-- (surname, forenames) of a person's main name as an index files it, or empty. -->
  <xsl:function name="ed:surname-parts" as="xs:string*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:main-form($entry)"/>
    <xsl:variable name="words" select="tokenize(ed:entry-name($entry))"/>
    <xsl:choose>
      <xsl:when test="$entry/@sortKey or $main/@sortKey"/>
      <xsl:when test="exists($main/tei:surname)">
        <xsl:sequence select="(normalize-space(ed:plain($main/tei:surname[1])),
                               normalize-space(string-join($main/(tei:forename | tei:addName | tei:nameLink | tei:genName) ! ed:plain(.), ' ')))"/>
      </xsl:when>
      <xsl:when test="ed:entry-kind($entry) != 'person' or count($words) lt 2 or ed:family-first($entry)
                      or matches($words[1], '^(the|a|an)$', 'i')"/>
      <xsl:otherwise>
        <xsl:sequence select="($words[last()], string-join($words[position() lt last()], ' '))"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:family-first" as="xs:boolean" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="some $n in ed:entry-forms($entry) satisfies
                            (lower-case(substring-before((ed:lang($n), '')[1] || '-', '-')) = $ed:family-first
                             or matches(string($n), '[&#xAC00;-&#xD7AF;&#x4E00;-&#x9FFF;&#x3040;-&#x30FF;]'))"/>
  </xsl:function>

  <!-- ===== facts ===== -->

  <xsl:function name="ed:birth" as="xs:string?" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:birth ! (ed:date-text(.), ed:flat(.)))[normalize-space()][1]"/>
  </xsl:function>

  <xsl:function name="ed:death" as="xs:string?" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:death ! (ed:date-text(.), ed:flat(.)))[normalize-space()][1]"/>
  </xsl:function>

  <xsl:function name="ed:life" as="xs:string?" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="ed:birth($entry)"/>
    <xsl:variable name="d" select="ed:death($entry)"/>
    <xsl:sequence select="
        if ($b and $d) then $b || (if (contains($b || $d, ' ')) then ' – ' else '–') || $d
        else if ($b) then ed:label('born') || ' ' || $b
        else if ($d) then ed:label('died') || ' ' || $d
        else if ($entry/self::tei:event or $entry/self::tei:bibl) then (ed:date-text($entry), ed:date-text($entry/tei:date[1]))[1]
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:life-years" as="xs:string?" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="ed:year((ed:iso-date($entry/tei:birth[1]), ed:birth($entry))[1])"/>
    <xsl:variable name="d" select="ed:year((ed:iso-date($entry/tei:death[1]), ed:death($entry))[1])"/>
    <xsl:sequence select="if ($b and $d) then $b || '–' || $d else if ($b) then ed:label('born-abbr') || ' ' || $b
                          else if ($d) then ed:label('died-abbr') || ' ' || $d else ()"/>
  </xsl:function>

  <xsl:function name="ed:entry-details" as="xs:string*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:for-each select="$entry/(tei:state | tei:occupation | tei:affiliation | tei:roleName | tei:faith
                                  | tei:nationality | tei:trait | tei:location | tei:country | tei:region)
                          except ed:entry-forms($entry)">
      <xsl:variable name="when" select="ed:date-text(.)"/>
      <xsl:variable name="text" select="normalize-space(ed:plain(if (tei:label) then tei:label else .))"/>
      <xsl:if test="$text">
        <xsl:sequence select="$text || ($when ! (' (' || . || ')')) || (ed:cert-text(.) ! (' (' || . || ')'))"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="ed:entry-notes" as="element()*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="($entry/tei:note, $entry/tei:desc, $entry/tei:event/tei:p)[normalize-space()]"/>
  </xsl:function>

  <!-- ===== mentions ===== -->

  <!-- Mentions: names with @ref, references (ref, ptr) whose @target is an entry (a
       communication the text cites by number), and speeches (sp/@who). -->
  <xsl:key name="ed:_mentions" _match="(({$ed:match?name})[@ref] | (tei:ref | tei:ptr)[@target] | tei:sp[@who])[ancestor::tei:text]"
      use="ed:mention-entries(.) ! ed:entry-key(.)"/>
  <xsl:key name="ed:_all-mentions" _match="(({$ed:match?name})[@ref] | (tei:ref | tei:ptr)[@target] | tei:sp[@who])[ancestor::tei:text]"
      use="'mention'"/>

  <xsl:function name="ed:mention-entries" as="element()*" cache="yes">
    <xsl:param name="mention" as="element()"/>
    <xsl:sequence select="ed:entries($mention, string-join($mention/(@ref, @who, self::tei:ref/@target,
                                                                     self::tei:ptr/@target), ' '))"/>
  </xsl:function>

  <xsl:function name="ed:mentions" as="element()*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:param name="in" as="node()*"/>
    <xsl:variable name="key" select="ed:entry-key($entry)"/>
    <xsl:sequence select="$in ! key('ed:_mentions', $key, .)"/>
  </xsl:function>

  <xsl:function name="ed:mentioned-entries" as="element()*" cache="yes">
    <xsl:param name="in" as="node()*"/>
    <xsl:sequence select="($in ! key('ed:_all-mentions', 'mention', .) ! ed:mention-entries(.))/."/>
  </xsl:function>

  <xsl:variable name="ed:index-kinds" as="xs:string*" select="('person', 'org', 'place', 'event', 'communication')"/>

  <xsl:function name="ed:index-entries" as="element()*" cache="yes">
    <xsl:param name="in" as="node()*"/>
    <xsl:param name="kind" as="xs:string"/>
    <xsl:perform-sort select="ed:mentioned-entries($in)[ed:entry-kind(.) = $kind]">
      <xsl:sort select="ed:entry-sort-key(.)"/>
    </xsl:perform-sort>
  </xsl:function>

  <xsl:function name="ed:referenced-entries" as="element()*" cache="yes">
    <xsl:param name="in" as="node()*"/>
    <xsl:sequence select="($in//@*[local-name() = $ed:pointer-attributes][not(namespace-uri())]
                           ! ed:entries(.., .))/."/>
  </xsl:function>

  <xsl:function name="ed:pointer-names" as="xs:string*" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="(for $p in tokenize(normalize-space($pointers))
                           return (ed:target($context, $p) ! (if (ed:is-entry(.)) then ed:entry-name(.) else ed:flat(.)),
                                   replace($p, '^#', '')[not(contains(., ':') or contains(., '/') or contains(., '#'))])[1])[.]"/>
  </xsl:function>
</xsl:stylesheet>
