"""Measure the build's speed and memory on this machine, as ratios to importing python-pptx and python-docx.

    python benchmarks/bench.py [--runs 5]

Every figure is the median of several whole-process runs (a fresh Python each
time, as a trainer's command would be), and its ratio is to the median of its
base (the floor, or a cold build) run turn about with it. It prints each
figure, its ratio and the target from the product brief; it is a report, not
a test, and always exits 0.
"""

from __future__ import annotations

import argparse
import copy
import itertools
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "tees-2022.yaml"
MAKE_DECK = [sys.executable, str(ROOT / "make_deck.py")]
BATCH_SIZE = 50


def run(command: list[str], env: dict | None = None) -> tuple[float, int]:
    """Return the wall time of one run of ``command`` and the peak memory (KB) of it and its children."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, env=env,
                            check=True)
    seconds, peak, status = result.stdout.split()
    if status != "0":
        raise SystemExit(f"benchmark command failed ({status}): {' '.join(command)}")
    return float(seconds), int(peak)


def paired(runs: int, base, figure) -> tuple[float, float, int]:
    """Return the median times of ``figure(i)`` and of ``base(i)``, run turn about, and the figure's highest peak.

    Each is a function of the run's number returning (seconds, peak KB). The
    ratio of the two medians compares runs made minutes apart at most: these
    machines speed up and slow down while a benchmark runs.
    """
    base_times, times, peaks = [], [], []
    for i in range(runs):
        base_times.append(base(i)[0])
        seconds, peak = figure(i)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), statistics.median(base_times), max(peaks)


def fresh_env(cache: Path) -> dict:
    env = dict(os.environ)
    env["LFR_CACHE_DIR"] = str(cache)
    return env


def scaled_data(factor: int) -> dict:
    """Return the default data with ``factor`` times the reviews (counts) and themes."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    for review in data["review_types"].values():
        review["count"] *= factor
        review["counts_by_area"] = {k: v * factor for k, v in review["counts_by_area"].items()}
        demo = review["demographics"]
        for table in ("ethnicity", "age"):
            demo[table] = {k: v * factor for k, v in demo[table].items()}
        for key in ("known_for", "people"):
            if key in demo:
                demo[key] *= factor
        themes = review["themes"]
        review["themes"] = [
            ({**t, "name": f"{t['name']} ({n})", "count": t["count"] * factor} if isinstance(t, dict) else f"{t} ({n})")
            for n in range(1, factor + 1) for t in themes]
    return data


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is reported)")
    runs = parser.parse_args().runs
    # An editable install leaves the generator uncompiled, and where PYTHONDONTWRITEBYTECODE is set every run
    # would compile it again; a regular install compiles it once, as here.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator")], check=True,
                   stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="lfr-bench-"))
    builds = itertools.count()
    figures = []  # (name, seconds, peak KB, base name, base seconds, target ratio)

    def floor_run(_):
        return run([sys.executable, "-c", "import pptx, docx"])

    def build(data: Path, env: dict | None = None, out: Path | None = None):
        n = next(builds)
        return run([*MAKE_DECK, "build", str(data), "--out", str(out or work / f"out-{n}")],
                   env or fresh_env(work / f"cache-{n}"))

    def cold_run(_):
        return build(DATA)

    try:
        cold, floor, cold_peak = paired(runs, floor_run, cold_run)
        figures.append(("floor: python -c 'import pptx, docx'", floor, 0, None, None, None))
        figures.append(("cold build (deck + 3 briefings, empty caches)", cold, cold_peak, "floor", floor, 2.0))

        edited = work / "edited" / "event.yaml"
        edited.parent.mkdir()
        original = yaml.safe_load(DATA.read_text(encoding="utf-8"))
        warm = fresh_env(work / "warm-cache")
        out = work / "edited-out"
        write_yaml(edited, original)
        build(edited, warm, out)

        def rebuild_after(edit):
            def figure(i):
                changed = copy.deepcopy(original)
                edit(changed, i)
                write_yaml(edited, changed)
                return build(edited, warm, out)
            return figure

        def notes(data, i):
            data["aims"]["notes"] += f" (edit {i})"

        def bullet(data, i):
            data["aims"]["items"][0] += f" (edit {i})"

        for name, edit in (("speaker notes", notes), ("a slide's bullet", bullet)):
            seconds, base, peak = paired(runs, floor_run, rebuild_after(edit))
            figures.append((f"rebuild after a text edit: {name}", seconds, peak, "floor", base, 1.3))
        seconds, base, peak = paired(runs, floor_run, lambda i: build(edited, warm, out))
        figures.append(("rebuild with nothing changed", seconds, peak, "floor", base, 1.2))

        big = write_yaml(work / "big.yaml", scaled_data(10))
        seconds, base, peak = paired(runs, cold_run, lambda i: build(big))
        figures.append(("cold build of 10x reviews and themes", seconds, peak, "cold", base, 1.5))

        batch = work / "batch"
        batch.mkdir()
        for n in range(BATCH_SIZE):
            event = copy.deepcopy(original)
            event["event"]["title"] = f"Learning from Reviews {n + 1}"
            write_yaml(batch / f"event-{n + 1:02d}.yaml", event)
        seconds, base, peak = paired(max(1, runs // 2), cold_run, lambda i: build(batch))
        figures.append((f"{BATCH_SIZE} events in one command", seconds, peak, "cold", base, 10.0))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; medians of {runs} runs, each ratio against runs of its base "
          "made turn about with it")
    print(f"{'figure':48} {'seconds':>8} {'ratio':>7} {'target':>12} {'peak MB':>8}  verdict")
    for name, seconds, peak, base_name, base, target in figures:
        ratio = seconds / base if base else 1.0
        target_text = f"{target:.1f}x {base_name}" if target else ""
        verdict = "" if target is None else ("meets target" if ratio <= target else "misses target")
        peak_text = f"{peak / 1024:8.0f}" if peak else " " * 8
        print(f"{name:48} {seconds:8.2f} {ratio:6.2f}x {target_text:>12} {peak_text}  {verdict}")
    worst_peak = max(figure[2] for figure in figures)
    print(f"peak memory of any one process: {worst_peak / 1024:.0f} MB (target: under 250 MB)")


if __name__ == "__main__":
    main()
