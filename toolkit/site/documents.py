"""The work done per document, in worker processes: its summary, then its page and downloads.

:func:`summarize` parses a document (validating it first when the site validates), reads
its register files as ``build`` does (:mod:`toolkit.build.registers`) and runs
``xslt/site/summary.xsl``: what the edition index needs of it. :func:`publish` parses it
again, once its neighbours in date order are known, and writes its page
(``xslt/site/document.xsl``: the HTML edition with the site around it) and the downloads
that are out of date (TEI copy, plain text, PDF). Both turn every failure into findings,
so that one document never stops the site; both are module-level functions of one
picklable argument, for :func:`toolkit.core.parallel.run_ordered`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from toolkit.build import formats
from toolkit.build.pipeline import Invalid, render_pdf, source_root
from toolkit.build.registers import find_registers
from toolkit.core import resources, saxon, write
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.core.parse import parse_file
from toolkit.site.plan import SiteDocument, SiteOptions

SITE_NS = "{urn:tei-edition:site}"


@dataclass
class Result:
    """What one task did for one document."""

    source: str
    findings: list[Finding] = field(default_factory=list)
    #: summarize: the summary (XML bytes); publish: None
    summary: bytes | None = None
    #: files read besides the source (XIncluded parts, register files, schemas)
    inputs: list[Path] = field(default_factory=list)
    #: publish: files written (changed) and files up to date (unchanged bytes)
    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def _prepared(doc: SiteDocument, options: SiteOptions, result: Result, first: bool = True):
    """The parsed document and its register parameters; validation first, when asked.
    ``first``: the summary's pass, which validates and reports; the page's pass (the
    document parsed again, unchanged) only reads."""
    tree = parse_file(doc.source.path)
    result.inputs += tree.origins.files()
    if options.validation is not None and first:
        from toolkit.validate.run import check_tree

        checked = check_tree(tree, doc.source.path, options.validation, str(doc.source.path))
        result.inputs += [Path(s.split(":", 1)[1]) for s in checked.schemas]
        result.findings += checked.findings
        if not checked.valid:
            raise Invalid(str(doc.source.path), checked.findings)
    found = find_registers(tree, doc.source.path, source_root(doc.source))
    if first:
        result.findings += found.findings
    result.inputs += found.files()
    document = saxon.Document(tree)
    return document, found.params([saxon.Document(t) for t in found.trees])


def _guarded(task, work) -> Result:
    doc: SiteDocument = task[0]
    result = Result(str(doc.source.path))
    started = time.perf_counter()
    try:
        work(result)
    except Invalid as exc:
        result.findings = exc.findings + [Finding(exc.file, None, None, "error",
                                                  "not published: invalid; left out of the site",
                                                  "invalid", source="site")]
    except ToolkitError as exc:
        result.findings.append(exc.finding())
    except RecursionError:
        result.findings.append(Finding(result.source, None, None, "error",
                                       "document is nested too deeply to process", "too-deep",
                                       source="toolkit"))
    except Exception as exc:  # a bug or a library failure: report it, go on with the rest
        result.findings.append(Finding(result.source, None, None, "error",
                                       f"internal error: {type(exc).__name__}: {exc}",
                                       "internal", source="toolkit"))
    result.seconds = time.perf_counter() - started
    return result


def work(function, options: SiteOptions):
    """``summarize`` or ``publish`` as work for an executor (:mod:`toolkit.core.executors`):
    items are ``(document, options[, page task])``, paths and options, never parsed trees;
    each worker compiles the site's stylesheets once (:func:`prepare`) before its first."""
    from functools import partial

    from toolkit.core.executors import Work

    return Work(function, _task_path, _crashed, partial(prepare, options),
                1e5 if "pdf" in options.downloads else 1e6)


def _task_path(task: tuple) -> str:
    return str(task[0].source.path)


def _crashed(task: tuple, reason: str) -> Result:
    name = _task_path(task)
    return Result(name, [Finding(name, None, None, "error", f"not published: {reason}",
                                 "worker", source="site")])


def stylesheet(name: str) -> saxon.Stylesheet:
    return saxon.compile_xslt(path=resources.xslt_path(f"site/{name}.xsl"))


def prepare(options: SiteOptions) -> None:
    """Compile what the tasks use before the first transform (see :mod:`toolkit.core.saxon`)."""
    names = [resources.xslt_path("site/summary.xsl"), resources.xslt_path("site/document.xsl")]
    if "text" in options.downloads:
        names.append(formats.stylesheet_path(formats.FORMATS["text"]))
    if "pdf" in options.downloads:  # the engine -p pdf-engine chooses, as for build
        names.append(formats.stylesheet_path(formats.format_for("pdf", dict(options.params))))
    saxon.prepare(names)


def summarize(task: tuple[SiteDocument, SiteOptions]) -> Result:
    """The summary of one document (worker entry point)."""
    doc, options = task

    def work(result: Result) -> None:
        prepare(options)
        document, registers = _prepared(doc, options, result)
        out = stylesheet("summary").transform(document, params={**dict(options.params),
                                                                **registers},
                                              name=str(doc.source.path))
        result.findings += [Finding(str(doc.source.path), None, None, "warning", m,
                                    "xsl:message", source="xslt") for m in out.messages]
        result.summary = out.output.encode("utf-8")

    return _guarded(task, work)


@dataclass(frozen=True)
class PageTask:
    """What :func:`publish` is to make of one document."""

    page: bool
    downloads: tuple[str, ...]
    params: tuple[tuple[str, str], ...]
    model: bytes


def publish(task: tuple[SiteDocument, SiteOptions, PageTask]) -> Result:
    """Write one document's page and out-of-date downloads (worker entry point)."""
    doc, options, what = task

    def work(result: Result) -> None:
        out = options.out_dir
        outputs: dict[Path, bytes] = {}
        if "tei" in what.downloads:
            outputs[write.output_path(out, doc.output("tei"))] = doc.source.path.read_bytes()
        rendered = [k for k in ("text", "pdf") if k in what.downloads]
        if what.page or rendered:
            prepare(options)
            document, registers = _prepared(doc, options, result, first=False)
            params = {**page_params(doc, options), **registers}
            name = str(doc.source.path)
            if what.page:
                model = saxon.Document(what.model, base_uri="urn:tei-edition:site-model")
                page = stylesheet("document").transform(document, params={
                    **params, **{SITE_NS + k: v for k, v in what.params}, SITE_NS + "site": [model]},
                    name=name)
                result.findings += [Finding(name, None, None, "warning", m, "xsl:message",
                                            source="xslt") for m in page.messages]
                outputs[write.output_path(out, doc.output("html"))] = page.output.encode("utf-8")
            for kind in rendered:
                fmt = formats.format_for(kind, params)
                made = formats.transform(document, fmt, params, name, registers=registers)
                data = made.output.encode("utf-8")
                if kind == "pdf":
                    data, warnings = render_pdf(made.output, name, params)
                    result.findings += [Finding(name, None, None, "warning", message, "pdf",
                                                source="pdf") for message in warnings]
                outputs[write.output_path(out, doc.output(kind))] = data
        for target, data in outputs.items():
            (result.written if write_if_changed(target, data) else result.unchanged).append(target)

    return _guarded(task, work)


def page_params(doc: SiteDocument, options: SiteOptions) -> dict[str, object]:
    """The parameters every format of a document gets, as ``build`` gives them
    (:func:`toolkit.build.pipeline.page_params`): its path in the site (``page-path``, for
    the canonical URL and the citations under ``base-url``) and the downloads its page
    links; ``--param`` wins."""
    given = {"page-path": doc.stem, "downloads": ",".join(options.downloads)}
    if options.base_url:
        given["base-url"] = options.base_url
    return {**given, **dict(options.params)}


def write_if_changed(target: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless ``target`` already holds exactly it (so that a file
    that did not change keeps its modification time); True when written."""
    try:
        if target.stat().st_size == len(data) and target.read_bytes() == data:
            return False
    except OSError:
        pass
    write.atomic_write(target, data)
    return True
