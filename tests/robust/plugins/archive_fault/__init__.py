"""Test plugin: stops the build that loads it at a chosen phase, as a user or the system would.

ARCHIVE_FAULT=<phase>:<signal> with phase `read` (the 50th release object created, reader
workers still busy), `write` (the 10th file written, the search process running) or `cache`
(the content cache half written), and signal KILL, TERM or INT (INT goes to the whole process
group, as Ctrl-C in a terminal does). The number of helper processes running at that moment is
written to the file ARCHIVE_FAULT_REPORT names.
"""

import os
import pickle
import signal

from pelican import signals

from newsarchive import cachefile

COUNTS = {"read": 50, "write": 10}


def _fault() -> tuple[str, signal.Signals]:
    phase, name = os.environ["ARCHIVE_FAULT"].split(":")
    return phase, getattr(signal, f"SIG{name}")


def _helpers() -> int:
    """Other live processes of this build's process group (reader workers, search processes)."""
    group, count = os.getpgid(0), 0
    for entry in os.listdir("/proc"):
        if entry.isdigit() and int(entry) != os.getpid():
            try:
                with open(f"/proc/{entry}/stat", encoding="utf-8") as fh:
                    fields = fh.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            count += int(fields[2]) == group and fields[0] != "Z"
    return count


def _stop(sig: signal.Signals) -> None:
    """Note how many helper processes are running (ARCHIVE_FAULT_REPORT), then stop."""
    report = os.environ.get("ARCHIVE_FAULT_REPORT")
    if report:
        with open(report, "w", encoding="utf-8") as fh:
            fh.write(str(_helpers()))
    if sig == signal.SIGINT:
        os.killpg(os.getpgid(0), sig)
    else:
        os.kill(os.getpid(), sig)


def _counter(phase: str, sig: signal.Signals):
    seen = []

    def count(*args, **kwargs):
        seen.append(1)
        if len(seen) == COUNTS[phase]:
            _stop(sig)

    return count


def _half_dump(sig: signal.Signals):
    def dump(path, value, salt: str) -> None:
        """Stop while the cache file's temporary copy is half written."""
        data = pickle.dumps(value)
        tmp = f"{os.path.dirname(path)}/.{os.path.basename(path)}.{os.getpid()}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data[: len(data) // 2])
            fh.flush()
        _stop(sig)

    return dump


def register():
    """Connect the fault chosen by ARCHIVE_FAULT."""
    phase, sig = _fault()
    if phase == "read":
        signals.content_object_init.connect(_counter(phase, sig), weak=False)
    elif phase == "write":
        signals.content_written.connect(_counter(phase, sig), weak=False)
    elif phase == "cache":
        cachefile.dump = _half_dump(sig)
