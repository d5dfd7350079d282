"""``tei-edition site``: publish SOURCES as a static website (see :mod:`toolkit.site`)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from toolkit.cli.ui import CONTEXT, ConfiguredCommand, Ui, common, exit_code, jobs_option
from toolkit.cli.ui import executor_options, executor_spec, stylesheet_params
from toolkit.cli.ui import validation_options
from toolkit.core import resources
from toolkit.core import sources as source_list
from toolkit.core.edition import edition_for
from toolkit.core.errors import ToolkitError
from toolkit.core.findings import Finding
from toolkit.site.plan import DOWNLOADS, SiteOptions


def _downloads(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in DOWNLOADS and n != "none"]
    if unknown:
        raise click.BadParameter(f"choose from {', '.join(DOWNLOADS)} or none (comma-separated)")
    return tuple(n for n in names if n != "none")


@click.command(cls=ConfiguredCommand, context_settings=CONTEXT)
@click.argument("sources", nargs=-1)
@click.option("-o", "--out", "out", default=None, type=click.Path(file_okay=False, path_type=Path),
              help="Output folder [default: site, or 'out' in the [site] configuration].")
@click.option("--title", default=None, help="The site's name [default: 'title' in the [site] "
                                            "configuration, else the document's title].")
@click.option("--base-url", default=None, metavar="URL",
              help="Where the site will be published (absolute URLs in sitemap.xml, cmif.xml, "
                   "JSON-LD) [default: the project's 'base-url'].")
@click.option("--downloads", "downloads", default=",".join(DOWNLOADS), show_default=True,
              help="What each document's page offers for download: tei, text, pdf, or none.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Stylesheet parameter (repeatable), e.g. --param lang=de.")
@click.option("--validate/--no-validate", "validate", default=True,
              help="Validate each document as `validate` would and leave out those with errors "
                   "[default: on, or 'validate' in the [site] configuration].")
@click.option("--search/--no-search", "search", default=True,
              help="Build the Pagefind search index and page [default: on].")
@click.option("-j", "--jobs", "jobs", default="auto", show_default=True, callback=jobs_option,
              metavar="N|auto", help="Worker processes, as for build.")
@click.option("-f", "--force", is_flag=True, help="Rebuild everything, even what is up to date.")
@executor_options
@common
@click.pass_context
def site(ctx, sources, out, title, base_url, downloads, params, validate, search, jobs, force,
         executor, scheduler, batch_bytes, no_config, quiet, verbose) -> None:
    """Publish SOURCES (files, folders, globs) as a static website in OUT.

    With no SOURCES, publishes the bundled edition (the telegram of 29 March 1953, its
    front matter and registers). The site has index.html (every document, sortable and
    filterable), one page per document at <path without .xml>.html (previous/next in
    date order, downloads of its TEI, text and PDF), persons.html, places.html,
    organisations.html (and events, communications ... when the registers hold them)
    with every mention in every document, chronology.html, the front matter, a Pagefind
    search (search.html, pagefind/), cmif.xml and sitemap.xml. It works from any static
    host and from `python -m http.server`; nothing is fetched from another host.

    A second run redoes only what changed. A document that fails to parse or validate is
    reported and left out (exit 1); the rest of the site is built.
    """
    ui = Ui(quiet, verbose)
    cfg = ctx.meta["config"]
    problems: list[Finding] = []
    found = (source_list.expand(list(sources), problems=problems) if sources
             else resources.bundled_sources())
    for finding in problems:
        ui.finding(finding)
    if cfg.path is None and found and not no_config:
        cfg = edition_for(found[0].path).config  # the project the documents belong to
    validation = None
    if validate and cfg.site_validate is not False:
        validation = validation_options(cfg, schema_dir=cfg.schema_dir, checks=cfg.checks,
                                        schema_timeout=cfg.schema_timeout,
                                        unavailable=cfg.unavailable)
    out = out or cfg.site_out or Path("site")
    options = SiteOptions(out_dir=out, title=title or cfg.site_title or "",
                          base_url=base_url if base_url is not None else (cfg.base_url or ""),
                          downloads=_downloads(downloads), params=stylesheet_params(params, {}),
                          validation=validation, editor=cfg.site_editor or "",
                          email=cfg.site_email or "", publisher=cfg.site_publisher or "",
                          search=search)
    from toolkit.site.build import build_site

    try:
        summary = build_site(found, options, jobs=jobs if jobs is not None else cfg.site_jobs or "auto",
                             force=force, on_finding=ui.finding,
                             executor=executor_spec(ctx, executor, scheduler, batch_bytes))
    except ToolkitError as exc:
        ui.finding(exc.finding())
        sys.exit(exc.exit_code)
    for path in summary.written:
        ui.debug(f"wrote {path}")
    ui.info(summary.line(out))
    sys.exit(exit_code(problems, summary.errors))
