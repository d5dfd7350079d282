<?xml version="1.0" encoding="UTF-8"?>
<!--
  The editorial signs every format prints around interventions and marks of the source's
  state, so that the plain text, the print edition and the HTML page say the same thing
  (HTML adds colour, strike-through and a title; text and print have only the signs):

      supplied   [text]         unclear   text(?)       sic (outside choice)   text [sic]
      surplus    {text}         del       ⟦text⟧        secl                    ⟦text⟧
      gap        […]

    ed:sign-open($el), ed:sign-close($el)   the signs before and after an element ('' if none)
    ed:gap-kind($gap)     'omitted' (the editors left it out: @reason irrelevant, editorial,
                          sampling, omitted ...) or 'gap' (the source has it not: illegible,
                          damage, lost ...); also the label key of its description
    ed:gap-repeats($gap)  true for a gap that follows another with nothing but milestones,
                          whitespace and comments between (omitted pages, one after the
                          other): the formats print one sign for the run
    ed:page-label($pb)    "page 37" for a pb with @n, else ()
    ed:facs($el)          the image @facs gives: its URL (through ed:safe-url), or the
                          @url of the graphic of the surface or zone it points to; else ()

  $ed:signs may be overridden as a whole (same shape: element name -> (open, close)).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:signs" as="map(xs:string, xs:string+)" select="map{
      'supplied': ('[', ']'), 'unclear': ('', '(?)'), 'sic': ('', ' [sic]'), 'surplus': ('{', '}'),
      'del': ('⟦', '⟧'), 'secl': ('⟦', '⟧'), 'gap': ('[…]', '')}"/>

  <xsl:function name="ed:sign-open" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string(ed:_signs($el)[1])"/>
  </xsl:function>

  <xsl:function name="ed:sign-close" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string(ed:_signs($el)[2])"/>
  </xsl:function>

  <!-- A sic inside choice is one reading of two: no mark. -->
  <xsl:function name="ed:_signs" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if ($el/self::tei:sic[parent::tei:choice] or not($el/self::tei:*)) then ()
                          else map:get($ed:signs, local-name($el))"/>
  </xsl:function>

  <xsl:function name="ed:gap-kind" as="xs:string">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="if (tokenize(lower-case(normalize-space($gap/@reason)), '[\s,;]+')
                              = ('irrelevant', 'editorial', 'sampling', 'omitted', 'omission', 'duplicate', 'not-transcribed'))
                          then 'omitted' else 'gap'"/>
  </xsl:function>

  <xsl:function name="ed:gap-repeats" as="xs:boolean">
    <xsl:param name="gap" as="element()"/>
    <xsl:sequence select="exists($gap/preceding-sibling::node()[not(self::comment() or self::processing-instruction()
                                   or self::text()[not(normalize-space())] or ed:is(., 'milestone'))][1]
                                 [self::tei:gap][not(*)])
                          and not($gap/*)"/>
  </xsl:function>

  <xsl:function name="ed:page-label" as="xs:string?">
    <xsl:param name="pb" as="element()"/>
    <xsl:sequence select="normalize-space($pb/@n)[.] ! (ed:label('page') || ' ' || .)"/>
  </xsl:function>

  <xsl:function name="ed:facs" as="xs:string?">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="facs" select="tokenize(normalize-space($el/@facs))[1]"/>
    <xsl:variable name="target" select="if (starts-with($facs, '#')) then ed:target($el, $facs) else ()"/>
    <xsl:sequence select="if (exists($target))
                          then ($target/descendant-or-self::tei:graphic/@url, $target/ancestor::tei:surface/tei:graphic/@url)[1] ! ed:safe-url(.)
                          else if (starts-with($facs, '#')) then ()
                          else ed:safe-url($facs)"/>
  </xsl:function>
</xsl:stylesheet>
