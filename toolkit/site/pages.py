"""The site's own pages, rendered from the edition index: the model every page's navigation
reads, index.html, one page per register kind, chronology.html, search.html, cmif.xml and
sitemap.xml; and the site's assets (CSS, scripts) copied beside them.

Each is one stylesheet of ``xslt/site/`` run over the index, with the register files as
``$ed:registers``. A page is written only when its bytes changed, so a rebuild after one
document changed touches only the pages that show something of it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from toolkit.core import resources, saxon, write
from toolkit.site.documents import SITE_NS, stylesheet, write_if_changed
from toolkit.site.index import EditionIndex
from toolkit.site.plan import SiteOptions

ASSETS = ("site.css", "site.js", "search.js")


@dataclass
class Context:
    """What every site-level transform gets: the index and the register documents."""

    index: saxon.Document
    registers: list[saxon.Document]
    shared: list[saxon.Document]

    def params(self, model: bytes | None = None, **extra: str) -> dict[str, object]:
        params: dict[str, object] = {"{urn:tei-edition:functions}registers": self.registers}
        if self.shared:
            params["{urn:tei-edition:functions}shared-registers"] = self.shared
        if model is not None:
            params[SITE_NS + "site"] = [saxon.Document(model, base_uri="urn:tei-edition:site-model")]
        params.update({SITE_NS + k: v for k, v in extra.items()})
        return params


def context(index: EditionIndex, register_trees: list[etree._ElementTree],
            shared: set[Path]) -> Context:
    docs = [saxon.Document(t) for t in register_trees]
    shared_docs = [d for d, t in zip(docs, register_trees) if _path(t) in shared]
    return Context(saxon.Document(index.bytes(), base_uri="urn:tei-edition:site-index"),
                   docs, shared_docs)


def _path(tree: etree._ElementTree) -> Path:
    from urllib.parse import unquote, urlsplit

    return Path(unquote(urlsplit(tree.docinfo.URL or "").path)).resolve()


def model(ctx: Context) -> bytes:
    """The site model (which register pages, which front matter) as XML bytes."""
    return stylesheet("model").transform(ctx.index, params=ctx.params()).output.encode("utf-8")


def pages(ctx: Context, site_model: bytes, options: SiteOptions, date: str) -> dict[str, bytes]:
    """Every site-level page: ``{relative path: bytes}``."""
    out: dict[str, bytes] = {}
    kinds = etree.fromstring(site_model).iterfind(f"{SITE_NS}register")

    def render(name: str, target: str, **extra: str) -> None:
        params = ctx.params(site_model, here=target, **extra)
        result = stylesheet(name).transform(ctx.index, params=params, name=target)
        out[target] = result.output.encode("utf-8")

    render("index", "index.html")
    for register in kinds:
        render("register", register.get("href"), kind=register.get("kind"))
    render("chronology", "chronology.html")
    if options.search:
        render("search", "search.html")
    render("cmif", "cmif.xml", editor=options.editor, email=options.email,
           publisher=options.publisher, date=date)
    render("sitemap", "sitemap.xml")
    return out


def asset_names() -> list[str]:
    """The assets' paths in the site."""
    return [f"assets/{name}" for name in ASSETS]


def write_pages(out_dir: Path, rendered: dict[str, bytes]) -> list[Path]:
    """Write the pages and the assets that changed; return those written."""
    written = []
    files = {**rendered, **{path: resources.xslt_path(f"site/{path.split('/', 1)[1]}").read_bytes()
                            for path in asset_names()}}
    for relative, data in files.items():
        target = write.output_path(out_dir, relative)
        if write_if_changed(target, data):
            written.append(target)
    return written
