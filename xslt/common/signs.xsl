<?xml version="1.0" encoding="UTF-8"?>
<!--
  The editorial signs every format prints around interventions and marks of the source's
  state, so that the plain text, the print edition and the HTML page say the same thing
  (HTML adds colour, strike-through and a title; text and print have only the signs):

      supplied   [text]         unclear   text(?)       sic (ed:sic-mark)      text [sic]
      surplus    {text}         del       ⟦text⟧        secl                    ⟦text⟧
      gap        […]            q, said, soCalled, a quote in running text, title level="a"   “text”
      gi, tag    &lt;text&gt;         att       @text         val                     "text"
      rt (ruby)  (text)         vocal, kinesic, incident   (text)         pause    …
      the source of a quotation (bibl in cit or epigraph)   — text

    ed:sign-open($el), ed:sign-close($el)   the signs before and after an element ('' if none)
    ed:gap-kind($gap)     'omitted' (the editors left it out: @reason irrelevant, editorial,
                          sampling, omitted ...) or 'gap' (the source has it not: illegible,
                          damage, lost ...); also the label key of its description
    ed:gap-repeats($gap)  true for a gap that follows another with nothing but milestones,
                          forme work, whitespace and comments between (omitted pages, one after the
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
      'supplied': ('[', ']'), 'unclear': ('', '(?)'), 'surplus': ('{', '}'),
      'del': ('⟦', '⟧'), 'secl': ('⟦', '⟧'), 'gap': ('[…]', ''),
      'gi': ('&lt;', '&gt;'), 'tag': ('&lt;', '&gt;'), 'att': ('@', ''), 'val': ('&quot;', '&quot;'),
      'rt': ('(', ')'), 'vocal': ('(', ')'), 'kinesic': ('(', ')'), 'incident': ('(', ')'), 'pause': ('…', '')}"/>

  <xsl:function name="ed:sign-open" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string(ed:_signs($el)[1])"/>
  </xsl:function>

  <xsl:function name="ed:sign-close" as="xs:string">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="string(ed:_signs($el)[2])"/>
  </xsl:function>

  <!-- A sic: the mark of ed:sic-mark (plain.xsl: on its own or in quoted text). Quotations and article titles
       have quotation marks (ed:_quote-marks); the source of a quotation in cit or epigraph
       follows a dash. -->
  <xsl:function name="ed:_signs" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="if (not($el/self::tei:*)) then ()
                          else if ($el/self::tei:sic) then ('', ed:sic-mark($el))
                          else if ($el/(self::tei:q | self::tei:quote | self::tei:said | self::tei:soCalled
                                        | self::tei:title[@level = 'a'])) then ed:_quote-marks($el)
                          else if ($el[self::tei:bibl or self::tei:biblStruct or self::tei:ref]
                                      [parent::tei:cit or parent::tei:epigraph][preceding-sibling::tei:quote or preceding-sibling::tei:q])
                          then (' — ', '')
                          else map:get($ed:signs, local-name($el))"/>
  </xsl:function>

  <!-- Quotation marks: for q, said and soCalled, a quote in running text, an article's title;
       none for a quotation of blocks, one whose @rend says none (none, pre, post, inline,
       unquoted), or one the source already puts between marks; single marks inside double. -->
  <xsl:function name="ed:_quote-marks" as="xs:string*">
    <xsl:param name="el" as="element()"/>
    <xsl:variable name="rend" select="tokenize(lower-case(normalize-space($el/@rend)))"/>
    <xsl:variable name="before" select="string($el/preceding-sibling::node()[1][self::text()])"/>
    <xsl:variable name="after" select="string($el/following-sibling::node()[1][self::text()])"/>
    <xsl:variable name="inline" select="not($el/(tei:p | tei:lg | tei:l | tei:ab | tei:sp))
                                        and ($el/self::tei:quote/parent::*[self::tei:p or self::tei:ab or self::tei:l or self::tei:head
                                              or self::tei:item or self::tei:cell or self::tei:s or self::tei:seg or self::tei:hi
                                              or self::tei:cit[parent::tei:p or parent::tei:l or parent::tei:ab]]
                                             or not($el/self::tei:quote))"/>
    <xsl:variable name="nested" select="exists($el/ancestor::*[self::tei:q or self::tei:quote or self::tei:said or self::tei:soCalled]
                                                              [exists(ed:_quote-marks(.))])"/>
    <xsl:sequence select="if (not($inline) or $rend = ('none', 'pre', 'post', 'inline', 'unquoted', 'noquotes')
                              or ($el/self::tei:said and $el/@direct = 'false')
                              or (matches($before, '[“&quot;‘''„«‹]$') and matches($after, '^[”&quot;’''“»›]'))) then ()
                          else if ($nested) then ('‘', '’') else ('“', '”')"/>
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
                                   or self::text()[not(normalize-space())] or ed:is(., 'milestone') or ed:is(., 'furniture'))][1]
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
