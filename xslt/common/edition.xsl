<?xml version="1.0" encoding="UTF-8"?>
<!--
  A document as one of many in an edition: what the edition site's index, chronology and
  register pages need to know of it, decided here once (the site's stylesheets, xslt/site/,
  only render). Strings and TEI nodes, never a format's markup.

    $ed:front-matter-types    the body div types of front matter (introduction, principles ...)
    ed:is-front-matter($doc)  a document the project wrote about the edition: its body's
                              first div has one of those types, and it is no letter
    ed:document-type($doc)    'correspondence' (a correspDesc), a front-matter type, the text's
                              or first div's @type, 'drama' (speeches), else 'text'
    ed:authority-uris($entry) the http(s) URIs that identify an entry elsewhere (@sameAs,
                              @ref, idno): VIAF, GND, GeoNames, Wikidata ...
    ed:block($node)           the paragraph-like element a mention is read in (p, ab, l, item,
                              head, note, cell, label ...): where a link to the mention lands
    ed:context($mention, $n)  the text before and after a mention in its block, at most $n
                              characters each way, as two strings (notes inside left out;
                              a space at the mention's side where the text has one)
    ed:chronology-labels($doc)  the dated labels of the document's chronology lists
                              (list type="chronology": label with a date, then its item)
    ed:text-mentions($doc)    every mention of a register entry in the document's reading text
                              (see ed:mentions in registers.xsl), in document order
    ed:local-entries($doc)    entries of the document's own lists outside its text (a play's
                              particDesc, a standOff): registers that belong to one document
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:front-matter-types" as="xs:string*"
      select="('introduction', 'principles', 'sources', 'abbreviations', 'chronology', 'preface',
               'foreword', 'acknowledgements', 'acknowledgments', 'bibliography', 'guidelines', 'about')"/>

  <xsl:function name="ed:is-front-matter" as="xs:boolean">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="ed:documents($doc)[1]"/>
    <xsl:sequence select="empty($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc)
                          and ($tei/tei:text/tei:body/tei:div)[1]/@type = $ed:front-matter-types"/>
  </xsl:function>

  <xsl:function name="ed:document-type" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="tei" select="ed:documents($doc)[1]"/>
    <xsl:variable name="div-type" select="string(($tei/tei:text/tei:body/tei:div)[1]/@type)"/>
    <xsl:sequence select="
        if (exists($tei/tei:teiHeader/tei:profileDesc/tei:correspDesc)) then 'correspondence'
        else if ($div-type = $ed:front-matter-types) then $div-type
        else if ($tei/tei:text/@type) then string($tei/tei:text/@type)
        else if (exists($tei/tei:text//tei:sp)) then 'drama'
        else if ($div-type) then $div-type
        else 'text'"/>
  </xsl:function>

  <xsl:function name="ed:authority-uris" as="xs:string*">
    <xsl:param name="entry" as="element()?"/>
    <xsl:sequence select="distinct-values(($entry/@sameAs, $entry/@ref, $entry/tei:idno)
                          ! tokenize(normalize-space(.)) [matches(., '^https?://')])"/>
  </xsl:function>

  <xsl:variable name="ed:_block-names" as="xs:string*"
      select="('p', 'ab', 'l', 'item', 'head', 'note', 'cell', 'label', 'stage', 'speaker', 'dateline',
               'salute', 'signed', 'byline', 'docTitle', 'trailer', 'castItem', 'opener', 'closer',
               'postscript', 'argument', 'epigraph')"/>

  <xsl:function name="ed:block" as="element()?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::tei:*[local-name() = $ed:_block-names][1]"/>
  </xsl:function>

  <xsl:function name="ed:context" as="xs:string*">
    <xsl:param name="mention" as="element()"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:variable name="block" select="ed:block($mention)"/>
    <xsl:variable name="depth" select="count($mention/ancestor-or-self::tei:note)"/>
    <xsl:variable name="texts" select="$block//text()[count(ancestor::tei:note) = $depth]"/>
    <xsl:variable name="raw-before" select="string-join($texts[. &lt;&lt; $mention], '')"/>
    <xsl:variable name="raw-after" select="string-join($texts[. &gt;&gt; $mention][not(ancestor::* intersect $mention)], '')"/>
    <xsl:variable name="before" select="normalize-space($raw-before) || (if (matches($raw-before, '\S\s+$')) then ' ' else '')"/>
    <xsl:variable name="after" select="(if (matches($raw-after, '^\s+\S')) then ' ' else '') || normalize-space($raw-after)"/>
    <xsl:sequence select="(if (string-length($before) gt $n)
                           then '…' || replace(substring($before, string-length($before) - $n + 1), '^\S*\s', '')
                           else $before,
                           if (string-length($after) gt $n)
                           then replace(substring($after, 1, $n), '\s\S*$', '') || '…'
                           else $after)"/>
  </xsl:function>

  <xsl:function name="ed:chronology-labels" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)//tei:text//tei:list[@type = 'chronology']/tei:label[.//tei:date[ed:iso-date(.)] or ed:iso-date(.)]"/>
  </xsl:function>

  <xsl:function name="ed:text-mentions" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="key('ed:_all-mentions', 'mention', root($doc))"/>
  </xsl:function>

  <xsl:function name="ed:local-entries" as="element()*">
    <xsl:param name="doc" as="node()"/>
    <xsl:sequence select="root($doc)//tei:*[ed:is-entry(.)][not(ancestor::tei:text)]"/>
  </xsl:function>
</xsl:stylesheet>
