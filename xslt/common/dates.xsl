<?xml version="1.0" encoding="UTF-8"?>
<!--
  Dates as the TEI encodes them (@when, @from/@to, @notBefore/@notAfter, their -iso forms),
  read once for every format.

    ed:iso-date($el)    the ISO 8601 value of a dating element: "1953-03-29", a range
                        "1950-06-25/1953-07-27", open ranges "1948/" and "/1994"
    ed:date-span($el)   the same for display: "1953-03-29", "1950-06-25–1953-07-27", "1948–"
    ed:year($value)     the first year (3 or 4 digits, with a minus sign if BCE) in a value
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
</xsl:stylesheet>
