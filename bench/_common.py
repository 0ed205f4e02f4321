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


def report(name: str, value_ms: float, baseline_ms: float, baseline_name: str, target: str = "") -> None:
    ratio = value_ms / baseline_ms if baseline_ms else float("inf")
    print(f"{name:<40} {value_ms:9.2f} ms   {baseline_name:<28} {baseline_ms:9.2f} ms   ratio {ratio:5.2f}x"
          + (f"   (target {target})" if target else ""))
