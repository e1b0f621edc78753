"""Build (and optionally serve) the site with Pelican, failing when a plugin does not load.

A one-off build reports the content's problems as `archive check` prints them (no traceback) and
exits 1 with the output folder untouched; in the GitHub Actions log, workflow commands are off
while Pelican and the content speak (a quoted title cannot start one).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from .problems import one_line, stop_commands

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
    if fatal:
        argv += ["-e", "ARCHIVE_STRICT=true"]
    if output:
        argv += ["-o", output]
    if autoreload:
        return _run_pelican(pelican_main, [*argv, "--autoreload"], listen=serve, port=port)
    with commands_stopped():
        status = build_once(argv)
    if status or not serve:
        return status
    return _run_pelican(pelican_main, argv, listen=True, port=port)


@contextmanager
def commands_stopped() -> Iterator[None]:
    """In GitHub Actions, no workflow command is read from what is printed meanwhile."""
    if os.environ.get("GITHUB_ACTIONS") != "true":
        yield
        return
    stop, resume = stop_commands()
    print(stop, flush=True)
    try:
        yield
    finally:
        sys.stderr.flush()
        print(resume, flush=True)


def build_once(argv: list[str]) -> int:
    """Run Pelican once as its command line would, but report content errors as
    `archive check` prints them and any other failure in one line; returns an exit status."""
    from pelican import LOG_HANDLERS, get_instance, parse_arguments
    from pelican.log import init as init_logging

    from .checks import ContentErrors

    args = parse_arguments(argv)
    init_logging(
        level=args.verbosity,
        fatal=args.fatal,
        name="pelican",
        handler=LOG_HANDLERS[args.log_handler],
        logs_dedup_min_level=getattr(logging, args.logs_dedup_min_level),
    )
    try:
        pelican, _ = get_instance(args)
        pelican.run()
    except ContentErrors as exc:
        for line in exc.report.lines():
            print(line, file=sys.stderr)
        print(
            "archive build: nothing was written; fix the errors above (archive check lists them)",
            file=sys.stderr,
        )
        return 1
    except Exception as exc:  # Pelican stopping on a logged error (--fatal), a theme error...
        if str(exc) == "Warning or error encountered":  # Pelican's --fatal
            print("archive build: stopped on the message above", file=sys.stderr)
        else:
            print(f"archive build: {type(exc).__name__}: {one_line(exc)}", file=sys.stderr)
        return 1
    return 0


def _run_pelican(pelican_main, argv: list[str], listen: bool, port: int) -> int:
    if listen:
        argv = [*argv, "--listen", "--bind", "127.0.0.1", "--port", str(port)]
        print(f"Serving on http://127.0.0.1:{port}/ (Ctrl-C to stop)", file=sys.stderr)
    try:
        pelican_main(argv)
    except SystemExit as exc:
        return int(exc.code or 0) if not isinstance(exc.code, str) else 1
    return 0
