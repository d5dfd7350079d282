<?xml version="1.0" encoding="UTF-8"?>
<!--
  What a document may put into an output: URLs, CSS, class names. Every format that writes a
  link, a style or an id from document data passes it through these functions.

    ed:safe-url($url)   the URL if its scheme is http, https or mailto, or it is relative or
                        a #fragment; otherwise the empty sequence
    ed:safe-css($css)   only whitelisted CSS declarations with harmless values
    ed:token($string)   a string made safe as a CSS class name or id part
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

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
</xsl:stylesheet>
