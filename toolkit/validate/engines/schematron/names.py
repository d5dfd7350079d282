"""Namespaces, the located error, and the few tree helpers every step of the compiler uses.

Every element the compiler reads carries ``tk:file`` (set when its file is parsed, see
:mod:`.source`), so an error found three steps later — in an included file, an
instantiated abstract pattern, a compile error of the generated XSLT — still points at
the schema file and line the user wrote.
"""

from __future__ import annotations

from lxml import etree

from toolkit.core.errors import ToolkitError

SCH = "http://purl.oclc.org/dsdl/schematron"
SCH1 = "http://www.ascc.net/xml/schematron"
XSL = "http://www.w3.org/1999/XSL/Transform"
SVRL = "http://purl.oclc.org/dsdl/svrl"
SQF = "http://www.schematron-quickfix.com/validator/process"
RNG = "http://relaxng.org/ns/structure/1.0"
TEI = "http://www.tei-c.org/ns/1.0"
XS = "http://www.w3.org/2001/XMLSchema"
XML = "http://www.w3.org/XML/1998/namespace"
ERR = "http://www.w3.org/2005/xqt-errors"
#: Private namespace of the compiler: marks on schema elements, names in the generated XSLT.
TK = "urn:x-tei-edition:schematron"

S = "{%s}" % SCH
X = "{%s}" % XSL
V = "{%s}" % SVRL
T = "{%s}" % TK
XML_LANG = "{%s}lang" % XML
XML_ID = "{%s}id" % XML

#: queryBinding -> XPath major version ("1" runs in XSLT backwards-compatible mode)
BINDINGS = {"xslt": "1", "xslt1": "1", "xpath": "1", "xslt2": "2", "xpath2": "2",
            "xslt3": "3", "xpath3": "3", "xpath31": "3", "xslt31": "3"}


class SchematronError(ToolkitError):
    """The schema cannot be loaded or compiled; ``file``/``line`` point into the schema."""

    def __init__(self, message: str, file: str = "", line: int | None = None) -> None:
        super().__init__(message, file, line, None, rule="schematron")


def file_of(el: etree._Element | None) -> str:
    """The schema file ``el`` was read from (its own mark, else its nearest ancestor's)."""
    while el is not None:
        value = el.get(T + "file") if isinstance(el.tag, str) else None
        if value:
            return value
        el = el.getparent()
    return ""


def error(message: str, el: etree._Element) -> SchematronError:
    """A :class:`SchematronError` located at the schema element ``el``."""
    return SchematronError(message, file_of(el), el.sourceline)


def local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def is_sch(el, *names: str) -> bool:
    """``el`` is a Schematron element (one of ``names``, if given)."""
    return isinstance(el.tag, str) and el.tag.startswith(S) and (not names or local(el) in names)


def language(el: etree._Element | None) -> str | None:
    """The in-scope ``xml:lang`` of ``el`` (lower-cased, as SVRL reports it), or None."""
    while el is not None:
        if isinstance(el.tag, str) and el.get(XML_LANG) is not None:
            return el.get(XML_LANG).lower()
        el = el.getparent()
    return None


def text_of(el: etree._Element) -> str:
    """The whitespace-normalised text of ``el`` (titles, names in messages)."""
    return " ".join("".join(el.itertext()).split())


def strip_marks(el: etree._Element) -> etree._Element:
    """Remove the compiler's ``tk:`` marks from ``el`` and its descendants (in place)."""
    for node in el.iter():
        if isinstance(node.tag, str):
            for key in [k for k in node.attrib if k.startswith(T)]:
                del node.attrib[key]
    return el
