"""Helper processes that end with the build: none outlives it or writes after it is gone.

The build forks reader workers, a page writer and a search process. If `archive build` is
interrupted or killed (SIGINT, SIGTERM, even SIGKILL), each of them must stop at once instead of
finishing its work and writing into the output folder. On Linux the kernel sends the child
SIGKILL when its parent dies (prctl PR_SET_PDEATHSIG); elsewhere a watchdog thread ends the
child when its parent is gone.
Children ignore SIGINT: Ctrl-C reaches the whole process group, and the parent alone decides.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import gc
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 0.5


def _prctl_pdeathsig() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        return libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCHDOG_SECONDS)
    os._exit(1)


def die_with_parent(parent: int) -> None:
    """In a freshly forked child: end this process as soon as `parent` (the build) ends."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if not _prctl_pdeathsig():
        threading.Thread(target=_watch, args=(parent,), daemon=True).start()
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def fork_helps(items: int, least: int) -> bool:
    """True when a forked helper process may pay for itself: at least `least` items to work on,
    fork available and two cores or more."""
    return (
        items >= least
        and "fork" in multiprocessing.get_all_start_methods()
        and (os.cpu_count() or 1) > 1
    )


def end_stale(name: str) -> None:
    """End the helpers of this name that an earlier, stopped build in this process (--autoreload)
    left waiting."""
    for stale in multiprocessing.active_children():
        if stale.name == name:
            stale.terminate()
            stale.join()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Garbage collector frozen and off while building large structures (much faster); a freeze
    made before (the build's, of what lives as long as it) is left in place."""
    enabled = gc.isenabled()
    outer = gc.get_freeze_count() > 0
    gc.freeze()
    gc.disable()
    try:
        yield
    finally:
        if not outer:
            gc.unfreeze()
        if enabled:
            gc.enable()
