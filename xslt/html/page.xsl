<?xml version="1.0" encoding="UTF-8"?>
<!--
  The page shell: head (meta, citation tags, canonical link, inline CSS), skip link, banner
  with title, contents, downloads and reading toggle, main (about, text and notes, registers,
  citation), footer, inline script. The content is built first, the registers are derived from it (so back
  links always resolve), and a last pass (mode ed:finish) turns internal links whose target
  is not on the page into plain text.

  Parameters:
    lang      labels: en (default), de, fr
    sections  comma list of about,text,notes,registers,citation (default: all)
    toggle    on (default) / off: the diplomatic/normalised reading button
    css-href  URL of an extra stylesheet to link (http(s) or relative only)
    downloads formats written beside the page (text, pdf, tei): linked in the top bar
    base-url, page-path  (common/citation.xsl) the canonical URL, <link rel="canonical">

  Layout: a top bar (contents, downloads, reading toggle), the title with one line of date,
  place and archival reference, "About this document" as a collapsed disclosure, then the
  text with its notes (div.ed-reading: notes beside the text on wide screens, below it on
  narrow ones; edition.js aligns each note with its call), registers, citation.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:param name="sections" as="xs:string" select="'about,text,notes,registers,citation'"/>
  <xsl:param name="toggle" as="xs:string" select="'on'"/>
  <xsl:param name="css-href" as="xs:string" select="''"/>
  <!-- Formats written beside this page, linked as downloads: any of text, pdf, tei (the build
       sets it to what it writes). -->
  <xsl:param name="downloads" as="xs:string" select="''"/>

  <xsl:variable name="ed:downloads" as="xs:string*"
      select="('tei', 'pdf', 'text')[. = tokenize(lower-case($downloads), '[,;\s]+')]"/>

  <xsl:variable name="ed:sections" as="xs:string*" select="tokenize(lower-case($sections), '[,;\s]+')[.]"/>

  <xsl:function name="ed:section-wanted" as="xs:boolean">
    <xsl:param name="name" as="xs:string"/>
    <xsl:sequence select="$name = $ed:sections or 'all' = $ed:sections"/>
  </xsl:function>

  <xsl:template match="/">
    <xsl:variable name="content" as="document-node()">
      <xsl:document>
        <xsl:if test="ed:section-wanted('about')">
          <xsl:call-template name="ed:about">
            <xsl:with-param name="header" select="$ed:header"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:if test="ed:section-wanted('text')">
          <xsl:call-template name="ed:text-section"/>
        </xsl:if>
        <xsl:if test="ed:section-wanted('notes')">
          <xsl:call-template name="ed:notes"/>
        </xsl:if>
      </xsl:document>
    </xsl:variable>
    <xsl:call-template name="ed:report-unknown">
      <xsl:with-param name="content" select="$content"/>
    </xsl:call-template>
    <xsl:variable name="page" as="document-node()">
      <xsl:document>
        <xsl:call-template name="ed:page">
          <xsl:with-param name="content" select="$content"/>
        </xsl:call-template>
      </xsl:document>
    </xsl:variable>
    <xsl:apply-templates select="$page" mode="ed:finish">
      <xsl:with-param name="ids" tunnel="yes" as="map(xs:string, xs:boolean)"
          select="map:merge($page//@id ! map{string(.): true()}, map{'duplicates': 'use-first'})"/>
    </xsl:apply-templates>
  </xsl:template>

  <xsl:template name="ed:page">
    <xsl:param name="content" as="document-node()"/>
    <xsl:variable name="title" select="ed:title(/)"/>
    <xsl:variable name="doc-lang" select="(/*/@xml:lang, //tei:text[1]/@xml:lang)[1]"/>
    <xsl:variable name="has-choice" select="exists(//tei:choice[exists(ed:diplomatic-readings(.)) and exists(ed:normalised-readings(.))]
                                                                [not(ed:keeps-source(.))])"/>
    <xsl:variable name="canonical" select="ed:page-url(/)"/>
    <html lang="{ed:ui-lang()}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="$title"/></title>
        <meta name="generator" content="tei-edition"/>
        <xsl:if test="$canonical">
          <link rel="canonical" href="{$canonical}"/>
        </xsl:if>
        <xsl:call-template name="ed:citation-meta"/>
        <style id="ed-css"><xsl:value-of select="$ed:css"/></style>
        <xsl:variable name="renditions" select="ed:rendition-css()"/>
        <xsl:if test="$renditions">
          <style id="ed-rendition"><xsl:value-of select="$renditions"/></style>
        </xsl:if>
        <xsl:variable name="user-css" select="ed:safe-url($css-href)"/>
        <xsl:if test="exists($user-css) and not(starts-with($user-css, 'mailto:'))">
          <link rel="stylesheet" href="{$user-css}"/>
        </xsl:if>
      </head>
      <body class="ed-normalised">
        <a class="ed-skip" href="#{if (ed:section-wanted('text')) then 'text' else 'main'}"><xsl:value-of select="ed:label('skip')"/></a>
        <header class="ed-banner">
          <div class="ed-topbar">
            <nav aria-label="{ed:label('contents')}" class="ed-nav">
              <ul>
                <xsl:for-each select="('text', 'notes', 'about', 'registers', 'citation')[ed:section-wanted(.)]">
                  <li><a href="#{.}"><xsl:value-of select="ed:label(.)"/></a></li>
                </xsl:for-each>
              </ul>
            </nav>
            <xsl:call-template name="ed:downloads"/>
            <xsl:if test="$has-choice and not(lower-case($toggle) = ('off', 'no', 'false', '0'))">
              <button type="button" id="ed-toggle" class="ed-toggle" aria-pressed="false" hidden="hidden"
                      title="{ed:label('toggle-hint')}">
                <xsl:value-of select="ed:label('toggle')"/>
              </button>
            </xsl:if>
          </div>
          <h1>
            <xsl:if test="$doc-lang"><xsl:attribute name="lang" select="$doc-lang"/></xsl:if>
            <xsl:value-of select="$title"/>
          </h1>
          <xsl:for-each select="ed:metadata(/)?subtitles[1]">
            <p class="ed-subtitle">
              <xsl:if test="$doc-lang"><xsl:attribute name="lang" select="$doc-lang"/></xsl:if>
              <xsl:value-of select="."/>
            </p>
          </xsl:for-each>
          <xsl:call-template name="ed:docline"/>
        </header>
        <main id="main" tabindex="-1">
          <xsl:sequence select="$content/h:section[@id = 'about']"/>
          <xsl:variable name="reading" select="$content/node() except $content/h:section[@id = 'about']"/>
          <xsl:if test="exists($reading)">
            <div class="ed-reading{if ($content/h:section[@id = 'notes']) then ' ed-with-notes' else ''}">
              <xsl:sequence select="$reading"/>
            </div>
          </xsl:if>
          <xsl:if test="ed:section-wanted('registers')">
            <xsl:call-template name="ed:registers">
              <xsl:with-param name="content" select="$content"/>
            </xsl:call-template>
          </xsl:if>
          <xsl:if test="ed:section-wanted('citation')">
            <xsl:call-template name="ed:citation"/>
          </xsl:if>
        </main>
        <footer class="ed-footer">
          <p><xsl:value-of select="ed:label('generated')"/></p>
        </footer>
        <script id="ed-js"><xsl:value-of select="$ed:js"/></script>
      </body>
    </html>
  </xsl:template>

  <!-- One line under the title, as an archive's page has it: the document's date and place,
       and where the original is kept. -->
  <xsl:template name="ed:docline">
    <xsl:variable name="m" select="ed:metadata(/)"/>
    <xsl:variable name="parts" select="(string-join(($m?date ! ed:or(ed:date-text(.), ed:flat(.)), $m?place ! ed:flat(.))[.], ', '),
                                        $m?archive-id)[normalize-space()]"/>
    <xsl:if test="exists($parts) and not(/tei:teiCorpus)">
      <p class="ed-docline"><xsl:value-of select="$parts" separator=" · "/></p>
    </xsl:if>
  </xsl:template>

  <!-- Links to the files written beside this page ($downloads: text, pdf, tei), named like it. -->
  <xsl:template name="ed:downloads">
    <xsl:variable name="base" select="tokenize((normalize-space($page-path)[.], replace(string(base-uri(/)), '^.*/|\.[^./]*$', ''))[1], '/')[last()]"/>
    <xsl:variable name="links" select="for $f in $ed:downloads return
        map{'format': $f, 'href': encode-for-uri($base) || map{'text': '.txt', 'pdf': '.pdf', 'tei': '.xml'}($f)}"/>
    <xsl:if test="exists($links) and $base">
      <p class="ed-downloads">
        <span class="ed-downloads-label"><xsl:value-of select="ed:label('downloads')"/>: </span>
        <xsl:for-each select="$links">
          <xsl:if test="position() gt 1"><xsl:text> · </xsl:text></xsl:if>
          <a href="{?href}" download="" class="ed-download ed-download-{?format}"><xsl:value-of select="ed:label('dl-' || ?format)"/></a>
        </xsl:for-each>
      </p>
    </xsl:if>
  </xsl:template>

  <xsl:template name="ed:text-section">
    <xsl:variable name="texts" select="//tei:text[not(ancestor::tei:text)]"/>
    <section id="text" class="ed-section ed-text" aria-labelledby="text-h">
      <h2 id="text-h" class="ed-vh"><xsl:value-of select="ed:label('text')"/></h2>
      <xsl:choose>
        <xsl:when test="/tei:teiCorpus">
          <xsl:for-each select="$texts">
            <xsl:variable name="tei" select="ancestor::tei:TEI[1]"/>
            <article class="ed-corpus-member" aria-labelledby="text-h-{position()}">
              <h3 id="text-h-{position()}">
                <xsl:value-of select="ed:title($tei)"/>
              </h3>
              <xsl:apply-templates select=".">
                <xsl:with-param name="ed:level" select="4" tunnel="yes"/>
              </xsl:apply-templates>
            </article>
          </xsl:for-each>
        </xsl:when>
        <xsl:when test="$texts">
          <xsl:apply-templates select="$texts">
            <xsl:with-param name="ed:level" select="3" tunnel="yes"/>
          </xsl:apply-templates>
        </xsl:when>
        <xsl:otherwise>
          <div class="ed-nontei">
            <xsl:apply-templates select="/*"/>
          </div>
        </xsl:otherwise>
      </xsl:choose>
      <xsl:call-template name="ed:legend">
        <xsl:with-param name="in" select="$texts"/>
      </xsl:call-template>
    </section>
  </xsl:template>

  <!-- What the marks of certainty mean, when the text has them: "?" after a name whose
       identification is uncertain, "probable" in the popups of likely identifications. -->
  <xsl:template name="ed:legend">
    <xsl:param name="in" as="node()*"/>
    <xsl:variable name="certs" select="distinct-values($in//*[ed:is(., 'name')][@ref or @key] ! ed:mention-cert(.))"/>
    <xsl:if test="$certs = ('low', 'unknown', 'medium')">
      <aside class="ed-legend" aria-label="{ed:label('legend')}">
        <p>
          <span class="ed-legend-label"><xsl:value-of select="ed:label('legend')"/>: </span>
          <xsl:if test="$certs = ('low', 'unknown')">
            <span class="ed-legend-item"><span class="ed-mark" aria-hidden="true">?</span><xsl:text> </xsl:text>
              <xsl:value-of select="ed:label('legend-low')"/>.</span>
          </xsl:if>
          <xsl:if test="$certs = 'medium'">
            <xsl:text> </xsl:text>
            <span class="ed-legend-item"><xsl:value-of select="ed:_capitalise(ed:label('legend-medium'))"/>.</span>
          </xsl:if>
        </p>
      </aside>
    </xsl:if>
  </xsl:template>

  <xsl:function name="ed:_capitalise" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="upper-case(substring($s, 1, 1)) || substring($s, 2)"/>
  </xsl:function>

  <!-- tei:text carries the document language when only the TEI root declares it. -->
  <xsl:template match="tei:text[not(@xml:lang)][ed:lang(.)]" priority="1">
    <div lang="{ed:lang(.)}">
      <xsl:call-template name="ed:attrs"/>
      <xsl:apply-templates/>
    </div>
  </xsl:template>

  <!-- CSS from tagsDecl/rendition (scheme css or none), sanitised, as classes. -->
  <xsl:function name="ed:rendition-css" as="xs:string?">
    <xsl:variable name="rules" as="xs:string*">
      <xsl:for-each select="$ed:header//tei:tagsDecl//tei:rendition[@xml:id][not(@scheme) or @scheme = 'css']">
        <xsl:variable name="css" select="ed:safe-css(string(.))"/>
        <xsl:if test="exists($css)">
          <xsl:sequence select="'.rendition-' || ed:token(@xml:id) || ' { ' || $css || ' }'"/>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:sequence select="if (exists($rules)) then string-join($rules, '&#10;') else ()"/>
  </xsl:function>

  <!-- One warning per document: the elements rendered by the fallback, with counts. -->
  <xsl:template name="ed:report-unknown">
    <xsl:param name="content" as="document-node()"/>
    <xsl:variable name="unknown" select="$content//h:span[@data-tei]"/>
    <xsl:if test="exists($unknown)">
      <xsl:variable name="counts" as="xs:string*">
        <xsl:for-each-group select="$unknown" group-by="string(@data-tei)">
          <xsl:sort select="count(current-group())" order="descending"/>
          <xsl:sort select="current-grouping-key()"/>
          <xsl:sequence select="current-grouping-key() || ' (' || count(current-group()) || ')'"/>
        </xsl:for-each-group>
      </xsl:variable>
      <xsl:message select="'html: ' || count($counts) || ' element type(s) without a specific rendering, shown as plain text: ' || string-join($counts, ', ')"/>
    </xsl:if>
  </xsl:template>

  <!-- ===== Last pass ===== -->
  <xsl:mode name="ed:finish" on-no-match="shallow-copy"/>
  <xsl:template match="h:a[starts-with(@href, '#')]" mode="ed:finish">
    <xsl:param name="ids" tunnel="yes" as="map(xs:string, xs:boolean)"/>
    <xsl:choose>
      <xsl:when test="map:contains($ids, substring(@href, 2))">
        <xsl:next-match/>
      </xsl:when>
      <xsl:otherwise>
        <span>
          <xsl:copy-of select="@class | @aria-describedby"/>
          <xsl:if test="@aria-describedby"><xsl:attribute name="tabindex" select="'0'"/></xsl:if>
          <xsl:apply-templates mode="ed:finish"/>
        </span>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- The fallback's bookkeeping attribute is not needed on the page. -->
  <xsl:template match="@data-tei" mode="ed:finish"/>
</xsl:stylesheet>
