"""The build pipeline for one document and for many: parse -> (validate) -> transform ->
(PDF) -> write.

A document is parsed once; with ``--validate`` the validation plan of ``validate``
(:mod:`toolkit.validate.run`) runs over that tree first and a document with errors is not
published. The register files it points to are read (:mod:`toolkit.build.registers`), and
the tree and the registers are handed to Saxon once (:class:`toolkit.core.saxon.Document`)
for all its formats. Every output is produced in memory first and written only when all
of them succeeded, each atomically; a failing or invalid document therefore leaves the
previous good outputs in place and no half-written file.

:func:`build_many` builds a list of sources:

* **incrementally**: a source whose content, configuration (toolkit version, formats,
  parameters, stylesheets; with validation its options and schemas), outputs and the files
  it read besides (XIncluded parts, register files, the schemas it was validated against)
  are unchanged
  since the last run into the same folder is skipped (see :mod:`toolkit.build.manifest`);
  ``force=True`` rebuilds all. Deciding that costs a ``stat`` per file and imports neither
  Saxon, WeasyPrint nor the validation engines.
* **in parallel**: ``jobs`` worker processes (spawned; each with its own Saxon processor
  and compiled stylesheets), one document at a time per worker, or a Dask cluster
  (``executor``: :mod:`toolkit.core.executors`, batches of sources; the workers write the
  outputs into a shared output folder, or with ``return_outputs`` send them back to be
  written here); results in input order, so outputs and messages do not depend on either.
* **robustly**: a failing document (not well-formed, refused, a stylesheet error, even an
  unexpected exception or a crashed worker) becomes findings for that file; the others
  are still built.
* **exclusively**: one build at a time writes to an output folder (a lock file, removed
  when the build ends: :mod:`toolkit.build.lock`); stale temporary files (``.*.part``)
  left by a killed build are removed when the next starts.
"""

from __future__ import annotations

import contextlib
import stat
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

from toolkit.build import formats, pdf, typst
from toolkit.build.lock import LOCK_NAME, locked_output  # noqa: F401 - LOCK_NAME: API
from toolkit.build.registers import find_registers
from toolkit.build.manifest import Manifest, config_hash
from toolkit.core import resources, saxon, write
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.build import tasks
from toolkit.core.executors import ExecutorSpec, open_executor, require_same_folder
from toolkit.core.parallel import default_jobs
from toolkit.core.parse import parse_file
from toolkit.core.sources import Source
from toolkit.core.tei import require_tei
from toolkit.validate.options import ValidationOptions

@dataclass(frozen=True)
class BuildOptions:
    """What to build and how; hashed into the incremental-build manifest."""

    formats: tuple[str, ...] = ("html", "text", "pdf")
    out_dir: Path = Path("build")
    params: tuple[tuple[str, str], ...] = ()
    overrides: tuple[tuple[str, Path], ...] = ()
    #: validate each document first and publish only valid ones (``build --validate``)
    validation: ValidationOptions | None = None

    def param_dict(self) -> dict[str, object]:
        return dict(self.params)

    def override_dict(self) -> dict[str, Path]:
        return dict(self.overrides)


@dataclass
class DocumentResult:
    """What building one source did: files written and findings (warnings, the error)."""

    source: str
    outputs: list[Path] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    skipped: bool = False
    seconds: float = 0.0
    #: files the build read besides the source (XIncluded parts, schemas)
    inputs: list[Path] = field(default_factory=list)
    #: outputs not written yet, by name inside the output folder, to be written by the
    #: process that asked (``return_outputs``: a worker's own paths mean nothing there)
    returned: dict[str, bytes] | None = field(default=None, repr=False)

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)

    @property
    def status(self) -> str:
        return "skipped" if self.skipped else "failed" if self.failed else "built"


@dataclass
class Summary:
    """The outcome of :func:`build_many`."""

    results: list[DocumentResult] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    seconds: float = 0.0
    jobs: int = 1
    #: where the documents were built (:meth:`toolkit.core.executors.Executor.describe`)
    where: str = ""

    @property
    def built(self) -> int:
        return sum(1 for r in self.results if r.status == "built")

    @property
    def skipped(self) -> int:
        return sum(1 for r in self.results if r.skipped)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if r.failed)

    def line(self, out_dir: Path) -> str:
        text = (f"{len(self.results)} document(s): {self.built} built, {self.skipped} up to date "
                f"(skipped), {self.failed} failed, into {out_dir}/ in {self.seconds:.1f} s")
        if self.jobs > 1:
            text += f" with {self.jobs} jobs"
        return text


def output_name(source: Source, fmt_name: str) -> Path:
    """``<relative path without .xml><suffix>``; keeps inner dots (``a.v2.xml`` -> ``a.v2.html``)."""
    stem = source.stem
    return stem.with_name(stem.name + formats.FORMATS[fmt_name].suffix)


def source_root(source: Source) -> Path:
    """The folder the user named for ``source`` (its own folder for a file given by name):
    register files it points to may come from anywhere below it."""
    return source.path.parents[max(0, len(source.relative.parts) - 1)]


class Invalid(ToolkitError):
    """``build --validate``: the document has errors and is not published."""

    def __init__(self, name: str, findings: list[Finding]) -> None:
        errors = sum(1 for f in findings if f.severity == "error")
        super().__init__(f"not published: {errors} validation error(s)", name, rule="invalid")
        self.findings = findings


def _validate(tree, source: Source, options: ValidationOptions) -> tuple[list[Finding], list[Path]]:
    """The findings of the validation plan over ``tree``, and the schemas it used."""
    from toolkit.validate.run import check_tree  # the validate edge: only with --validate

    result = check_tree(tree, source.path, options, str(source.path))
    return result.findings, [Path(s.split(":", 1)[1]) for s in result.schemas]


def render(source: Source, options: BuildOptions,
           inputs: list[Path] | None = None) -> tuple[dict[Path, bytes], list[Finding]]:
    """Parse and transform one source into ``{output path: bytes}``; raise on failure.

    ``inputs``, when given, receives the files read besides the source. With validation,
    a document that has errors raises :class:`Invalid` (its findings are in ``.findings``).
    """
    name = str(source.path)
    targets = {fmt: write.output_path(options.out_dir, output_name(source, fmt))
               for fmt in options.formats}
    overrides = options.override_dict()
    params = {**page_params(source, options), **options.param_dict()}
    formats.prepare(options.formats, overrides, params)  # before any transform (Schematron's too)
    tree = parse_file(source.path)
    require_tei(tree, name)
    read = inputs if inputs is not None else []
    read += tree.origins.files()
    findings: list[Finding] = []
    if options.validation is not None:
        found, schemas = _validate(tree, source, options.validation)
        read += schemas
        findings += found
        if any(f.severity == "error" for f in found):
            raise Invalid(name, findings)
    found = find_registers(tree, source.path, source_root(source))
    findings += found.findings
    read += found.files()
    registers = found.params(found.documents())
    document = saxon.Document(tree)
    del tree, found
    outputs: dict[Path, bytes] = {}
    for fmt_name in options.formats:
        result = formats.transform(document, formats.format_for(fmt_name, params), params,
                                   name, overrides, registers)
        findings += [Finding(name, None, None, "warning", message, "xsl:message", source="xslt")
                     for message in result.messages]
        if fmt_name == "pdf":
            data, warnings = render_pdf(result.output, name, params)
            findings += [Finding(name, None, None, "warning", message, "pdf", source="pdf")
                         for message in warnings]
        else:
            data = result.output.encode("utf-8")
        outputs[targets[fmt_name]] = data
        del result
    copy = tei_copy(source, options)
    if copy is not None:
        outputs[copy] = source.path.read_bytes()
    return outputs, findings


def render_pdf(output: str, name: str, params: dict[str, object]) -> tuple[bytes, list[str]]:
    """The PDF of the PDF stylesheet's ``output`` by the chosen engine, and its warnings.

    Without ``-p pdf-engine``, output that is HTML (a user's stylesheet importing
    ``print.xsl``) goes to WeasyPrint, anything else (``typst.xsl``'s markup) to Typst.
    """
    engine = formats.pdf_engine(params)
    start = output.lstrip()[:15].lower()
    if "pdf-engine" not in params and (start.startswith("<!doctype html") or start.startswith("<html")):
        engine = "weasyprint"
    if engine == "typst":
        template = params.get("typst-template")
        result = typst.render_pdf(output, name, str(template) if template else None)
        return result.pdf, result.warnings
    return pdf.render_pdf(output, name), []


def tei_copy(source: Source, options: BuildOptions) -> Path | None:
    """Where the HTML page's "TEI-XML" download goes: the source beside its page
    (``<relative path>.xml`` in the output folder), when HTML is built and that is not the
    source itself (an output folder that is the source folder)."""
    if "html" not in options.formats:
        return None
    target = write.output_path(options.out_dir, source.relative.with_suffix(".xml"))
    return None if target == source.path.resolve() else target


def page_params(source: Source, options: BuildOptions) -> dict[str, str]:
    """What a page must know of its place in the build: ``page-path`` (its path under the
    output folder without suffix, for the canonical URL with ``-p base-url=``) and
    ``downloads`` (the formats written beside it, which the HTML links: text, pdf, tei).
    Parameters given with ``--param`` win."""
    formats = [f for f in options.formats if f in ("text", "pdf")]
    if "html" in options.formats:
        formats.append("tei")
    return {"page-path": source.stem.as_posix(), "downloads": ",".join(formats)}


def build_document(source: Source, options: BuildOptions,
                   keep: bool = False) -> DocumentResult:
    """Build one source; errors become findings so that a run goes on with other files.

    With ``keep`` the outputs are not written but left in ``returned`` (see
    :func:`toolkit.build.tasks.write_returned`)."""
    start = time.perf_counter()
    result = DocumentResult(str(source.path))
    try:
        outputs, result.findings = render(source, options, result.inputs)
        if keep:
            root = Path(options.out_dir).resolve()
            result.returned = {str(t.relative_to(root)): data for t, data in outputs.items()}
        else:
            write_all(outputs, result)
    except Invalid as exc:
        result.findings = exc.findings + [exc.finding()]
    except ToolkitError as exc:
        result.findings.append(exc.finding())
    except RecursionError:
        result.findings.append(Finding(str(source.path), None, None, "error",
                                       "document is nested too deeply to process",
                                       "too-deep", source="toolkit"))
    except MemoryError:
        result.findings.append(Finding(str(source.path), None, None, "error",
                                       "out of memory while building this document",
                                       "memory", source="toolkit"))
    except Exception as exc:  # a bug or a library failure: report it, go on with the rest
        result.findings.append(Finding(str(source.path), None, None, "error",
                                       f"internal error: {type(exc).__name__}: {exc}",
                                       "internal", source="toolkit"))
    result.seconds = time.perf_counter() - start
    return result


def write_all(outputs: dict[Path, bytes], result: DocumentResult) -> None:
    """Write every output atomically, each recorded in ``result`` once written."""
    for target, data in outputs.items():
        result.outputs.append(write.atomic_write(target, data))


# --- many documents ------------------------------------------------------------------------

def config_for(options: BuildOptions, cache) -> str:
    """The configuration hash of ``options`` (see :func:`toolkit.build.manifest.config_hash`):
    what a build reads besides its sources, so the schemas only when it validates."""
    folders = []
    for name in ("xslt", "schemas") if options.validation is not None else ("xslt",):
        with contextlib.suppress(FileNotFoundError):
            folders.append(resources.data_dir(name))
    validation = options.validation
    extra: list[Path] = []
    if validation is not None:
        extra = [*validation.schemas, *validation.rules, *validation.catalogs]
    return config_hash(cache, options.formats, options.params, options.overrides, folders,
                       repr(validation) if validation is not None else "", extra)


#: With ``--jobs auto``, one worker process per this many documents to build (a worker
#: costs ~0.5 s to start and compile the stylesheets; a small document ~0.05 s to build).
DOCUMENTS_PER_AUTO_JOB = 4


def resolve_jobs(jobs: int | str | None, pending: int) -> int:
    """``auto`` (or None/0): min(cores, documents to build / 4), at least 1 -- so one
    process (no worker start-up) for up to 7 documents; a number is taken as given."""
    if jobs in (None, 0, "auto"):
        return max(1, min(default_jobs(), pending // DOCUMENTS_PER_AUTO_JOB))
    return max(1, int(jobs))


def build_many(sources: list[Source], options: BuildOptions, *, jobs: int | str = 1,
               force: bool = False,
               on_result: Callable[[DocumentResult], None] | None = None,
               on_plan: Callable[[int, int], None] | None = None,
               executor: ExecutorSpec | None = None,
               return_outputs: bool = False) -> Summary:
    """Build ``sources`` into ``options.out_dir`` (see the module docstring).

    ``on_plan(total, not_up_to_date)`` is called once the up-to-date check is done (the
    second number counts the documents ``on_result`` will report as built or failed);
    ``on_result`` once per source, in input order, skipped ones included. ``executor``
    says where the documents are built (started only when there is one to build).
    """
    start = time.perf_counter()
    executor = executor or ExecutorSpec()
    out_dir = Path(options.out_dir)
    summary = Summary()
    with locked_output(out_dir), contextlib.ExitStack() as stack:
        manifest = Manifest(out_dir)
        config = config_for(options, manifest.cache)
        summary.removed = sorted(e.source for e in manifest.removed_sources())
        for gone in summary.removed:
            manifest.forget(gone)

        plan: list[tuple[Source, str | None, DocumentResult | None]] = []
        claimed: dict[str, str] = {}
        for source in sources:
            plan.append(_plan_one(source, options, manifest, config, force, claimed))
        pending = [(s, h) for s, h, ready in plan if ready is None]
        summary.jobs = resolve_jobs(jobs, len(pending))
        if on_plan:  # those that failed planning (an output clash) are reported too
            on_plan(len(plan), sum(1 for _, _, ready in plan if ready is None or not ready.skipped))

        built: Iterator[DocumentResult] = iter(())
        if pending:
            runner = stack.enter_context(open_executor(executor, summary.jobs))
            require_same_folder(runner, [*([] if return_outputs else [out_dir]),
                                         *(source.path for source, _ in pending)])
            built = runner.map(tasks.work(options, return_outputs),
                               [(source, options) for source, _ in pending])
        last_save = time.monotonic()
        for count, (source, sha, ready) in enumerate(plan, 1):
            result = ready if ready is not None else next(built)
            if ready is None:
                if result.returned is not None:
                    tasks.write_returned(result, out_dir)
                elif executor.distributed:
                    tasks.check_visible(result)
                if result.failed or sha is None:
                    manifest.forget(source.path)
                else:
                    manifest.record(source.path, config, result.outputs, sha, result.inputs)
            summary.results.append(result)
            if on_result:
                on_result(result)
            if manifest.dirty and time.monotonic() - last_save > 20:
                manifest.save()
                last_save = time.monotonic()
        manifest.save()
        if pending:
            summary.where = runner.describe()
    summary.seconds = time.perf_counter() - start
    return summary


def _plan_one(source: Source, options: BuildOptions, manifest, config: str, force: bool,
              claimed: dict[str, str]):
    """``(source, content hash or None, ready result or None)``: None means build it."""
    try:
        names = [str(output_name(source, fmt)) for fmt in options.formats]
    except ToolkitError as exc:
        return source, None, DocumentResult(str(source.path), findings=[exc.finding()])
    for name in names:
        other = claimed.get(name.casefold())
        if other is not None:
            finding = Finding(str(source.path), None, None, "error",
                              f"its output {name} would overwrite that of {other}; build them "
                              "into separate output folders", "output-clash", source="toolkit")
            return source, None, DocumentResult(str(source.path), findings=[finding])
    for name in names:
        claimed[name.casefold()] = str(source.path)
    try:
        info = source.path.stat()
        if not stat.S_ISREG(info.st_mode):
            return source, None, None  # the worker reports what it is
        sha = manifest.source_hash(source.path)
    except OSError:
        return source, None, None
    if not force and manifest.up_to_date(source.path, config):
        return source, sha, DocumentResult(str(source.path), skipped=True)
    return source, sha, None
