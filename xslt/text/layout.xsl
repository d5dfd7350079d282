<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain-text layout. The TEI templates (text/blocks.xsl) build a tree of blocks,
  <t:b kind="..." group="..." indent="n" prefix="..." align="right" underline="=">
  holding text and nested blocks. This module flattens it into leaf blocks (a block's
  text runs around a nested block become blocks of their own), word-wraps each leaf at
  $width display columns (ed:columns: an East Asian wide character counts two, a combining
  mark none; lines break between words and between CJK characters; a word wider than the
  line, a URL above all, is broken into pieces that fit: no line is ever wider than $width),
  and joins the leaves: one newline between leaves of the same non-empty group (lines of a
  stanza, items of a list, parts of an opener), a blank line otherwise.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:t="urn:tei-edition:text"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Line width in display columns (a string from the command line is accepted). -->
  <xsl:param name="width" select="'72'"/>

  <xsl:variable name="ed:width" as="xs:integer"
      select="let $w := normalize-space(string($width))
              return if ($w castable as xs:integer and xs:integer($w) ge 20) then xs:integer($w)
                     else if ($w castable as xs:integer) then 20 else 72"/>

  <!-- ===== flattening ===== -->

  <xsl:function name="ed:leaves" as="element(t:b)*">
    <xsl:param name="blocks" as="element(t:b)*"/>
    <xsl:for-each select="$blocks">
      <xsl:variable name="b" select="."/>
      <xsl:for-each-group select="node()" group-adjacent="boolean(self::t:b)">
        <xsl:choose>
          <xsl:when test="current-grouping-key()">
            <xsl:sequence select="ed:leaves(current-group())"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="text" select="string-join(current-group())"/>
            <xsl:if test="normalize-space($text)">
              <t:b>
                <xsl:sequence select="$b/@*"/>
                <xsl:if test="position() gt 1">
                  <xsl:attribute name="prefix" select="''"/>
                  <xsl:attribute name="indent" select="ed:int($b/@indent) + ed:columns($b/@prefix)"/>
                </xsl:if>
                <xsl:value-of select="$text"/>
              </t:b>
            </xsl:if>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each-group>
    </xsl:for-each>
  </xsl:function>

  <xsl:function name="ed:int" as="xs:integer">
    <xsl:param name="value" as="item()?"/>
    <xsl:sequence select="if (string($value) castable as xs:integer) then xs:integer(string($value)) else 0"/>
  </xsl:function>

  <!-- ===== display width ===== -->

  <!-- East Asian wide and fullwidth characters (Unicode's East_Asian_Width W and F: Hangul,
       CJK ideographs and punctuation, kana, fullwidth forms, emoji) take two columns of a
       terminal; combining marks and format characters take none. -->
  <xsl:variable name="ed:_wide" as="xs:string"
      select="'[&#x1100;-&#x115F;&#x231A;&#x231B;&#x2329;&#x232A;&#x2E80;-&#x303E;&#x3041;-&#x33FF;&#x3400;-&#x4DBF;&#x4E00;-&#x9FFF;&#xA000;-&#xA4CF;&#xA960;-&#xA97F;&#xAC00;-&#xD7A3;&#xF900;-&#xFAFF;&#xFE10;-&#xFE19;&#xFE30;-&#xFE6F;&#xFF00;-&#xFF60;&#xFFE0;-&#xFFE6;&#x1F300;-&#x1F64F;&#x1F900;-&#x1F9FF;&#x20000;-&#x2FFFD;&#x30000;-&#x3FFFD;]'"/>

  <!-- The width of a string in display columns: what "a line of $width" means. -->
  <xsl:function name="ed:columns" as="xs:integer">
    <xsl:param name="s" as="xs:string?"/>
    <xsl:variable name="v" select="string($s)"/>
    <xsl:sequence select="if (matches($v, '^[ -~]*$')) then string-length($v)
                          else string-length($v) + string-length(replace($v, '(' || $ed:_wide || ')|.', '$1', 's'))
                               - string-length(replace($v, '[^\p{M}\p{Cf}]', ''))"/>
  </xsl:function>

  <!-- ===== wrapping ===== -->

  <!-- Marks a unit that joins the previous one without a space (a break between two CJK
       characters, where Unicode allows a line to break). -->
  <xsl:variable name="ed:_glue" as="xs:string" select="'&#xFDD0;'"/>

  <!-- The units a line may break between: words; a word holding wide characters also
       between them (each with the closing punctuation that follows it, which never starts a
       line). -->
  <xsl:function name="ed:units" as="xs:string*">
    <xsl:param name="word" as="xs:string"/>
    <xsl:choose>
      <xsl:when test="not(matches($word, $ed:_wide))">
        <xsl:sequence select="$word"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="parts" as="xs:string*">
          <xsl:analyze-string select="$word" regex="{'[^' || substring($ed:_wide, 2, string-length($ed:_wide) - 2)
                                                     || ']*' || $ed:_wide || '[\p{Pe}\p{Pf}\p{Po}\p{M}]*'}">
            <xsl:matching-substring><xsl:sequence select="."/></xsl:matching-substring>
            <xsl:non-matching-substring><xsl:sequence select="'&#xFDD1;' || ."/></xsl:non-matching-substring>
          </xsl:analyze-string>
        </xsl:variable>
        <!-- a tail without wide characters stays with the unit before it -->
        <xsl:iterate select="$parts">
          <xsl:param name="done" as="xs:string*" select="()"/>
          <xsl:on-completion select="for $i in 1 to count($done) return (if ($i gt 1) then $ed:_glue else '') || $done[$i]"/>
          <xsl:next-iteration>
            <xsl:with-param name="done" select="if (starts-with(., '&#xFDD1;') and exists($done))
                                                then ($done[position() lt last()], $done[last()] || substring(., 2))
                                                else ($done, replace(., '^&#xFDD1;', ''))"/>
          </xsl:next-iteration>
        </xsl:iterate>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- Words of $text in lines of at most $first columns (the first line) and $rest (the
       others). A line breaks between words, and between wide (CJK) characters; a word
       wider than the line is broken into pieces that fit (a URL after / ? & = - . where it
       can), so that no line is wider than the width. -->
  <xsl:function name="ed:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:integer"/>
    <xsl:param name="rest" as="xs:integer"/>
    <xsl:variable name="n" select="max((min(($first, $rest)), 1))"/>
    <xsl:iterate select="tokenize(normalize-space(replace($text, '\p{Zs}', ' ')), ' ')[.] ! ed:units(.)
                         ! (if (ed:columns(replace(., $ed:_glue, '')) gt $n)
                            then (let $p := ed:pieces(replace(., $ed:_glue, ''), $n)
                                  return for $i in 1 to count($p)
                                         return (if ($i gt 1 or starts-with(., $ed:_glue)) then $ed:_glue else '') || $p[$i])
                            else .)">
      <xsl:param name="done" as="xs:string*" select="()"/>
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:param name="width" as="xs:integer" select="0"/>
      <xsl:on-completion select="($done, $line[.])"/>
      <xsl:variable name="avail" select="if (empty($done)) then $first else $rest"/>
      <xsl:variable name="glued" select="starts-with(., $ed:_glue)"/>
      <xsl:variable name="unit" select="if ($glued) then substring(., 2) else ."/>
      <xsl:variable name="w" select="ed:columns($unit)"/>
      <xsl:choose>
        <xsl:when test="$line = ''">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$unit"/>
            <xsl:with-param name="width" select="$w"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="$width + (if ($glued) then 0 else 1) + $w le $avail">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || (if ($glued) then '' else ' ') || $unit"/>
            <xsl:with-param name="width" select="$width + (if ($glued) then 0 else 1) + $w"/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="done" select="($done, $line)"/>
            <xsl:with-param name="line" select="$unit"/>
            <xsl:with-param name="width" select="$w"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- How many characters of $word fit in $n columns (at least one, so that a piece is never
       empty; combining marks stay with their base). -->
  <xsl:function name="ed:fit" as="xs:integer">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:iterate select="string-to-codepoints($word)">
      <xsl:param name="cols" as="xs:integer" select="0"/>
      <xsl:param name="count" as="xs:integer" select="0"/>
      <xsl:on-completion select="$count"/>
      <xsl:variable name="w" select="ed:columns(codepoints-to-string(.))"/>
      <xsl:choose>
        <xsl:when test="$cols + $w gt $n and $count gt 0"><xsl:break select="$count"/></xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="cols" select="$cols + $w"/>
            <xsl:with-param name="count" select="$count + 1"/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- A word wider than a line in pieces that fit: a URL broken after a '/', '?', '&amp;',
       '=', '-' or '.' where one falls in the second half of the piece, anything else where
       the columns run out. Nothing is lost: the pieces join to the word. -->
  <xsl:function name="ed:pieces" as="xs:string*">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="ed:columns($word) le $n or $word = ''">
        <xsl:sequence select="$word[. != '']"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="fit" select="ed:fit($word, $n)"/>
        <xsl:variable name="head" select="substring($word, 1, $fit)"/>
        <xsl:variable name="cut" select="if (matches($word, '^\W?(https?://|www\.)'))
                                         then string-length(replace($head, '^(.*[/?&amp;=.\-]).*$', '$1', 's')) else $fit"/>
        <xsl:variable name="at" select="if ($cut lt $fit and $cut gt $fit idiv 2) then $cut else $fit"/>
        <xsl:sequence select="substring($word, 1, $at), ed:pieces(substring($word, $at + 1), $n)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <xsl:function name="ed:spaces" as="xs:string">
    <xsl:param name="n" as="xs:integer"/>
    <xsl:sequence select="string-join((1 to $n) ! ' ')"/>
  </xsl:function>

  <!-- The lines of one leaf block. -->
  <xsl:function name="ed:lines" as="xs:string*">
    <xsl:param name="leaf" as="element(t:b)"/>
    <xsl:variable name="indent" select="min((ed:int($leaf/@indent), $ed:width idiv 2))"/>
    <xsl:variable name="prefix" select="string($leaf/@prefix)"/>
    <xsl:variable name="hang" select="ed:spaces(ed:columns($prefix))"/>
    <xsl:variable name="avail" select="$ed:width - $indent - ed:columns($prefix)"/>
    <xsl:choose>
      <xsl:when test="$leaf/@kind = 'pre'">
        <xsl:for-each select="tokenize(replace(string($leaf), '\t', '    '), '\r?\n')">
          <xsl:variable name="lead-n0" select="string-length(.) - string-length(replace(., '^\s+', ''))"/>
          <xsl:variable name="body" select="replace(., '\s+$', '')"/>
          <xsl:choose>
            <xsl:when test="normalize-space(.) = ''"/>
            <xsl:when test="$indent + ed:columns($body) le $ed:width">
              <xsl:sequence select="ed:spaces($indent) || $body"/>
            </xsl:when>
            <xsl:otherwise>
              <xsl:variable name="lead-n" select="min(($lead-n0, $avail idiv 2))"/>
              <xsl:sequence select="ed:wrap($body, $avail - $lead-n, $avail - $lead-n)
                                    ! (ed:spaces($indent + $lead-n) || .)"/>
            </xsl:otherwise>
          </xsl:choose>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="wrapped" select="ed:wrap(string($leaf), $avail, $avail)"/>
        <xsl:variable name="lines" as="xs:string*"
            select="for $i in 1 to count($wrapped)
                    return ed:spaces($indent) || (if ($i = 1) then $prefix else $hang) || $wrapped[$i]"/>
        <xsl:choose>
          <xsl:when test="$leaf/@align = 'right'">
            <xsl:sequence select="$lines ! (ed:spaces(max((0, $ed:width - ed:columns(.)))) || .)"/>
          </xsl:when>
          <xsl:when test="$leaf/@align = 'center'">
            <xsl:sequence select="$lines ! (ed:spaces(max((0, ($ed:width - ed:columns(.)) idiv 2))) || .)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$lines"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$leaf/@underline and exists($lines)">
          <xsl:variable name="n" select="min(($ed:width, max($lines ! ed:columns(.)))) - $indent"/>
          <xsl:sequence select="ed:spaces($indent) || string-join((1 to $n) ! string($leaf/@underline))"/>
        </xsl:if>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The whole text: leaves joined, exactly one trailing newline. -->
  <xsl:function name="ed:render" as="xs:string">
    <xsl:param name="blocks" as="element(t:b)*"/>
    <xsl:variable name="leaves" select="ed:leaves($blocks)"/>
    <xsl:variable name="parts" as="xs:string*">
      <xsl:for-each select="$leaves">
        <xsl:variable name="i" select="position()"/>
        <xsl:variable name="lines" select="ed:lines(.)"/>
        <xsl:if test="exists($lines)">
          <xsl:if test="$i gt 1">
            <xsl:sequence select="if (@group != '' and @group = $leaves[$i - 1]/@group) then '&#10;' else '&#10;&#10;'"/>
          </xsl:if>
          <xsl:sequence select="string-join($lines, '&#10;')"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="replace(string-join($parts), '^\n+', '') || '&#10;'"/>
  </xsl:function>
</xsl:stylesheet>
