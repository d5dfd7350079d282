"""Read a RELAX NG schema (XML syntax) into patterns: the simplification of section 4 of
the RELAX NG specification, done while building.

What the specification does as rewriting steps on the XML, this module does on the way
from the schema files to :class:`~.patterns.Pattern` objects, in one pass:

* ``include`` (with overriding ``start``/``define``), ``externalRef``, nested ``grammar``,
  ``parentRef``, ``div``, ``combine="choice|interleave"`` (4.5-4.8, 4.17);
* inherited ``ns`` and ``datatypeLibrary``, QNames in ``name``, ``name`` attributes as name
  classes, ``attribute`` without content meaning ``text`` (4.3, 4.8-4.10, 4.12);
* ``optional``, ``zeroOrMore``, ``mixed``, several children meaning ``group`` (4.12-4.13),
  and the ``notAllowed``/``empty`` reductions (4.19-4.20) by the pattern builder.

``ref`` is expanded where it is used, once per define (hash-consing shares the result), so
the only cycles are through element content, which is built from a work list: the stack
depth is that of one element's content, not of the schema. Files are read with the
toolkit's safe parser; remote ``href`` s only through the catalogs, never the network; the
bytes of every file read are hashed, which is what the schema cache checks.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from urllib.parse import urljoin

from lxml import etree

from toolkit.core.parse import safe_parser
from toolkit.validate.engines.relaxng import datatypes
from toolkit.validate.engines.relaxng.patterns import Builder, NameClass, Pattern

RNG = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_CHECK_EVERY = 2000


class SchemaError(Exception):
    """A schema that cannot be used, with the file and line to blame."""

    def __init__(self, message: str, file: str = "", line: int | None = None,
                 rule: str = "schema-invalid") -> None:
        super().__init__(message)
        self.message, self.file, self.line, self.rule = message, file, line, rule


class _Env:
    __slots__ = ("ns", "dtlib", "grammar")

    def __init__(self, ns: str, dtlib: str, grammar: "_Grammar | None") -> None:
        self.ns, self.dtlib, self.grammar = ns, dtlib, grammar


class _Grammar:
    def __init__(self, parent: "_Grammar | None") -> None:
        self.parent = parent
        self.start: list[tuple] = []  # (combine, node, env)
        self.defines: dict[str, list[tuple]] = {}
        self.built: dict[str, Pattern] = {}
        self.building: set[str] = set()


_ANY_RNG = "{" + RNG + "}*"
_LOCAL: dict = {}  # tag -> local name in the RNG namespace, or None: a schema has ~40 tags


def _local(node) -> str | None:
    tag = node.tag
    try:
        return _LOCAL[tag]
    except KeyError:
        found = _LOCAL[tag] = (tag[len(RNG) + 2:] if isinstance(tag, str)
                               and tag.startswith("{" + RNG + "}") else None)
        return found


def _children(node) -> list:
    """The RELAX NG element children (lxml filters by namespace in C: no comments, no
    foreign elements such as annotations)."""
    return list(node.iterchildren(_ANY_RNG))


class Reader:
    """Turns one schema (and what it includes) into a start pattern."""

    def __init__(self, builder: Builder, catalogs=None, deadline: float | None = None) -> None:
        self.b = builder
        self.catalogs = catalogs
        self.deadline = deadline
        self.files: dict[str, str] = {}  # path -> sha256 of the bytes read
        self._pending: list[tuple] = []
        self._count = 0
        self._docs: dict[str, etree._Element] = {}
        self._loading: list[str] = []

    # ------------------------------------------------------------------ files
    def read(self, path: Path, root: etree._Element | None = None) -> Pattern:
        """The start pattern of the schema at ``path`` (``root``: already parsed)."""
        if root is None:
            root = self._parse(Path(path))
        start = self.pattern(root, _Env(root.get("ns", ""), "", None))
        while self._pending:
            shell, nodes, env = self._pending.pop()
            shell.b = self._group(nodes, env)
        return start

    def _parse(self, path: Path) -> etree._Element:
        key = str(path.resolve())
        if key in self._docs:
            return self._docs[key]
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SchemaError(f"cannot read RELAX NG schema: {exc.strerror or exc}", str(path),
                              rule="schema-unavailable") from None
        self.files[key] = hashlib.sha256(data).hexdigest()
        root = self.parse_rnc(path) if path.suffix.lower() == ".rnc" else self.parse_bytes(data, path)
        self._docs[key] = root
        return root

    @staticmethod
    def parse_bytes(data: bytes, path: Path) -> etree._Element:
        try:
            root = etree.fromstring(data, safe_parser(), base_url=path.resolve().as_uri())
        except etree.XMLSyntaxError as exc:
            raise SchemaError(f"RELAX NG schema is not well-formed XML: {exc.msg}", str(path),
                              exc.lineno) from None
        if _local(root) is None:
            raise SchemaError(f"not a RELAX NG schema (root element {root.tag} is not in the "
                              f"namespace {RNG})", str(path), root.sourceline)
        return root

    @classmethod
    def parse_rnc(cls, path: Path) -> etree._Element:
        """The XML form of a compact-syntax schema (by rnc2rng), parsed like any schema."""
        import rnc2rng

        try:
            text = rnc2rng.dumps(rnc2rng.load(str(path)))
        except Exception as exc:  # noqa: BLE001 - rnc2rng raises plain exceptions
            raise SchemaError(f"RELAX NG compact schema does not convert: {exc}",
                              str(path)) from None
        return cls.parse_bytes(text.encode("utf-8"), path)

    def _href(self, node) -> Path:
        from toolkit.validate.catalog import is_remote, uri_to_path

        href = (node.get("href") or "").strip()
        absolute = urljoin(node.base or "", href)
        if is_remote(absolute):
            found = self.catalogs.resolve(absolute) if self.catalogs is not None else None
            if found is None or found.path is None:
                raise SchemaError(
                    f"RELAX NG schema refers to {absolute}, which no catalog maps to a local "
                    "file (tei-edition never downloads schemas; map it with --catalog FILE)",
                    self._file(node), node.sourceline, rule="schema-unavailable")
            return found.path
        local = uri_to_path(absolute)
        if local is None or not local.is_file():
            raise SchemaError(f"RELAX NG schema refers to {href}, which does not exist",
                              self._file(node), node.sourceline, rule="schema-unavailable")
        return local

    @staticmethod
    def _file(node) -> str:
        from toolkit.validate.catalog import uri_to_path

        url = node.getroottree().docinfo.URL or ""
        return str(uri_to_path(url) or url)

    def _load(self, node) -> etree._Element:
        path = self._href(node)
        key = str(path.resolve())
        if key in self._loading:
            raise SchemaError(f"{path.name} includes itself (directly or through other files)",
                              self._file(node), node.sourceline)
        return self._parse(path)

    def _tick(self, node) -> None:
        self._count += 1
        if self.deadline is not None and self._count % _CHECK_EVERY == 0 \
                and time.monotonic() > self.deadline:
            raise SchemaError("RELAX NG schema did not compile in time", self._file(node),
                              node.sourceline, rule="schema-timeout")

    def error(self, node, message: str) -> SchemaError:
        return SchemaError(message, self._file(node), node.sourceline)

    # ------------------------------------------------------------------ grammars
    def _collect(self, container, env: _Env, grammar: _Grammar) -> None:
        for node in _children(container):
            kind = _local(node)
            sub = self._env(node, env)
            if kind == "start":
                grammar.start.append((node.get("combine"), node, sub))
            elif kind == "define":
                name = (node.get("name") or "").strip()
                grammar.defines.setdefault(name, []).append((node.get("combine"), node, sub))
            elif kind == "div":
                self._collect(node, sub, grammar)
            elif kind == "include":
                self._include(node, sub, grammar)
            else:
                raise self.error(node, f"element \"{kind}\" not allowed in a grammar")

    def _include(self, node, env: _Env, grammar: _Grammar) -> None:
        root = self._load(node)
        if _local(root) != "grammar":
            raise self.error(node, "an included schema must have a grammar as its root")
        inner = _Grammar(grammar.parent)
        ns = root.get("ns", env.ns)
        self._loading.append(str(self._href(node).resolve()))
        try:
            self._collect(root, self._env(root, _Env(ns, "", grammar)), inner)
        finally:
            self._loading.pop()
        own = _Grammar(grammar.parent)
        self._collect(node, env, own)
        if own.start:
            if not inner.start:
                raise self.error(node, "include overrides start, which the included schema "
                                 "does not have")
            inner.start = []
        for name in own.defines:
            if name not in inner.defines:
                raise self.error(node, f"include overrides define \"{name}\", which the "
                                 "included schema does not have")
            del inner.defines[name]
        for part in (inner, own):
            grammar.start += part.start
            for name, items in part.defines.items():
                grammar.defines.setdefault(name, []).extend(items)

    def ref(self, grammar: _Grammar | None, name: str, node) -> Pattern:
        if grammar is None:
            raise self.error(node, f"reference to \"{name}\" outside a grammar")
        found = grammar.built.get(name)
        if found is not None:
            return found
        if name not in grammar.defines:
            raise self.error(node, f"reference to undefined pattern \"{name}\"")
        if name in grammar.building:
            raise self.error(node, f"bad recursive reference to pattern \"{name}\" (a "
                             "recursion must pass through an element)")
        grammar.building.add(name)
        try:
            found = self._combine(grammar.defines[name], f"define \"{name}\"")
        finally:
            grammar.building.discard(name)
        grammar.built[name] = found
        return found

    def _combine(self, items: list[tuple], what: str) -> Pattern:
        methods = {c for c, _, _ in items if c}
        plain = [n for c, n, _ in items if not c]
        if len(methods) > 1:
            raise self.error(items[0][1], f"{what} combined with both choice and interleave")
        if len(plain) > 1:
            raise self.error(plain[1], f"{what} defined twice without a combine attribute")
        method = methods.pop() if methods else "choice"
        if method not in ("choice", "interleave"):
            raise self.error(items[0][1], f"combine must be choice or interleave, not {method}")
        parts = [self._group(_children(n), env) for _, n, env in items]
        if method == "choice":
            return self.b.choice(parts)
        result = parts[0]
        for part in parts[1:]:
            result = self.b.interleave(result, part)
        return result

    # ------------------------------------------------------------------ patterns
    def _env(self, node, env: _Env) -> _Env:
        ns = node.get("ns")
        dtlib = node.get("datatypeLibrary")
        if ns is None and dtlib is None:
            return env
        return _Env(env.ns if ns is None else ns, env.dtlib if dtlib is None else dtlib.strip(),
                    env.grammar)

    def _group(self, nodes: list, env: _Env) -> Pattern:
        patterns = [self.pattern(n, env) for n in nodes]
        if not patterns:
            return self.b.empty
        result = patterns[-1]
        for p in reversed(patterns[:-1]):
            result = self.b.group(p, result)
        return result

    def pattern(self, node, env: _Env) -> Pattern:
        self._tick(node)
        kind = _local(node)
        env = self._env(node, env)
        if kind == "ref":  # the most frequent, and it has no children to look at
            return self.ref(env.grammar, (node.get("name") or "").strip(), node)
        b = self.b
        children = _children(node)
        if kind in ("element", "attribute"):
            nc, content = self._named(node, env, children, kind == "attribute")
            if kind == "attribute":
                p = b.attribute(nc, self._group(content, env) if content else b.text)
            else:
                p = b.element(nc)
                self._pending.append((p, content, env))
            p.line = node.sourceline
            return p
        if kind == "group":
            return self._group(children, env)
        if kind in ("choice", "interleave"):
            parts = [self.pattern(c, env) for c in children]
            if kind == "choice":
                return b.choice(parts) if parts else b.empty
            result = b.empty
            for part in parts:
                result = b.interleave(result, part)
            return result
        if kind == "optional":
            return b.choice([self._group(children, env), b.empty])
        if kind == "zeroOrMore":
            return b.choice([b.one_or_more(self._group(children, env)), b.empty])
        if kind == "oneOrMore":
            return b.one_or_more(self._group(children, env))
        if kind == "mixed":
            return b.interleave(self._group(children, env), b.text)
        if kind == "list":
            return b.list_(self._group(children, env))
        if kind == "parentRef":
            parent = env.grammar.parent if env.grammar is not None else None
            return self.ref(parent, (node.get("name") or "").strip(), node)
        if kind in ("empty", "text", "notAllowed"):
            return {"empty": b.empty, "text": b.text, "notAllowed": b.not_allowed}[kind]
        if kind in ("data", "value"):
            return self._data(node, env, kind, children)
        if kind == "externalRef":
            root = self._load(node)
            key = str(self._href(node).resolve())
            self._loading.append(key)
            try:
                return self.pattern(root, _Env(root.get("ns", env.ns), "", env.grammar))
            finally:
                self._loading.pop()
        if kind == "grammar":
            grammar = _Grammar(env.grammar)
            self._collect(node, _Env(env.ns, env.dtlib, grammar), grammar)
            if not grammar.start:
                raise self.error(node, "grammar has no start")
            return self._combine(grammar.start, "start")
        raise self.error(node, f"element \"{kind}\" is not a RELAX NG pattern")

    def _data(self, node, env: _Env, kind: str, children: list) -> Pattern:
        type_name = (node.get("type") or "").strip()
        library = env.dtlib if type_name else ""
        if not type_name:
            type_name = "token"
        params = []
        except_ = None
        for child in children:
            if _local(child) == "param":
                params.append(((child.get("name") or "").strip(), child.text or ""))
            elif _local(child) == "except" and kind == "data":
                except_ = self.b.choice([self.pattern(c, env) for c in _children(child)])
        try:
            datatype = datatypes.make(library, type_name, params)
        except ValueError as exc:
            raise self.error(node, str(exc)) from None
        if kind == "value":
            return self.b.value(datatype, node.text or "")
        return self.b.data(datatype, except_)

    def _named(self, node, env: _Env, children: list, attribute: bool):
        name = node.get("name")
        if name is not None:
            own_ns = node.get("ns")
            default = (own_ns or "") if attribute else env.ns
            return NameClass("name", *self._qname(node, name.strip(), default)), children
        if not children:
            raise self.error(node, f"{_local(node)} has neither a name nor a name class")
        return self.name_class(children[0], env), children[1:]

    def _qname(self, node, qname: str, default_ns: str) -> tuple[str, str]:
        if ":" in qname:
            prefix, local = qname.split(":", 1)
            uri = XML_NS if prefix == "xml" else node.nsmap.get(prefix)
            if uri is None:
                raise self.error(node, f"undeclared prefix \"{prefix}\" in name \"{qname}\"")
            return uri, local
        return default_ns, qname

    def name_class(self, node, env: _Env) -> NameClass:
        kind = _local(node)
        env = self._env(node, env)
        children = _children(node)
        if kind == "name":
            return NameClass("name", *self._qname(node, (node.text or "").strip(), env.ns))
        if kind in ("anyName", "nsName"):
            except_ = None
            for child in children:
                if _local(child) == "except":
                    except_ = self._choice_nc([self.name_class(c, env) for c in _children(child)])
            return NameClass("any" if kind == "anyName" else "ns", env.ns if kind == "nsName"
                             else "", left=except_)
        if kind == "choice":
            return self._choice_nc([self.name_class(c, env) for c in children])
        raise self.error(node, f"element \"{kind}\" is not a name class")

    def _choice_nc(self, classes: list[NameClass]) -> NameClass:
        result = classes[0]
        for nc in classes[1:]:
            result = NameClass("choice", left=result, right=nc)
        return result
