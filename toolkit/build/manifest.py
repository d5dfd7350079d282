"""The incremental-build manifest: what was built from what, so unchanged work is skipped.

``<out>/.tei-edition-manifest.json`` records, for every source built into ``<out>``:

* the source's content hash (sha256) with the ``size`` and ``mtime_ns`` it had when hashed,
* the outputs written from it (paths relative to ``<out>``),
* the content hashes of the other files its build read (``inputs``: XIncluded parts, and
  with ``--validate`` the schemas it was validated against),
* the *configuration hash* it was built with: toolkit version, versions of lxml, saxonche
  and WeasyPrint, formats, stylesheet parameters, the content of every file under the
  ``xslt/`` folder in use, user stylesheet overrides and the local files they
  ``xsl:import``/``xsl:include``; with ``--validate`` also the validation options, the
  ``schemas/`` folder and the schema, rule and catalog files named by option or
  configuration. Only what a build reads: without ``--validate`` a schema edit rebuilds
  nothing.

A source is up to date when its entry has the current configuration hash, its content hash
and those of its inputs are unchanged and all its outputs exist. Content is re-hashed only when ``size`` or
``mtime_ns`` changed, so a no-op check of a few hundred files costs a few ``stat`` calls
each and imports neither Saxon nor WeasyPrint.

The manifest is written atomically (old or new, never half), at the end of a run and
every so often during a long one. Entries of sources that no longer exist are reported
once and dropped; their outputs are left in place (the toolkit never deletes a file it
cannot be sure it wrote for the current sources).
"""

from __future__ import annotations

import hashlib
import json
import os
from importlib import metadata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from toolkit import __version__
from toolkit.core import write
from toolkit.core.hashing import HashCache
from toolkit.core.saxon import stylesheet_files

MANIFEST_NAME = ".tei-edition-manifest.json"
FORMAT = 1


@dataclass
class Entry:
    """One source's record: its hash, the configuration and the outputs written."""

    source: str
    sha256: str
    config: str
    outputs: list[str] = field(default_factory=list)
    inputs: dict[str, str] = field(default_factory=dict)

    def as_dict(self) -> dict:
        data = {"sha256": self.sha256, "config": self.config, "outputs": self.outputs}
        if self.inputs:
            data["inputs"] = self.inputs
        return data


class Manifest:
    """The manifest of one output folder (see the module docstring)."""

    def __init__(self, out_dir: Path, name: str = MANIFEST_NAME) -> None:
        """``name``: the manifest's file in ``out_dir`` (the edition site keeps one per
        kind of output, :mod:`toolkit.site.state`)."""
        self.out_dir = Path(out_dir)
        self.path = self.out_dir / name
        self.entries: dict[str, Entry] = {}
        self.cache = HashCache()
        self.dirty = False
        self._load()

    def _load(self) -> None:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return  # no manifest, or an unreadable one: everything is rebuilt
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return
        self.cache = HashCache(data.get("files") or {})
        for source, value in (data.get("sources") or {}).items():
            try:
                self.entries[source] = Entry(source, str(value["sha256"]), str(value["config"]),
                                             [str(o) for o in value["outputs"]],
                                             {str(k): str(v) for k, v in
                                              (value.get("inputs") or {}).items()})
            except (KeyError, TypeError, AttributeError):
                continue

    # -- queries --------------------------------------------------------------------------

    def source_hash(self, path: Path) -> str:
        return self.cache.hash(Path(path).resolve()).sha256

    def up_to_date(self, path: Path, config: str) -> bool:
        """True when ``path`` was built with ``config`` from the same content, outputs intact."""
        key = str(Path(path).resolve())
        entry = self.entries.get(key)
        if entry is None or entry.config != config:
            return False
        try:
            if self.source_hash(path) != entry.sha256:
                return False
            if any(self.cache.hash(Path(p)).sha256 != sha for p, sha in entry.inputs.items()):
                return False
        except OSError:
            return False
        return all((self.out_dir / output).is_file() for output in entry.outputs)

    def removed_sources(self) -> list[Entry]:
        """Entries whose source file no longer exists."""
        return [e for e in self.entries.values() if not os.path.exists(e.source)]

    # -- updates --------------------------------------------------------------------------

    def record(self, path: Path, config: str, outputs: Iterable[Path], sha256: str,
               inputs: Iterable[Path] = ()) -> None:
        key = str(Path(path).resolve())
        relative = []
        root = self.out_dir.resolve()
        for output in outputs:
            try:
                relative.append(str(Path(output).resolve().relative_to(root)))
            except ValueError:
                relative.append(str(output))
        read = {}
        for file in inputs:
            try:
                read[str(Path(file).resolve())] = self.cache.hash(Path(file).resolve()).sha256
            except OSError:
                read[str(Path(file).resolve())] = "-"  # gone: the next run rebuilds
        self.entries[key] = Entry(key, sha256, config, sorted(relative), dict(sorted(read.items())))
        self.dirty = True

    def forget(self, path: Path | str) -> None:
        if self.entries.pop(str(Path(path).resolve()) if not isinstance(path, str) else path,
                            None) is not None:
            self.dirty = True

    def save(self) -> None:
        """Write the manifest atomically (only when something changed)."""
        if not self.dirty:
            return
        live = {e.source for e in self.entries.values()}
        live.update(p for e in self.entries.values() for p in e.inputs)
        files = {k: v.as_list() for k, v in self.cache.known.items()
                 if k in live or k in _CONFIG_FILES}
        data = {
            "format": FORMAT,
            "toolkit": __version__,
            "sources": {k: e.as_dict() for k, e in sorted(self.entries.items())},
            "files": dict(sorted(files.items())),
        }
        write.atomic_write(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
        self.dirty = False


#: Stylesheets and schemas hashed by :func:`config_hash` in this process (their stat
#: shortcuts are kept in the manifest too).
_CONFIG_FILES: set[str] = set()


# --- the configuration hash ------------------------------------------------------------------

def _package_version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "-"


def config_hash(cache: HashCache, formats: Iterable[str], params: Iterable[tuple[str, str]],
                overrides: Iterable[tuple[str, Path]], folders: Iterable[Path],
                validation: str = "", extra: Iterable[Path] = ()) -> str:
    """The hash of everything besides the source that decides what a build writes:
    ``folders`` (all their files), ``extra`` files, and ``validation`` (the options'
    text, empty when the build does not validate)."""
    digest = hashlib.sha256()

    def put(*parts: object) -> None:
        for part in parts:
            digest.update(str(part).encode("utf-8", "surrogateescape"))
            digest.update(b"\0")

    put("tei-edition", __version__)
    for package in ("lxml", "saxonche", "weasyprint"):
        put(package, _package_version(package))
    put("formats", *formats)
    for key, value in sorted(params):
        put("param", key, value)
    files: set[Path] = set()
    for folder in folders:
        if folder.is_dir():
            files.update(p.resolve() for p in folder.rglob("*") if p.is_file())
    if validation:
        put("validation", validation)
    files.update(Path(p).resolve() for p in extra if Path(p).is_file())
    for fmt, path in sorted(overrides):
        put("override", fmt, Path(path).resolve())
        files.update(stylesheet_files(Path(path)))
    for path in sorted(files):
        _CONFIG_FILES.add(str(path))
        put("file", path, cache.hash(path).sha256)
    return digest.hexdigest()
