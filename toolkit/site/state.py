"""What the site was made from, so that a second run redoes only what changed.

Three manifests (:class:`toolkit.build.manifest.Manifest`, the build's, one file each under
``<site>/.tei-edition/``), because a document's products depend on different things:

* ``summaries.json``: its summary (kept in ``.tei-edition/summaries/``) depends on the
  document, the files it read (register files, XIncluded parts, schemas) and the
  stylesheets;
* ``pages.json``: its page depends on those and on what the page shows of the rest of the
  edition: the site model (navigation), its previous and next documents, the site's
  title and base URL;
* ``downloads.json``: its TEI copy, text and PDF depend on the document and its register
  files only, so a new neighbour does not make a new PDF.

The site's own pages and the search index are not recorded: they are rendered every run
from the index (cheap) and written only when their bytes changed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from toolkit.build.manifest import Manifest, config_hash
from toolkit.core import resources
from toolkit.site.plan import SiteOptions

STATE_DIR = ".tei-edition"


class SiteState:
    """The three manifests of one site folder and their configuration hashes."""

    def __init__(self, out_dir: Path, options: SiteOptions) -> None:
        self.out_dir = out_dir
        self.summaries = Manifest(out_dir, f"{STATE_DIR}/summaries.json")
        self.pages = Manifest(out_dir, f"{STATE_DIR}/pages.json")
        self.downloads = Manifest(out_dir, f"{STATE_DIR}/downloads.json")
        cache = self.summaries.cache
        folders = [resources.data_dir("xslt")]
        validation = options.validation
        extra: list[Path] = []
        if validation is not None:
            folders.append(resources.data_dir("schemas"))
            extra = [*validation.schemas, *validation.rules, *validation.catalogs]
        text = repr(validation) if validation is not None else ""
        self.summary_config = config_hash(cache, ("site-summary",), options.params, (), folders,
                                          text, extra)
        self.download_config = config_hash(cache, ("site-downloads", *options.downloads),
                                           options.params, (), folders, text, extra)
        self.page_config = config_hash(cache, ("site-page", options.title, options.base_url),
                                       options.params, (), folders, text, extra)

    def summary_file(self, stem: str) -> Path:
        return self.out_dir / STATE_DIR / "summaries" / f"{stem}.xml"

    def page_config_for(self, params: tuple[tuple[str, str], ...], model: bytes) -> str:
        """The page hash of one document: the site's, its neighbours, the model."""
        digest = hashlib.sha256(self.page_config.encode())
        for key, value in params:
            digest.update(f"\0{key}\0{value}".encode("utf-8", "surrogateescape"))
        digest.update(b"\0model\0" + model)
        return digest.hexdigest()

    def save(self) -> None:
        for manifest in (self.summaries, self.pages, self.downloads):
            manifest.save()
