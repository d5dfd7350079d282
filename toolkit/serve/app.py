"""``tei-edition serve``: put the project, renderer, state, HTTP server and watcher together.

:class:`LiveApp` is the running server as an object (tests and the benchmark start it in
their own process); :func:`toolkit.cli.serve_command` runs one until Ctrl-C. Start-up
order: bind the port (a port in use is a usage error before any work), render every
document once (compiling the stylesheets), start the watcher, then serve; stopping closes
the event streams, the watcher and the socket, and joins their threads.
"""

from __future__ import annotations

import threading
from pathlib import Path

from toolkit.core.sources import Source
from toolkit.serve import edition, site  # noqa: F401 - register the "edition" and "site" renderers
from toolkit.serve.live import LiveState
from toolkit.serve.pages import RENDERERS
from toolkit.serve.project import Project, project_root
from toolkit.serve.server import LiveServer
from toolkit.serve.watch import watch
from toolkit.validate.configured import configured_registers, options_for


class LiveApp:
    """One live server over ``sources`` (see the module docstring)."""

    def __init__(self, sources: list[Source], *, port: int = 0, renderer: str = "edition",
                 params: dict[str, object] | None = None,
                 overrides: dict[str, Path] | None = None, root: Path | None = None) -> None:
        options, cfg = options_for(root)
        self.project = Project(root or project_root([s.path for s in sources]), sources)
        self.renderer = RENDERERS[renderer](self.project, params, overrides,
                                            configured_registers(cfg))
        self.state = LiveState(self.project, self.renderer, options)
        self.http = LiveServer(self.state, port)
        self._stop = threading.Event()
        self._watching = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return self.http.url

    def start(self) -> "LiveApp":
        """Render everything once, then watch and serve in background threads."""
        self.state.start()
        folders = _outermost(self.renderer.watched())
        self._threads = [
            threading.Thread(target=watch, name="tei-edition-watch", daemon=True,
                             args=(folders, self.state.changed, self._stop, self._watching)),
            threading.Thread(target=self.http.serve_forever, name="tei-edition-http",
                             daemon=True, kwargs={"poll_interval": 0.2}),
        ]
        for thread in self._threads:
            thread.start()
        self._watching.wait(timeout=10)
        return self

    def stop(self) -> None:
        self._stop.set()
        self.state.stop()
        self.state.events.close()
        self.http.shutdown()
        self.http.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> "LiveApp":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _outermost(folders: set[Path]) -> set[Path]:
    """``folders`` without those inside another (each file is watched once)."""
    resolved = {f.resolve() for f in folders if f.is_dir()}
    return {f for f in resolved if not any(other in f.parents for other in resolved)}
