<?xml version="1.0" encoding="UTF-8"?>
<!--
  Front matter of each TEI document, from ed:metadata (common/metadata.xsl): the title page
  (title, subtitles, the fields of ed:title-fields but those of the imprint, abstract with
  whose summary it is; at its foot the imprint: publisher, date, identifier, rights, licence)
  and the page "About this edition" (responsibility, encoding decisions, source notes, related
  documents, how to cite the document and the edition (common/citation.xsl: Chicago), change
  log), each paragraph that names markup given as its sentences that do not
  (common/reader.xsl). Named templates print-titlepage, print-metadata, print-about; mode
  print-about.
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
    <xsl:variable name="m" select="ed:metadata(.)"/>
    <section class="titlepage">
      <div class="run-doc" data-run="{ed:short($m?title)}"></div>
      <div class="run-sec" data-run="{ed:short($m?title)}"></div>
      <h1><xsl:value-of select="$m?title"/></h1>
      <xsl:for-each select="$m?subtitles">
        <div class="subtitle"><xsl:value-of select="."/></div>
      </xsl:for-each>
      <xsl:call-template name="print-metadata"><xsl:with-param name="doc" select="."/></xsl:call-template>
      <xsl:for-each select="$m?abstract">
        <div class="abstract">
          <xsl:apply-templates/>
          <xsl:if test="$m?abstract-by">
            <p class="attribution"><xsl:value-of select="ed:label('summary-by') || ' ' || $m?abstract-by"/></p>
          </xsl:if>
        </div>
      </xsl:for-each>
      <xsl:call-template name="print-imprint"><xsl:with-param name="m" select="$m"/></xsl:call-template>
    </section>
  </xsl:template>

  <!-- The imprint at the foot of the title page: publisher, place, date, identifier; the
       rights statement; the licence. -->
  <xsl:template name="print-imprint">
    <xsl:param name="m" as="map(*)"/>
    <xsl:variable name="line" select="string-join(($m?publication ! ed:flat(.)), ', ')"/>
    <xsl:variable name="rights" select="$m?availability/(tei:p | tei:ab | tei:licence),
                                        $m?header/tei:fileDesc/tei:publicationStmt/tei:p"/>
    <xsl:if test="normalize-space($line) or exists($m?idnos) or $rights">
      <div class="imprint">
        <xsl:if test="normalize-space($line) or exists($m?idnos)">
          <p>
            <xsl:if test="normalize-space($line)"><xsl:value-of select="ed:label('publisher') || ' ' || $line || '.'"/></xsl:if>
            <xsl:for-each select="$m?idnos">
              <xsl:value-of select="' ' || ed:label('identifier') || ': '"/><span class="ident"><xsl:value-of select="."/></span>.
            </xsl:for-each>
            <xsl:for-each select="ed:page-url($m?doc)[.]">
              <xsl:value-of select="' ' || ed:label('online') || ': '"/><span class="ident"><xsl:value-of select="."/></span>.
            </xsl:for-each>
          </p>
        </xsl:if>
        <xsl:for-each select="$rights">
          <p>
            <xsl:if test="self::tei:licence"><span class="smallcaps"><xsl:value-of select="ed:label('licence')"/></span>: </xsl:if>
            <xsl:call-template name="print-reader-content"/>
          </p>
        </xsl:for-each>
      </div>
    </xsl:if>
  </xsl:template>

  <!-- An element's content for the reader: as is, or its sentences that name no markup. -->
  <xsl:template name="print-reader-content">
    <xsl:choose>
      <xsl:when test="ed:has-markup-names(.)"><xsl:value-of select="ed:reader-sentences(.)" separator=" "/></xsl:when>
      <xsl:otherwise><xsl:apply-templates/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The label/value list of the title page (common: ed:title-fields). -->
  <xsl:template name="print-metadata">
    <xsl:param name="doc" as="element()"/>
    <xsl:variable name="fields" select="ed:title-page-fields($doc)"/>
    <xsl:if test="exists($fields)">
      <dl>
        <xsl:for-each select="$fields">
          <dt><xsl:value-of select="ed:label(?key)"/></dt>
          <dd><xsl:value-of select="?value"/></dd>
        </xsl:for-each>
      </dl>
    </xsl:if>
  </xsl:template>

  <!-- Context: a TEI element. -->
  <xsl:template name="print-about">
    <xsl:variable name="m" select="ed:metadata(.)"/>
    <xsl:variable name="pub" select="$m?header/tei:fileDesc/tei:publicationStmt"/>
    <xsl:variable name="enc" select="$m?encoding[not(self::tei:p)]"/>
    <xsl:variable name="notes" select="$m?notes | $m?funding | $m?ms-notes"/>
    <xsl:variable name="resp" select="($m?translation | $m?responsibility)[self::tei:respStmt or self::tei:editor]"/>
    <xsl:if test="exists($resp) or $enc or exists($m?changes) or $notes">
      <section class="about">
        <h2><xsl:value-of select="ed:label('about-edition')"/></h2>
        <xsl:if test="exists($resp)">
          <h3><xsl:value-of select="ed:label('responsibility')"/></h3>
          <xsl:for-each select="$resp">
            <p><xsl:value-of select="ed:responsibility(.)"/></p>
          </xsl:for-each>
        </xsl:if>
        <xsl:if test="$enc">
          <h3><xsl:value-of select="ed:label('encoding')"/></h3>
          <xsl:apply-templates select="$enc" mode="print-about"/>
        </xsl:if>
        <xsl:if test="$notes">
          <h3><xsl:value-of select="ed:label('source-notes')"/></h3>
          <xsl:for-each select="$notes"><p><xsl:call-template name="print-reader-content"/></p></xsl:for-each>
        </xsl:if>
        <xsl:if test="exists($m?related)">
          <h3><xsl:value-of select="ed:label('related')"/></h3>
          <ul class="related">
            <xsl:for-each select="$m?related">
              <li><xsl:apply-templates select="if (self::tei:relatedItem) then string(@target) else node()"/></li>
            </xsl:for-each>
          </ul>
        </xsl:if>
        <xsl:variable name="citation" select="ed:citation(.)"/>
        <h3><xsl:value-of select="ed:label('how-to-cite')"/></h3>
        <xsl:for-each select="'document', 'edition'">
          <p class="citation">
            <span class="smallcaps"><xsl:value-of select="ed:label('cite-' || .)"/>. </span>
            <xsl:for-each select="ed:chicago-parts($citation(current()), 'bibliography')">
              <xsl:choose>
                <xsl:when test="?italic"><span class="italic"><xsl:value-of select="?text"/></span></xsl:when>
                <xsl:otherwise><xsl:value-of select="?text"/></xsl:otherwise>
              </xsl:choose>
            </xsl:for-each>
          </p>
        </xsl:for-each>
        <xsl:if test="exists($m?changes)">
          <h3><xsl:value-of select="ed:label('changes')"/></h3>
          <ul class="changes">
            <xsl:for-each select="$m?changes">
              <li>
                <xsl:value-of select="string-join((ed:date-text(.), ed:pointer-names(., @who), @status), ', ')"/>
                <xsl:if test="@when or @who or @status">: </xsl:if>
                <xsl:call-template name="print-reader-content"/>
              </li>
            </xsl:for-each>
          </ul>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <xsl:mode name="print-about" on-no-match="shallow-skip"/>

  <xsl:template match="tei:p | tei:licence | tei:ab" mode="print-about">
    <xsl:if test="not(ed:has-markup-names(.)) or exists(ed:reader-sentences(.))">
      <p><xsl:call-template name="print-reader-content"/></p>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:projectDesc | tei:samplingDecl | tei:editorialDecl" mode="print-about">
    <xsl:apply-templates mode="print-about"/>
  </xsl:template>

  <!-- correction, normalization, quotation, hyphenation, interpretation ...: a labelled paragraph. -->
  <xsl:template match="tei:editorialDecl/*[not(self::tei:p)]" mode="print-about">
    <xsl:variable name="label" select="ed:decl-label(.)"/>
    <xsl:for-each select="(tei:p, .[not(tei:p)])[not(ed:has-markup-names(.)) or exists(ed:reader-sentences(.))]">
      <p>
        <xsl:if test="position() = 1"><span class="smallcaps"><xsl:value-of select="$label"/>. </span></xsl:if>
        <xsl:call-template name="print-reader-content"/>
      </p>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
