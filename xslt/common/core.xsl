<?xml version="1.0" encoding="UTF-8"?>
<!--
  The TEI layer every format reads (html.xsl, text.xsl, print.xsl, and any other output):
  what the TEI means, decided once. The format folders (html/, text/, print/) only render;
  they ask here which elements are names, which note is editorial, what an entry is called,
  what the header says, and which label to print in which language. Every function returns
  strings, maps or TEI nodes, never a format's markup.

  Imported first by each entry stylesheet (so everything here has the lowest import
  precedence and a format or a user's stylesheet may override it); its modules are included:

    roles.xsl     the element-roles table ($ed:roles, $ed:match; ed:is, ed:roles-of)
    labels.xsl    every label of every format in en, de, fr (ed:label, $ed:labels); the
                  edition site's in edition-labels.xsl
    plain.xsl     reading text as strings, the reading of choice ($reading; ed:plain, ed:flat,
                  ed:chosen, ed:or, ed:lang, ed:xml-source)
    safety.xsl    ed:safe-url, ed:safe-css, ed:token
    dates.xsl     ed:iso-date, ed:date-span, ed:year; in words: ed:date-words, ed:range-words,
                  ed:date-text ("29 March 1953", "25 June 1950 – 27 July 1953", "before …")
    certainty.xsl @cert: ed:cert, ed:mention-cert, ed:cert-text, ed:is-doubtful
    quantities.xsl  measure and num values in words (ed:quantity-text: "300–400 persons")
    pointers.xsl  the one pointer lookup, across register files ($ed:registers; ed:target,
                  ed:targets, ed:pointer, ed:is-local)
    registers.xsl register entries and mentions (ed:entry, ed:entry-name, ed:entry-kind ...)
    notes.xsl     numbered notes and note kinds (ed:note-number, ed:note-kind ...)
    metadata.xsl  the header as one map (ed:metadata, ed:documents, ed:title ...)
    citation.xsl  the fields a citation of the document and of the edition needs, and the
                  Chicago citation (ed:citation, ed:chicago-parts, ed:chicago)
    edition.xsl   a document as one of an edition's (ed:document-type, ed:is-front-matter,
                  ed:block, ed:context, ed:authority-uris ...): what the edition site needs

  This module: the parameter $lang, the accumulator ed:order and ed:node-id.

  Parameters (all formats):
    lang      label language: en (default), de, fr
    reading   'normalised' (default) or 'diplomatic': which reading of choice (plain.xsl)

  Overriding: functions and named templates without a leading underscore (ed:label,
  ed:entry-name ...) and the modes ed:plain are the public surface; a stylesheet that imports
  a format may redefine any of them by import precedence. Names beginning "ed:_" are internal
  and may change without notice.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:include href="roles.xsl"/>
  <xsl:include href="labels.xsl"/>
  <xsl:include href="edition-labels.xsl"/>
  <xsl:include href="plain.xsl"/>
  <xsl:include href="safety.xsl"/>
  <xsl:include href="dates.xsl"/>
  <xsl:include href="pointers.xsl"/>
  <xsl:include href="registers.xsl"/>
  <xsl:include href="certainty.xsl"/>
  <xsl:include href="quantities.xsl"/>
  <xsl:include href="notes.xsl"/>
  <xsl:include href="metadata.xsl"/>
  <xsl:include href="citation.xsl"/>
  <xsl:include href="edition.xsl"/>

  <!-- Language of the labels the stylesheets add ("Notes", "Persons" ...). -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>

  <!-- Each element's position in document order, counted once per document. Outputs use it
       for anchors instead of generate-id(), whose values depend on how many documents the
       processor has seen: ids must be the same whatever the number of worker processes. -->
  <xsl:accumulator name="ed:order" as="xs:integer" initial-value="0">
    <xsl:accumulator-rule match="*" select="$value + 1"/>
  </xsl:accumulator>

  <!-- A stable, document-unique token for an element, e.g. "e42". -->
  <xsl:function name="ed:node-id" as="xs:string">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="'e' || $e/accumulator-before('ed:order')"/>
  </xsl:function>
</xsl:stylesheet>
