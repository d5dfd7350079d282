"""tei-edition: validate TEI-XML and publish it as HTML, plain-text and PDF editions.

Two pipelines share one core:

* ``validate`` (:mod:`toolkit.validate`): parse -> plan (which schemas apply) -> every
  engine of the plan and the reference checks, behind one protocol -> findings -> reports;
* ``build`` (:mod:`toolkit.build`): parse -> (with ``--validate``, the validate plan over
  the same tree; an invalid document stops here) -> XSLT for each format, the document
  handed to Saxon once -> PDF -> atomic writes, incrementally and in parallel;
* what both use (:mod:`toolkit.core`): the one safe parser and XInclude with origins,
  sources, findings and located errors, configuration, the Saxon processor, workers,
  hashes, atomic writes. :mod:`toolkit.cli` is the command line over both.
"""

__version__ = "0.1.0"

from toolkit import _deferred  # noqa: E402 - before anything imports lxml

_deferred.defer()
