<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter of each TEI document: the title page (title, senders/authors, recipients,
  date and place, archival identifier, translator, source, funder, abstract) and the page
  "About this edition" (publication statement, responsibility, encoding decisions,
  source notes, change log), both from the teiHeader.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <!-- Context: a TEI element. -->
  <xsl:template name="print-titlepage">
    <section class="titlepage">
      <h1><xsl:value-of select="ed:doc-title(.)"/></h1>
      <xsl:for-each select="ed:subtitles(.)">
        <div class="subtitle"><xsl:value-of select="."/></div>
      </xsl:for-each>
      <xsl:call-template name="print-metadata"><xsl:with-param name="doc" select="."/></xsl:call-template>
      <xsl:for-each select="tei:teiHeader/tei:profileDesc/tei:abstract">
        <div class="abstract">
          <xsl:apply-templates/>
        </div>
      </xsl:for-each>
    </section>
  </xsl:template>

  <!-- The label/value list of the title page. -->
  <xsl:template name="print-metadata">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="fields" as="map(*)*" select="(
        map{'k': ed:print-label(ed:authors-label($doc)), 'v': string-join(ed:authors($doc), '; ')},
        map{'k': ed:print-label('To'), 'v': string-join(ed:recipients($doc), '; ')},
        map{'k': ed:print-label('Date'), 'v': string-join((ed:doc-date($doc), ed:doc-place($doc)), ', ')},
        map{'k': ed:print-label('Archival identifier'), 'v': ed:archival-id($doc)},
        map{'k': ed:print-label('Translated by'), 'v': string-join(ed:translators($doc), '; ')},
        map{'k': ed:print-label('Source'), 'v': ed:source($doc)},
        map{'k': ed:print-label('Funded by'), 'v': string-join(ed:funders($doc), '; ')})"/>
    <xsl:if test="some $f in $fields satisfies normalize-space($f?v)">
      <dl>
        <xsl:for-each select="$fields[normalize-space(?v)]">
          <dt><xsl:value-of select="?k"/></dt>
          <dd><xsl:value-of select="?v"/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- Context: a TEI element. -->
  <xsl:template name="print-about">
    <xsl:variable name="h" select="tei:teiHeader"/>
    <xsl:variable name="pub" select="$h/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="enc" select="$h/tei:encodingDesc/(tei:projectDesc | tei:samplingDecl | tei:editorialDecl)"/>
    <xsl:variable name="changes" select="$h/tei:revisionDesc//tei:change"/>
    <xsl:variable name="notes" select="$h/tei:fileDesc/tei:notesStmt/tei:note
                                       | $h/tei:fileDesc/tei:sourceDesc//tei:msContents//tei:note"/>
    <xsl:if test="$pub/* or $enc or $changes or $notes">
      <section class="about">
        <h2><xsl:value-of select="ed:print-label('About this edition')"/></h2>
        <xsl:if test="$pub/*">
          <h3>Publication</h3>
          <xsl:variable name="line" select="string-join(($pub/(tei:publisher | tei:distributor | tei:authority) ! ed:text(.),
                                            $pub/tei:pubPlace ! ed:text(.), $pub/tei:date ! ed:text(.)), ', ')"/>
          <xsl:if test="normalize-space($line)">
            <p><xsl:value-of select="$line"/><xsl:text>.</xsl:text>
              <xsl:for-each select="$pub/tei:idno">
                <xsl:text> </xsl:text>
                <xsl:value-of select="(@type, 'Identifier')[1]"/>: <span class="ident"><xsl:value-of select="."/></span>
                <xsl:text>.</xsl:text>
              </xsl:for-each>
            </p>
          </xsl:if>
          <xsl:apply-templates select="$pub/tei:availability/*" mode="print-about"/>
          <xsl:apply-templates select="$pub/tei:p" mode="print-about"/>
        </xsl:if>
        <xsl:variable name="resp" select="ed:responsibilities(.)"/>
        <xsl:if test="exists($resp)">
          <h3>Responsibility</h3>
          <xsl:for-each select="$resp"><p><xsl:value-of select="."/></p></xsl:for-each>
        </xsl:if>
        <xsl:if test="$enc">
          <h3>Encoding</h3>
          <xsl:apply-templates select="$enc" mode="print-about"/>
        </xsl:if>
        <xsl:if test="$notes">
          <h3>Notes on the source</h3>
          <xsl:for-each select="$notes"><p><xsl:apply-templates/></p></xsl:for-each>
        </xsl:if>
        <xsl:if test="$changes">
          <h3>Changes</h3>
          <ul class="changes">
            <xsl:for-each select="$changes">
              <li>
                <xsl:value-of select="string-join(((@when, @notBefore)[1], ed:who(.), @status), ', ')"/>
                <xsl:if test="@when or @who or @status">: </xsl:if>
                <xsl:apply-templates/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- Names of those a @who points to (register or respStmt), else the pointer. -->
  <xsl:function name="ed:who" as="xs:string?">
    <xsl:param name="e" as="element()"/>
    <xsl:sequence select="if ($e/@who) then string-join(
                            for $t in tokenize(normalize-space($e/@who))
                            return (ed:target($e, $t) ! (if (self::tei:person or self::tei:org or self::tei:place
                                    or self::tei:personGrp) then ed:entry-name(.) else ed:text(.)),
                                    replace($t, '^#', ''))[1], ', ') else ()"/>
  </xsl:function>

  <xsl:mode name="print-about" on-no-match="shallow-skip"/>

  <xsl:template match="tei:p | tei:licence | tei:ab" mode="print-about">
    <p><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:projectDesc | tei:samplingDecl | tei:editorialDecl" mode="print-about">
    <xsl:apply-templates mode="print-about"/>
  </xsl:template>

  <!-- correction, normalization, quotation, hyphenation, interpretation ...: a labelled paragraph. -->
  <xsl:template match="tei:editorialDecl/*[not(self::tei:p)]" mode="print-about">
    <xsl:variable name="label" select="upper-case(substring(local-name(), 1, 1)) || substring(local-name(), 2)"/>
    <xsl:for-each select="(tei:p, .[not(tei:p)])">
      <p>
        <xsl:if test="position() = 1"><span class="sans bold"><xsl:value-of select="$label"/>. </span></xsl:if>
        <xsl:apply-templates/>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
