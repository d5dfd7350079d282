"""Defer the import of rnc2rng, which lxml makes as it is itself imported.

Why: ``lxml.etree`` runs ``import rnc2rng`` when it is imported (for its own
``RelaxNG.from_rnc_string``), and rnc2rng then builds its parser: about 0.1 s of every
command's start, five times what the interpreter itself takes, though only a compact-syntax
(``.rnc``) schema needs it (:mod:`toolkit.validate.engines.relaxng.simplify`).

:func:`defer` registers a stand-in module under the name ``rnc2rng`` before lxml is first
imported. ``import rnc2rng`` then binds the stand-in, and the first attribute looked up on
it (``rnc2rng.load``, by us or by lxml) imports the real package and answers from it; from
then on ``sys.modules`` holds the real one. The standard library's ``LazyLoader`` cannot do
this: the import statement itself reads ``__spec__``, which makes it load at once.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

NAME = "rnc2rng"


class _Deferred(types.ModuleType):
    """Stands for a module not imported yet; imports it on the first attribute asked."""

    def __getattr__(self, attribute: str):
        # only called for attributes the stand-in does not have: ``__spec__`` and
        # ``__name__`` are its own, so ``import rnc2rng`` does not trigger the load; any
        # other (``__path__`` for a submodule, ``__file__``) does
        return getattr(load(), attribute)


def load() -> types.ModuleType:
    """The real module, imported now if the stand-in is still registered."""
    found = sys.modules.get(NAME)
    if isinstance(found, _Deferred):
        del sys.modules[NAME]
        try:
            return importlib.import_module(NAME)
        except BaseException:
            sys.modules.setdefault(NAME, found)
            raise
    return found if found is not None else importlib.import_module(NAME)


def defer() -> bool:
    """Register the stand-in, if lxml and rnc2rng are not imported yet and rnc2rng is
    installed (otherwise lxml's own ``ImportError`` handling must see it missing)."""
    if NAME in sys.modules or "lxml.etree" in sys.modules:
        return False
    try:
        spec = importlib.util.find_spec(NAME)
    except (ImportError, ValueError):
        return False
    if spec is None:
        return False
    stand_in = _Deferred(NAME)
    # the real spec (find_spec keeps working), not marked initializing: the import
    # statement returns the stand-in as it is
    stand_in.__spec__ = spec
    sys.modules[NAME] = stand_in
    return True
