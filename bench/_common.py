"""Helpers shared by the benchmarks: timing and a keychain that lives in an environment variable."""

from __future__ import annotations

import statistics
import time
from typing import Callable


def median_ms(fn: Callable[[], object], runs: int, warmup: int = 1) -> float:
    """Median wall time of ``fn`` in milliseconds over ``runs`` runs (after ``warmup`` runs)."""
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def paired_median_ms(fn: Callable[[], object], baseline: Callable[[], object], runs: int,
                     warmup: int = 1) -> tuple[float, float]:
    """Medians (ms) of ``fn`` and ``baseline`` measured in turns (fn, baseline, fn, …), so that a change
    in the machine's load during the run affects both alike."""
    for _ in range(warmup):
        fn()
        baseline()
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for which, call in enumerate((fn, baseline)):
            start = time.perf_counter()
            call()
            times[which].append((time.perf_counter() - start) * 1000)
    return statistics.median(times[0]), statistics.median(times[1])


def report(name: str, value_ms: float, baseline_ms: float, baseline_name: str, target: str = "") -> None:
    ratio = value_ms / baseline_ms if baseline_ms else float("inf")
    print(f"{name:<40} {value_ms:9.2f} ms   {baseline_name:<28} {baseline_ms:9.2f} ms   ratio {ratio:5.2f}x"
          + (f"   (target {target})" if target else ""))
