<?xml version="1.0" encoding="UTF-8"?>
<!--
  Shared by every edition format: keys, functions and the parameters all formats take.
  Imported (never included) so that a format or a user's stylesheet can override anything.

  Functions (namespace urn:tei-edition:functions, prefix ed):
    ed:target($context, $pointer)  the element a local pointer "#id" points to
    ed:targets($context, $pointers) every element a whitespace list of pointers points to
    ed:title($doc)                 the document's title
    ed:or($value, $fallback)       $value unless empty or blank
    ed:label($key)                 a label in the language of the $lang parameter (labels.xsl)
    ed:safe-url($url)              the URL if its scheme is http, https or mailto or it is
                                   relative or a #fragment; otherwise the empty sequence
    ed:safe-css($css)              only whitelisted CSS declarations with harmless values
    ed:token($string)              a string made safe as a CSS class name or id part
    ed:plain($nodes)               the reading text of nodes (normalised readings, no notes)
    ed:lang($node)                 the xml:lang in force at a node
    ed:iso-date($el)               the ISO 8601 value of a dating element (@when, @from ...)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:include href="labels.xsl"/>

  <!-- Language of the labels the stylesheets add ("Notes", "Persons" ...). -->
  <xsl:param name="lang" as="xs:string" select="'en'"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>

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

  <!-- The element a local pointer such as "#kim" points to, or the empty sequence. -->
  <xsl:function name="ed:target" as="element()?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:variable name="id" select="substring-after(normalize-space($pointer), '#')"/>
    <xsl:sequence select="if ($id and starts-with(normalize-space($pointer), '#'))
                          then key('id', $id, root($context))[1] else ()"/>
  </xsl:function>

  <!-- Every element that a whitespace-separated list of local pointers points to. -->
  <xsl:function name="ed:targets" as="element()*">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="tokenize(normalize-space($pointers), ' ') ! ed:target($context, .)"/>
  </xsl:function>

  <!-- The document's title, for page titles and running heads. -->
  <xsl:function name="ed:title" as="xs:string">
    <xsl:param name="doc" as="node()"/>
    <xsl:variable name="titles" select="(root($doc)/*/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title,
                                         root($doc)//tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title)"/>
    <xsl:sequence select="normalize-space(ed:plain(($titles[@type='main'], $titles)[1])) => ed:or('Untitled document')"/>
  </xsl:function>

  <xsl:function name="ed:or" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:param name="fallback" as="xs:string"/>
    <xsl:sequence select="if (normalize-space($value)) then $value else $fallback"/>
  </xsl:function>

  <!-- ===== Safety ===================================================================== -->

  <!-- A URL that may become an href or src: http(s), mailto, relative or #fragment only.
       Whitespace and control characters are removed first (browsers ignore them inside a
       scheme, so "java&#9;script:" must not slip through). -->
  <xsl:function name="ed:safe-url" as="xs:string?">
    <xsl:param name="url" as="xs:string?"/>
    <xsl:variable name="clean" select="replace(string($url), '[\s\p{Cc}\p{Cf}]', '')"/>
    <xsl:variable name="scheme" select="lower-case(replace($clean, '^([A-Za-z][A-Za-z0-9+.\-]*):.*$', '$1', 's'))"/>
    <xsl:sequence select="
        if ($clean = '') then ()
        else if (matches($clean, '^[A-Za-z][A-Za-z0-9+.\-]*:'))
             then (if ($scheme = ('http', 'https', 'mailto')) then $clean else ())
        else if (contains($clean, '\') or matches($clean, '^[^/?#]*:')) then ()
        else $clean"/>
  </xsl:function>

  <!-- CSS properties a document may set (in @style or tagsDecl/rendition). -->
  <xsl:variable name="ed:css-properties" as="xs:string*" select="
      ('font-style', 'font-weight', 'font-variant', 'text-decoration', 'vertical-align',
       'font-size', 'color', 'text-align', 'letter-spacing', 'text-transform',
       'margin-left', 'padding-left', 'display')"/>

  <!-- Only whitelisted properties whose values are words, numbers, lengths, #colours:
       no url(, expression(, @import, quotes, backslashes, angle brackets or colons. -->
  <xsl:function name="ed:safe-css" as="xs:string?">
    <xsl:param name="css" as="xs:string?"/>
    <xsl:variable name="kept" as="xs:string*">
      <xsl:for-each select="tokenize(string($css), ';')">
        <xsl:variable name="property" select="lower-case(normalize-space(substring-before(., ':')))"/>
        <xsl:variable name="value" select="normalize-space(substring-after(., ':'))"/>
        <xsl:if test="$property = $ed:css-properties and matches($value, '^[#a-zA-Z0-9.,%\s\-]+$')
                      and not(matches($value, 'expression|javascript|behavior|url', 'i'))
                      and not($property = 'display' and not($value = ('inline', 'block', 'inline-block', 'none')))">
          <xsl:sequence select="$property || ': ' || $value"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($kept)) then string-join($kept, '; ') else ()"/>
  </xsl:function>

  <!-- A string usable inside a class name or an id. -->
  <xsl:function name="ed:token" as="xs:string">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="replace(normalize-space($value), '[^A-Za-z0-9_\-]', '_')"/>
  </xsl:function>

  <!-- ===== Text ======================================================================= -->

  <xsl:function name="ed:lang" as="xs:string?">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="$node/ancestor-or-self::*[@xml:lang][1]/@xml:lang/string()"/>
  </xsl:function>

  <!-- The reading text of nodes: normalised readings of choice, no notes, whitespace kept. -->
  <xsl:function name="ed:plain" as="xs:string">
    <xsl:param name="nodes" as="node()*"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:apply-templates select="$nodes" mode="ed:plain"/>
    </xsl:variable>
    <xsl:sequence select="string-join($parts)"/>
  </xsl:function>

  <xsl:mode name="ed:plain" on-no-match="text-only-copy" warning-on-no-match="false"/>
  <xsl:template match="tei:note | tei:fw | tei:app/tei:rdg | tei:sic[parent::tei:choice] | tei:abbr[parent::tei:choice]
                       | tei:orig[parent::tei:choice] | tei:del[parent::tei:subst] | tei:surplus" mode="ed:plain"/>
  <xsl:template match="tei:lb | tei:pb | tei:cb" mode="ed:plain">
    <xsl:if test="not(@break = 'no')"><xsl:text> </xsl:text></xsl:if>
  </xsl:template>
  <xsl:template match="tei:gap" mode="ed:plain">[…]</xsl:template>
  <xsl:template match="tei:p | tei:l | tei:item | tei:head | tei:ab | tei:label" mode="ed:plain">
    <xsl:apply-templates mode="ed:plain"/>
    <xsl:text> </xsl:text>
  </xsl:template>

  <!-- ===== Dates ====================================================================== -->

  <!-- The ISO value of a dating element: @when, else @from/@notBefore and @to/@notAfter. -->
  <xsl:function name="ed:iso-date" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="start" select="($el/@when, $el/@from, $el/@notBefore, $el/@when-iso, $el/@from-iso, $el/@notBefore-iso)[normalize-space()][1]"/>
    <xsl:variable name="end" select="($el/@to, $el/@notAfter, $el/@to-iso, $el/@notAfter-iso)[normalize-space()][1]"/>
    <xsl:sequence select="
        if ($el/@when) then normalize-space($el/@when)
        else if ($start and $end) then normalize-space($start) || '/' || normalize-space($end)
        else if ($start) then normalize-space($start) || '/'
        else if ($end) then '/' || normalize-space($end)
        else ()"/>
  </xsl:function>

  <!-- A value HTML's <time datetime> accepts (year, month or date), else empty. -->
  <xsl:function name="ed:html-datetime" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="if (matches(string($iso), '^\d{4}(-\d{2}(-\d{2})?)?$')) then $iso else ()"/>
  </xsl:function>
</xsl:stylesheet>
