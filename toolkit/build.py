"""The build pipeline for one document and for many: parse -> transform -> (PDF) -> write.

Every output of a document is produced in memory first and written only when all of
them succeeded, each atomically; a failing document therefore leaves the previous good
outputs in place and no half-written file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from toolkit import pdf, transform, write
from toolkit.errors import ToolkitError
from toolkit.findings import Finding
from toolkit.parse import parse_file
from toolkit.sources import Source


@dataclass(frozen=True)
class BuildOptions:
    """What to build and how; hashed into the incremental-build manifest."""

    formats: tuple[str, ...] = ("html", "text", "pdf")
    out_dir: Path = Path("build")
    params: tuple[tuple[str, str], ...] = ()
    overrides: tuple[tuple[str, Path], ...] = ()

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

    @property
    def failed(self) -> bool:
        return any(f.severity == "error" for f in self.findings)


def render(source: Source, options: BuildOptions) -> tuple[dict[Path, bytes], list[Finding]]:
    """Parse and transform one source into ``{output path: bytes}``; raise on failure."""
    name = str(source.path)
    tree = parse_file(source.path)
    outputs: dict[Path, bytes] = {}
    findings: list[Finding] = []
    for fmt_name in options.formats:
        fmt = transform.FORMATS[fmt_name]
        result = transform.transform(tree, fmt, options.param_dict(), name,
                                     options.override_dict())
        findings += [Finding(name, None, None, "warning", message, "xsl:message", source="xslt")
                     for message in result.messages]
        data = (pdf.render_pdf(result.output, name) if fmt_name == "pdf"
                else result.output.encode("utf-8"))
        target = write.output_path(options.out_dir, source.stem.with_suffix(fmt.suffix))
        outputs[target] = data
    return outputs, findings


def build_document(source: Source, options: BuildOptions) -> DocumentResult:
    """Build one source; errors become findings so that a run goes on with other files."""
    result = DocumentResult(str(source.path))
    try:
        outputs, result.findings = render(source, options)
    except ToolkitError as exc:
        result.findings.append(exc.finding())
        return result
    for target, data in outputs.items():
        result.outputs.append(write.atomic_write(target, data))
    return result
