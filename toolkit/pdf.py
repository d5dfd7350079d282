"""Render the print edition's HTML (from ``xslt/print.xsl``) to PDF with WeasyPrint.

WeasyPrint fetches nothing from the network here: the print HTML carries its CSS inline,
and the URL fetcher refuses every scheme but ``data:`` and files inside the toolkit's own
``xslt/`` folder. Fonts come from the system (DejaVu for Latin and Cyrillic, Nanum for
Hangul, installed by the project's setup), which keeps rendering under a second a page.
"""

from __future__ import annotations

import logging
from pathlib import Path

from toolkit import resources
from toolkit.errors import TransformError


def _fetcher():
    """A WeasyPrint fetcher for ``data:`` URLs and files inside ``xslt/`` only."""
    from weasyprint.urls import URLFetcher

    allowed = resources.data_dir("xslt").resolve()

    class LocalOnly(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file:"):
                target = Path(url.split("?")[0].removeprefix("file://").removeprefix("file:"))
                target = target.resolve()
                if target != allowed and allowed not in target.parents:
                    raise ValueError(f"refusing {url!r}: outside the toolkit's xslt folder")
            return super().fetch(url, headers)

    return LocalOnly(allowed_protocols=("data", "file"), fail_on_errors=False)


def render_pdf(html: str, name: str = "") -> bytes:
    """Lay out ``html`` (CSS paged media) and return the PDF bytes."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    try:
        document = HTML(string=html, base_url=resources.data_dir("xslt").as_uri() + "/",
                        url_fetcher=_fetcher())
        return document.write_pdf(pdf_tags=True)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs the message
        raise TransformError(f"PDF rendering failed: {exc}", name, rule="pdf") from None
