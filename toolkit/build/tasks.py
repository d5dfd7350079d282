"""A build as work for an executor (:mod:`toolkit.core.executors`): what a worker does with
one source, what it compiles first, and what comes back.

An item is ``(source, options)``: a path and the build's options, never a parsed tree.
A worker builds the source and writes its outputs into the output folder (shared with
this process: the local workers, a Dask cluster on a shared file system) and returns the
paths; with ``return_outputs`` it returns the bytes instead and this process writes them
(:func:`write_returned`), for Dask workers that cannot write the output folder. Either
way the manifest is kept here, by :func:`toolkit.build.pipeline.build_many`.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from toolkit.core.errors import ToolkitError
from toolkit.core.executors import Work
from toolkit.core.findings import Finding
from toolkit.core.sources import Source

#: source bytes one worker turns into HTML and text in a second, about (the shared corpus
#: on a laptop core); PDF is an order of magnitude slower. Only the first Dask batches use
#: it: later ones are sized from what the workers measured.
RATE = 1e6
RATE_PDF = 1e5


def work(options, return_outputs: bool = False) -> Work:
    """What a build asks an executor to do over items ``(source, options)``."""
    return Work(_render_task if return_outputs else _build_task, _task_path, _crashed,
                partial(warm, options), RATE_PDF if "pdf" in options.formats else RATE)


def warm(options) -> None:
    """Compile, once per worker, the stylesheets of a build (and, with validation, its given
    schemas) before its first transform locks Saxon."""
    from toolkit.build import formats

    formats.prepare(options.formats, options.override_dict())
    if options.validation is not None:
        from toolkit.validate.run import warm as warm_validation

        warm_validation(options.validation)


def _build_task(task: tuple[Source, object]):
    from toolkit.build.pipeline import build_document

    source, options = task
    return build_document(source, options)


def _render_task(task: tuple[Source, object]):
    from toolkit.build.pipeline import build_document

    source, options = task
    return build_document(source, options, keep=True)


def _task_path(task: tuple[Source, object]) -> str:
    return str(task[0].path)


def _crashed(task: tuple[Source, object], reason: str):
    from toolkit.build.pipeline import DocumentResult

    name = str(task[0].path)
    return DocumentResult(name, findings=[Finding(name, None, None, "error", f"not built: {reason}",
                                                  "worker", source="toolkit")])


def write_returned(result, out_dir: Path) -> None:
    """Write the outputs a worker sent back (``return_outputs``) into ``out_dir``, each
    atomically, their names checked again here; a write that fails is the document's
    finding."""
    from toolkit.build.pipeline import write_all
    from toolkit.core.write import output_path

    returned, result.returned = result.returned or {}, None
    try:
        write_all({output_path(out_dir, name): data for name, data in returned.items()}, result)
    except ToolkitError as exc:
        result.findings.append(exc.finding())


def check_visible(result) -> None:
    """Outputs a Dask worker wrote must be here too: a worker on another machine that does
    not share the output folder wrote them where nobody will look."""
    missing = [path for path in result.outputs if not Path(path).exists()]
    if missing:
        result.outputs = [path for path in result.outputs if path not in missing]
        result.findings.append(Finding(
            result.source, None, None, "error",
            f"a Dask worker wrote {missing[0]} but it is not there on this machine: the "
            "workers do not share the output folder; build with --return-outputs",
            "dask-outputs", source="toolkit"))
