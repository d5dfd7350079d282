"""ISO Schematron, compiled to XSLT 3.0 and run by Saxon (SaxonC-HE via :mod:`toolkit.core.saxon`).

The compiler is a pipeline of named steps, each a module with one job, in the manner of
lxml's ``isoschematron`` (include, expand, compile) and SchXslt2's transpiler (one mode
per step)::

    source.Sources.parse / as_schema   read .sch, or the Schematron embedded in .rng / .odd
    include.resolve                    sch:include, sch:extends href= (libraries, rules)
    expand.expand                      abstract rules, abstract patterns and parameters
    model.Model(schema, phase)         phase, patterns by documents, lets in their scopes
    compile.compile_model              -> XSLT 3.0: one traversal per group of patterns
    engine.SchematronSchema            run it: SVRL -> findings (svrl), subordinate
                                       documents read by the toolkit (documents)

:func:`load` runs the steps and returns an engine with ``iter_findings(tree, name,
path=None)`` (the toolkit's engine protocol), ``validate`` (a list), ``svrl`` (the SVRL
report as text) and ``xslt`` (the generated stylesheet, also :func:`compile_to_xslt`).
Each assertion gets a number (``tk:n`` in the SVRL) that indexes compile-time metadata,
so turning SVRL into findings needs no guessing, and every location is an XPath lxml can
evaluate, which is how findings get their line numbers.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from .compile import compile_model
from .engine import SchematronSchema
from .expand import expand
from .include import resolve
from .model import Model
from .names import S, SchematronError
from .source import Sources, as_schema

__all__ = ["load", "load_schematron", "compile_to_xslt", "SchematronSchema", "SchematronError"]


def load(path: Path | str, context: object = None, *, phase: str | None = None) -> SchematronSchema:
    """Load an ISO Schematron schema (.sch), or the Schematron embedded in a RELAX NG
    schema or a TEI ODD, for ``phase`` (None or ``#DEFAULT``: ``@defaultPhase``, else
    ``#ALL``; ``#ANY``: the first phase whose ``@when`` holds, per document).

    ``context`` may be the toolkit's load context (its ``phase`` is used when ``phase`` is
    not given). Raises :class:`SchematronError`, located in the schema, when the schema
    cannot be used. The stylesheet is compiled on first use and cached by content.
    """
    path = Path(path)
    if phase is None:
        phase = getattr(context, "phase", None)
    choose = phase == "#ANY"
    sources = Sources()
    schema = as_schema(sources.parse(path), path)
    resolve(schema, sources)
    expand(schema)
    model = Model(schema, "#DEFAULT" if choose else phase, sources)
    xslt, checks = compile_model(model)
    key = hashlib.sha256(xslt.encode("utf-8")).hexdigest()
    return SchematronSchema(path, model.phase, model.binding, dict(model.namespaces), model.title,
                            xslt, key, [p.id for p in model.patterns], checks, schema.sourceline,
                            warnings=model.warnings,
                            has_documents=any(p.documents for p in model.patterns),
                            choose_phase=choose and any(ph.get("when") for ph in
                                                        schema.iter(S + "phase")),
                            files=dict(sources.files))


def load_schematron(path: Path | str, phase: str | None = None) -> SchematronSchema:
    """:func:`load` under the name the toolkit's validation plan and older callers use."""
    return load(path, phase=phase)


def compile_to_xslt(schema: SchematronSchema | Path | str, phase: str | None = None) -> str:
    """The XSLT 3.0 generated for ``schema`` (a loaded schema or a path to load)."""
    if not isinstance(schema, SchematronSchema):
        schema = load(schema, phase=phase)
    return schema.xslt
