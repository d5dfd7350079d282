"""XSLT errors told by the stylesheet itself, not scraped from Saxon's console output.

A dynamic error (``error()``, a failed cast, ``xsl:message terminate="yes"``, a refused
``doc()``) is caught inside the transform by an ``xsl:try`` around the whole of it, whose
``xsl:catch`` reports ``$err:code``, ``$err:description``, ``$err:module``,
``$err:line-number`` and ``$err:column-number`` as one ``xsl:message`` in a private
namespace (:data:`NS`). The transform's other messages are unaffected.

* A stylesheet compiled from a file is run through a generated *wrapper* (:func:`wrapper`)
  that ``xsl:import``s the file and catches around ``xsl:apply-imports``: Saxon compiles
  the user's file itself, so every line number it reports is the file's own.
* A stylesheet compiled from text (generated Schematron) gets the catching template
  inserted before its closing tag (:func:`with_catch`): the lines above stay as they were.

Either way the catching template matches the document node with the import precedence
(or priority) that wins, in the stylesheet's default mode, and hands over to the
stylesheet's own rules (``xsl:apply-imports`` / ``xsl:next-match``).

Compile errors are raised by saxonche with their location in the exception's text (line
numbers are kept for stylesheets built from trees too), which :func:`compile_error` reads.
"""

from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from toolkit.core.errors import TransformError
from toolkit.core.parse import safe_parser

XSL = "http://www.w3.org/1999/XSL/Transform"
ERR = "http://www.w3.org/2005/xqt-errors"
#: namespace of the error report message
NS = "urn:x-tei-edition:xslt-error"

_CATCH = (
    '<xsl:try><xsl:{step}/><xsl:catch>'
    '<xsl:message><tk:error code="{{local-name-from-QName($tkerr:code)}}" '
    'module="{{$tkerr:module}}" line="{{$tkerr:line-number}}" column="{{$tkerr:column-number}}">'
    '<xsl:value-of select="$tkerr:description"/></tk:error></xsl:message>'
    '</xsl:catch></xsl:try>'
)
_DECLARE = f'xmlns:xsl="{XSL}" xmlns:tkerr="{ERR}" xmlns:tk="{NS}" version="3.0"'


def _entry(path: Path) -> etree._Element | None:
    """The root of the stylesheet file, or None when it is not one (Saxon will say why)."""
    try:
        return etree.parse(str(path), safe_parser()).getroot()
    except (OSError, etree.XMLSyntaxError):
        return None


def wrapper(path: Path) -> str | None:
    """The text of a stylesheet that imports ``path`` and catches its dynamic errors, or
    None when ``path`` cannot be imported (an ``xsl:package``)."""
    root = _entry(path)
    if root is not None and root.tag == f"{{{XSL}}}package":
        return None
    mode = root.get("default-mode") if root is not None and root.tag.startswith(f"{{{XSL}}}") \
        else None
    namespaces = "".join(f' xmlns:{prefix}="{uri}"' for prefix, uri in
                         (root.nsmap.items() if root is not None else ())
                         if prefix and prefix not in ("xsl", "tkerr", "tk"))
    default = f' default-mode="{mode}"' if mode else ""
    return (f'<xsl:stylesheet {_DECLARE}{namespaces}{default} exclude-result-prefixes="#all">'
            f'<xsl:import href="{path.resolve().as_uri()}"/>'
            f'<xsl:template match="/">{_CATCH.format(step="apply-imports")}</xsl:template>'
            '</xsl:stylesheet>')


_CLOSING = re.compile(r"</(?:[\w.-]+:)?(?:stylesheet|transform)\s*>\s*$")


def with_catch(text: str) -> str:
    """``text`` with the catching template inserted before its closing tag (unchanged when
    it is not an ``xsl:stylesheet``/``xsl:transform`` that ends in one)."""
    match = _CLOSING.search(text)
    if match is None:
        return text
    template = (f'<xsl:template match="/" priority="1000000000" {_DECLARE}>'
                f'{_CATCH.format(step="next-match")}</xsl:template>')
    return text[:match.start()] + template + text[match.start():]


def reported(messages: list[str]) -> tuple[list[str], etree._Element | None]:
    """The transform's own messages, and the error report among them (if any)."""
    own, report = [], None
    for message in messages:
        if report is None and f'"{NS}"' in message:
            try:
                candidate = etree.fromstring(message.encode("utf-8"))
            except etree.XMLSyntaxError:
                candidate = None
            if candidate is not None and candidate.tag == f"{{{NS}}}error":
                report = candidate
                continue
        own.append(message)
    return own, report


def dynamic_error(report: etree._Element, origin: str, source: str) -> TransformError:
    """The :class:`TransformError` for a caught error report of the stylesheet ``origin``."""
    code = report.get("code") or "xslt"
    module = report.get("module") or ""
    file = module[len("file:"):].lstrip("/") if module.startswith("file:") else module
    file = "/" + file if module.startswith("file:") else (file or origin)
    line = report.get("line")
    detail = " ".join((report.text or "").split())
    where = f" (stylesheet {file}" + (f", line {line}" if line else "") + ")"
    return TransformError(f"XSLT dynamic error {code}: {detail}{where}", source or origin,
                          None, None, rule=code)


def uncaught_error(message: str, origin: str, source: str) -> TransformError:
    """An error outside the catch (serialising the result, a parameter's type)."""
    detail = " ".join(message.split())
    code = re.search(r"\b([A-Z]{4}\d{4})\b", message)
    return TransformError(f"XSLT dynamic error {code.group(1) if code else 'xslt'}: {detail} "
                          f"(stylesheet {origin})", source or origin, None, None,
                          rule=code.group(1) if code else "xslt")


_LOCATION = re.compile(r"line (\d+)(?: column (\d+))? of ([^\s:]+(?::[^\s:]+)?):")


def compile_error(message: str, origin: str, files: list[Path]) -> TransformError:
    """The located :class:`TransformError` for saxonche's compile exception ``message``.

    Saxon names the module by its file name only; ``files`` (the stylesheet and what it
    imports) give the path back.
    """
    file, line, column = origin, None, None
    match = _LOCATION.search(message)
    if match:
        line = int(match.group(1))
        column = int(match.group(2)) if match.group(2) else None
        named = match.group(3)
        file = next((str(f) for f in files if f.name == named), None) or (
            named[len("file:"):] if named.startswith("file:") else origin)
    code = re.search(r"\b([A-Z]{4}\d{4})\b", message)
    detail = " ".join(message.split()) + _unknown_stable_uri(message)
    return TransformError(f"stylesheet does not compile: {detail}", file, line, column,
                          rule=code.group(1) if code else "xslt")


#: where the toolkit's stylesheets are for a user's ``xsl:import`` (xslt/catalog.xml)
STABLE_BASE = "https://tei-edition.org/xslt/"
_STABLE_URI = re.compile(re.escape(STABLE_BASE) + r"[^\s'\"<>(),]*")


def stable_uris() -> list[str]:
    """The stylesheet URIs xslt/catalog.xml names (``https://tei-edition.org/xslt/html.xsl``
    ...): what a user's stylesheet imports."""
    from toolkit.core import resources

    catalog = etree.fromstring(resources.xslt_path("catalog.xml").read_bytes(), safe_parser())
    return [uri.get("name") for uri in catalog.iter("{*}uri") if uri.get("name")]


def _unknown_stable_uri(message: str) -> str:
    """A sentence naming the stable URIs when ``message`` is about one that names no file
    of ours (``.../xslt/htm.xsl``): Saxon only says it could not read it."""
    from toolkit.core import resources

    for uri in _STABLE_URI.findall(message):
        relative = uri[len(STABLE_BASE):].rstrip(".:;")
        if not relative.endswith(".xsl") or not resources.xslt_path(relative).is_file():
            return (f". {uri} is not one of tei-edition's stylesheets; import one of: "
                    f"{', '.join(stable_uris())}")
    return ""
