<?xml version="1.0" encoding="UTF-8"?>
<!--
  Where a pointer leads: the one lookup every format uses, for the same document and for
  register documents kept in files of their own.

  A pointer is one of
    #id                in the same document; failing that, in the first of the edition's shared
                       register files that has the id ($ed:shared-registers: the registers
                       of the project configuration)
    file.xml#id        in the register document with that URI, relative to the base URI of
                       the element holding the pointer (../persons.xml#p12 works)
    psn:kim            a private URI: the prefixDef with ident "psn" in the document's header
                       turns "kim" into a pointer by its @matchPattern/@replacementPattern, which
                       is then resolved relative to the document that declares the prefix
  Anything else (http:, mailto:, unknown prefixes) points to no element here.

  Register documents are given by the toolkit in the parameter $ed:registers (document nodes,
  each with its base URI set to the file it was parsed from). The stylesheets never read files
  themselves: the toolkit parses the files a document points to with its one safe parser
  (toolkit/build/registers.py) and passes them in.

    $ed:registers                    parameter: the register documents
    $ed:shared-registers             parameter: those of them where #id pointers resolve
    $ed:pointer-attributes           the attributes that hold pointers to entries
    ed:target($context, $pointer)    the element one pointer leads to, or ()
    ed:targets($context, $pointers)  the elements a whitespace-separated list leads to
    ed:pointer($el)                  the pointer attribute of a naming or linking element
    ed:is-local($el)                 true if $el is in the document being transformed

  Internal: ed:_expand-prefix, ed:_in-file, ed:_uri-key.

  Its functions are declared cache="yes" (see plain.xsl): the same pointer is followed
  for each mention's link, popup and back link.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

  <!-- Set by the toolkit (toolkit/build/registers.py); empty when a document has no registers
       in other files. -->
  <xsl:param name="ed:registers" as="document-node()*" select="()"/>
  <!-- Set by the toolkit: the edition's shared register files (toolkit/core/edition.py). -->
  <xsl:param name="ed:shared-registers" as="document-node()*" select="()"/>

  <xsl:variable name="ed:pointer-attributes" as="xs:string*"
      select="('ref', 'target', 'corresp', 'who', 'resp', 'sameAs')"/>

  <xsl:key name="id" match="*[@xml:id]" use="@xml:id"/>
  <xsl:key name="ed:_prefix" match="tei:prefixDef" use="@ident"/>
  <xsl:key name="ed:_ref-targets" match="tei:text//tei:ref[@target] | tei:text//tei:ptr[@target]"
           use="tokenize(normalize-space(@target))[starts-with(., '#')] ! substring(., 2)"/>

  <!-- Whether a ref or ptr of the text points to this element (a print edition sets an anchor
       only there, so that its output stays small). -->
  <xsl:function name="ed:is-ref-target" as="xs:boolean" cache="yes">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el/@xml:id) and root($el) instance of document-node()
                          and exists(key('ed:_ref-targets', string($el/@xml:id), root($el)))"/>
  </xsl:function>

  <!-- The document being transformed. -->
  <xsl:variable name="ed:_source" as="node()" select="/"/>

  <xsl:function name="ed:is-local" as="xs:boolean" cache="yes">
    <xsl:param name="el" as="node()"/>
    <xsl:sequence select="root($el) is $ed:_source"/>
  </xsl:function>

  <xsl:function name="ed:target" as="element()?" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointer" as="xs:string?"/>
    <xsl:sequence select="ed:_target($context, tokenize(normalize-space($pointer))[1], 3)"/>
  </xsl:function>

  <xsl:function name="ed:targets" as="element()*" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="pointers" as="xs:string?"/>
    <xsl:sequence select="tokenize(normalize-space($pointers)) ! ed:_target($context, ., 3)"/>
  </xsl:function>

  <!-- The pointer attribute of a naming or linking element: @ref, @target, @corresp, or a
       @key that is written as a local pointer. -->
  <xsl:function name="ed:pointer" as="xs:string?" cache="yes">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="($el/@ref, $el/@target, $el/@corresp, $el/@key[starts-with(., '#')])[normalize-space()][1]/string()"/>
  </xsl:function>

  <!-- $depth bounds prefix expansions that yield prefixed pointers again. -->
  <xsl:function name="ed:_target" as="element()?" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="p" as="xs:string?"/>
    <xsl:param name="depth" as="xs:integer"/>
    <xsl:choose>
      <xsl:when test="not($p) or $depth lt 0"/>
      <xsl:when test="starts-with($p, '#')">
        <xsl:variable name="id" select="substring($p, 2)"/>
        <xsl:sequence select="(key('id', $id, root($context)), $ed:shared-registers ! key('id', $id, .))[1]"/>
      </xsl:when>
      <xsl:when test="matches($p, '^[A-Za-z][A-Za-z0-9+.\-]*:')">
        <xsl:variable name="prefix" select="substring-before($p, ':')"/>
        <xsl:variable name="def" select="key('ed:_prefix', $prefix, root($context))[1]"/>
        <xsl:variable name="expanded" select="$def ! ed:_expand-prefix(., substring-after($p, ':'))"/>
        <xsl:sequence select="if (exists($expanded)) then ed:_target($def, $expanded, $depth - 1)
                              else if (lower-case($prefix) = 'file') then ed:_in-file($context, $p)
                              else ()"/>
      </xsl:when>
      <xsl:otherwise>
        <xsl:sequence select="ed:_in-file($context, $p)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:function>

  <!-- The pointer a prefixDef makes of the part after the prefix, or () if it does not match
       (or its pattern is not a valid regular expression). -->
  <xsl:function name="ed:_expand-prefix" as="xs:string?" cache="yes">
    <xsl:param name="def" as="element(tei:prefixDef)"/>
    <xsl:param name="rest" as="xs:string"/>
    <xsl:try>
      <xsl:variable name="pattern" select="'^(?:' || $def/@matchPattern || ')$'"/>
      <xsl:sequence select="if ($def/@matchPattern and matches($rest, $pattern))
                            then replace($rest, $pattern, string($def/@replacementPattern)) else ()"/>
      <xsl:catch/>
    </xsl:try>
  </xsl:function>

  <!-- "file.xml#id": the element with that id in this document or in a register document. -->
  <xsl:function name="ed:_in-file" as="element()?" cache="yes">
    <xsl:param name="context" as="node()"/>
    <xsl:param name="p" as="xs:string"/>
    <xsl:variable name="file" select="substring-before($p || '#', '#')"/>
    <xsl:variable name="id" select="substring-after($p, '#')"/>
    <xsl:if test="$id and $file">
      <xsl:variable name="uri" as="xs:string?">
        <xsl:try select="ed:_uri-key(string(resolve-uri($file, base-uri($context))))">
          <xsl:catch/>
        </xsl:try>
      </xsl:variable>
      <xsl:variable name="docs" select="(root($context), $ed:registers)"/>
      <xsl:variable name="doc" select="if (exists($uri)) then $docs[ed:_uri-key(base-uri(.)) = $uri][1]
                                       else $ed:registers[ends-with(ed:_uri-key(base-uri(.)), '/' || $file)][1]"/>
      <xsl:sequence select="$doc ! key('id', $id, .)[1]"/>
    </xsl:if>
  </xsl:function>

  <!-- One spelling per file URI: file:/x, file:///x and file://localhost/x are the same file. -->
  <xsl:function name="ed:_uri-key" as="xs:string" cache="yes">
    <xsl:param name="uri" as="xs:string?"/>
    <xsl:sequence select="replace(replace(string($uri), '^file:(//localhost)?/+', 'file:///'), ' ', '%20')"/>
  </xsl:function>
</xsl:stylesheet>
