"""Build the edition site: plan, summaries, index, pages, site pages, search (see the package).

One run holds the output folder's lock (as ``build`` does), so two runs never write the
same site. Work per document runs on the executor (:mod:`toolkit.core.executors`: ``jobs``
worker processes, or Dask) and only where something it depends on changed
(:mod:`toolkit.site.state`); the site's own pages are rendered when the edition index or
a register file changed and written when their bytes changed; the search index is
rebuilt when a page was written or removed. A document
that fails (not well-formed, invalid when the site validates, a stylesheet error) is
reported and left out: its earlier page and downloads are removed, so the site never
links a page that is not in its index.
"""

from __future__ import annotations

import contextlib

import datetime
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from toolkit.build.pipeline import locked_output, resolve_jobs
from toolkit.build.registers import _parse as parse_register
from toolkit.core import resources, saxon
from toolkit.core.edition import edition_for
from toolkit.core.findings import Finding
from toolkit.core.executors import ExecutorSpec, open_executor, require_same_folder
from toolkit.core.sources import Source
from toolkit.core.write import atomic_write
from toolkit.site import documents, pages
from toolkit.site.index import EditionIndex, build_index, duplicate_ids
from toolkit.site.plan import SiteDocument, SiteOptions, plan
from toolkit.site.search import BUNDLE, build_search
from toolkit.site.state import SiteState

#: The stylesheets of the site's own pages, run by this process every run.
SITE_STYLESHEETS = ("model", "index", "register", "chronology", "search", "cmif", "sitemap")


@dataclass
class SiteSummary:
    """What a run did."""

    documents: int = 0
    summarized: int = 0
    published: int = 0
    failed: int = 0
    written: list[Path] = field(default_factory=list)
    removed: list[Path] = field(default_factory=list)
    search: bool = False
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    def line(self, out_dir: Path) -> str:
        return (f"{self.documents} document(s): {self.summarized} read, {self.published} "
                f"published, {self.failed} left out; {len(self.written)} file(s) written, "
                f"{len(self.removed)} removed"
                f"{', search index rebuilt' if self.search else ''}; into {out_dir}/ in "
                f"{self.seconds:.1f} s")


def build_site(sources: list[Source], options: SiteOptions, *, jobs: int | str = "auto",
               force: bool = False,
               on_finding: Callable[[Finding], None] | None = None,
               executor: ExecutorSpec | None = None) -> SiteSummary:
    """Build (or update) the site of ``sources`` in ``options.out_dir``.

    ``executor`` says where the documents' summaries and pages are made (local processes,
    or Dask); it is started once, when the first document has something to redo, and
    serves both passes. The site's own pages are made here."""
    started = time.perf_counter()
    summary = SiteSummary()
    report = on_finding or (lambda finding: None)

    def note(findings: list[Finding]) -> None:
        for finding in findings:
            summary.findings.append(finding)
            report(finding)

    out = Path(options.out_dir)
    with locked_output(out), contextlib.ExitStack() as stack:
        state = SiteState(out, options)
        planned = plan(sources)
        note(planned.findings)
        docs = planned.documents
        summary.documents = len(docs)
        runners: list = []

        def run(function, tasks: list) -> Iterator:
            """``function`` over ``tasks`` on the run's executor, opened on first use."""
            if not tasks:
                return iter(())
            if not runners:
                runners.append(stack.enter_context(open_executor(
                    executor or ExecutorSpec(), resolve_jobs(jobs, len(docs)))))
                require_same_folder(runners[0], [out, *(d.source.path for d in docs)])
            return runners[0].map(documents.work(function, options), tasks)

        summaries, failed = _summaries(docs, options, state, run, force, summary, note)
        live = [d for d in docs if d.source.path not in failed]
        index = build_index([(d, summaries[d.source.path]) for d in live], options.title,
                            options.base_url)
        trees = _register_trees(index, note)
        note(duplicate_ids(trees))
        shared = set(edition_for(docs[0].source.path).registers) if docs else set()
        key = state.site_key(index.bytes(), index.registers)
        site_model = None if force else state.unchanged_site(key)
        ctx = None
        if site_model is None:
            _prepare_main()
            ctx = pages.context(index, trees, shared)
            site_model = pages.model(ctx)

        published = _publish(index, options, state, site_model, run, force, summary, note)
        if published:  # left out of the site's pages too (rare: a PDF that does not render)
            failed |= published
            live = [d for d in live if d.source.path not in failed]
            index = build_index([(d, summaries[d.source.path]) for d in live], options.title,
                                options.base_url)
            key = state.site_key(index.bytes(), index.registers)
            ctx = pages.context(index, trees, shared)
            site_model = pages.model(ctx)
        summary.failed = len(failed)
        summary.removed += _remove_stale(state, {_key(d) for d in live},
                                         {_key(e.doc) for e in index.order})

        if ctx is not None:
            rendered = pages.pages(ctx, site_model, options, _cmif_date(out))
            rendered["cmif.xml"] = _keep_date(out / "cmif.xml", rendered["cmif.xml"])
            summary.written += pages.write_pages(out, rendered)
            state.rendered_site(key, site_model, [*rendered, *pages.asset_names()])
        state.save()
        html_changed = any(p.suffix == ".html" for p in summary.written + summary.removed)
        if options.search and (html_changed or force or not (out / BUNDLE).is_dir()):
            note(build_search(out))
            summary.search = True
    summary.seconds = time.perf_counter() - started
    return summary


def _prepare_main() -> None:
    """Compile the site pages' stylesheets before this process's first transform. Those of
    the documents' tasks are compiled where the tasks run (a worker, or this process when
    it runs them itself: then by a second processor, see :mod:`toolkit.core.saxon`), so a
    run with nothing to redo compiles none of them."""
    saxon.prepare(resources.xslt_path(f"site/{name}.xsl") for name in SITE_STYLESHEETS)


def _summaries(docs: list[SiteDocument], options: SiteOptions, state: SiteState, run, force,
               summary: SiteSummary, note) -> tuple[dict[Path, bytes], set[Path]]:
    """Each document's summary: from the last run when nothing it depends on changed."""
    found: dict[Path, bytes] = {}
    todo = []
    for doc in docs:
        file = state.summary_file(doc.stem)
        if not force and state.summaries.up_to_date(doc.source.path, state.summary_config):
            try:
                found[doc.source.path] = file.read_bytes()
                continue
            except OSError:
                pass
        todo.append(doc)
    failed: set[Path] = set()
    tasks = [(doc, options) for doc in todo]
    for doc, result in zip(todo, run(documents.summarize, tasks)):
        note(result.findings)
        if result.failed or result.summary is None:
            failed.add(doc.source.path)
            state.summaries.forget(doc.source.path)
            continue
        file = state.summary_file(doc.stem)
        atomic_write(file, result.summary)
        found[doc.source.path] = result.summary
        state.summaries.record(doc.source.path, state.summary_config, [file],
                               state.summaries.source_hash(doc.source.path), result.inputs)
        summary.summarized += 1
    return found, failed


def _register_trees(index: EditionIndex, note) -> list:
    """The register files the documents read, parsed (cached while unchanged)."""
    trees = []
    for path in index.registers:
        try:
            trees.append(parse_register(path.resolve(), path.resolve().parent))
        except Exception as exc:  # noqa: BLE001 - the documents' summaries said it parsed
            note([Finding(str(path), None, None, "warning", f"register file not read: {exc}",
                          "register", source="site")])
    return trees


def _page_params(entry, index: EditionIndex) -> tuple[tuple[str, str], ...]:
    prev, nxt = index.neighbours(entry)
    doc = entry.doc
    return (("root", doc.root), ("here", doc.url),
            ("prev-href", prev.doc.url if prev else ""), ("prev-title", prev.title if prev else ""),
            ("next-href", nxt.doc.url if nxt else ""), ("next-title", nxt.title if nxt else ""))


def _publish(index: EditionIndex, options: SiteOptions, state: SiteState, site_model: bytes,
             run, force, summary: SiteSummary, note) -> set[Path]:
    """Pages and downloads of the documents whose inputs changed; the failed ones."""
    tasks = []
    configs = []
    for entry in index.order:
        doc = entry.doc
        params = _page_params(entry, index)
        page_config = state.page_config_for(params, site_model)
        page = force or not state.pages.up_to_date(doc.source.path, page_config)
        downloads = () if not force and state.downloads.up_to_date(
            doc.source.path, state.download_config) else options.downloads
        if page or downloads:
            tasks.append((doc, options, documents.PageTask(page, downloads, params, site_model)))
            configs.append(page_config)
    failed: set[Path] = set()
    for (doc, _, what), config, result in zip(tasks, configs, run(documents.publish, tasks)):
        note(result.findings)
        if result.failed:
            failed.add(doc.source.path)
            continue
        sha = state.pages.source_hash(doc.source.path)
        made = result.written + result.unchanged
        html = [p for p in made if p.suffix == ".html"]
        if what.page:
            state.pages.record(doc.source.path, config, html, sha, result.inputs)
        if what.downloads:
            state.downloads.record(doc.source.path, state.download_config,
                                   [p for p in made if p not in html], sha, result.inputs)
        summary.written += result.written
        summary.published += 1
    return failed


def _key(doc: SiteDocument) -> str:
    return str(doc.source.path.resolve())


def _remove_stale(state: SiteState, read: set[str], published: set[str]) -> list[Path]:
    """Remove what the site wrote for documents no longer in it (gone, or failing now):
    ``read`` are the documents summarized, ``published`` those with pages."""
    removed = []
    for manifest, current in ((state.pages, published), (state.downloads, published),
                              (state.summaries, read)):
        for key in [k for k in manifest.entries if k not in current]:
            for output in manifest.entries[key].outputs:
                target = state.out_dir / output
                try:
                    target.unlink()
                    removed.append(target)
                except FileNotFoundError:
                    pass
            manifest.forget(key)
    return removed


_DATE = re.compile(rb'<date when="([^"]+)"')


def _cmif_date(out: Path) -> str:
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat()


def _keep_date(path: Path, fresh: bytes) -> bytes:
    """``fresh`` with the date of the file already there when nothing else changed, so that
    cmif.xml changes (and says so in its date) only when a letter's metadata did."""
    try:
        old = path.read_bytes()
    except OSError:
        return fresh
    old_date, new_date = _DATE.search(old), _DATE.search(fresh)
    if old_date and new_date and fresh.replace(new_date.group(0), old_date.group(0)) == old:
        return old
    return fresh
