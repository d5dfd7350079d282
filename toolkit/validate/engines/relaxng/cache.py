"""The prepared schema on disk, so the next run starts from patterns, not from XML.

A simplified schema is a graph of a few thousand patterns; reading and simplifying
tei_all's 1 MB of XML takes far longer than loading that graph. So the graph is written,
as JSON, to the user's cache folder (``$XDG_CACHE_HOME/tei-edition/relaxng`` or
``~/.cache/tei-edition/relaxng``), named by the SHA-256 of the schema file's bytes (and
of the catalogs in use and this format's version).

It is only a cache, and it is checked before it is trusted: JSON (never pickle: loading
it runs no code), a digest of its body, the kind and operands of every pattern (an
operand must be a pattern already read; element content any pattern of the file), and
the SHA-256 of every file the schema included when it was prepared. A cache file that
fails any check is ignored and written anew; a cache folder that cannot be written just
means the next run prepares the schema again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from toolkit.validate.engines.relaxng import datatypes
from toolkit.validate.engines.relaxng.patterns import (
    AFTER, ATTRIBUTE, CHOICE, DATA, DATA_EXCEPT, ELEMENT, EMPTY, GROUP, INTERLEAVE, LIST,
    NOT_ALLOWED, ONE_OR_MORE, TEXT, VALUE, Builder, NameClass, Pattern)

FORMAT = 2  # 2: regular expressions translated by xsdregex (XML Schema \s, \w)
_NC_KINDS = ("name", "any", "ns", "choice")


def folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-edition" / "relaxng"


def key_for(data: bytes, catalogs_key: str) -> str:
    digest = hashlib.sha256(f"relaxng-cache-{FORMAT}\n{catalogs_key}\n".encode())
    digest.update(data)
    return digest.hexdigest()


# ----------------------------------------------------------------------------- writing

def dump(start: Pattern, files: dict[str, str]) -> str:
    """The JSON text of the graph reachable from ``start``."""
    index: dict[int, int] = {}
    rows: list[list] = []
    classes: dict[tuple, int] = {}
    nc_rows: list[list] = []
    types: dict[tuple, int] = {}
    dt_rows: list[list] = []
    elements: list[Pattern] = []

    def nc_id(nc: NameClass) -> int:
        key = nc.key()
        if key not in classes:
            left = nc_id(nc.left) if nc.left is not None else -1
            right = nc_id(nc.right) if nc.right is not None else -1
            classes[key] = len(nc_rows)
            nc_rows.append([nc.kind, nc.ns, nc.local, left, right])
        return classes[key]

    def dt_id(dt) -> int:
        if dt.key not in types:
            types[dt.key] = len(dt_rows)
            dt_rows.append([dt.library, dt.name, [list(p) for p in dt.params]])
        return types[dt.key]

    # Operands first, as the reader checks. The builder numbers a pattern after its
    # operands exist (hash-consing), so the order of ids is such an order; only element
    # content, set after the element is made, may come later (the only cycles).
    reachable: dict[int, Pattern] = {start.id: start}
    stack: list[Pattern] = [start]
    while stack:
        p = stack.pop()
        for q in ((p.b,) if p.kind == ELEMENT else _operands(p)):
            if q.id not in reachable:
                reachable[q.id] = q
                stack.append(q)
    for position, pid in enumerate(sorted(reachable)):
        index[pid] = position
    for pid in sorted(reachable):
        p = reachable[pid]
        rows.append(_row(p, index, nc_id, dt_id))
        if p.kind == ELEMENT:
            elements.append(p)
    for p in elements:
        rows[index[p.id]][2] = index[p.b.id]
    body = json.dumps({"nc": nc_rows, "dt": dt_rows, "p": rows, "start": index[start.id],
                       "files": files}, separators=(",", ":"))
    return json.dumps({"format": FORMAT, "digest": hashlib.sha256(body.encode()).hexdigest()},
                      separators=(",", ":")) + "\n" + body


def _operands(p: Pattern) -> list[Pattern]:
    kind = p.kind
    if kind == CHOICE:
        return list(p.a)
    if kind in (GROUP, INTERLEAVE, AFTER):
        return [p.a, p.b]
    if kind in (ONE_OR_MORE, LIST):
        return [p.a]
    if kind in (ATTRIBUTE, DATA_EXCEPT):
        return [p.b]
    return []


def _row(p: Pattern, index: dict, nc_id, dt_id) -> list:
    kind = p.kind
    if kind == CHOICE:
        return [kind, [index[q.id] for q in p.a], None, None]
    if kind in (GROUP, INTERLEAVE, AFTER):
        return [kind, index[p.a.id], index[p.b.id], None]
    if kind in (ONE_OR_MORE, LIST):
        return [kind, index[p.a.id], None, None]
    if kind == ATTRIBUTE:
        return [kind, nc_id(p.a), index[p.b.id], p.line]
    if kind == ELEMENT:
        return [kind, nc_id(p.a), -1, p.line]
    if kind == DATA:
        return [kind, dt_id(p.a), None, None]
    if kind == DATA_EXCEPT:
        return [kind, dt_id(p.a), index[p.b.id], None]
    if kind == VALUE:
        return [kind, dt_id(p.a), p.b, None]
    return [kind, None, None, None]


def save(path: Path, text: str) -> None:
    """Write atomically; a folder that cannot be written is not an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError:
        pass


# ----------------------------------------------------------------------------- reading

class Corrupt(Exception):
    """The cache file is not what this module wrote: ignore it."""


def load(path: Path, builder: Builder) -> tuple[Pattern, dict[str, str]] | None:
    """The start pattern and files of a cache file, or None if it is absent or unusable."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return _read(text, builder)
    except (Corrupt, ValueError, TypeError, KeyError, IndexError, AttributeError,
            RecursionError):
        return None


def _read(text: str, builder: Builder):
    head, _, body = text.partition("\n")
    meta = json.loads(head)
    if meta.get("format") != FORMAT or meta.get("digest") != hashlib.sha256(body.encode()).hexdigest():
        raise Corrupt("format or digest")
    data = json.loads(body)
    classes: list[NameClass] = []
    for kind, ns, local, left, right in data["nc"]:
        if kind not in _NC_KINDS or not isinstance(ns, str) or not isinstance(local, str):
            raise Corrupt("name class")
        classes.append(NameClass(kind, ns, local, _before(classes, left), _before(classes, right)))
    types = [datatypes.make(lib, name, [(p[0], p[1]) for p in params],
                            [p[2] for p in params]) for lib, name, params in data["dt"]]
    out: list[Pattern] = []
    fixed = {EMPTY: builder.empty, NOT_ALLOWED: builder.not_allowed, TEXT: builder.text}
    contents: list[tuple[Pattern, int]] = []
    for kind, a, b, line in data["p"]:
        if kind in fixed:
            p = fixed[kind]
        elif kind == CHOICE:
            p = builder.choice([_at(out, i) for i in a])
        elif kind == GROUP:
            p = builder.group(_at(out, a), _at(out, b))
        elif kind == INTERLEAVE:
            p = builder.interleave(_at(out, a), _at(out, b))
        elif kind == AFTER:
            p = builder.after(_at(out, a), _at(out, b))
        elif kind == ONE_OR_MORE:
            p = builder.one_or_more(_at(out, a))
        elif kind == LIST:
            p = builder.list_(_at(out, a))
        elif kind == ATTRIBUTE:
            p = builder.attribute(classes[a], _at(out, b))
        elif kind == ELEMENT:
            p = builder.element(classes[a])
            contents.append((p, b))
        elif kind == DATA:
            p = builder.data(types[a])
        elif kind == DATA_EXCEPT:
            p = builder.data(types[a], _at(out, b))
        elif kind == VALUE and isinstance(b, str):
            p = builder.value(types[a], b)
        else:
            raise Corrupt(f"pattern kind {kind}")
        if line is not None:
            p.line = int(line)
        out.append(p)
    for element, content in contents:
        if not isinstance(content, int) or not 0 <= content < len(out):
            raise Corrupt("element content")
        element.b = out[content]
    files = data["files"]
    if not isinstance(files, dict):
        raise Corrupt("files")
    return _at(out, data["start"]), files


def _at(items: list, i) -> Pattern:
    if not isinstance(i, int) or not 0 <= i < len(items):
        raise Corrupt("operand")
    return items[i]


def _before(items: list, i):
    if i == -1:
        return None
    return _at(items, i)


def files_unchanged(files: dict[str, str]) -> bool:
    """Every file the schema was prepared from still has the bytes it had."""
    for name, digest in files.items():
        try:
            if hashlib.sha256(Path(name).read_bytes()).hexdigest() != digest:
                return False
        except OSError:
            return False
    return True
