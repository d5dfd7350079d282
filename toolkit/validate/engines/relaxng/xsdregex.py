"""XML Schema regular expressions (the ``pattern`` parameter of ``data``) as Python ones.

Why not only elementpath
------------------------
elementpath translates every XML Schema expression, but importing it costs a cold run
0.1-0.2 s and translating one that names a Unicode category (TEI's ``[^\\p{C}\\p{Z}]+``,
on most attributes) another 0.05-0.1 s: together more than validating a novel. This module
translates the expressions schemas actually use, in milliseconds, from a generated table of
the Unicode categories (:mod:`.unicode_categories`), and says :class:`Unsupported` for the
rest, which :func:`toolkit.validate.engines.relaxng.datatypes.translate_pattern` then hands
to elementpath: character class escapes of XML names (``\\i``, ``\\c``), Unicode blocks
(``\\p{IsBasicLatin}``), and every syntax error (elementpath words the message).

The translation follows XML Schema 1.0 (Part 2, appendix F), as jing does, not Python's
escapes: ``\\s`` is the four XML spaces only, ``\\w`` every character but punctuation,
separators and "other", ``.`` every character but the two line ends, ``^`` and ``$`` plain
characters; character class subtraction (``[a-z-[aeiou]]``) is computed. Each class
becomes an explicit Python class (from code point ranges), so Python's own idea of
``\\d`` or ``\\w`` never enters. The table is used only when the running Python has the
Unicode version it was made from; otherwise a category escape is :class:`Unsupported`.
"""

from __future__ import annotations

import unicodedata

from toolkit.validate.engines.relaxng import unicode_categories

MAX = 0x10FFFF
_SINGLE = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "|": "|", ".": ".", "?": "?",
           "*": "*", "+": "+", "(": "(", ")": ")", "{": "{", "}": "}", "-": "-", "[": "[",
           "]": "]", "^": "^"}
_CATEGORIES = {"L", "Lu", "Ll", "Lt", "Lm", "Lo", "M", "Mn", "Mc", "Me", "N", "Nd", "Nl",
               "No", "P", "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Z", "Zs", "Zl", "Zp",
               "S", "Sm", "Sc", "Sk", "So", "C", "Cc", "Cf", "Co", "Cn"}
_QUANTIFIERS = "?*+{"

Ranges = list[tuple[int, int]]  # sorted, disjoint, not adjacent, inclusive


class Unsupported(ValueError):
    """Not translated here (a construct left to elementpath, or not a valid expression)."""


def translate(pattern: str) -> str:
    """A Python expression that, with ``re.match``, matches exactly the strings the
    XML Schema expression ``pattern`` matches as a whole."""
    parser = _Parser(pattern)
    body = parser.regexp()
    if parser.i != len(pattern):
        raise Unsupported(f"unexpected {pattern[parser.i]!r} at {parser.i}")
    return f"(?:{body})\\Z"


# ----------------------------------------------------------------------------- sets

def _normal(ranges: Ranges) -> Ranges:
    out: Ranges = []
    for a, b in sorted(ranges):
        if out and a <= out[-1][1] + 1:
            if b > out[-1][1]:
                out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _complement(ranges: Ranges) -> Ranges:
    out: Ranges = []
    nxt = 0
    for a, b in ranges:
        if a > nxt:
            out.append((nxt, a - 1))
        nxt = b + 1
    if nxt <= MAX:
        out.append((nxt, MAX))
    return out


def _minus(ranges: Ranges, taken: Ranges) -> Ranges:
    """``ranges`` less ``taken``: the intersection with the complement."""
    keep = _complement(taken)
    out: Ranges = []
    i = j = 0
    while i < len(ranges) and j < len(keep):
        a = max(ranges[i][0], keep[j][0])
        b = min(ranges[i][1], keep[j][1])
        if a <= b:
            out.append((a, b))
        if ranges[i][1] < keep[j][1]:
            i += 1
        else:
            j += 1
    return out


_category_cache: dict[str, Ranges] = {}


def category(name: str) -> Ranges:
    """The code points of general category ``name`` (one letter: all of its kind)."""
    found = _category_cache.get(name)
    if found is not None:
        return found
    if name not in _CATEGORIES:
        raise Unsupported(f"\\p{{{name}}}: not a general category (or a block: elementpath)")
    if unicode_categories.VERSION != unicodedata.unidata_version:
        raise Unsupported(f"category table of Unicode {unicode_categories.VERSION}, "
                          f"this Python has {unicodedata.unidata_version}")
    table = unicode_categories.RANGES
    names = [name] if len(name) == 2 else [k for k in table if k[0] == name]
    pairs: Ranges = []
    for key in names:
        flat = [int(x, 16) for x in table.get(key, "").split()]
        pairs.extend(zip(flat[0::2], flat[1::2]))
    found = _category_cache[name] = _normal(pairs)
    return found


_SPACES: Ranges = [(9, 10), (13, 13), (32, 32)]
_LINE_ENDS: Ranges = [(10, 10), (13, 13)]


def _multi(letter: str) -> Ranges:
    """``\\s \\S \\d \\D \\w \\W`` as XML Schema defines them."""
    lower = letter.lower()
    if lower == "s":
        base = _SPACES
    elif lower == "d":
        base = category("Nd")
    else:  # w: all but punctuation, separators, other; W is those
        base = _complement(_normal(category("P") + category("Z") + category("C")))
    return base if letter == lower else _complement(base)


# ----------------------------------------------------------------------------- output

def _char(cp: int) -> str:
    ch = chr(cp)
    if ch in "\\]-^[":
        return "\\" + ch
    if cp < 0x20 or 0x7F <= cp <= 0x9F or 0xD800 <= cp <= 0xDFFF or cp in (0x2028, 0x2029):
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"
    return ch


def _items(ranges: Ranges) -> str:
    parts = []
    for a, b in ranges:
        if a == b:
            parts.append(_char(a))
        elif b == a + 1:
            parts.append(_char(a) + _char(b))
        else:
            parts.append(f"{_char(a)}-{_char(b)}")
    return "".join(parts)


def _emit(ranges: Ranges) -> str:
    if not ranges:
        return "(?!)"
    if len(ranges) == 1 and ranges[0][0] == ranges[0][1]:
        return _literal(chr(ranges[0][0]))
    other = _complement(ranges)
    if not other:
        return "[\\u0000-\\U0010ffff]"
    if len(other) < len(ranges):
        return f"[^{_items(other)}]"
    return f"[{_items(ranges)}]"


def _literal(ch: str) -> str:
    cp = ord(ch)
    if ch.isalnum() and cp < 0x80:
        return ch
    if cp < 0x20 or 0x7F <= cp <= 0x9F or 0xD800 <= cp <= 0xDFFF:
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"
    if ch in ".^$*+?{}[]\\|()":
        return "\\" + ch
    return ch


# ----------------------------------------------------------------------------- parser

class _Parser:
    """Recursive descent over XML Schema 1.0's grammar (Part 2, F.1), strict: whatever
    is not plainly valid is :class:`Unsupported`, so elementpath has the last word."""

    def __init__(self, pattern: str) -> None:
        self.s = pattern
        self.i = 0

    def peek(self, offset: int = 0) -> str:
        j = self.i + offset
        return self.s[j] if j < len(self.s) else ""

    def regexp(self) -> str:
        branches = [self.branch()]
        while self.peek() == "|":
            self.i += 1
            branches.append(self.branch())
        return "|".join(branches)

    def branch(self) -> str:
        out = []
        while self.peek() not in ("", "|", ")"):
            out.append(self.piece())
        return "".join(out)

    def piece(self) -> str:
        atom = self.atom()
        c = self.peek()
        if c in ("?", "*", "+"):
            self.i += 1
            atom += c
        elif c == "{":
            atom += self.quantity()
        if self.peek() and self.peek() in _QUANTIFIERS:
            raise Unsupported("a quantifier after a quantifier")
        return atom

    def quantity(self) -> str:
        end = self.s.find("}", self.i)
        if end < 0:
            raise Unsupported("unclosed quantifier")
        inside = self.s[self.i + 1:end]
        low, comma, high = inside.partition(",")
        if not low.isdigit() or not low.isascii() or (high and not (high.isdigit()
                                                                    and high.isascii())):
            raise Unsupported(f"quantifier {{{inside}}}")
        if high and int(high) < int(low):
            raise Unsupported(f"quantifier {{{inside}}}: maximum below minimum")
        self.i = end + 1
        return "{" + str(int(low)) + (("," + (str(int(high)) if high else "")) if comma else "") + "}"

    def atom(self) -> str:
        c = self.peek()
        if c == "(":
            self.i += 1
            inner = self.regexp()
            if self.peek() != ")":
                raise Unsupported("unclosed group")
            self.i += 1
            return f"(?:{inner})"
        if c == "[":
            return _emit(self.char_class())
        if c == ".":
            self.i += 1
            return _emit(_complement(_LINE_ENDS))
        if c == "\\":
            got = self.escape()
            return _literal(got) if isinstance(got, str) else _emit(got)
        if c in "?*+{}])":
            raise Unsupported(f"{c!r} where a character was expected")
        self.i += 1
        return _literal(c)

    def escape(self) -> str | Ranges:
        """After a backslash: a character (single-character escape) or a set."""
        letter = self.peek(1)
        self.i += 2
        if letter in _SINGLE:
            return _SINGLE[letter]
        if letter in "sSdDwW" and letter:
            return _multi(letter)
        if letter in ("p", "P"):
            if self.peek() != "{":
                raise Unsupported("\\p without {")
            end = self.s.find("}", self.i)
            if end < 0:
                raise Unsupported("unclosed \\p{")
            ranges = category(self.s[self.i + 1:end])
            self.i = end + 1
            return ranges if letter == "p" else _complement(ranges)
        raise Unsupported(f"escape \\{letter}")

    def char_class(self) -> Ranges:
        """``[...]`` (the opening bracket at ``self.i``): its set of code points."""
        self.i += 1
        negated = self.peek() == "^"
        if negated:
            self.i += 1
        pairs: Ranges = []
        first = True
        while True:
            c = self.peek()
            if c == "":
                raise Unsupported("unclosed character class")
            if c == "]":
                if first:
                    raise Unsupported("empty character class")
                self.i += 1
                subtract = None
                break
            if c == "-" and self.peek(1) == "[":
                if first:
                    raise Unsupported("subtraction from nothing")
                self.i += 1
                subtract = self.char_class()
                if self.peek() != "]":
                    raise Unsupported("subtraction not last in its class")
                self.i += 1
                break
            if c == "-":
                if not first and self.peek(1) != "]":
                    raise Unsupported("'-' inside a character class")
                self.i += 1
                pairs.append((45, 45))
                first = False
                continue
            if c == "[":
                raise Unsupported("'[' in a character class")
            start = self.class_char()
            first = False
            if isinstance(start, list):
                pairs.extend(start)
                continue
            if self.peek() == "-" and self.peek(1) not in ("]", "[", ""):
                self.i += 1
                escaped = self.peek() == "\\"
                end = self.class_char()
                if not isinstance(end, str) or end == "-" and not escaped:
                    raise Unsupported("bad range end")
                if ord(end) < ord(start):
                    raise Unsupported(f"range {start}-{end} out of order")
                pairs.append((ord(start), ord(end)))
            else:
                pairs.append((ord(start), ord(start)))
        ranges = _normal(pairs)
        if negated:
            ranges = _complement(ranges)
        if subtract is not None:
            ranges = _minus(ranges, subtract)
        return ranges

    def class_char(self) -> str | Ranges:
        c = self.peek()
        if c == "\\":
            return self.escape()
        if c in ("", "[", "]"):
            raise Unsupported("character expected in a class")
        self.i += 1
        return c
