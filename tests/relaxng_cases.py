"""Small RELAX NG schemas and documents, one pattern kind each, with the errors jing gives.

Each case: a schema (XML syntax, the RNG namespace and XML Schema datatypes declared by
the wrapper), documents, and for each document the errors as ``(line, column, words the
message contains)``; an empty list means valid. The locations are jing's (checked with
Debian's jing 20220510 when the cases were written): after the ``>`` of the tag that
raised the error, or at the end of each piece of text that is not allowed.
"""

from __future__ import annotations

RNG_WRAP = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0" '
            'xmlns:x="urn:x" datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">'
            '<start>{}</start>{}</grammar>')

CASES = {
    "interleave": (
        '<element name="r"><interleave><element name="a"><empty/></element>'
        '<element name="b"><empty/></element><zeroOrMore><element name="c"><empty/></element>'
        '</zeroOrMore></interleave></element>', "", {
            "<r><b/><c/><a/><c/></r>": [],
            "<r><c/><b/></r>": [(1, 16, 'element "r" incomplete; missing required element "a"')],
            "<r><a/><a/><b/></r>": [(1, 12, 'element "a" not allowed here')],
        }),
    "mixed": (
        '<element name="p"><mixed><zeroOrMore><element name="hi"><text/></element>'
        '</zeroOrMore></mixed></element>', "", {
            "<p>one <hi>two</hi> three</p>": [],
            "<p>one <b/></p>": [(1, 12, 'element "b" not allowed anywhere')],
        }),
    "element-only content": (
        '<element name="r"><zeroOrMore><element name="a"><empty/></element></zeroOrMore>'
        '</element>', "", {
            "<r>x&amp;y<!--c-->z<a/>t</r>": [(1, 5, "text not allowed here"),
                                            (1, 10, "text not allowed"), (1, 11, "text not allowed"),
                                            (1, 20, "text not allowed"), (1, 25, "text not allowed")],
            "<r>\n line1\n line2\n<a/></r>": [(2, 7, "text not allowed"), (3, 7, "text not allowed")],
            "<r>ab]c<a/></r>": [(1, 6, "text"), (1, 7, "text"), (1, 8, "text")],
        }),
    "empty": (
        '<element name="r"><element name="a"><empty/></element></element>', "", {
            "<r><a/></r>": [],
            "<r><a>text</a></r>": [(1, 11, "text not allowed here")],
            "<r><a><a/></a></r>": [(1, 11, 'element "a" not allowed here; expected the element end-tag')],
        }),
    "list": (
        '<element name="l"><list><oneOrMore><data type="integer"/></oneOrMore></list></element>',
        "", {
            "<l> 1  2\n3 </l>": [],
            "<l>1 2 x</l>": [(1, 13, 'character content of element "l" invalid')],
            "<l></l>": [(1, 8, 'character content of element "l" invalid')],
        }),
    "data and param": (
        '<element name="r"><oneOrMore><choice>'
        '<element name="code"><data type="token"><param name="pattern">[A-Z]{2}</param></data></element>'
        '<element name="when"><data type="date"/></element>'
        '<element name="n"><data type="integer"><param name="minInclusive">1</param>'
        '<param name="maxInclusive">9</param></data></element>'
        '</choice></oneOrMore></element>', "", {
            "<r><code> FR </code><when>2020-02-29</when><n>9</n></r>": [],
            "<r><code>fr</code></r>": [(1, 19, 'character content of element "code" invalid')],
            "<r><when>2021-02-29</when><n>10</n></r>": [(1, 27, '"when" invalid'), (1, 36, '"n" invalid')],
        }),
    "pattern escapes and white space are XML Schema's, not Python's": (
        '<element name="r"><zeroOrMore><choice>'
        '<element name="s"><data type="token"><param name="pattern">\\S+</param></data></element>'
        '<element name="w"><data type="string"><param name="pattern">\\w+</param></data></element>'
        '<element name="c"><data type="string"><param name="pattern">[^\\p{C}\\p{Z}]+</param>'
        '</data></element>'
        '<element name="v"><data type="string"><param name="pattern">[\\p{L}-[a-z]]\\d.</param>'
        '</data></element>'
        '<element name="l"><list><oneOrMore><data type="integer"/></oneOrMore></list></element>'
        '</choice></zeroOrMore></element>', "", {
            "<r><s> a&#xa0;b </s><s>a&#x85;b</s><w>a+b$</w><c>ab</c><v>\u00c9\u0663\u00a0</v>"
            "<l>1 2</l></r>": [],
            "<r><w>a_b</w><w>a b</w><c>a&#xa0;b</c><v>e1x</v><v>E1\n</v><l>1&#xa0;2</l></r>": [
                (1, 14, '"w" invalid'), (1, 24, '"w" invalid'), (1, 39, '"c" invalid'),
                (1, 49, '"v" invalid'), (2, 5, '"v" invalid'), (2, 20, '"l" invalid')],
        }),
    "value": (
        '<element name="r"><attribute name="k"><choice><value>yes</value><value>no</value>'
        '</choice></attribute><element name="t"><value>a b</value></element>'
        '<element name="s"><value type="string">a b</value></element></element>', "", {
            '<r k=" yes "><t> a\n b </t><s>a b</s></r>': [],
            '<r k="maybe"><t>a</t><s> a b</s></r>': [(1, 14, 'value of attribute "k" is invalid'),
                                                    (1, 22, '"t" invalid'), (1, 33, '"s" invalid')],
        }),
    "attribute name classes": (
        '<element name="r"><zeroOrMore><attribute><anyName><except><name>id</name>'
        '<nsName ns="urn:x"/></except></anyName></attribute></zeroOrMore>'
        '<optional><attribute name="x:id"/></optional></element>', "", {
            '<r a="1" b="2" x:id="3" xmlns:x="urn:x"/>': [],
            '<r id="1"/>': [(1, 12, 'attribute "id" not allowed here')],
            '<r x:other="1" xmlns:x="urn:x"/>': [(1, 33, 'attribute "x:other" not allowed here')],
        }),
    "required attribute": (
        '<element name="r"><attribute name="n"><data type="integer"/></attribute>'
        '<attribute name="k"><value>a</value></attribute></element>', "", {
            '<r n="1" k="a"/>': [],
            "<r/>": [(1, 5, 'element "r" missing required attributes "k" and "n"')],
            '<r n="x" k="b"/>': [(1, 17, 'value of attribute "n" is invalid'),
                                 (1, 17, 'value of attribute "k" is invalid')],
        }),
    "data except": (
        '<element name="r"><data type="token"><except><value>no</value></except></data></element>',
        "", {
            "<r>yes</r>": [],
            "<r> no </r>": [(1, 12, 'character content of element "r" invalid')],
        }),
    "anyName and nsName elements": (
        '<element name="r"><zeroOrMore><choice><element><nsName ns="urn:x"/><empty/></element>'
        '<element><anyName><except><nsName ns="urn:x"/><nsName/></except></anyName><text/>'
        '</element></choice></zeroOrMore></element>', "", {
            '<r xmlns:x="urn:x"><x:a/><y:b xmlns:y="urn:y">t</y:b></r>': [],
            '<r xmlns:x="urn:x"><x:a>t</x:a><c/></r>': [(1, 26, "text not allowed here"),
                                                       (1, 36, 'element "c" not allowed anywhere')],
        }),
    "notAllowed and combine": (
        '<ref name="root"/>', '<define name="root"><element name="r"><zeroOrMore><ref name="model"/>'
        '</zeroOrMore></element></define><define name="model"><notAllowed/></define>'
        '<define name="model" combine="choice"><element name="a"><empty/></element></define>', {
            "<r><a/><a/></r>": [],
            "<r><b/></r>": [(1, 8, 'element "b" not allowed anywhere; expected the element end-tag '
                             'or element "a"')],
        }),
    "unknown element content": (
        '<element name="r"><zeroOrMore><choice><element name="a"><zeroOrMore><element name="b">'
        '<empty/></element></zeroOrMore></element><element name="c"><text/></element></choice>'
        '</zeroOrMore><optional><element name="z"><empty/></element></optional></element>', "", {
            "<r><u><a><b/></a><c>t</c></u><a/></r>": [(1, 7, 'element "u" not allowed anywhere'),
                                                     (1, 18, 'element "u"'), (1, 26, 'element "u"')],
            "<r><u><x/><b/></u></r>": [(1, 7, '"u" not allowed anywhere'), (1, 15, '"u"')],
            "<r><b><a/></b></r>": [(1, 7, 'element "b" not allowed here'),
                                   (1, 11, 'element "a" not allowed here; expected the element end-tag')],
            "<r><z/><a/></r>": [(1, 12, 'element "a" not allowed here; expected the element end-tag')],
        }),
    "IDs": (
        '<element name="r"><zeroOrMore><element name="a"><optional><attribute name="id">'
        '<data type="ID"/></attribute></optional><optional><attribute name="ref">'
        '<data type="IDREF"/></attribute></optional></element></zeroOrMore></element>', "", {
            '<r><a id="x"/><a id="y" ref="x"/></r>': [],
            '<r><a id="x"/>\n<a id="x" ref="z"/></r>': [
                (1, 15, 'first occurrence of ID "x"'), (2, 20, 'ID "x" has already been defined'),
                (2, 20, 'IDREF "z" without matching ID')],
        }),
}


def schema_text(case: str) -> str:
    start, defines, _ = CASES[case]
    return RNG_WRAP.format(start, defines)
