<?xml version="1.0" encoding="UTF-8"?>
<!--
  The element-roles table: what each TEI element IS, once, for every format (in the spirit of
  CETEIcean's table of element behaviours). The formats decide how a role looks; they never
  keep lists of element names of their own.

  $ed:roles is a static variable (it is known when the stylesheet is compiled) so that the
  formats can build their match patterns from it with shadow attributes:

      <xsl:template _match="{$ed:match?name}"> ... </xsl:template>

  Roles (TEI namespace; an element may have several):
    name         a naming or referring string that may point to a register entry (@ref)
    name-part    a part of a personal name (forename, surname ...)
    pointer      a link to another place (ref, ptr: @target)
    date         a dating element (@when, @from/@to, @notBefore/@notAfter)
    milestone    a boundary marker without content (line, page, column beginnings ...)
    block        an element that holds or forms a block (paragraph-like or larger)
    division     a division of the text
    note         a note
    intervention an editorial intervention or a mark of the state of the source
    apparatus    a critical apparatus and its readings
    entry        a register entry (person, place, organisation, event, communication ...)
    register     a list of register entries
    furniture    forme work: running heads, catchwords, signatures of the source's pages;
                 not part of the reading text (print and text leave it out, HTML marks it)
    linking      linking and analysis apparatus that carries no reading text
    data         structured data that is not text (feature structures, relations: e.g.
                 DraCor's back matter)
    hidden       containers rendered as front matter or registers, never as running text

  Void elements. An element that is data, a register entry or a register list and holds no
  text (a relation, an fs of symbols, a person with an id and a sex and nothing else, a list
  of such persons) is void: no format prints anything for it, not even the bullet of a list
  item. Whatever holds text is printed, data or not: every format keeps every word of a
  document (a person with a name in the back matter is printed with its name; the strings
  of a feature structure are printed), so "not printed" never loses a word.

  Functions:
    ed:is($el, $role)      true if $el is a TEI element with that role
    ed:roles-of($el)       the roles of an element (empty for non-TEI elements)
    ed:is-void($el)        true for a void element (above)
    ed:is-phrase($el)      true for a part of a title page inside a byline, imprint or
                           paragraph: a phrase there, a block elsewhere

  Static variables: $ed:roles (role -> local names), $ed:match (role -> "tei:a | tei:b" pattern).
  Being static, the table cannot be overridden by import precedence: to change how an element
  is treated, override its template.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    xmlns:ed="urn:tei-edition:functions"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    exclude-result-prefixes="#all">

  <xsl:variable name="ed:roles" static="yes" as="map(xs:string, xs:string+)" select="map{
    'name': ('persName', 'placeName', 'orgName', 'rs', 'name', 'geogName', 'roleName', 'settlement',
             'country', 'region', 'district', 'bloc', 'objectName', 'eventName'),
    'name-part': ('forename', 'surname', 'addName', 'genName', 'nameLink'),
    'pointer': ('ref', 'ptr'),
    'date': ('date', 'time', 'origDate'),
    'milestone': ('lb', 'pb', 'cb', 'gb', 'milestone', 'caesura'),
    'block': ('p', 'ab', 'div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7', 'list', 'table',
              'lg', 'l', 'figure', 'floatingText', 'sp', 'castList', 'eg', 'egXML', 'listBibl',
              'listPerson', 'listPlace', 'listOrg', 'listEvent', 'opener', 'closer', 'postscript',
              'head', 'quote', 'cit', 'argument', 'epigraph', 'byline', 'dateline', 'salute', 'signed',
              'trailer', 'titlePage', 'docTitle', 'label', 'u', 'entry', 'msDesc', 'bibl', 'biblStruct',
              'address', 'spGrp', 'stage', 'move', 'camera', 'sound', 'view', 'formula', 'graphic', 'item'),
    'division': ('div', 'div1', 'div2', 'div3', 'div4', 'div5', 'div6', 'div7'),
    'note': ('note', 'noteGrp'),
    'intervention': ('choice', 'sic', 'corr', 'orig', 'reg', 'abbr', 'expan', 'am', 'ex', 'supplied',
                     'gap', 'unclear', 'add', 'del', 'subst', 'mod', 'restore', 'retrace', 'surplus',
                     'damage', 'secl', 'handShift', 'space', 'addSpan', 'delSpan', 'damageSpan'),
    'apparatus': ('app', 'lem', 'rdg', 'rdgGrp', 'wit', 'witDetail'),
    'entry': ('person', 'personGrp', 'org', 'place', 'event', 'bibl', 'biblStruct', 'object', 'nym'),
    'register': ('listPerson', 'listOrg', 'listPlace', 'listEvent', 'listBibl', 'listObject', 'listNym'),
    'furniture': ('fw'),
    'linking': ('anchor', 'index', 'link', 'linkGrp', 'join', 'joinGrp', 'alt', 'altGrp', 'span',
                'spanGrp', 'interp', 'interpGrp', 'listTranspose'),
    'data': ('fs', 'fLib', 'fvLib', 'fsdDecl', 'fsDecl', 'listRelation', 'relation'),
    'hidden': ('teiHeader', 'facsimile', 'standOff', 'sourceDoc')
  }"/>

  <xsl:variable name="ed:match" static="yes" as="map(xs:string, xs:string)"
      select="map:merge(map:keys($ed:roles) ! map{.: string-join($ed:roles(.) ! ('tei:' || .), ' | ')})"/>

  <!-- element name -> its roles, for ed:is and ed:roles-of -->
  <xsl:variable name="ed:_roles-by-name" as="map(xs:string, xs:string+)"
      select="map:merge(for $role in map:keys($ed:roles), $name in $ed:roles($role)
                        return map{$name: $role}, map{'duplicates': 'combine'})"/>

  <xsl:function name="ed:roles-of" as="xs:string*">
    <xsl:param name="el" as="node()?"/>
    <xsl:sequence select="$el[self::tei:*] ! $ed:_roles-by-name(local-name(.))"/>
  </xsl:function>

  <!-- Parts of a title page (docAuthor, docDate, docEdition) are blocks on the title page and
       phrases inside a byline, an imprint, a title part or a paragraph ("compiled by the
       Harbour Office", "Portsmouth, 1902"). -->
  <xsl:function name="ed:is-phrase" as="xs:boolean">
    <xsl:param name="el" as="element()"/>
    <xsl:sequence select="exists($el[self::tei:docAuthor or self::tei:docDate or self::tei:docEdition or self::tei:pubPlace or self::tei:publisher]
                                    [parent::tei:byline or parent::tei:docImprint or parent::tei:titlePart or parent::tei:p
                                     or parent::tei:docEdition or parent::tei:head or parent::tei:l or parent::tei:ab])"/>
  </xsl:function>

  <xsl:function name="ed:is-void" as="xs:boolean">
    <xsl:param name="el" as="node()?"/>
    <xsl:sequence select="exists($el[ed:roles-of(.) = ('data', 'entry', 'register')][not(normalize-space())]
                                    [empty(.//*[self::tei:graphic or self::tei:media or self::tei:ptr or self::tei:gap])])"/>
  </xsl:function>

  <xsl:function name="ed:is" as="xs:boolean">
    <xsl:param name="el" as="node()?"/>
    <xsl:param name="role" as="xs:string"/>
    <xsl:sequence select="$role = ed:roles-of($el)"/>
  </xsl:function>
</xsl:stylesheet>
