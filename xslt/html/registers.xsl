<?xml version="1.0" encoding="UTF-8"?>
<!--
  Register entries (person, org, place, event, bibl ... in list* outside <text>):
  their popups (ed:entry-tip), and the register section with back links to every mention
  actually rendered on the page (found in the rendered content, so they always resolve),
  plus a chronology of the dates mentioned.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:h="http://www.w3.org/1999/xhtml"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:key name="ed:by-reg" match="h:*[@data-reg]" use="@data-reg"/>

  <xsl:variable name="ed:name-forms" as="xs:string*"
      select="('persName', 'orgName', 'placeName', 'name', 'title', 'label', 'objectName', 'eventName', 'form', 'geogName')"/>

  <xsl:function name="ed:entry-forms" as="element()*">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="$entry/tei:*[local-name() = $ed:name-forms]"/>
  </xsl:function>

  <xsl:function name="ed:main-form" as="element()?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="forms" select="ed:entry-forms($entry)"/>
    <xsl:variable name="doc-lang" select="(root($entry)/*/@xml:lang, 'en')[1]"/>
    <xsl:sequence select="($forms[@type = ('main', 'full', 'reg')], $forms[not(@xml:lang) or starts-with(@xml:lang, $doc-lang)], $forms)[1]"/>
  </xsl:function>

  <xsl:function name="ed:name-string" as="xs:string">
    <xsl:param name="name" as="element()?"/>
    <xsl:sequence select="if ($name/* and not($name/text()[normalize-space()]))
                          then string-join($name/* ! normalize-space(ed:plain(.))[.], ' ')
                          else normalize-space(ed:plain($name))"/>
  </xsl:function>

  <xsl:function name="ed:entry-name" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="main" select="ed:main-form($entry)"/>
    <xsl:sequence select="(if ($main) then ed:name-string($main)
                           else normalize-space(ed:plain(($entry//tei:title, $entry/tei:desc, $entry/tei:p)[1])))
                          => ed:or(string($entry/@xml:id))"/>
  </xsl:function>

  <xsl:function name="ed:entry-kind" as="xs:string">
    <xsl:param name="entry" as="element()"/>
    <xsl:sequence select="
        if ($entry/self::tei:person or $entry/self::tei:personGrp) then 'person'
        else if ($entry/self::tei:org) then 'organisation'
        else if ($entry/self::tei:place) then 'place-kind'
        else if ($entry/self::tei:event) then 'event'
        else if ($entry/self::tei:bibl or $entry/self::tei:biblStruct) then 'communication'
        else 'entry'"/>
  </xsl:function>

  <!-- "1912–1994", "1950-06-25 – 1953-07-27", "† 1976" ... -->
  <xsl:function name="ed:span" as="xs:string?">
    <xsl:param name="el" as="element()?"/>
    <xsl:variable name="from" select="($el/@from, $el/@notBefore)[1]"/>
    <xsl:variable name="to" select="($el/@to, $el/@notAfter)[1]"/>
    <xsl:sequence select="
        if ($el/@when) then string($el/@when)
        else if ($from or $to) then string-join(($from, '–', $to), '')
        else ()"/>
  </xsl:function>

  <xsl:function name="ed:life" as="xs:string?">
    <xsl:param name="entry" as="element()"/>
    <xsl:variable name="b" select="($entry/tei:birth ! (ed:span(.), normalize-space(ed:plain(.)))[normalize-space()])[1]"/>
    <xsl:variable name="d" select="($entry/tei:death ! (ed:span(.), normalize-space(ed:plain(.)))[normalize-space()])[1]"/>
    <xsl:sequence select="
        if ($b and $d) then $b || '–' || $d
        else if ($b) then ed:label('born') || ' ' || $b
        else if ($d) then ed:label('died') || ' ' || $d
        else if ($entry/self::tei:event or $entry/self::tei:bibl) then (ed:span($entry), ed:span($entry/tei:date[1]))[1]
        else ()"/>
  </xsl:function>

  <!-- Offices, occupations, affiliations: "label (from–to)". -->
  <xsl:function name="ed:roles" as="xs:string*">
    <xsl:param name="entry" as="element()"/>
    <xsl:for-each select="$entry/(tei:state | tei:occupation | tei:affiliation | tei:roleName | tei:faith | tei:nationality | tei:trait | tei:location | tei:country | tei:region)">
      <xsl:variable name="when" select="ed:span(.)"/>
      <xsl:variable name="text" select="normalize-space(ed:plain(if (tei:label) then tei:label else .))"/>
      <xsl:if test="$text">
        <xsl:sequence select="$text || ($when ! (' (' || . || ')')) || (if (@cert = ('low', 'medium', 'unknown')) then ' (' || ed:label('uncertain') || ')' else '')"/>
      </xsl:if>
    </xsl:for-each>
  </xsl:function>

  <!-- The popup content for one entry (phrasing content only: spans, shown as blocks by CSS). -->
  <xsl:template name="ed:entry-tip">
    <xsl:variable name="main" select="ed:main-form(.)"/>
    <span class="ed-tip-kind"><xsl:value-of select="ed:label(ed:entry-kind(.))"/></span>
    <span class="ed-tip-name">
      <xsl:if test="$main/@xml:lang"><xsl:attribute name="lang" select="$main/@xml:lang"/></xsl:if>
      <xsl:value-of select="ed:entry-name(.)"/>
    </span>
    <xsl:variable name="others" select="ed:entry-forms(.) except $main"/>
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
    <xsl:for-each select="ed:roles(.)">
      <span class="ed-tip-role"><xsl:value-of select="."/></span>
    </xsl:for-each>
    <xsl:for-each select="(tei:note, tei:desc, tei:event/tei:p)[normalize-space()]">
      <span class="ed-tip-note"><xsl:value-of select="normalize-space(ed:plain(node()))"/></span>
    </xsl:for-each>
  </xsl:template>

  <!-- ===== The register section ========================================================== -->

  <xsl:variable name="ed:register-lists" as="element()*"
      select="//tei:*[starts-with(local-name(), 'list') and local-name() != 'list']
                     [not(ancestor::tei:text)]
                     [not(ancestor::tei:*[starts-with(local-name(), 'list') and local-name() != 'list'])]
                     [.//tei:*[ed:in-register(.)]]"/>

  <xsl:function name="ed:list-label" as="xs:string">
    <xsl:param name="list" as="element()"/>
    <xsl:sequence select="normalize-space(ed:plain($list/tei:head[1])) => ed:or(ed:label(
        if ($list/self::tei:listPerson) then 'persons'
        else if ($list/self::tei:listOrg) then 'organisations'
        else if ($list/self::tei:listPlace) then 'places'
        else if ($list/self::tei:listEvent) then 'events'
        else if ($list/self::tei:listBibl) then 'bibl'
        else if ($list/self::tei:listObject) then 'objects'
        else if ($list/self::tei:listNym) then 'nyms'
        else 'register'))"/>
  </xsl:function>

  <xsl:template name="ed:registers">
    <xsl:param name="content" as="document-node()"/>
    <xsl:variable name="dates" select="$content//h:*[starts-with(@data-reg, 'reg-date-')]"/>
    <xsl:if test="exists($ed:register-lists) or exists($dates)">
      <section id="registers" class="ed-section ed-registers" aria-labelledby="registers-h">
        <h2 id="registers-h"><xsl:value-of select="ed:label('registers')"/></h2>
        <xsl:for-each select="$ed:register-lists">
          <xsl:variable name="hid" select="'reg-list-' || position()"/>
          <section class="ed-register ed-register-{local-name()}" aria-labelledby="{$hid}">
            <h3 id="{$hid}"><xsl:value-of select="ed:list-label(.)"/></h3>
            <ul class="ed-entries">
              <xsl:for-each select=".//tei:*[ed:in-register(.)]">
                <xsl:call-template name="ed:register-entry">
                  <xsl:with-param name="content" select="$content"/>
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
                <xsl:sort select="(current-group()//h:span[@class = 'ed-iso'])[1]"/>
                <xsl:variable name="iso" select="string((current-group()//h:span[@class = 'ed-iso'])[1])"/>
                <li id="{current-grouping-key()}" class="ed-entry">
                  <span class="ed-entry-name">
                    <xsl:choose>
                      <xsl:when test="exists(ed:html-datetime($iso))">
                        <time datetime="{$iso}"><xsl:value-of select="$iso"/></time>
                      </xsl:when>
                      <xsl:otherwise><xsl:value-of select="$iso"/></xsl:otherwise>
                    </xsl:choose>
                  </span>
                  <xsl:text> </xsl:text>
                  <span class="ed-entry-forms">
                    <xsl:value-of select="distinct-values(current-group()//h:span[@class = 'ed-tip-name'] ! normalize-space())" separator=" · "/>
                  </span>
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

  <xsl:template name="ed:register-entry">
    <xsl:param name="content" as="document-node()"/>
    <xsl:variable name="main" select="ed:main-form(.)"/>
    <xsl:variable name="others" select="ed:entry-forms(.) except $main"/>
    <li id="{ed:reg-id(.)}" class="ed-entry ed-entry-{local-name()}">
      <h4 class="ed-entry-name">
        <xsl:if test="$main/@xml:lang"><xsl:attribute name="lang" select="$main/@xml:lang"/></xsl:if>
        <xsl:value-of select="ed:entry-name(.)"/>
        <xsl:if test="@cert = ('low', 'medium', 'unknown')">
          <span class="ed-cert"> (<xsl:value-of select="ed:label('uncertain')"/>)</span>
        </xsl:if>
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
      <xsl:variable name="roles" select="ed:roles(.)"/>
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
      <xsl:for-each select="(tei:note, tei:desc)[normalize-space()]">
        <div class="ed-entry-note">
          <xsl:apply-templates>
            <xsl:with-param name="ed:render" select="'link'" tunnel="yes"/>
          </xsl:apply-templates>
        </div>
      </xsl:for-each>
      <xsl:call-template name="ed:backlinks">
        <xsl:with-param name="mentions" select="key('ed:by-reg', ed:reg-id(.), $content)"/>
      </xsl:call-template>
    </li>
  </xsl:template>

  <xsl:template name="ed:backlinks">
    <xsl:param name="mentions" as="element()*"/>
    <p class="ed-backlinks">
      <xsl:choose>
        <xsl:when test="empty($mentions)">
          <xsl:value-of select="ed:label('not-mentioned')"/>
        </xsl:when>
        <xsl:otherwise>
          <span class="ed-backlinks-label"><xsl:value-of select="ed:label('mentions')"/>: </span>
          <xsl:for-each select="$mentions">
            <xsl:variable name="note" select="ancestor::h:li[starts-with(@id, 'note-')][1]"/>
            <xsl:variable name="section" select="ancestor::h:section[@id][last()]/@id"/>
            <xsl:if test="position() gt 1"><xsl:text> </xsl:text></xsl:if>
            <a href="#{@id}" class="ed-backlink">
              <xsl:value-of select="
                  if ($note) then ed:label('note') || ' ' || substring-after($note/@id, 'note-')
                  else if ($section = 'about') then ed:label('about')
                  else ed:label('text') || ' ' || position()"/>
            </a>
          </xsl:for-each>
        </xsl:otherwise>
      </xsl:choose>
    </p>
  </xsl:template>
</xsl:stylesheet>
