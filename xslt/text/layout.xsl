<?xml version="1.0" encoding="UTF-8"?>
<!--
  Plain-text layout. The TEI templates (text/blocks.xsl) build a tree of blocks,
  <t:b kind="..." group="..." indent="n" prefix="..." align="right" underline="=">
  holding text and nested blocks. This module flattens it into leaf blocks (a block's
  text runs around a nested block become blocks of their own), word-wraps each leaf at
  $width (no word is broken, except a URL longer than the line; another word longer than the line stands alone), and joins the
  leaves: one newline between leaves of the same non-empty group (lines of a stanza,
  items of a list, parts of an opener), a blank line otherwise.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:t="urn:tei-edition:text"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Line width in characters (a string from the command line is accepted). -->
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
                  <xsl:attribute name="indent" select="ed:int($b/@indent) + string-length($b/@prefix)"/>
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

  <!-- ===== wrapping ===== -->

  <!-- Words of $text in lines of at most $first characters (the first line) and $rest
       (the others). Never breaks a word. -->
  <xsl:function name="ed:wrap" as="xs:string*">
    <xsl:param name="text" as="xs:string"/>
    <xsl:param name="first" as="xs:integer"/>
    <xsl:param name="rest" as="xs:integer"/>
    <xsl:iterate select="tokenize(normalize-space(replace($text, '\p{Zs}', ' ')), ' ')[.]
                         ! (if (matches(., '^\W?(https?://|www\.)')) then ed:pieces(., min(($first, $rest))) else .)">
      <xsl:param name="done" as="xs:string*" select="()"/>
      <xsl:param name="line" as="xs:string" select="''"/>
      <xsl:on-completion select="($done, $line[.])"/>
      <xsl:variable name="avail" select="if (empty($done)) then $first else $rest"/>
      <xsl:choose>
        <xsl:when test="$line = ''">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:when test="string-length($line) + 1 + string-length(.) le $avail">
          <xsl:next-iteration>
            <xsl:with-param name="line" select="$line || ' ' || ."/>
          </xsl:next-iteration>
        </xsl:when>
        <xsl:otherwise>
          <xsl:next-iteration>
            <xsl:with-param name="done" select="($done, $line)"/>
            <xsl:with-param name="line" select="."/>
          </xsl:next-iteration>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:iterate>
  </xsl:function>

  <!-- A word longer than a line in pieces that fit (used for URLs only): broken after a '/', '?',
       '&amp;', '=', '-' or '.' where one falls in the second half of the line, else at the line's
       end. Nothing is lost: the pieces join to the word. -->
  <xsl:function name="ed:pieces" as="xs:string*">
    <xsl:param name="word" as="xs:string"/>
    <xsl:param name="n" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="string-length($word) le $n or $n lt 2">
        <xsl:sequence select="$word"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="head" select="substring($word, 1, $n)"/>
        <xsl:variable name="cut" select="string-length(replace($head, '^(.*[/?&amp;=.\-]).*$', '$1', 's'))"/>
        <xsl:variable name="at" select="if ($cut lt string-length($head) and $cut gt $n idiv 2) then $cut else $n"/>
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
    <xsl:variable name="hang" select="ed:spaces(string-length($prefix))"/>
    <xsl:variable name="avail" select="$ed:width - $indent - string-length($prefix)"/>
    <xsl:choose>
      <xsl:when test="$leaf/@kind = 'pre'">
        <xsl:for-each select="tokenize(replace(string($leaf), '\t', '    '), '\r?\n')">
          <xsl:variable name="lead-n0" select="string-length(.) - string-length(replace(., '^\s+', ''))"/>
          <xsl:variable name="body" select="replace(., '\s+$', '')"/>
          <xsl:choose>
            <xsl:when test="normalize-space(.) = ''"/>
            <xsl:when test="$indent + string-length($body) le $ed:width">
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
            <xsl:sequence select="$lines ! (ed:spaces(max((0, $ed:width - string-length(.)))) || .)"/>
          </xsl:when>
          <xsl:when test="$leaf/@align = 'center'">
            <xsl:sequence select="$lines ! (ed:spaces(max((0, ($ed:width - string-length(.)) idiv 2))) || .)"/>
          </xsl:when>
          <xsl:otherwise>
            <xsl:sequence select="$lines"/>
          </xsl:otherwise>
        </xsl:choose>
        <xsl:if test="$leaf/@underline and exists($lines)">
          <xsl:variable name="n" select="min(($ed:width, max($lines ! string-length(.)))) - $indent"/>
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
