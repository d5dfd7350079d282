<?xml version="1.0" encoding="UTF-8"?>
<!--
  Block-level TEI in the print edition: divisions and headings, paragraphs, letters'
  openers and closers, verse, drama, lists, tables, figures, quotations, examples and
  registers printed as text.

  The tunnel parameter $in-p is true inside an HTML <p>, a heading or a footnote: there a
  block becomes a <span class="block"> (display: block), because an HTML parser closes a
  <p> at the start of a <div>, <ul> or <table>. Elements this module does not know are
  passed through (their text and children are kept).
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:teix="http://www.tei-c.org/ns/Examples"
    xmlns:ed="urn:tei-edition:functions"
    xmlns="http://www.w3.org/1999/xhtml"
    exclude-result-prefixes="#all">

  <xsl:mode on-no-match="text-only-copy" use-accumulators="#all"/>

  <!-- Not running text (common/roles.xsl): the header and standOff are printed by the front
       matter and the index; forme work and data are not printed. -->
  <xsl:template _match="{$ed:match?hidden} | {$ed:match?furniture} | ({$ed:match?data})[not(normalize-space())]"/>

  <xsl:template match="tei:text">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$in-p or ancestor::tei:text">
        <span class="block text-nested"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <div class="text">
          <div class="run-doc" data-run="{ed:short(ed:title((ancestor::tei:TEI[1], /*)[1]))}"></div>
          <div class="run-sec" data-run="{if (exists(.//tei:head)) then ed:section-run((.//tei:head)[1]) else ''}"></div>
          <xsl:apply-templates/>
        </div>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- A container that is a <div> outside a paragraph and a block <span> inside one. -->
  <xsl:template name="ed:block">
    <xsl:param name="class" as="xs:string"/>
    <xsl:param name="content" as="item()*"/>
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($in-p) then 'span' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="if ($in-p) then $class || ' block' else $class"/>
      <xsl:if test="@xml:id or (self::tei:sp and @who) or self::tei:div or self::tei:div1">
        <xsl:attribute name="id" select="ed:anchor(.)"/>
      </xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:sequence select="$content"/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:front | tei:body | tei:back | tei:group">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="local-name()"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- ===== divisions and headings ===== -->

  <xsl:function name="ed:div-level" as="xs:integer">
    <xsl:param name="div" as="element()"/>
    <xsl:sequence select="count($div/ancestor::*[self::tei:div or matches(local-name(), '^div[1-7]$')]
                                [ancestor::tei:text]) + 1"/>
  </xsl:function>

  <xsl:template match="tei:div | tei:div1 | tei:div2 | tei:div3 | tei:div4 | tei:div5 | tei:div6 | tei:div7">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="string-join(('div', 'level' || ed:div-level(.), @type ! replace(., '\W', '')), ' ')"/>
      <xsl:with-param name="content">
        <xsl:if test="tei:head and not($in-p)">
          <div class="run-sec" data-run="{ed:section-run(tei:head[1])}"></div>
        </xsl:if>
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:variable name="level" select="min((6, if (parent::*[self::tei:div or matches(local-name(), '^div[1-7]$')])
                                         then ed:div-level(..) + 1 else 4))"/>
    <xsl:element name="{if ($in-p) then 'span' else 'h' || $level}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join(('head', @type, if ($in-p) then 'block bold' else ()), ' ')"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:if test="not(preceding-sibling::tei:head) and ../@xml:id and not(@xml:id)">
        <xsl:attribute name="id" select="ed:anchor(..) || '-head'"/>
      </xsl:if>
      <xsl:apply-templates>
        <xsl:with-param name="in-p" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- ===== paragraphs ===== -->

  <xsl:template match="tei:p | tei:ab">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($in-p) then 'span' else 'p'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="string-join((local-name(), @type, if ($in-p) then 'block' else ()), ' ')"/>
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:if test="@xml:lang"><xsl:attribute name="lang" select="@xml:lang"/></xsl:if>
      <xsl:apply-templates>
        <xsl:with-param name="in-p" select="true()" tunnel="yes"/>
      </xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <!-- ===== letters and documents ===== -->

  <xsl:template match="tei:opener | tei:closer | tei:postscript | tei:argument | tei:epigraph
                       | tei:titlePage | tei:docTitle | tei:docImprint">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="local-name()"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:trailer | tei:titlePart">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="local-name() || ' sans'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Parts of openers and closers: each on its own line (dateline and signature right). -->
  <xsl:template match="tei:dateline | tei:salute | tei:signed | tei:byline | tei:docAuthor | tei:docDate
                       | tei:address | tei:addrLine | tei:opener/tei:seg | tei:closer/tei:seg">
    <span class="{string-join((local-name(), @type, 'block', if (self::tei:seg and @type = ('priority', 'classification')) then 'mark' else ()), ' ')}">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- ===== verse ===== -->

  <xsl:template match="tei:lg">
    <span class="lg block">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
    </span>
  </xsl:template>

  <xsl:template match="tei:l">
    <span class="l block">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
    </span>
  </xsl:template>

  <!-- ===== drama ===== -->

  <xsl:template match="tei:sp">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="'sp'"/>
      <xsl:with-param name="content">
        <xsl:apply-templates/>
      </xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:speaker">
    <span class="speaker"><xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <xsl:template match="tei:stage | tei:move">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:element name="{if ($in-p or parent::tei:sp) then 'span' else 'div'}" namespace="http://www.w3.org/1999/xhtml">
      <xsl:attribute name="class" select="if (parent::tei:p or parent::tei:l or parent::tei:ab) then 'stage' else 'stage block'"/>
      <xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:castList | tei:castGroup | tei:spGrp | tei:u">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="local-name()"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:castItem | tei:roleGroup">
    <span class="{local-name()} block">
      <xsl:for-each select="node()">
        <xsl:if test="self::tei:roleDesc and preceding-sibling::node()[1][self::*]">, </xsl:if>
        <xsl:apply-templates select="."><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- ===== lists ===== -->

  <xsl:template match="tei:list | tei:listBibl | tei:listPerson | tei:listPlace | tei:listOrg | tei:listEvent
                       | tei:listApp | tei:listWit | tei:table[ancestor::tei:note]">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <!-- an item without text is not printed (no empty bullets), nor a list without items -->
    <xsl:variable name="items" select="ed:list-entries(.)"/>
    <xsl:choose>
      <xsl:when test="empty($items) and not(tei:head[normalize-space()])"/>
      <xsl:when test="$in-p">
        <span class="list block">
          <xsl:apply-templates select="* except tei:item" mode="list-other"/>
          <xsl:for-each select="$items">
            <span class="item block">
              <xsl:if test="preceding-sibling::*[1][self::tei:label]">
                <span class="bold"><xsl:apply-templates select="preceding-sibling::*[1]/node()"/></span>
                <xsl:text> </xsl:text>
              </xsl:if>
              <xsl:text>– </xsl:text>
              <xsl:apply-templates select="."/>
            </span>
          </xsl:for-each>
        </span>
      </xsl:when>
      <xsl:when test="tei:label and tei:item">
        <xsl:apply-templates select="tei:head"/>
        <dl class="list">
          <xsl:for-each select="$items[self::tei:item]">
            <dt><xsl:apply-templates select="preceding-sibling::*[1][self::tei:label]/node()">
              <xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates></dt>
            <dd><xsl:apply-templates/></dd>
          </xsl:for-each>
        </dl>
      </xsl:when>
      <xsl:otherwise>
        <xsl:apply-templates select="tei:head"/>
        <xsl:element name="{if (@type = ('ordered', 'numbered') or @rend = ('numbered', 'ordered')) then 'ol' else 'ul'}"
                     namespace="http://www.w3.org/1999/xhtml">
          <xsl:attribute name="class" select="string-join((local-name(), @type), ' ')"/>
          <xsl:for-each select="$items">
            <li><xsl:apply-templates select="."/></li>
          </xsl:for-each>
        </xsl:element>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:mode name="list-other" on-no-match="shallow-skip"/>
  <xsl:template match="tei:head" mode="list-other">
    <span class="bold block"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:item">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- Register entries printed in the text (e.g. a listPerson in the body). -->
  <xsl:template match="tei:person | tei:personGrp | tei:place | tei:org | tei:event">
    <span class="entry block">
      <xsl:if test="@xml:id"><xsl:attribute name="id" select="ed:anchor(.)"/></xsl:if>
      <xsl:for-each select="node()">
        <xsl:apply-templates select="."><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates>
        <xsl:if test="self::* and following-sibling::*"><xsl:text> </xsl:text></xsl:if>
      </xsl:for-each>
    </span>
  </xsl:template>

  <!-- ===== tables ===== -->

  <xsl:template match="tei:table">
    <xsl:param name="in-p" as="xs:boolean" select="false()" tunnel="yes"/>
    <xsl:choose>
      <xsl:when test="$in-p">
        <span class="table block">
          <xsl:for-each select="tei:head"><span class="bold block"><xsl:apply-templates/></span></xsl:for-each>
          <xsl:for-each select="tei:row">
            <span class="row block">
              <xsl:for-each select="tei:cell">
                <xsl:if test="position() gt 1"> | </xsl:if>
                <xsl:apply-templates/>
              </xsl:for-each>
            </span>
          </xsl:for-each>
        </span>
      </xsl:when>
      <xsl:otherwise>
        <table>
          <xsl:if test="tei:head">
            <caption><xsl:apply-templates select="tei:head/node()">
              <xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates></caption>
          </xsl:if>
          <tbody>
            <xsl:for-each select="tei:row">
              <tr>
                <xsl:for-each select="tei:cell">
                  <xsl:element name="{if (../@role = 'label' or @role = 'label') then 'th' else 'td'}"
                               namespace="http://www.w3.org/1999/xhtml">
                    <xsl:if test="@cols castable as xs:integer"><xsl:attribute name="colspan" select="@cols"/></xsl:if>
                    <xsl:if test="@rows castable as xs:integer"><xsl:attribute name="rowspan" select="@rows"/></xsl:if>
                    <xsl:apply-templates/>
                  </xsl:element>
                </xsl:for-each>
              </tr>
            </xsl:for-each>
          </tbody>
        </table>
        <xsl:apply-templates select="* except (tei:head | tei:row)"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- ===== figures, quotations, examples ===== -->

  <xsl:template match="tei:figure">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="'figure'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Images are not fetched: the print edition names them. -->
  <xsl:template match="tei:graphic | tei:media | tei:binaryObject">
    <span class="graphic block">[<xsl:value-of select="ed:or(string((@url, @mimeType)[1]), ed:label('image'))"/>]</span>
  </xsl:template>

  <xsl:template match="tei:figDesc">
    <span class="figDesc block"><xsl:apply-templates><xsl:with-param name="in-p" select="true()" tunnel="yes"/></xsl:apply-templates></span>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:l | tei:ab] | tei:cit[not(ancestor::tei:p | ancestor::tei:l)]
                       | tei:floatingText | tei:said[tei:p]">
    <xsl:call-template name="ed:block">
      <xsl:with-param name="class" select="'quote-block'"/>
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- Preformatted: spaces before a line end are dropped (WeasyPrint 70 fails on them). -->
  <xsl:template match="tei:eg">
    <span class="eg block"><xsl:value-of select="ed:pre(string(.))"/></span>
  </xsl:template>

  <xsl:function name="ed:pre" as="xs:string">
    <xsl:param name="s" as="xs:string"/>
    <xsl:sequence select="replace(replace(replace($s, '\t', '    '), '[ \p{Zs}]+(\r?\n)', '$1'), '^\s*\n|\s+$', '')"/>
  </xsl:function>

  <!-- Encoded examples are printed as XML source. -->
  <xsl:template match="teix:egXML">
    <span class="eg block"><xsl:value-of select="ed:pre(ed:xml-source(node()))"/></span>
  </xsl:template>
</xsl:stylesheet>
