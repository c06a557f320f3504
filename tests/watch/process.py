"""`nkwatch` run as a separate process, as a service runs it: its log lines collected as they come
(each with the time it arrived), waited for, and the process stopped by a signal."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

NKWATCH = str(Path(sys.executable).parent / "nkwatch")


class Running:
    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        self.proc = subprocess.Popen([NKWATCH, *args], env={**os.environ, **env}, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, bufsize=1)
        self.lines: list[tuple[float, str]] = []
        self.lock = threading.Lock()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self.lock:
                self.lines.append((time.time(), line.rstrip("\n")))

    def log(self) -> list[str]:
        with self.lock:
            return [line for _, line in self.lines]

    def wait_for(self, pattern: str, timeout: float = 60.0, after: int = 0) -> tuple[int, float, str]:
        """(index, time, line) of the first log line from ``after`` on matching ``pattern``."""
        deadline = time.time() + timeout
        found = re.compile(pattern)
        while time.time() < deadline:
            with self.lock:
                for i, (at, line) in enumerate(self.lines[after:], after):
                    if found.search(line):
                        return i, at, line
            if self.proc.poll() is not None and not self.reader.is_alive():
                break
            time.sleep(0.02)
        raise AssertionError(f"no log line matching {pattern!r} within {timeout} s:\n" + "\n".join(self.log()))

    def signal(self, sig: int = signal.SIGTERM, timeout: float = 60.0) -> int:
        self.proc.send_signal(sig)
        return self.wait(timeout)

    def wait(self, timeout: float = 60.0) -> int:
        code = self.proc.wait(timeout)
        self.reader.join(5)
        return code

    def kill(self) -> None:
        """kill -9: no handler runs, nothing is flushed or closed."""
        self.proc.kill()
        self.proc.wait(10)
        self.reader.join(5)

    def __enter__(self) -> "Running":
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
