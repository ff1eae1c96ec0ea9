"""Measure the build's speed and memory on this machine, as ratios to importing python-pptx and python-docx.

    python benchmarks/bench.py [--runs 5]

Every figure is the median of several whole-process runs (a fresh Python each
time, as a trainer's command would be). It prints each figure, its ratio and
the target from the product brief; it is a report, not a test, and always
exits 0.
"""

from __future__ import annotations

import argparse
import copy
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


def median_of(runs: int, setup, command) -> tuple[float, int]:
    """Return the median time and the highest peak memory of ``runs`` runs, calling ``setup()`` before each."""
    times, peaks = [], []
    for i in range(runs):
        env = setup(i)
        seconds, peak = run(command(i), env)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks)


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
    figures = []
    try:
        floor, floor_peak = median_of(runs, lambda i: None, lambda i: [sys.executable, "-c", "import pptx, docx"])
        figures.append(("floor: python -c 'import pptx, docx'", floor, floor_peak, None, None))

        def cold_setup(i):
            return fresh_env(work / f"cold-cache-{i}")
        cold, cold_peak = median_of(runs, cold_setup, lambda i: [*MAKE_DECK, "build", str(DATA), "--out",
                                                                   str(work / f"cold-{i}")])
        figures.append(("cold build (deck + 3 briefings, empty caches)", cold, cold_peak, floor, 2.0))

        edited = work / "edited" / "event.yaml"
        edited.parent.mkdir()
        original = yaml.safe_load(DATA.read_text(encoding="utf-8"))
        warm = fresh_env(work / "warm-cache")
        out = work / "edited-out"
        write_yaml(edited, original)
        run([*MAKE_DECK, "build", str(edited), "--out", str(out)], warm)

        def edit_notes(i):
            changed = copy.deepcopy(original)
            changed["aims"]["notes"] += f" (edit {i})"
            write_yaml(edited, changed)
            return warm
        text_edit, edit_peak = median_of(runs, edit_notes, lambda i: [*MAKE_DECK, "build", str(edited), "--out",
                                                                       str(out)])
        figures.append(("rebuild after a text edit: speaker notes", text_edit, edit_peak, floor, 1.3))

        def edit_slide(i):
            changed = copy.deepcopy(original)
            changed["aims"]["items"][0] += f" (edit {i})"
            write_yaml(edited, changed)
            return warm
        slide_edit, slide_peak = median_of(runs, edit_slide, lambda i: [*MAKE_DECK, "build", str(edited), "--out",
                                                                         str(out)])
        figures.append(("rebuild after a text edit: a slide's bullet", slide_edit, slide_peak, floor, 1.3))

        same, same_peak = median_of(runs, lambda i: warm, lambda i: [*MAKE_DECK, "build", str(edited), "--out",
                                                                     str(out)])
        figures.append(("rebuild with nothing changed", same, same_peak, floor, 1.2))

        big = write_yaml(work / "big.yaml", scaled_data(10))
        scale, scale_peak = median_of(runs, cold_setup, lambda i: [*MAKE_DECK, "build", str(big), "--out",
                                                                   str(work / f"big-{i}")])
        figures.append(("cold build of 10x reviews and themes", scale, scale_peak, cold, 1.5))

        batch = work / "batch"
        batch.mkdir()
        for n in range(BATCH_SIZE):
            event = copy.deepcopy(original)
            event["event"]["title"] = f"Learning from Reviews {n + 1}"
            write_yaml(batch / f"event-{n + 1:02d}.yaml", event)
        batch_runs = max(1, runs // 2)
        many, many_peak = median_of(batch_runs, cold_setup, lambda i: [*MAKE_DECK, "build", str(batch), "--out",
                                                                       str(work / f"batch-{i}")])
        figures.append((f"{BATCH_SIZE} events in one command", many, many_peak, cold, 10.0))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; medians of {runs} runs")
    print(f"{'figure':48} {'seconds':>8} {'ratio':>7} {'target':>12} {'peak MB':>8}  verdict")
    for name, seconds, peak, base, target in figures:
        ratio = seconds / base if base else 1.0
        against = "floor" if base is floor else "cold"
        target_text = f"{target:.1f}x {against}" if target else ""
        verdict = "" if target is None else ("meets target" if ratio <= target else "misses target")
        print(f"{name:48} {seconds:8.2f} {ratio:6.2f}x {target_text:>12} {peak / 1024:8.0f}  {verdict}")
    worst_peak = max(peak for _, _, peak, _, _ in figures)
    print(f"peak memory of any one process: {worst_peak / 1024:.0f} MB (target: under 250 MB)")


if __name__ == "__main__":
    main()
