<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where words begin and end: the spacing of the reading text, decided once for every format.
  The source's whitespace is formatting, except where the TEI says what it means:

  Joins. A milestone with break="no" (lb, pb, cb ...; also the older lb type="hyphenInWord")
  is inside a word: the whitespace around it is not a word boundary ("kan-&#10;  <lb break='no'/>ske"
  reads "kan-ske"), nor is the whitespace around forme work between it and the rest of the
  word (a page's number in <fw>). A soft hyphen (U+00AD) right before it is the source's
  line-end hyphenation and is dropped ("kan&#xAD;<lb break='no'/>ske" reads "kanske"); a hard
  hyphen is kept ("Nord-Amerika").

  Tokens. Where the text is tokenised in w and pc elements (ELTeC level 2, linguistic
  corpora), the space between two tokens is the tokens' business, not the source's layout:
    - one space between two words, whether or not the source has whitespace between them;
    - none where @join says so (left, right, both, overlap on either side), before a pc
      with @pre="false", after a pc with @pre="true";
    - none before closing punctuation (. , ; : ! ? … ) ] } ” ’ %) and after opening
      punctuation (( [ { “ ‘ „ ‚ ¿ ¡; “ and ‘ close in German and other languages that open
      with „ ‚); straight quotes " ' open and close by turns within their block;
    - none before an English clitic written as a word of its own ('s, n't, 'll, 're, 've,
      'd, 'm) and after an elided French, Italian or Catalan word (l', qu', dell');
    - other punctuation (dashes, slashes, » «, hyphens) keeps the source's whitespace.
  A token is a w or pc, or an inline element (hi, name, s, seg ...) that begins or ends
  with one.

  Name parts. Two parts of a name with nothing between them (<forename>Tove</forename>
  <surname>…</surname> written without a space) are two words.

  Indentation before punctuation. Whitespace that only ends an inline element, right before
  punctuation that follows the element ("<role>&#10;  <persName>X</persName>&#10;</role>.")
  or before the comma a format writes between a role and its description (drama.xsl), is
  the layout of the file, not a space: "X.".

    ed:text($t)         the reading text of a text node: $t as it reads between its
                        neighbours (whitespace at joins and between tokens removed)
    ed:gap-before($el)  the space to write before an element that begins with a token and
                        follows one: ' ' or ''; () when $el does not stand between tokens
                        (then nothing is written, and the source's whitespace stands)
    ed:joins($el)       true for a milestone that is inside a word (break="no")

  Every format's text() template writes ed:text(.), and each writes ed:gap-before(.) before
  an element (one template of high priority and import precedence, then xsl:next-match).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <xsl:key name="ed:_joins" _match="({$ed:match?milestone})[@break = 'no'] | tei:lb[@type = 'hyphenInWord']" use="'join'"/>
  <xsl:key name="ed:_tokens" match="tei:w | tei:pc" use="'token'"/>

  <xsl:function name="ed:joins" as="xs:boolean">
    <xsl:param name="el" as="node()?"/>
    <xsl:sequence select="exists($el[ed:is(., 'milestone')][@break = 'no' or self::tei:lb[@type = 'hyphenInWord']])"/>
  </xsl:function>

  <xsl:function name="ed:text" as="xs:string">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="s" select="string($t)"/>
    <xsl:variable name="root" select="root($t)[. instance of document-node()]"/>
    <xsl:choose>
      <xsl:when test="empty($root) or not(ed:_space-first($s) or ed:_space-last($s))">
        <xsl:sequence select="$s"/>
      </xsl:when>
      <xsl:when test="not(normalize-space($s)) and exists(key('ed:_tokens', 'token', $root))
                      and exists(ed:gap-before(ed:_next-significant($t)))">
        <xsl:sequence select="''"/>
      </xsl:when>
      <xsl:when test="not(normalize-space($s)) and ed:_ends-before-punctuation($t)">
        <xsl:sequence select="''"/>
      </xsl:when>
      <xsl:when test="empty(key('ed:_joins', 'join', $root))">
        <xsl:sequence select="$s"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="start" select="if (ed:_space-first($s) and ed:joins(ed:_reading-neighbour($t, false())))
                                           then replace($s, '^\s+', '') else $s"/>
        <xsl:sequence select="if (ed:_space-last($start) and ed:joins(ed:_reading-neighbour($t, true())))
                              then replace($start, '(&#xAD;\s*|\s+)$', '') else $start"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Whether a string begins with whitespace; ends with whitespace or a soft hyphen. Every
       text node of every format passes here, often several times: a test of its first and
       last character, not a regular expression, which would scan the whole paragraph to find
       its end ('[\s&#xAD;]$' made half the time of an HTML page). -->
  <xsl:function name="ed:_space-first" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="$s != '' and normalize-space(substring($s, 1, 1)) = ''"/>
  </xsl:function>

  <xsl:function name="ed:_space-last" as="xs:boolean">
    <xsl:param name="s" as="xs:string"/>
    <xsl:variable name="last" select="substring($s, string-length($s))"/>
    <xsl:sequence select="$s != '' and ($last = '&#xAD;' or normalize-space($last) = '')"/>
  </xsl:function>

  <!-- The nearest text with content, or milestone, before ($after = false) or after a text
       node, skipping forme work: what a join is looked for in. -->
  <xsl:function name="ed:_reading-neighbour" as="node()?">
    <xsl:param name="t" as="text()"/>
    <xsl:param name="after" as="xs:boolean"/>
    <!-- One step with its predicates: on the reverse axis [1] is the nearest, found lazily. -->
    <xsl:sequence select="if ($after)
                          then $t/following::node()[self::text()[normalize-space()] or ed:is(., 'milestone')][not(ancestor::tei:fw)][1]
                          else $t/preceding::node()[self::text()[normalize-space()] or ed:is(., 'milestone')][not(ancestor::tei:fw)][1]"/>
  </xsl:function>

  <!-- A whitespace-only text node that ends an inline element (and its inline ancestors)
       whose next text begins with closing punctuation. -->
  <xsl:function name="ed:_ends-before-punctuation" as="xs:boolean">
    <xsl:param name="t" as="text()"/>
    <xsl:variable name="inline" select="$t/parent::tei:*[not(ed:is(., 'block') or ed:is(., 'division') or ed:is(., 'note'))]"/>
    <xsl:variable name="next" select="$inline/following-sibling::node()[1]"/>
    <xsl:sequence select="exists($inline) and empty($t/following-sibling::node())
                          and (matches(string($next[self::text()]), '^[.,;:!?)\]]')
                               or ($next[self::*] ! ed:cast-separator(.)) = ', ')"/>
  </xsl:function>

  <xsl:function name="ed:_next-significant" as="node()?">
    <xsl:param name="n" as="node()"/>
    <xsl:sequence select="$n/following-sibling::node()[not(self::comment() or self::processing-instruction()
                                                          or self::text()[not(normalize-space())])][1]"/>
  </xsl:function>

  <xsl:function name="ed:gap-before" as="xs:string?">
    <xsl:param name="el" as="node()?"/>
    <xsl:variable name="root" select="$el ! root(.)[. instance of document-node()]"/>
    <xsl:variable name="tokens" select="exists($root) and exists(key('ed:_tokens', 'token', $root))"/>
    <xsl:variable name="part" select="ed:is($el, 'name-part') or exists($el/self::tei:roleName)"/>
    <xsl:if test="$el instance of element() and ($tokens or $part)">
      <xsl:variable name="prev" select="$el/preceding-sibling::node()[not(self::comment() or self::processing-instruction()
                                                                         or self::text()[not(normalize-space())])][1]"/>
      <xsl:variable name="spaced" select="exists($el/preceding-sibling::node()[. >> $prev][self::text()])"/>
      <xsl:choose>
        <xsl:when test="$part and ($prev/self::tei:roleName or ed:is($prev, 'name-part'))">
          <xsl:sequence select="if ($spaced) then () else ' '"/>
        </xsl:when>
        <xsl:when test="$tokens">
          <xsl:variable name="a" select="$prev[. instance of element()] ! ed:_edge-token(., true())"/>
          <xsl:variable name="b" select="if (exists($a)) then ed:_edge-token($el, false()) else ()"/>
          <xsl:if test="exists($b)">
            <xsl:variable name="after-a" select="ed:_attaches($a, false())"/>
            <xsl:variable name="before-b" select="ed:_attaches($b, true())"/>
            <xsl:sequence select="if ($after-a = 'join' or $before-b = 'join') then ''
                                  else if ($after-a = 'source' or $before-b = 'source') then (if ($spaced) then ' ' else '')
                                  else ' '"/>
          </xsl:if>
        </xsl:when>
      </xsl:choose>
    </xsl:if>
  </xsl:function>

  <!-- The token an element begins ($last = false) or ends with: itself if it is a w or pc,
       else the first (last) node of an inline element if that is an element beginning
       (ending) with a token. -->
  <xsl:function name="ed:_edge-token" as="element()?">
    <xsl:param name="el" as="element()"/>
    <xsl:param name="last" as="xs:boolean"/>
    <xsl:choose>
      <xsl:when test="$el/self::tei:w or $el/self::tei:pc">
        <xsl:sequence select="$el"/>
      </xsl:when>
      <xsl:when test="$el/self::tei:* and not(ed:is($el, 'block') or ed:is($el, 'note') or ed:is($el, 'milestone')
                                               or ed:is($el, 'division'))">
        <xsl:variable name="inner" select="$el/node()[not(self::comment() or self::processing-instruction()
                                                          or self::text()[not(normalize-space())])]"/>
        <xsl:variable name="edge" select="if ($last) then $inner[last()] else $inner[1]"/>
        <xsl:sequence select="$edge[. instance of element()] ! ed:_edge-token(., $last)"/>
      </xsl:when>
    </xsl:choose>
  </xsl:function>

  <!-- How a token meets its neighbour on one side ($before: the side before it):
       'join' (no space), 'space' (one space) or 'source' (the source's whitespace). -->
  <xsl:function name="ed:_attaches" as="xs:string">
    <xsl:param name="tok" as="element()"/>
    <xsl:param name="before" as="xs:boolean"/>
    <xsl:variable name="join" select="string($tok/@join)"/>
    <xsl:variable name="s" select="normalize-space($tok)"/>
    <xsl:variable name="lang" select="lower-case(substring(string(ed:lang($tok)), 1, 2))"/>
    <xsl:variable name="low-open" select="$lang = ('de', 'cs', 'sk', 'sl', 'lt', 'et', 'is', 'bg', 'hr', 'sr', 'da')"/>
    <xsl:variable name="closing" select="'^[.,;:!?…)\]}%' || (if ($low-open) then '“‘' else '”’') || ']+$'"/>
    <xsl:variable name="opening" select="'^[(\[{¿¡„‚' || (if ($low-open) then '' else '“‘') || ']+$'"/>
    <xsl:sequence select="
        if ($join = ('both', 'overlap') or $join = (if ($before) then 'left' else 'right')) then 'join'
        else if ($tok/self::tei:pc and $tok/@pre = ('true', '1')) then (if ($before) then 'space' else 'join')
        else if ($tok/self::tei:pc and $tok/@pre = ('false', '0')) then (if ($before) then 'join' else 'space')
        else if ($tok/self::tei:w) then
             (if ($before and matches($s, '^([''’](s|d|m|ll|re|ve)|n[''’]t)$', 'i')) then 'join'
              else if (not($before) and $lang = ('fr', 'it', 'ca', 'oc') and matches($s, '^\p{L}{1,8}[''’]$')) then 'join'
              else 'space')
        else if (matches($s, $closing)) then (if ($before) then 'join' else 'space')
        else if (matches($s, $opening)) then (if ($before) then 'space' else 'join')
        else if ($s = ('&quot;', '''')) then
             (if (ed:_opens($tok)) then (if ($before) then 'space' else 'join') else (if ($before) then 'join' else 'space'))
        else 'source'"/>
  </xsl:function>

  <!-- A straight quote opens when an even number of the same quotes precede it in its block. -->
  <xsl:function name="ed:_opens" as="xs:boolean">
    <xsl:param name="pc" as="element()"/>
    <xsl:variable name="block" select="$pc/ancestor::*[ed:is(., 'block')][1]"/>
    <xsl:variable name="c" select="normalize-space($pc)"/>
    <xsl:sequence select="count($pc/preceding::tei:pc[normalize-space() = $c][empty($block) or . >> $block]) mod 2 = 0"/>
  </xsl:function>
</xsl:stylesheet>
