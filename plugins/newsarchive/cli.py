"""The `archive` command: build, serve, import, check and new, for editors and CI."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Sequence

from . import __version__

Handler = Callable[[argparse.Namespace], int]
INTERRUPTED = 130


# Set when a one-off build finished: the process may then end without freeing its objects.
_finished = {"build": False}


def _build(args: argparse.Namespace) -> int:
    from .site import build_site

    status = build_site(
        settings=args.settings,
        output=args.output,
        serve=args.serve,
        port=args.port,
        fatal=args.strict,
        autoreload=args.autoreload,
    )
    _finished["build"] = not args.serve and not args.autoreload
    return status


def _add_build(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "build",
        help="build the site from content/ into output/ (optionally serve it)",
        description="Build the site with Pelican and this project's plugins.",
    )
    p.add_argument("--settings", default="pelicanconf.py", help="Pelican settings file")
    p.add_argument(
        "--output", default=None, help="output folder (default: the settings' OUTPUT_PATH)"
    )
    p.add_argument("--serve", action="store_true", help="serve output/ on http://127.0.0.1:PORT")
    p.add_argument(
        "--autoreload", action="store_true", help="rebuild when content or theme change (preview)"
    )
    p.add_argument("--port", type=int, default=8000, help="port for --serve (default 8000)")
    p.add_argument("--strict", action="store_true", help="fail on any warning (CI)")
    p.set_defaults(func=_build)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="archive",
        description="Partnership news archive: import releases, check content, build the site.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _add_build(sub)
    for module_name in ("importer.command", "checks.command", "new"):
        try:
            module = __import__(f"newsarchive.{module_name}", fromlist=["add_parser"])
        except ModuleNotFoundError as exc:
            if exc.name and exc.name.startswith("newsarchive."):
                continue
            raise
        module.add_parser(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `archive` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("archive: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # `archive check | head`: the reader left, nothing more to say
        sys.stderr.close()
        return 0


def entry() -> None:
    """The `archive` console script: `main`, then exit with its status.

    After a build the interpreter would spend seconds freeing the site's objects one by one
    (about 2 s at 20,000 releases); once logs and output are flushed, the process ends at once
    instead (Pelican has written and closed every file by then). An interrupted command ends at
    once too, rather than wait for helper processes it no longer needs.
    """
    status = main()
    if _finished["build"] or status == INTERRUPTED:
        # interrupted: end now, not after the helper processes (they die with this one)
        logging.shutdown()
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)
    sys.exit(status)


if __name__ == "__main__":
    entry()
