<?xml version="1.0" encoding="UTF-8"?>
<!--
  HTML helpers used by every module: the attributes an HTML element gets from its TEI
  element (class, lang, id, sanitised style), the page ids of notes and register entries,
  where a pointer leads on the page, and the "mention" pattern (link + accessible popup).
  What a pointer points to, what a note or an entry is: common/ (pointers.xsl, notes.xsl,
  registers.xsl).

  Tunnel parameters every template may read:
    ed:render  'full' (ids, links, popups: the one place a node is shown for reading),
               'link' (links but no ids or popups: register notes), 'flat' (no links)
    ed:level   heading level for a head in the current container (3 in the text section)
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- ===== Registers and pointers ======================================================= -->

  <!-- The HTML id of a register entry's item: "reg-" + its xml:id; an entry of a register
       file whose id is also used in the document gets its file's name in front. -->
  <xsl:function name="ed:reg-id" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="clash" select="not(ed:is-local($el)) and exists(ed:target($ed:_source, '#' || $el/@xml:id)[ed:is-local(.)])"/>
    <xsl:sequence select="'reg-' || (if ($clash) then ed:token(replace(base-uri(root($el)), '^.*/|\.xml$', '')) || '--' else '')
                          || ed:token($el/@xml:id)"/>
  </xsl:function>

  <!-- What identifies a note on the page: its position among the page's numbered notes
       (its number, unless a teiCorpus numbers each document's notes from 1).
       Ids: note-N (the note in the notes section), noteref-N (its call). -->
  <xsl:function name="ed:note-id" as="xs:string?">
    <xsl:param name="note" as="element()"/>
    <xsl:sequence select="ed:note-position($note) ! string(.)"/>
  </xsl:function>

  <!-- Where a pointer leads on the page (or outside, if safe): '#reg-x', '#note-3', '#x-id',
       an http(s)/mailto/relative URL, or nothing. -->
  <xsl:function name="ed:href" as="xs:string?">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:variable name="first" select="tokenize(normalize-space($pointers), ' ')[1]"/>
    <xsl:variable name="target" select="ed:target($context, $first)"/>
    <xsl:sequence select="
        if (empty($first)) then ()
        else if (exists($target)) then
          (if (ed:in-register($target)) then '#' || ed:reg-id($target)
           else if ($target/self::tei:note and exists(ed:note-number($target))) then '#note-' || ed:note-id($target)
           else if (ed:is-local($target)) then '#x-' || ed:token($target/@xml:id)
           else ed:page-href($first))
        else if (starts-with($first, '#')) then ()
        else ed:page-href($first)"/>
  </xsl:function>

  <!-- A pointer to another TEI file of the edition ("front/sources.xml#src-113649") leads to
       that file's page, as build and site write it ("front/sources.html#x-src-113649");
       anything else through ed:safe-url. -->
  <xsl:function name="ed:page-href" as="xs:string?">
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:variable name="file" select="substring-before($pointer || '#', '#')"/>
    <xsl:variable name="fragment" select="substring-after($pointer, '#')"/>
    <xsl:sequence select="if (matches($file, '^[^:?#]+\.xml$', 'i') and not(starts-with($file, '/')))
                          then ed:safe-url(replace($file, '\.xml$', '.html', 'i') || ($fragment[.] ! ('#x-' || ed:token(.))))
                          else ed:safe-url($pointer)"/>
  </xsl:function>

  <!-- The href an element's own template turns into a link, or nothing: used to avoid
       nesting links (a mention inside a mention splits the outer link around it). -->
  <xsl:function name="ed:link-of" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="
        if (not($el/self::tei:*)) then ()
        else if ($el/self::tei:note) then (ed:note-id($el) ! ('#note-' || .))
        else if (ed:is($el, 'date')) then ed:date-href($el)
        else if (ed:is($el, 'name') or ed:is($el, 'pointer')) then ed:href($el, ed:pointer($el))
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:date-href" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="iso" select="ed:iso-date($el)"/>
    <xsl:sequence select="if (matches(string($iso), '^-?\d{4}')) then '#reg-date-' || ed:token($iso) else ()"/>
  </xsl:function>

  <!-- A value HTML's <time datetime> accepts (year, month or date), else empty. -->
  <xsl:function name="ed:html-datetime" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:sequence select="if (matches(string($iso), '^\d{4}(-\d{2}(-\d{2})?)?$')) then $iso else ()"/>
  </xsl:function>

  <xsl:function name="ed:contains-link" as="xs:boolean">
    <xsl:param name="node" as="node()"/>
    <xsl:sequence select="some $e in $node/descendant-or-self::tei:* satisfies exists(ed:link-of($e))"/>
  </xsl:function>

  <!-- ===== Attributes of an HTML element from its TEI element =========================== -->

  <!-- class (tei-NAME, type-X, rend-X, rendition-X and $class), lang, id (full rendering
       only, "x-" + xml:id) and a sanitised style. Call before any content. Nothing else from
       the TEI element is ever copied. -->
  <xsl:template name="ed:attrs">
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="id" as="xs:boolean" select="true()"/>
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="rendition" select="tokenize(normalize-space(@rendition), ' ')
                                           ! ed:target(current(), .)[self::tei:rendition]"/>
    <xsl:attribute name="class" select="string-join(distinct-values((
        'tei-' || local-name(),
        @type ! ('type-' || ed:token(.)),
        tokenize(normalize-space(@rend), ' ')[. != ''] ! ('rend-' || ed:token(.)),
        $rendition ! ('rendition-' || ed:token(@xml:id)),
        $class)), ' ')"/>
    <xsl:if test="@xml:lang">
      <xsl:attribute name="lang" select="@xml:lang"/>
    </xsl:if>
    <xsl:if test="$id and $ed:render = 'full' and @xml:id">
      <xsl:attribute name="id" select="'x-' || ed:token(@xml:id)"/>
    </xsl:if>
    <xsl:variable name="style" select="ed:safe-css(@style)"/>
    <xsl:if test="exists($style)">
      <xsl:attribute name="style" select="$style"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== Mentions: a link with a popup ================================================ -->

  <!-- Renders the context element as a mention: a wrapper (span, or time for dates) with an
       id the registers link back to, its content as link(s) to $href (split around nested
       links, which HTML forbids), and a role="tooltip" popup described by $tip. -->
  <xsl:template name="ed:mention">
    <xsl:param name="href" as="xs:string?"/>
    <xsl:param name="tip" as="node()*" select="()"/>
    <xsl:param name="element" as="xs:string" select="'span'"/>
    <xsl:param name="datetime" as="xs:string?" select="()"/>
    <xsl:param name="title" as="xs:string?" select="()"/>
    <xsl:param name="class" as="xs:string*" select="()"/>
    <xsl:param name="fallback-text" as="xs:string?" select="()"/>
    <xsl:param name="data-iso" as="xs:string?" select="()"/>
    <xsl:param name="ed:render" as="xs:string" tunnel="yes" select="'full'"/>
    <xsl:variable name="gid" select="ed:node-id(.)"/>
    <xsl:variable name="internal" select="starts-with(string($href), '#')"/>
    <xsl:variable name="popup" select="$ed:render = 'full' and exists($tip)"/>
    <xsl:element name="{$element}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:call-template name="ed:attrs">
        <xsl:with-param name="class" select="($class, 'ed-mention'[exists($href)], 'ed-pop'[$popup])"/>
        <xsl:with-param name="id" select="false()"/>
      </xsl:call-template>
      <xsl:if test="$ed:render = 'full' and exists($href)">
        <xsl:attribute name="id" select="'m-' || $gid"/>
        <xsl:if test="$internal">
          <xsl:attribute name="data-reg" select="substring($href, 2)"/>
        </xsl:if>
      </xsl:if>
      <xsl:if test="exists($datetime)">
        <xsl:attribute name="datetime" select="$datetime"/>
      </xsl:if>
      <xsl:if test="exists($data-iso) and $ed:render = 'full'">
        <xsl:attribute name="data-iso" select="$data-iso"/>
      </xsl:if>
      <xsl:if test="exists($title)">
        <xsl:attribute name="title" select="$title"/>
      </xsl:if>
      <xsl:choose>
        <xsl:when test="empty($href) or $ed:render = 'flat'">
          <xsl:apply-templates/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:variable name="content" select="if (node()) then node() else ()"/>
          <xsl:for-each-group select="$content" group-adjacent="ed:contains-link(.)">
            <xsl:choose>
              <xsl:when test="current-grouping-key()">
                <xsl:apply-templates select="current-group()"/>
              </xsl:when>
              <xsl:when test="not(current-group()[self::*]) and not(normalize-space(string-join(current-group())))">
                <xsl:apply-templates select="current-group()"/>
              </xsl:when>
              <xsl:otherwise>
                <a href="{$href}" class="ed-link">
                  <xsl:if test="not($internal)">
                    <xsl:attribute name="rel" select="'noopener noreferrer'"/>
                  </xsl:if>
                  <xsl:if test="$popup">
                    <xsl:attribute name="aria-describedby" select="'tt-' || $gid"/>
                  </xsl:if>
                  <xsl:apply-templates select="current-group()"/>
                </a>
              </xsl:otherwise>
            </xsl:choose>
          </xsl:for-each-group>
          <xsl:if test="empty($content)">
            <a href="{$href}" class="ed-link">
              <xsl:if test="$popup">
                <xsl:attribute name="aria-describedby" select="'tt-' || $gid"/>
              </xsl:if>
              <xsl:value-of select="ed:or($fallback-text, if ($internal) then '→' else $href)"/>
            </a>
          </xsl:if>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:if test="$popup">
        <span class="ed-tip" role="tooltip" id="tt-{$gid}">
          <xsl:sequence select="$tip"/>
        </span>
      </xsl:if>
    </xsl:element>
  </xsl:template>
</xsl:stylesheet>
