"""Build (and optionally serve) the site with Pelican, failing when a plugin does not load."""

from __future__ import annotations

import logging
import os
import sys

logger = logging.getLogger(__name__)


def check_plugins(settings: dict) -> list[str]:
    """Names in PLUGINS that Pelican cannot load or register (it would only log them and carry
    on). Pelican's public class does the loading: its settings then list the plugins it kept."""
    from pelican import Pelican

    wanted = list(settings.get("PLUGINS") or [])
    loaded = set(Pelican({**settings, "PLUGINS": wanted}).settings["PLUGINS"])
    return [name for name in wanted if name not in loaded]


def build_site(
    settings: str = "pelicanconf.py",
    output: str | None = None,
    serve: bool = False,
    port: int = 8000,
    fatal: bool = False,
    autoreload: bool = False,
) -> int:
    """Run Pelican with the project's settings; returns an exit status."""
    from pelican import main as pelican_main
    from pelican.settings import read_settings

    if not os.path.exists(settings):
        print(
            f"archive build: {settings}: no such settings file; run from the project folder "
            "or pass --settings PATH",
            file=sys.stderr,
        )
        return 2
    missing = check_plugins(read_settings(settings))
    if missing:
        print(
            f"archive build: {settings}: cannot load plugin(s) {', '.join(missing)}; "
            "check PLUGIN_PATHS and the plugin's imports",
            file=sys.stderr,
        )
        return 1
    argv = ["-s", settings, "--fatal", "warnings" if fatal else "errors"]
    if output:
        argv += ["-o", output]
    status = _run_pelican(
        pelican_main,
        argv + (["--autoreload"] if autoreload else []),
        listen=(serve and autoreload),
        port=port,
    )
    if status or not serve or autoreload:
        return status
    return _run_pelican(pelican_main, argv, listen=True, port=port)


def _run_pelican(pelican_main, argv: list[str], listen: bool, port: int) -> int:
    if listen:
        argv = [*argv, "--listen", "--bind", "127.0.0.1", "--port", str(port)]
        print(f"Serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        pelican_main(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0
