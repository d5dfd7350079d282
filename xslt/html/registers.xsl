<?xml version="1.0" encoding="UTF-8"?>
<!--
  Register entries (person, org, place, event, bibl ... in list* outside <text>, or in
  register files the document points to): their popups (ed:entry-tip), and the register
  section with back links to every mention actually rendered on the page (found in the
  rendered content, so they always resolve), plus a chronology of the dates mentioned.
  What an entry is, its names, kind, dates and notes: common/registers.xsl.
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

  <!-- The popup of an entry, built once per entry however often the text mentions it (a
       name mentioned 24 times costs one popup); the template below says what is in it. -->
  <xsl:function name="ed:entry-tip" as="node()*" cache="yes">
    <xsl:param name="entry" as="element()"/>
    <xsl:for-each select="$entry">
      <xsl:call-template name="ed:entry-tip"/>
    </xsl:for-each>
  </xsl:function>

  <!-- The popup content for one entry (phrasing content only: spans, shown as blocks by CSS). -->
  <xsl:template name="ed:entry-tip">
    <xsl:variable name="main" select="ed:main-form(.)"/>
    <span class="ed-tip-kind"><xsl:value-of select="ed:kind-label(ed:entry-kind(.))"/></span>
    <span class="ed-tip-name">
      <xsl:if test="$main/@xml:lang"><xsl:attribute name="lang" select="$main/@xml:lang"/></xsl:if>
      <xsl:value-of select="ed:entry-name(.)"/>
      <xsl:variable name="cert" select="ed:cert(.)"/>
      <xsl:for-each select="ed:cert-text(.)">
        <span class="ed-cert ed-cert-{$cert}"> (<xsl:value-of select="."/>)</span>
      </xsl:for-each>
    </span>
    <xsl:variable name="others" select="ed:other-forms(.)"/>
    <xsl:if test="$others">
      <span class="ed-tip-forms">
        <xsl:for-each select="$others">
          <xsl:if test="position() gt 1"> · </xsl:if>
          <span>
            <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
            <xsl:value-of select="ed:name-string(.)"/>
          </span>
        </xsl:for-each>
      </span>
    </xsl:if>
    <xsl:for-each select="ed:life(.)">
      <span class="ed-tip-dates"><xsl:value-of select="."/></span>
    </xsl:for-each>
    <xsl:for-each select="ed:entry-details(.)">
      <span class="ed-tip-role"><xsl:value-of select="."/></span>
    </xsl:for-each>
    <xsl:for-each select="ed:entry-notes(.)">
      <span class="ed-tip-note"><xsl:value-of select="normalize-space(ed:plain(node()))"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== The register section ========================================================== -->

  <!-- Entries of register files (not of this document) that the document points to. -->
  <xsl:variable name="ed:_external-entries" as="element()*"
      select="if (empty($ed:registers)) then ()
              else ed:referenced-entries($ed:_source)[not(ed:is-local(.))][ed:in-register(.)]"/>

  <!-- The lists the register section shows: this document's outermost lists of entries
       outside <text>, then, per register file, the outermost lists holding entries the
       document points to. -->
  <xsl:variable name="ed:register-lists" as="element()*">
    <xsl:variable name="outermost" select="function($in) { $in/ancestor-or-self::tei:*[starts-with(local-name(), 'list')
                                                                   and local-name() != 'list'][last()] }"/>
    <xsl:sequence select="//tei:*[starts-with(local-name(), 'list') and local-name() != 'list']
                                 [not(ancestor::tei:text)]
                                 [not(ancestor::tei:*[starts-with(local-name(), 'list') and local-name() != 'list'])]
                                 [.//tei:*[ed:in-register(.)]]"/>
    <xsl:for-each select="$ed:registers">
      <xsl:variable name="doc" select="."/>
      <xsl:sequence select="($ed:_external-entries[root(.) is $doc] ! $outermost(..))/."/>
    </xsl:for-each>
  </xsl:variable>

  <!-- The entries of one of those lists that the section shows. -->
  <xsl:function name="ed:register-entries" as="element()*">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="if (ed:is-local($list)) then $list//tei:*[ed:in-register(.)]
                          else $list//tei:* intersect $ed:_external-entries"/>
  </xsl:function>

  <xsl:function name="ed:list-label" as="xs:string">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="normalize-space(ed:plain($list/tei:head[1])) => ed:or(ed:kinds-label(ed:list-kind($list)))"/>
  </xsl:function>

  <xsl:template name="ed:registers">
    <xsl:param name="content" as="document-node()"/>
    <xsl:variable name="dates" select="$content//h:*[starts-with(@data-reg, 'reg-date-')]"/>
    <xsl:variable name="mentions" as="map(xs:string, element()*)"
        select="map:merge(($content//h:*[@data-reg] ! map{string(@data-reg): .},
                           $content//h:*[@data-who] ! (for $r in tokenize(@data-who) return map{$r: .})),
                          map{'duplicates': 'combine'})"/>
    <xsl:if test="exists($ed:register-lists) or exists($dates)">
      <section id="registers" class="ed-section ed-registers" aria-labelledby="registers-h">
        <h2 id="registers-h"><xsl:value-of select="ed:label('registers')"/></h2>
        <xsl:for-each select="$ed:register-lists">
          <xsl:variable name="hid" select="'reg-list-' || position()"/>
          <section class="ed-register ed-register-{local-name()}" aria-labelledby="{$hid}">
            <h3 id="{$hid}"><xsl:value-of select="ed:list-label(.)"/></h3>
            <ul class="ed-entries">
              <xsl:for-each select="ed:register-entries(.)">
                <xsl:call-template name="ed:register-entry">
                  <xsl:with-param name="mentions" select="$mentions(ed:reg-id(.))"/>
                </xsl:call-template>
              </xsl:for-each>
            </ul>
          </section>
        </xsl:for-each>
        <xsl:if test="exists($dates)">
          <section class="ed-register ed-register-dates" aria-labelledby="reg-list-dates">
            <h3 id="reg-list-dates"><xsl:value-of select="ed:label('dates')"/></h3>
            <ul class="ed-entries ed-chronology">
              <xsl:for-each-group select="$dates" group-by="@data-reg">
                <xsl:sort select="string(current-group()[1]/@data-iso)"/>
                <xsl:variable name="iso" select="string(current-group()[1]/@data-iso)"/>
                <xsl:variable name="words" select="string((current-group()//h:span[@class = 'ed-tip-name'])[1])"/>
                <li id="{current-grouping-key()}" class="ed-entry">
                  <span class="ed-entry-name">
                    <xsl:choose>
                      <xsl:when test="exists(ed:html-datetime($iso))">
                        <time datetime="{$iso}"><xsl:value-of select="ed:or($words, $iso)"/></time>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="ed:or($words, $iso)"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                  <xsl:variable name="written" select="distinct-values(current-group()//h:span[@class = 'ed-tip-written'] ! normalize-space())"/>
                  <xsl:if test="exists($written)">
                    <xsl:text> </xsl:text>
                    <span class="ed-entry-forms">(<xsl:value-of select="$written" separator=" · "/>)</span>
                  </xsl:if>
                  <xsl:call-template name="ed:backlinks">
                    <xsl:with-param name="mentions" select="current-group()"/>
                  </xsl:call-template>
                </li>
              </xsl:for-each-group>
            </ul>
          </section>
        </xsl:if>
      </section>
    </xsl:if>
  </xsl:template>

  <!-- One entry of the register section (context: the entry); $mentions: the rendered
       mentions that link to it. -->
  <xsl:template name="ed:register-entry">
    <xsl:param name="mentions" as="element()*"/>
    <xsl:variable name="main" select="ed:main-form(.)"/>
    <xsl:variable name="others" select="ed:other-forms(.)"/>
    <li id="{ed:reg-id(.)}" class="ed-entry ed-entry-{local-name()}">
      <h4 class="ed-entry-name">
        <xsl:if test="$main/@xml:lang"><xsl:attribute name="lang" select="$main/@xml:lang"/></xsl:if>
        <xsl:value-of select="ed:entry-name(.)"/>
        <xsl:variable name="cert" select="ed:cert(.)"/>
        <xsl:for-each select="ed:cert-text(.)">
          <span class="ed-cert ed-cert-{$cert}"> (<xsl:value-of select="."/>)</span>
        </xsl:for-each>
      </h4>
      <xsl:if test="$others">
        <p class="ed-entry-forms">
          <xsl:for-each select="$others">
            <xsl:if test="position() gt 1"> · </xsl:if>
            <span>
              <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
              <xsl:value-of select="ed:name-string(.)"/>
            </span>
            <xsl:if test="@type and not(@type = ('main', 'alt'))">
              <span class="ed-form-type"> (<xsl:value-of select="@type"/>)</span>
            </xsl:if>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="ed:life(.)">
        <p class="ed-entry-dates"><xsl:value-of select="."/></p>
      </xsl:for-each>
      <xsl:variable name="roles" select="ed:entry-details(.)"/>
      <xsl:if test="exists($roles)">
        <ul class="ed-entry-roles">
          <xsl:for-each select="$roles"><li><xsl:value-of select="."/></li></xsl:for-each>
        </ul>
      </xsl:if>
      <xsl:if test="tei:idno">
        <p class="ed-entry-ids">
          <xsl:for-each select="tei:idno">
            <xsl:if test="position() gt 1">; </xsl:if>
            <xsl:value-of select="(@type ! (. || ' ')) || normalize-space(.)"/>
          </xsl:for-each>
        </p>
      </xsl:if>
      <xsl:for-each select="ed:entry-notes(.)">
        <div class="ed-entry-note">
          <xsl:apply-templates>
            <xsl:with-param name="ed:render" select="'link'" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
      </xsl:for-each>
      <xsl:call-template name="ed:backlinks">
        <xsl:with-param name="mentions" select="$mentions"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <!-- Where each mention is, as a reader finds it: "¶2" (the paragraph's number in the
       text), "note 5", "heading", "item 1", "Speech 3" (a speech of the speaker), "About this
       document". Mentions in the same place
       make one link (to the first of them) with their number: "¶2 (3)". -->
  <xsl:function name="ed:mention-place" as="xs:string">
    <xsl:param name="m" as="element()"/>
    <xsl:variable name="note" select="$m/ancestor::h:li[starts-with(@id, 'note-')][1]"/>
    <xsl:variable name="section" select="$m/ancestor::h:section[@id][last()]/@id"/>
    <xsl:variable name="block" select="$m/ancestor::h:*[tokenize(@class) = ('tei-p', 'tei-ab', 'tei-head', 'tei-item',
                                          'tei-label', 'tei-opener', 'tei-closer')][1]"/>
    <xsl:variable name="kind" select="$block/tokenize(@class)[starts-with(., 'tei-')][1]"/>
    <xsl:variable name="text" select="$m/ancestor::h:section[@id = 'text']"/>
    <xsl:sequence select="
        if ($note) then ed:label('note-abbr') || ' ' || ($note/@data-n, substring-after($note/@id, 'note-'))[1]
        else if ($section = 'about') then ed:label('about')
        else if ($m/@data-who and exists($text))
             then ed:label('speech') || ' ' || ed:_text-places($text)(generate-id($m))
        else if (empty($block) or empty($text)) then ed:label('text')
        else if ($kind = ('tei-p', 'tei-ab'))
             then '¶' || ed:_text-places($text)(generate-id($block))
        else if ($kind = ('tei-item', 'tei-label'))
             then ed:label('item') || ' ' || (count($block/preceding-sibling::h:*[tokenize(@class) = $kind]) + 1)
        else ed:label(substring-after($kind, 'tei-') ! (if (. = 'head') then 'heading' else .))"/>
  </xsl:function>

  <!-- The numbers of ed:mention-place, counted once per page rather than once per mention
       (counting preceding elements for each of them grew with the square of the page): each
       paragraph (p, ab) of the text section by its number, each speech (@data-who) by its
       number among the speeches, as many as precede it (not counting those it is inside). -->
  <xsl:function name="ed:_text-places" as="map(xs:string, xs:integer)" cache="yes">
    <xsl:param name="text" as="element()"/>
    <xsl:variable name="blocks" select="$text//h:*[tokenize(@class) = ('tei-p', 'tei-ab')]"/>
    <xsl:variable name="speeches" select="$text//h:*[@data-who]"/>
    <xsl:sequence select="map:merge((
        for $i in 1 to count($blocks) return $blocks[$i] ! map{generate-id(.):
            $i - count(ancestor::h:*[tokenize(@class) = ('tei-p', 'tei-ab')] intersect $blocks)},
        for $i in 1 to count($speeches) return $speeches[$i] ! map{generate-id(.):
            $i - count(ancestor::h:*[@data-who] intersect $speeches)}))"/>
  </xsl:function>

  <xsl:template name="ed:backlinks">
    <xsl:param name="mentions" as="element()*"/>
    <p class="ed-backlinks">
      <xsl:choose>
        <xsl:when test="empty($mentions)">
          <xsl:value-of select="ed:label('not-mentioned')"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="ed-backlinks-label"><xsl:value-of select="ed:label('mentions')"/>: </span>
          <xsl:for-each-group select="$mentions/." group-adjacent="ed:mention-place(.)">
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <a href="#{@id}" class="ed-backlink">
              <xsl:value-of select="current-grouping-key()"/>
              <xsl:if test="count(current-group()) gt 1">
                <span class="ed-backlink-count"> (<xsl:value-of select="count(current-group())"/>)</span>
              </xsl:if>
            </a>
          </xsl:for-each-group>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
