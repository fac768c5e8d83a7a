"""Running one child process and measuring it: wall time, CPU time (user + system) and peak memory.

CPU time is the figure to compare on a shared machine: a single-threaded build's CPU time is
its wall time on an idle machine, and it moves far less than wall time when other programs
compete for the cores. It still moves: on the 2-core virtual machine of benchmarks/README.md the
same build varies by a fifth from run to run (and two copies run at once differ as much), so
builds are repeated and the least time of each kind kept.
"""

from __future__ import annotations

import contextlib
import os
import resource
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One finished child process."""

    wall: float
    """Seconds from start to exit."""
    cpu: float
    """User + system CPU seconds of the child (and of any children it waited for)."""
    peak_mib: float
    """Largest resident set size, in MiB."""
    returncode: int
    output: str


@dataclass(frozen=True)
class Job:
    """One command to run: its arguments, folder and extra environment."""

    command: Sequence[str]
    cwd: Path
    env: Mapping[str, str] | None = None


def run(command: Sequence[str], cwd: Path, env: Mapping[str, str] | None = None) -> Run:
    """Run `command` to completion, its output captured, and measure it with wait4 (this child only)."""
    return run_together([Job(command, cwd, env)])[0]


def run_together(jobs: Sequence[Job]) -> list[Run]:
    """Start every job at once and measure each with wait4: jobs run side by side see the same machine
    speed, where jobs run one after the other may not (see the module docstring)."""
    with contextlib.ExitStack() as stack:
        outputs = [stack.enter_context(tempfile.TemporaryFile()) for _ in jobs]
        start = time.perf_counter()
        processes = [subprocess.Popen(list(job.command), cwd=job.cwd, env={**os.environ, **(job.env or {})},
                                      stdin=subprocess.DEVNULL, stdout=output, stderr=subprocess.STDOUT)
                     for job, output in zip(jobs, outputs, strict=True)]
        index_of = {process.pid: index for index, process in enumerate(processes)}
        finished: dict[int, tuple[float, int, resource.struct_rusage]] = {}
        while len(finished) < len(jobs):
            pid, status, usage = os.wait4(-1, 0)
            if pid in index_of:
                code = os.waitstatus_to_exitcode(status)
                processes[index_of[pid]].returncode = code  # reaped here, so Popen must not wait again
                finished[index_of[pid]] = (time.perf_counter() - start, code, usage)
        runs = []
        for index, output in enumerate(outputs):
            wall, code, usage = finished[index]
            output.seek(0)
            text = output.read().decode("utf-8", "replace")
            runs.append(Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, text))
    return runs


@dataclass(frozen=True)
class Best:
    """The best of several runs of one command: least wall time, least CPU time, and the largest peak memory."""

    wall: float
    cpu: float
    peak_mib: float

    @staticmethod
    def of(runs: Sequence[Run]) -> Best:
        return Best(min(r.wall for r in runs), min(r.cpu for r in runs), max(r.peak_mib for r in runs))


def cpu_seconds() -> float:
    """This process's CPU time so far (for work the benchmark does in-process)."""
    return time.process_time()


def folder_bytes(folder: Path) -> tuple[int, int]:
    """(total bytes, number of files) under `folder`."""
    sizes = [path.stat().st_size for path in folder.rglob("*") if path.is_file()]
    return sum(sizes), len(sizes)


def reference_loop_ms() -> float:
    """CPU milliseconds of a fixed pure-Python loop, best of five: how fast this machine runs Python,
    printed beside the figures so that readers on other machines can scale them."""
    best = float("inf")
    for _ in range(5):
        start = time.process_time()
        sum(range(1_000_000))
        best = min(best, time.process_time() - start)
    return best * 1000
