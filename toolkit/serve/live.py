"""The server's state: pages from a renderer, findings from ``validate``, events to tabs.

A batch of changed files goes through :meth:`LiveState.changed` in order:

1. caches that do not look at modification times are cleared (the ids of other files,
   read by the pointer checks); schemas and Schematron are cached by the contents of the
   files they were made from (their includes too), so a changed schema is compiled again
   on its next use, and only that one;
2. the renderer renders what depends on the change; each new page is announced at once
   (``reload``), each failure too (``status``: the tab shows the error over the last good
   page), so the reader sees the page before validation has run;
3. the affected documents are queued for validation, which a thread of its own does as
   ``validate`` would (same plan, engines and findings), one document at a time, updating
   their pages' panels (``status``); a save while a validation runs is rendered at once,
   not after it.

Nothing here raises on bad input: a failure is a finding on the page.
"""

from __future__ import annotations

import threading
from pathlib import Path

from toolkit.core.findings import Finding
from toolkit.serve.events import Broadcaster
from toolkit.serve.pages import Page, Renderer, Update
from toolkit.serve.project import Project
from toolkit.validate.configured import forget_other_files
from toolkit.validate.run import ValidationOptions, check_file

SCHEMA_SUFFIXES = (".xsd", ".rng", ".rnc", ".sch", ".odd")
#: Findings listed in a page's panel at most (the count says how many there are).
PANEL_LIMIT = 500


class LiveState:
    """Pages, findings and the event stream of one server (see the module docstring)."""

    def __init__(self, project: Project, renderer: Renderer, options: ValidationOptions,
                 events: Broadcaster | None = None) -> None:
        self.project = project
        self.renderer = renderer
        self.options = options
        self.events = events or Broadcaster()
        self._findings: dict[Path, list[Finding]] = {}
        #: counts the validations done: a status carries it, and a tab shows no status
        #: older than one it has shown (events and fetches may arrive out of order)
        self._generation = 0
        self._lock = threading.Lock()
        self._queued: set[Path] = set()
        self._wake = threading.Condition()
        self._stopped = False
        self._validator: threading.Thread | None = None

    def start(self) -> Update:
        """Render every page, then validate in the background (pages first)."""
        update = self.renderer.start()
        self._validator = threading.Thread(target=self._validate_loop, daemon=True,
                                           name="tei-edition-validate")
        self._validator.start()
        self._queue(update.documents)
        return update

    def stop(self) -> None:
        with self._wake:
            self._stopped = True
            self._wake.notify_all()
        if self._validator is not None:
            self._validator.join(timeout=30)

    def changed(self, paths: set[Path]) -> Update:
        """Render again what ``paths`` affect and announce it; queue the validation."""
        forget_other_files()
        update = self.renderer.update(paths)
        for url in sorted(update.rendered | update.failed):
            page = self.renderer.page(url)
            if page is not None:
                self.events.publish("reload" if page.error is None else "status",
                                    self.status(url, page))
        documents = set(update.documents)
        if any(p.suffix.lower() in SCHEMA_SUFFIXES for p in paths):
            documents |= {self.renderer.source_of(url) for url, _, _ in self.renderer.index()}
        documents.discard(None)
        self._queue(documents)
        return update

    def findings_of(self, source: Path | None) -> tuple[list[Finding], int]:
        """The findings of ``source`` and the generation they are of, read together."""
        with self._lock:
            found = list(self._findings.get(source, [])) if source else []
            return found, self._generation

    def status(self, url: str, page: Page | None = None) -> dict:
        """What a tab shows about its page: version, error, findings (JSON-ready)."""
        page = page or self.renderer.page(url)
        source = self.renderer.source_of(url)
        findings, generation = self.findings_of(source)
        findings += page.warnings if page else []
        return {
            "url": url,
            "version": page.version if page else 0,
            "generation": generation,
            "error": page.error.as_dict() if page and page.error else None,
            "findings": [f.as_dict() for f in findings[:PANEL_LIMIT]],
            "total": len(findings),
            "source": f"/_live/source?page={url}" if source else None,
        }

    # -- validation, one document at a time, behind the rendering -------------------------

    def _queue(self, documents) -> None:
        with self._wake:
            self._queued |= set(documents)
            self._wake.notify_all()

    def _validate_loop(self) -> None:
        while True:
            with self._wake:
                while not self._queued and not self._stopped:
                    self._wake.wait()
                if self._stopped:
                    return
                path = min(self._queued)
                self._queued.discard(path)
            try:
                findings = check_file(path, self.options).findings
            except Exception as exc:  # noqa: BLE001 - check_file should not raise; keep going
                findings = [Finding(str(path), None, None, "error",
                                    f"internal error while validating: {exc}", "internal-error",
                                    source="toolkit")]
            with self._lock:
                self._findings[path] = findings
                self._generation += 1
            for url, _, page in self.renderer.index():
                if self.renderer.source_of(url) == path and page is not None:
                    self.events.publish("status", self.status(url, page))
