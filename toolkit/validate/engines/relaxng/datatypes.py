"""Datatypes for ``data`` and ``value``: RELAX NG's built-in library and XML Schema's.

XML Schema datatypes are checked by elementpath (the XPath 2/3 library xmlschema is built
on): its atomic types know each type's lexical space and value space (``2020-02-30`` is
not a date). XML Schema 1.0 variants are used where 1.0 and 1.1 differ (year ``0000``),
as jing does. ``pattern`` parameters are XML Schema regular expressions, translated to
Python's by elementpath once per schema and kept with the schema's cache, so a cached
schema needs elementpath only for the datatypes a document actually uses.

A datatype is described by ``(library, type, params)``, which is also what the schema
cache stores; :func:`make` turns that into a checker and raises ``ValueError`` for a
library or type that jing would not know either.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from toolkit.validate.days import days_in_month

XSD = "http://www.w3.org/2001/XMLSchema-datatypes"
_SPACE = " \t\r\n"
_SPACES = re.compile("[ \t\r\n]+")


def words(s: str) -> list[str]:
    """``s`` split at XML white space (space, tab, CR, LF), as ``token`` and ``list`` split:
    not at the other Unicode spaces ``str.split`` knows (no-break space, U+0085), which
    are characters of the value for XML Schema, and for jing."""
    return [w for w in _SPACES.split(s) if w]

#: XML Schema type -> elementpath class name (1.0 variant where it differs)
_XSD_CLASSES = {
    "string": "StringProxy", "normalizedString": "NormalizedString", "token": "XsdToken",
    "language": "Language", "Name": "Name", "NCName": "NCName", "ID": "Id", "IDREF": "Idref",
    "IDREFS": "Idrefs", "ENTITY": "Entity", "ENTITIES": "Entities", "NMTOKEN": "NMToken",
    "NMTOKENS": "NMTokens", "anyURI": "AnyURI", "QName": "QName", "NOTATION": "Notation",
    "boolean": "BooleanProxy", "decimal": "DecimalProxy", "integer": "Integer",
    "nonPositiveInteger": "NonPositiveInteger", "negativeInteger": "NegativeInteger",
    "long": "Long", "int": "Int", "short": "Short", "byte": "Byte",
    "nonNegativeInteger": "NonNegativeInteger", "positiveInteger": "PositiveInteger",
    "unsignedLong": "UnsignedLong", "unsignedInt": "UnsignedInt",
    "unsignedShort": "UnsignedShort", "unsignedByte": "UnsignedByte",
    "float": "Float10", "double": "DoubleProxy10", "duration": "Duration",
    "dateTime": "DateTime10", "date": "Date10", "time": "Time", "gYearMonth": "GregorianYearMonth10",
    "gYear": "GregorianYear10", "gMonthDay": "GregorianMonthDay", "gDay": "GregorianDay",
    "gMonth": "GregorianMonth", "hexBinary": "HexBinary", "base64Binary": "Base64Binary",
}
_LIST_TYPES = {"IDREFS", "ENTITIES", "NMTOKENS"}  # length facets count items
_NUMERIC = {"decimal", "integer", "nonPositiveInteger", "negativeInteger", "long", "int",
            "short", "byte", "nonNegativeInteger", "positiveInteger", "unsignedLong",
            "unsignedInt", "unsignedShort", "unsignedByte", "float", "double"}
_PARAMS = {"length", "minLength", "maxLength", "pattern", "minInclusive", "maxInclusive",
           "minExclusive", "maxExclusive", "totalDigits", "fractionDigits"}


@lru_cache(maxsize=None)
def translate_pattern(pattern: str) -> str:
    """An XML Schema regular expression as a Python one (anchored: use ``re.match``).

    Translated by :mod:`.xsdregex` (milliseconds), else, for what it leaves aside
    (``\\i``, blocks, syntax errors to word), by elementpath, whose import alone costs a
    cold run 0.1-0.2 s. Remembered: a TEI schema repeats a dozen expressions hundreds of
    times."""
    from toolkit.validate.engines.relaxng import xsdregex

    try:
        return xsdregex.translate(pattern)
    except xsdregex.Unsupported:
        pass
    from elementpath.regex import translate_pattern as translate

    return translate(pattern, anchors=False)


class Datatype:
    """One datatype with its parameters; ``allows`` and ``equal`` remember answers."""

    def __init__(self, library: str, name: str, params: tuple = ()) -> None:
        self.library = library
        self.name = name
        self.params = params  # ((name, value, python_regex_or_None), ...)
        self.key = (library, name, params)
        self._memo: dict[str, bool] = {}
        self._class = None  # the elementpath type, imported on first need
        self._regexes = [re.compile(rx) for pname, _, rx in params if pname == "pattern"]

    def describe(self) -> str:
        patterns = [value for pname, value, _ in self.params if pname == "pattern"]
        text = f"a value of type {self.name}" if self.library else f"a {self.name}"
        return text + (f" matching the regular expression \"{patterns[0]}\"" if patterns else "")

    def normal(self, s: str) -> str:
        if self.name == "string" or self.library == XSD and self.name == "normalizedString":
            return s if self.name == "string" else re.sub("[\t\r\n]", " ", s)
        return " ".join(words(s))

    def allows(self, s: str) -> bool:
        found = self._memo.get(s)
        if found is None:
            if len(self._memo) > 20000:
                self._memo.clear()
            found = self._memo[s] = self._allows(s)
        return found

    def _allows(self, s: str) -> bool:
        if not self.library:
            return True  # string and token allow every string
        value = self.normal(s)
        if not self._lexical(value):
            return False
        for rx in self._regexes:
            if not rx.match(value):
                return False
        for pname, limit, _ in self.params:
            if pname != "pattern" and not _facet(self.name, pname, limit, value):
                return False
        return True

    def _lexical(self, value: str) -> bool:
        name = self.name
        if name in ("string", "normalizedString", "token", "anyURI"):
            return True  # every string (anyURI: XML Schema 1.0 leaves it to the application)
        if name in _NUMERIC:
            return _number(name, value)
        if name in _SHAPE_TEXTS:
            return _shape(name).match(value) is not None
        if name in _DATE_SHAPES:
            return _date_like(name, value)
        if self._class is None:
            from elementpath import datatypes

            self._class = getattr(datatypes, _XSD_CLASSES[name])
        try:
            self._class.fromstring(value)  # dates, durations, binary: the value space too
            return True
        except (ValueError, TypeError, ArithmeticError):
            return False

    def equal(self, expected: str, s: str) -> bool:
        if self.name == "string":
            return expected == s
        a, b = self.normal(expected), self.normal(s)
        if a == b:
            return True
        if self.library and self.name in _NUMERIC:
            try:
                return Decimal(a) == Decimal(b)
            except InvalidOperation:
                return False
        return False


#: The XML names and the other types whose lexical space is a plain shape (XML 1.0 fifth
#: edition Name productions; XML Schema 1.0 language and boolean). Checked here rather than
#: by elementpath so that a document using only these does not pay elementpath's import.
_START = ("A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
          "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
          "\U00010000-\U000effff")
_CHAR = _START + "\\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
_NCNAME = f"[{_START}][{_CHAR}]*"
_NMTOKEN = f"[{_CHAR}:]+"
_SHAPE_TEXTS = {name: shape + r"\Z" for names, shape in (
    (("NCName", "ID", "IDREF", "ENTITY"), _NCNAME),
    (("Name",), f"[{_START}:][{_CHAR}:]*"),
    (("NMTOKEN",), _NMTOKEN),
    (("IDREFS", "ENTITIES"), f"{_NCNAME}(?: {_NCNAME})*"),
    (("NMTOKENS",), f"{_NMTOKEN}(?: {_NMTOKEN})*"),
    (("language",), "[a-zA-Z]{1,8}(?:-[a-zA-Z0-9]{1,8})*"),
    (("boolean",), "true|false|1|0"),
) for name in names}

#: The date and time types, XML Schema 1.0 (no year 0000; 24:00:00 allowed). TEI puts
#: them on every ``date``/``@when``; checked here because importing elementpath costs a
#: cold run 0.13-0.3 s, more than validating a novel.
_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_Y, _M, _D = r"(?P<y>-?(?:[1-9][0-9]{4,}|[0-9]{4}))", r"(?P<m>[0-9]{2})", r"(?P<d>[0-9]{2})"
_T = r"(?P<t>(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)"
_DATE_SHAPES = {name: shape + _TZ + r"\Z" for name, shape in (
    ("date", f"{_Y}-{_M}-{_D}"), ("dateTime", f"{_Y}-{_M}-{_D}T{_T}"), ("time", _T),
    ("gYear", _Y), ("gYearMonth", f"{_Y}-{_M}"), ("gMonth", f"--{_M}"),
    ("gMonthDay", f"--{_M}-{_D}"), ("gDay", f"---{_D}"))}
_compiled: dict[str, re.Pattern] = {}


def _shape(name: str) -> re.Pattern | None:
    """The compiled shape of ``name``, compiled on first need: the name classes take
    Python's ``re`` milliseconds each, which a cold run would pay for types it never meets."""
    found = _compiled.get(name)
    if found is None:
        text = _SHAPE_TEXTS.get(name) or _DATE_SHAPES.get(name)
        if text is None:
            return None
        found = _compiled[name] = re.compile(text)
    return found


def _date_like(name: str, value: str) -> bool:
    m = _shape(name).match(value)
    if m is None:
        return False
    parts = m.groupdict()
    year = int(parts["y"]) if parts.get("y") else 2000  # a leap year: --02-29 is a gMonthDay
    if year == 0:
        return False
    month = int(parts["m"]) if parts.get("m") else 1
    if not 1 <= month <= 12:
        return False
    if parts.get("d"):
        day = int(parts["d"])
        if not 1 <= day <= (days_in_month(year if year > 0 else 2000, month)
                            if name != "gDay" else 31):
            return False
    return True


_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)\Z")
_FLOAT = re.compile(r"([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|INF|-INF|NaN)\Z")
_INTEGER_RANGES = {
    "nonPositiveInteger": (None, 0), "negativeInteger": (None, -1),
    "long": (-2**63, 2**63 - 1), "int": (-2**31, 2**31 - 1), "short": (-2**15, 2**15 - 1),
    "byte": (-128, 127), "nonNegativeInteger": (0, None), "positiveInteger": (1, None),
    "unsignedLong": (0, 2**64 - 1), "unsignedInt": (0, 2**32 - 1),
    "unsignedShort": (0, 2**16 - 1), "unsignedByte": (0, 255), "integer": (None, None),
}


def _number(name: str, value: str) -> bool:
    """Numbers: the XML Schema 1.0 lexical forms (elementpath's proxies are lenient)."""
    if name in ("float", "double"):
        return bool(_FLOAT.match(value))
    if name == "decimal":
        return bool(_DECIMAL.match(value))
    if not _INTEGER.match(value):
        return False
    low, high = _INTEGER_RANGES[name]
    number = int(value)
    return (low is None or number >= low) and (high is None or number <= high)


def _facet(type_name: str, facet: str, limit: str, value: str) -> bool:
    if facet in ("length", "minLength", "maxLength"):
        size = len(words(value)) if type_name in _LIST_TYPES else len(value)
        bound = int(limit)
        return {"length": size == bound, "minLength": size >= bound,
                "maxLength": size <= bound}[facet]
    try:
        if facet in ("totalDigits", "fractionDigits"):
            digits = Decimal(value).as_tuple()
            fraction = max(0, -digits.exponent)
            return (len(digits.digits) <= int(limit)) if facet == "totalDigits" \
                else fraction <= int(limit)
        number, bound = _comparable(value), _comparable(limit)
    except (InvalidOperation, ValueError):
        return False
    return {"minInclusive": number >= bound, "maxInclusive": number <= bound,
            "minExclusive": number > bound, "maxExclusive": number < bound}[facet]


def _comparable(text: str):
    try:
        return Decimal(text)
    except InvalidOperation:
        return text  # dates and times of one form compare as their ISO strings


def make(library: str, name: str, params: list[tuple[str, str]],
         regexes: list[str | None] | None = None) -> Datatype:
    """The datatype ``name`` of ``library`` with ``params``; ``ValueError`` if unknown.

    ``regexes``: the Python translations of the ``pattern`` parameters, as made before
    (the schema cache keeps them); they are compiled, not translated again.
    """
    if not library:
        if name not in ("string", "token"):
            raise ValueError(f"datatype \"{name}\" is not in the built-in datatype library "
                             "(string, token)")
        if params:
            raise ValueError("the built-in datatype library takes no parameters")
        return Datatype("", name)
    if library != XSD:
        raise ValueError(f"datatype library \"{library}\" is not supported (only XML Schema "
                         f"datatypes, {XSD})")
    if name not in _XSD_CLASSES:
        raise ValueError(f"datatype \"{name}\" is not an XML Schema datatype")
    checked = []
    for i, (pname, value) in enumerate(params):
        if pname not in _PARAMS:
            raise ValueError(f"parameter \"{pname}\" is not allowed for datatype \"{name}\"")
        if pname == "pattern":
            try:
                regex = regexes[i] if regexes and isinstance(regexes[i], str) \
                    else translate_pattern(value)
                re.compile(regex)
            except Exception as exc:  # noqa: BLE001 - elementpath raises its own errors
                raise ValueError(f"invalid regular expression \"{value}\": {exc}") from None
            checked.append((pname, value, regex))
        else:
            checked.append((pname, value, None))
    return Datatype(library, name, tuple(checked))
