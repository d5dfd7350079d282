"""XML Schema regular expressions translated without elementpath (xsdregex): the same
strings matched as elementpath's translation, but for the escapes where elementpath uses
Python's meaning (``\\S``, ``\\w``) and XML Schema (and jing, tests/relaxng_cases.py) do
not; what is left to elementpath still translates; the generated Unicode table is
Python's."""

from __future__ import annotations

import re
import sys
import unicodedata

import pytest
from elementpath.regex import translate_pattern as elementpath_translate

from toolkit.validate.engines.relaxng import datatypes, unicode_categories, xsdregex

#: every pattern of tei_all.rng and dracor_1.6.0.rng, and the other constructs
SCHEMA_PATTERNS = [
    "(-?[0-9]+(\\.[0-9]+)?,-?[0-9]+(\\.[0-9]+)?)", "(19[789][0-9]|[2-9][0-9]{3}).*",
    "(\\-?[\\d]+/\\-?[\\d]+)", ".+", ".+:.+", "[0-9.,DHMPRSTWYZ/:+\\-]+",
    "[\\-+]?\\d+(\\.\\d+)?(%|cm|mm|in|pt|pc|px|em|ex|ch|rem|vw|vh|vmin|vmax)",
    "[\\d]+(\\.[\\d]+){0,2}", "[\\d]+[a-z]*[\\d]*(\\.[\\d]+[a-z]*[\\d]*){0,3}",
    "[^/\\s]+:\\S*", "[^\\p{C}\\p{Z}]+", "[a-z][a-z0-9\\+\\.\\-]*",
]
OTHER_PATTERNS = [
    "[a-z-[aeiou]]+", "^a$", "a|", "", "\\p{L}\\P{Lu}", "[\\p{Nd}-[5]]", "[^\\s\\d]", "[-a]",
    "[a-]", "x{2,}", "x{0,3}y{3}", "[\\w-[\\p{Ll}]]", ".", "\\n\\r\\t", "#$ \u00e9",
    "\\\\\\|\\.\\?\\*\\+\\(\\)\\{\\}\\-\\[\\]\\^", "[\u00e0-\u00ff]+", "(a|bc)*d?",
    "[^a-[b]]", "[\\^\\]]", "[a\\-z]",
]
STRINGS = ["", "a", "ab", "aa", "xxx", "xx", "xxxyyy", "yyy", "1.2", "-3,4.5", "1999x", "12/34",
           "3cm", "-1.5px", "1.2.3", "1a.2b3", "a:b", "ht/tp:x", "abc", "e", "b", "^a$", "a\n",
           "5", "6", "a1", "A", "aA", "\u00e9", "a b", "x\u00a0y", "\\|.?*+(){}-[]^", "\n\r\t",
           "#$ \u00e9", "-", "a-", "z", "^", "]", "bcd", "d", "abcbcd", "\u00e0\u00ff", "\u0663"]
#: single code points tried on the class patterns: all of them, in steps
CODE_POINTS = [chr(cp) for cp in range(0, sys.maxunicode + 1, 3)]
CLASSES = ["[^\\p{C}\\p{Z}]+", ".", "[^\\s\\d]", "[\\p{Nd}-[5]]", "\\p{L}", "\\P{Lu}",
           "[^/\\s]+", "[\\d]+"]


def _ours(pattern: str) -> re.Pattern:
    return re.compile(xsdregex.translate(pattern))


def _theirs(pattern: str) -> re.Pattern:
    return re.compile(elementpath_translate(pattern, anchors=False))


@pytest.mark.parametrize("pattern", SCHEMA_PATTERNS + OTHER_PATTERNS)
def test_same_strings_as_elementpath(pattern):
    ours, theirs = _ours(pattern), _theirs(pattern)
    assert [s for s in STRINGS if bool(ours.match(s)) != bool(theirs.match(s))] == []


@pytest.mark.parametrize("pattern", CLASSES)
def test_same_code_points_as_elementpath(pattern):
    ours, theirs = _ours(pattern), _theirs(pattern)
    differ = [hex(ord(c)) for c in CODE_POINTS if bool(ours.match(c)) != bool(theirs.match(c))]
    assert differ == []


def test_xml_schema_escapes_where_python_differs():
    space_or_not = _ours("\\S+")
    assert space_or_not.match("a\u00a0b") and space_or_not.match("\u0085")  # not XML spaces
    assert not space_or_not.match("a b") and not space_or_not.match("a\tb")
    word = _ours("\\w+")
    assert word.match("a+b$\u00e9\u0663")  # symbols are word characters in XML Schema
    assert not word.match("a_b") and not word.match("a b") and not word.match("a.")
    assert _ours("\\W").match("_") and not _ours("\\W").match("+")
    assert not _ours(".").match("\r") and _ours(".").match("\u2028")


def test_anchored_at_both_ends():
    assert not _ours("ab").match("abc") and not _ours("ab").match("ab\n")
    assert _ours("a|b").match("b") and not _ours("a|b").match("ab")


@pytest.mark.parametrize("pattern", [
    "[", "a**", "a+?", "a{3,2}", "[z-a]", "[]", "a{,2}", "(a", "a)", "]", "{", "[a-[b]c]",
    "[a--]", "[\\]", "\\p{Xx}", "\\q", "[a-z-x]", "a{2"])
def test_what_is_not_plainly_valid_is_left_to_elementpath(pattern):
    with pytest.raises(xsdregex.Unsupported):
        xsdregex.translate(pattern)


def test_left_to_elementpath_still_translates_or_is_refused():
    for pattern, sample, matches in (("\\i\\c*", "x1", True), ("\\p{IsBasicLatin}+", "\u00e9", False),
                                     ("\\p{IsBasicLatin}+", "ab", True)):
        with pytest.raises(xsdregex.Unsupported):
            xsdregex.translate(pattern)
        assert bool(re.match(datatypes.translate_pattern(pattern), sample)) is matches
    with pytest.raises(ValueError, match="invalid regular expression"):
        datatypes.make(datatypes.XSD, "token", [("pattern", "a{3,2}")])


def test_category_table_is_this_pythons_unicode():
    if unicode_categories.VERSION != unicodedata.unidata_version:
        with pytest.raises(xsdregex.Unsupported):
            xsdregex.category("Lu")
        return
    for name in ("Lu", "Nd", "Zs", "Cn", "Co", "Cf", "Sm", "Pc"):
        members = {cp for a, b in xsdregex.category(name) for cp in range(a, b + 1)}
        for cp in range(0, sys.maxunicode + 1, 7):
            assert (cp in members) == (unicodedata.category(chr(cp)) == name), (name, hex(cp))


def test_words_split_at_xml_white_space_only():
    assert datatypes.words(" a\tb\r\nc  ") == ["a", "b", "c"]
    assert datatypes.words("1\u00a02 3\u0085") == ["1\u00a02", "3\u0085"]
