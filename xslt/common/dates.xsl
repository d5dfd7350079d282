<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates as the TEI encodes them (@when, @from/@to, @notBefore/@notAfter, their -iso forms),
  read once for every format: as ISO values for machines and as words for readers.

    ed:iso-date($el)    the ISO 8601 value of a dating element: "1953-03-29", a range
                        "1950-06-25/1953-07-27", open ranges "1948/" and "/1994"
    ed:date-span($el)   the same, compact: "1953-03-29", "1950-06-25–1953-07-27", "1948–"
    ed:year($value)     the first year (3 or 4 digits, with a minus sign if BCE) in a value
    ed:date-words($iso) one ISO date (year, month or day precision) as a reader writes it in
                        $lang: "29 March 1953", "March 1953", "1953" (de "29. März 1953",
                        fr "1er mars 1953"); a value that is not such a date is returned as is
    ed:range-words($from, $to)  a period in words, its common parts said once:
                        "8–10 March 1953", "25 June – 27 July 1953",
                        "25 June 1950 – 27 July 1953", "1944–1953"
    ed:date-text($el)   the dating attributes of an element in words: @when; @from/@to as a
                        period ("from 1952", "until 1953" when one end is open); @notBefore/
                        @notAfter as limits ("before 27 November 2026", "after 1948",
                        "between … and …"). Empty when the element has no dating attribute.

  Month names and the words for limits are labels (common/labels.xsl: 'months', 'date-from',
  'date-to', 'date-before', 'date-after', 'date-between', 'bce'), so -p lang=de|fr changes
  them in every format.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:ed="urn:tei-edition:functions"
    exclude-result-prefixes="#all">

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

  <xsl:function name="ed:date-span" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="from" select="($el/@from, $el/@notBefore)[1]"/>
    <xsl:variable name="to" select="($el/@to, $el/@notAfter)[1]"/>
    <xsl:sequence select="
        if ($el/@when) then string($el/@when)
        else if ($from or $to) then string-join(($from, '–', $to), '')
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:year" as="xs:string?">
    <xsl:param name="value" as="xs:string?"/>
    <xsl:sequence select="replace(string($value), '^\D*?(-?\d{3,4}).*$', '$1', 's')[matches(., '^-?\d{3,4}$')]"/>
  </xsl:function>

  <!-- ===== dates in words ===== -->

  <xsl:variable name="ed:_iso-pattern" as="xs:string" select="'^(-?)(\d{4})(-(\d{2})(-(\d{2}))?)?(T.*)?$'"/>

  <!-- {'year', 'month', 'day'} (integers; month and day 0 when not given), or () -->
  <xsl:function name="ed:_date-parts" as="map(xs:string, xs:integer)?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="v" select="normalize-space($iso)"/>
    <xsl:if test="matches($v, $ed:_iso-pattern)">
      <xsl:variable name="month" select="xs:integer(('0' || replace($v, $ed:_iso-pattern, '$4'))[. castable as xs:integer])"/>
      <xsl:variable name="day" select="xs:integer(('0' || replace($v, $ed:_iso-pattern, '$6'))[. castable as xs:integer])"/>
      <xsl:if test="$month le 12 and $day le 31">
        <xsl:sequence select="map{'year': xs:integer(replace($v, $ed:_iso-pattern, '$1$2')),
                                  'month': $month, 'day': $day}"/>
      </xsl:if>
    </xsl:if>
  </xsl:function>

  <xsl:function name="ed:_year-words" as="xs:string">
    <xsl:param name="year" as="xs:integer"/>
    <xsl:sequence select="if ($year lt 0) then string(-$year) || ' ' || ed:label('bce') else string($year)"/>
  </xsl:function>

  <!-- The day with its month, in the label language ("29 March", "29. März", "1er mars"). -->
  <xsl:function name="ed:_day-month" as="xs:string">
    <xsl:param name="p" as="map(*)"/>
    <xsl:variable name="month" select="tokenize(ed:label('months'))[$p?month]"/>
    <xsl:variable name="lang" select="ed:ui-lang()"/>
    <xsl:sequence select="if ($p?day = 0) then $month
                          else if ($lang = 'de') then $p?day || '. ' || $month
                          else if ($lang = 'fr') then (if ($p?day = 1) then '1er' else string($p?day)) || ' ' || $month
                          else $p?day || ' ' || $month"/>
  </xsl:function>

  <xsl:function name="ed:date-words" as="xs:string?">
    <xsl:param name="iso" as="xs:string?"/>
    <xsl:variable name="p" select="ed:_date-parts($iso)"/>
    <xsl:sequence select="if (empty($p)) then normalize-space($iso)[.]
                          else if ($p?month = 0) then ed:_year-words($p?year)
                          else ed:_day-month($p) || ' ' || ed:_year-words($p?year)"/>
  </xsl:function>

  <xsl:function name="ed:range-words" as="xs:string?">
    <xsl:param name="from" as="xs:string?"/>
    <xsl:param name="to" as="xs:string?"/>
    <xsl:variable name="a" select="ed:_date-parts($from)"/>
    <xsl:variable name="b" select="ed:_date-parts($to)"/>
    <xsl:sequence select="
        if (empty($a) or empty($b)) then string-join((ed:date-words($from), ed:date-words($to)), ' – ')[.]
        else if ($a?month = 0 and $b?month = 0) then ed:_year-words($a?year) || '–' || ed:_year-words($b?year)
        else if ($a?year ne $b?year or $a?month = 0 or $b?month = 0 or ($a?day = 0) ne ($b?day = 0))
             then ed:date-words($from) || ' – ' || ed:date-words($to)
        else if ($a?month = $b?month and $a?day ne 0 and ed:ui-lang() != 'de')
             then (if (ed:ui-lang() = 'fr' and $a?day = 1) then '1er' else string($a?day)) || '–' || ed:date-words($to)
        else if ($a?month = $b?month and $a?day ne 0) then $a?day || '.–' || ed:date-words($to)
        else ed:_day-month($a) || ' – ' || ed:date-words($to)"/>
  </xsl:function>

  <!-- A label with its value put in place of "{}" (or after it, when the label has none). -->
  <xsl:function name="ed:_label-with" as="xs:string">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="values" as="xs:string*"/>
    <xsl:iterate select="$values">
      <xsl:param name="text" as="xs:string" select="ed:label($key)"/>
      <xsl:on-completion select="$text"/>
      <xsl:next-iteration>
        <xsl:with-param name="text" select="if (contains($text, '{}'))
                                            then substring-before($text, '{}') || . || substring-after($text, '{}')
                                            else $text || ' ' || ."/>
      </xsl:next-iteration>
    </xsl:iterate>
  </xsl:function>

  <xsl:function name="ed:date-text" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="v" select="function($names) { ($el/@*[local-name() = $names][normalize-space()])[1] ! normalize-space(.) }"/>
    <xsl:variable name="when" select="$v(('when', 'when-iso'))"/>
    <xsl:variable name="from" select="$v(('from', 'from-iso'))"/>
    <xsl:variable name="to" select="$v(('to', 'to-iso'))"/>
    <xsl:variable name="after" select="$v(('notBefore', 'notBefore-iso'))"/>
    <xsl:variable name="before" select="$v(('notAfter', 'notAfter-iso'))"/>
    <xsl:sequence select="
        if ($when) then ed:date-words($when)
        else if ($from and $to) then ed:range-words($from, $to)
        else if ($from) then ed:_label-with('date-from', ed:date-words($from))
        else if ($to) then ed:_label-with('date-to', ed:date-words($to))
        else if ($after and $before) then ed:_label-with('date-between', (ed:date-words($after), ed:date-words($before)))
        else if ($after) then ed:_label-with('date-after', ed:date-words($after))
        else if ($before) then ed:_label-with('date-before', ed:date-words($before))
        else ()"/>
  </xsl:function>
</xsl:stylesheet>
