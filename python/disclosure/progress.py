"""A progress bar for long runs of the command line, on standard error, only when it is a terminal.

Hand-written rather than tqdm: the command line needs one bar over files, and twenty lines
keep the package's dependencies at pandas alone. It redraws at most ten times a second, never
writes to a pipe or a file (so JSON and CSV output and logs stay clean), and clears its line
when done.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from typing import Optional, TextIO

from .text import width


class Progress:
    """``Progress(total, "reading")``; ``step(name)`` after each item; ``close()`` at the end (or use ``with``).

    ``enabled`` defaults to: the stream is a terminal, there is more than one item, and
    ``$DISCLOSURE_PROGRESS`` is not ``0``.
    """

    def __init__(self, total: int, label: str, stream: Optional[TextIO] = None, enabled: Optional[bool] = None) -> None:
        self.total = total
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        if enabled is None:
            enabled = total > 1 and os.environ.get("DISCLOSURE_PROGRESS", "") != "0" and _isatty(self.stream)
        self.enabled = enabled
        self.done = 0
        self.started = time.monotonic()
        self._drawn = 0.0

    def __enter__(self) -> "Progress":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def step(self, name: str = "") -> None:
        self.done += 1
        now = time.monotonic()
        if self.enabled and (now - self._drawn >= 0.1 or self.done == self.total):
            self._drawn = now
            self._draw(name)

    def _draw(self, name: str) -> None:
        columns = shutil.get_terminal_size((80, 24)).columns
        bar_width = 24
        filled = bar_width * self.done // max(1, self.total)
        elapsed = time.monotonic() - self.started
        head = f"{self.label} [{'#' * filled}{'.' * (bar_width - filled)}] {self.done}/{self.total} {elapsed:.0f}s "
        room = max(0, columns - width(head) - 1)
        tail = name
        while width(tail) > room and tail:
            tail = tail[1:]
        self.stream.write("\r" + head + tail + "\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self._drawn:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
        self.enabled = False


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
