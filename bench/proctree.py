"""A child process run and measured: wall seconds, peak memory and CPU seconds of its
whole process tree (worker processes, Ray's own processes), for the benchmarks.

CPU: this process becomes a "child subreaper" (Linux prctl PR_SET_CHILD_SUBREAPER), so a
descendant orphaned by its parent (a Ray worker whose raylet was killed) is re-parented
to this process instead of to init. After the child exits, every such orphan is waited
for here, so `resource.getrusage(RUSAGE_CHILDREN)` -- which the kernel adds each waited
child's CPU to, its own waited descendants' included -- counts the CPU of every process
of the tree exactly, however short-lived. (The sampling of /proc every 0.2 s that
bench/scale.py used before missed most of the worker processes' CPU.) Orphans still
running `ORPHAN_WAIT` seconds after the child exited are killed and counted too.
That misses what a process reaped by a parent that never reports it: Ray's workers, once
Ray shuts down at the end of a run, leave no trace in RUSAGE_CHILDREN (measured: 12.8 CPU
seconds counted against 37.9 seen in /proc for 42 documents on 2 Ray workers). So the
CPU time of every process of the tree is also read from /proc/PID/stat with the memory
samples (each process's last reading, which misses at most its final 0.2 s), and the
larger of the two sums is the figure.

Memory: the proportional set size (PSS) of the whole tree, sampled every 0.2 s from
/proc, the largest sample (shared pages counted once, split between their sharers).
"""
from __future__ import annotations

import ctypes
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parents[1]
CLI = "from actorgraph.cli.main import cli; cli()"
PR_SET_CHILD_SUBREAPER = 36
ORPHAN_WAIT = 30.0


class Ran(NamedTuple):
    wall: float      # seconds
    peak: int        # bytes of PSS, the process tree's largest sample
    cpu: float       # CPU seconds (user + system) of every process of the tree
    output: str      # stdout + stderr
    returncode: int


def become_subreaper() -> bool:
    """Make orphaned descendants this process's children (Linux only); True if done."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def tree(root: int) -> list[int]:
    """`root` and every process descended from it (by parent id, from /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                with open(f"/proc/{entry.name}/stat", encoding="ascii") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def pss(pids: list[int]) -> int:
    """The summed PSS of `pids`, in bytes (those gone meanwhile count nothing)."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1]) * 1024
                        break
        except (OSError, ValueError, IndexError):
            continue
    return total


def cpu_seen(pids: list[int], seen: dict[int, float]) -> None:
    """Record in `seen` each of `pids`' CPU seconds so far (user + system, /proc)."""
    tick = os.sysconf("SC_CLK_TCK")
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat", encoding="ascii") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            seen[pid] = (int(fields[11]) + int(fields[12])) / tick
        except (OSError, ValueError, IndexError):
            continue


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def reap_orphans(wait: float = ORPHAN_WAIT) -> int:
    """Wait for every child of this process that is left (orphans re-parented here),
    killing those still running after `wait` seconds; how many were reaped."""
    reaped, deadline = 0, time.monotonic() + wait
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return reaped
        if pid:
            reaped += 1
            continue
        if time.monotonic() > deadline:
            for child in tree(os.getpid())[1:]:
                try:
                    os.kill(child, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            deadline = float("inf")
        time.sleep(0.05)


def run(args: list[str], label: str, timeout: float | None = None, check: bool = True) -> Ran:
    """Run `python -c CLI args` (the actorgraph CLI of this checkout), or `python args`
    when args[0] is "-c", and measure it. No other child of this process may run
    meanwhile (their CPU would be counted too). A run longer than `timeout` seconds is
    killed (returncode -9); with `check`, a failed one ends the benchmark."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, *args] if args[0] == "-c" else [sys.executable, "-c", CLI, *args]
    reap_orphans(0)
    cpu0 = _children_cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    peak = [0]
    seen: dict[int, float] = {}

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], pss(tree(proc.pid)))
            cpu_seen(tree(os.getpid())[1:], seen)   # orphans re-parented here included
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for pid in reversed(tree(proc.pid)):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        out, err = proc.communicate()
    seconds = time.perf_counter() - t0
    sampler.join()
    reap_orphans()
    cpu = max(_children_cpu() - cpu0, sum(seen.values()))
    ran = Ran(seconds, peak[0], cpu, out + err, proc.returncode)
    failed = proc.returncode not in (0, 1) or "Traceback" in err
    if check and failed:   # (ingest exits 1 also when a document failed: that is reported)
        raise SystemExit(f"{label} failed ({proc.returncode}):\n{err[-3000:]}")
    return ran
