"""Measure the build's speed and memory on this machine, as ratios to what any tool writing these files must do.

    python benchmarks/bench.py [--runs 5] [--instructions]

Every figure is the median of several whole-process runs (a fresh Python each
time, as a trainer's command would be), and its ratio is to the median of its
base run turn about with it. The bases:

- the replay (``benchmarks/replay.py``): a naive script that writes the same
  deck, Word briefings and web pages as the cold build, through python-pptx's
  and python-docx's public APIs, with nothing fitted, checked or normalised.
  Its content is read from a real build before any timing;
- the floor: a process that imports python-pptx, python-docx and PyYAML and
  saves an empty presentation and an empty document;
- a cold build.

It prints each figure, its ratio and its target (the targets live here, never
in a test); it is a report, not a test, and always exits 0. With
``--instructions`` (needs valgrind) it also counts the instructions of one
cold build and one replay, which a loaded machine does not change.
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
from typing import Callable, NamedTuple

import yaml

from generator.data_source.consistency import MAX_THEMES

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "tees-2022.yaml"
MAKE_DECK = [sys.executable, str(ROOT / "make_deck.py")]
BATCH_SIZE = 50
FLOOR_SCRIPT = ("import sys, docx, pptx, yaml; "
                "pptx.Presentation().save(sys.argv[1]); docx.Document().save(sys.argv[2])")
REPLAY = ROOT / "benchmarks" / "replay.py"
# Targets (issue 27), as greatest ratios to their base. The build fits, checks and normalises as well, yet costs
# no more than the naive replay of the same content; nothing changed costs little more than the floor.
COLD_TARGET = 1.0  # x replay
BULLET_EDIT_TARGET = 0.8  # x cold build: the deck is redrawn, the briefings are not
UNCHANGED_TARGET = 1.2  # x floor
TEN_TIMES_TARGET = 1.5  # x cold build
LATER_EVENT_TARGET = 0.35  # x cold build, for each event after the first in one command
REGISTER_TARGET = 2.5  # x cold build (a register of 10,000 reviews)
PICTURES_TARGET = 2.0  # x cold build: a cold build with --pictures (matplotlib imported, every chart drawn thrice)
REGISTER_REVIEWS = 10_000
REGISTER_DATA = ROOT / "data" / "riverside-2024.yaml"
PEAK_MEMORY_TARGET_MB = 250


class Figure(NamedTuple):
    """One measured figure: seconds (median), peak KB, and the base its ratio is against with its target."""

    name: str
    seconds: float
    peak: int
    base_name: str | None
    base: float | None
    target: float | None


Measure = Callable[[int], tuple[float, int]]  # run number -> (seconds, peak KB)


def run(command: list[str], env: dict | None = None) -> tuple[float, int]:
    """Return the wall time of one run of ``command`` and the peak memory (KB) of it and its children."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=sys.stderr); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)")
    result = subprocess.run([sys.executable, "-c", probe, *command], capture_output=True, text=True, env=env,
                            check=True)
    seconds, peak, status = result.stdout.split()
    if status != "0":
        raise SystemExit(f"benchmark command failed ({status}): {' '.join(command)}\n{result.stderr[-2000:]}")
    return float(seconds), int(peak)


def paired(runs: int, base: Measure, figure: Measure) -> tuple[float, float, int]:
    """Return the median times of ``figure(i)`` and of ``base(i)``, run turn about, and the figure's highest peak.

    Each is a function of the run's number returning (seconds, peak KB). The
    ratio of the two medians compares runs made minutes apart at most: these
    machines speed up and slow down while a benchmark runs.
    """
    base_times: list[float] = []
    times: list[float] = []
    peaks: list[int] = []
    for i in range(runs):
        base_times.append(base(i)[0])
        seconds, peak = figure(i)
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), statistics.median(base_times), max(peaks)


def copy_name(name: str, number: int) -> str:
    return name if number == 1 else f"{name} ({number})"


def scaled_data(factor: int) -> dict:
    """Return the default data with ``factor`` times the reviews (counts) and themes (up to the most a type may
    list)."""
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
        # The first copy of each theme keeps its name, so notes that name its figure ({adults.theme.X}) still can.
        themes = review["themes"]
        review["themes"] = [
            ({**t, "name": copy_name(t["name"], n), "count": t["count"] * factor} if isinstance(t, dict)
             else copy_name(t, n))
            for n in range(1, factor + 1) for t in themes][:MAX_THEMES]
    return data


def write_large_register(folder: Path, reviews: int) -> Path:
    """Write the Riverside data file beside a generated register of ``reviews`` reviews (about 1.2 people each)
    into ``folder``; return the data file. The rows are the same every time (a seeded generator)."""
    import datetime as dt
    import random

    import xlsxwriter  # writes shared strings, as Excel and LibreOffice save a workbook (openpyxl writes inline
    # strings, which openpyxl reads back about twice as slowly, so a register from openpyxl would mislead here)

    chance = random.Random(13)
    data = yaml.safe_load(REGISTER_DATA.read_text(encoding="utf-8"))
    book = xlsxwriter.Workbook(str(folder / "riverside-2024-register.xlsx"), {"default_date_format": "dd/mm/yyyy"})
    review_sheet, people_sheet = book.add_worksheet("Reviews"), book.add_worksheet("People")
    review_sheet.write_row(0, 0, ["Reference", "Review type", "Area", "Status", "Date notified", "Date published",
                                  "Themes"])
    people_sheet.write_row(0, 0, ["Reference", "Role", "Age", "Ethnicity", "Gender"])
    types = {review["abbreviation"]: review for review in data["review_types"].values()}
    first_day = dt.datetime(2021, 4, 1)
    person_row = 1
    for number in range(reviews):
        abbreviation = chance.choice(list(types))
        reference = f"{abbreviation}-{number:05d}"
        themes = chance.sample(types[abbreviation]["themes"], chance.randint(1, 3))
        review_sheet.write_row(number + 1, 0, [reference, abbreviation, chance.choice(list(data["areas"])),
                                               "Published", first_day + dt.timedelta(days=chance.randrange(1095)),
                                               None, "; ".join(themes)])
        roles = ["victim", "perpetrator"] if abbreviation == "DHR" else [None] * chance.choice((1, 1, 1, 2))
        ages = (0, 17) if abbreviation == "CSPR" else (18, 95)
        for role in roles:
            people_sheet.write_row(person_row, 0, [reference, role, chance.randint(*ages), "White: Irish",
                                                   chance.choice(("Female", "Male"))])
            person_row += 1
    book.close()
    target = folder / REGISTER_DATA.name
    shutil.copyfile(REGISTER_DATA, target)  # the data file as shipped: it names the register beside it
    return target


def write_yaml(path: Path, data: dict) -> Path:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def instructions(command: list[str]) -> int | None:
    """Return the instructions one run of ``command`` executes (valgrind's count), or None without valgrind.

    It runs on one processor, where the build draws everything in one process: on two it forks a child for the
    briefings, whose work valgrind counts apart (with the parent's work before the fork counted in both), and the
    parent's count alone left the briefings out.
    """
    if shutil.which("valgrind") is None:
        return None
    on_one_processor = (lambda: os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})) if hasattr(
        os, "sched_setaffinity") else None
    result = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
                            capture_output=True, text=True, errors="replace", preexec_fn=on_one_processor)
    collected = [line for line in result.stderr.splitlines() if "Collected :" in line]
    return int(collected[-1].split()[-1]) if collected and result.returncode == 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per figure (the median is reported)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count a cold build's and the replay's instructions with valgrind (slow)")
    options = parser.parse_args()
    runs = options.runs
    # An editable install leaves the generator uncompiled, and where PYTHONDONTWRITEBYTECODE is set every run
    # would compile it again; a regular install compiles it once, as here.
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "generator"), str(REPLAY)], check=True,
                   stdout=subprocess.DEVNULL)
    work = Path(tempfile.mkdtemp(prefix="lfr-bench-"))
    builds = itertools.count()
    figures: list[Figure] = []

    def floor_run(_: int) -> tuple[float, int]:
        return run([sys.executable, "-c", FLOOR_SCRIPT, str(work / "floor.pptx"), str(work / "floor.docx")])

    def build_command(data: Path, out: Path | None = None, *options: str) -> list[str]:
        return [*MAKE_DECK, "build", str(data), "--out", str(out or work / f"out-{next(builds)}"), *options]

    def build(data: Path, out: Path | None = None, *options: str) -> tuple[float, int]:
        """One build: into a new folder (cold) unless ``out`` is given."""
        return run(build_command(data, out, *options))

    def cold_run(_: int) -> tuple[float, int]:
        return build(DATA)

    content = work / "content.json"

    def replay_command() -> list[str]:
        return [sys.executable, str(REPLAY), "replay", str(content), str(work / f"replay-{next(builds)}")]

    try:
        reference = work / "reference"
        build(DATA, reference)
        subprocess.run([sys.executable, str(REPLAY), "extract", str(reference), str(content)], check=True)

        cold, replay, cold_peak = paired(runs, lambda i: run(replay_command()), cold_run)
        _, floor, _ = paired(runs, floor_run, cold_run)
        figures.append(Figure("floor: import pptx, docx, yaml; save empty files", floor, 0, None, None, None))
        figures.append(Figure("replay: the same content, public APIs, naive", replay, 0, "floor", floor, None))
        figures.append(Figure("cold build (deck + 3 briefings, new folder)", cold, cold_peak, "replay", replay,
                              COLD_TARGET))

        edited = work / "edited" / "event.yaml"
        edited.parent.mkdir()
        original = yaml.safe_load(DATA.read_text(encoding="utf-8"))
        out = work / "edited-out"
        write_yaml(edited, original)
        build(edited, out)

        def rebuild_after(edit: Callable[[dict, int], None]) -> Measure:
            def figure(i: int) -> tuple[float, int]:
                changed = copy.deepcopy(original)
                edit(changed, i)
                write_yaml(edited, changed)
                return build(edited, out)
            return figure

        def bullet(data: dict, i: int) -> None:
            data["aims"]["items"][0] += f" (edit {i})"

        seconds, base, peak = paired(runs, cold_run, rebuild_after(bullet))
        figures.append(Figure("rebuild after editing one bullet", seconds, peak, "cold", base, BULLET_EDIT_TARGET))
        seconds, base, peak = paired(runs, floor_run, lambda i: build(edited, out))
        figures.append(Figure("rebuild with nothing changed", seconds, peak, "floor", base, UNCHANGED_TARGET))

        seconds, base, peak = paired(runs, cold_run, lambda i: build(DATA, None, "--pictures"))
        figures.append(Figure("cold build with --pictures", seconds, peak, "cold", base, PICTURES_TARGET))

        big = write_yaml(work / "big.yaml", scaled_data(10))
        seconds, base, peak = paired(runs, cold_run, lambda i: build(big))
        figures.append(Figure("cold build of 10x reviews and themes (up to 50)", seconds, peak, "cold", base, TEN_TIMES_TARGET))

        register_folder = work / "register"
        register_folder.mkdir()
        register_data = write_large_register(register_folder, REGISTER_REVIEWS)
        seconds, base, peak = paired(runs, cold_run, lambda i: build(register_data))
        figures.append(Figure(f"cold build from a register of {REGISTER_REVIEWS:,} reviews", seconds, peak, "cold",
                              base, REGISTER_TARGET))

        batch = work / "batch"
        batch.mkdir()
        for n in range(BATCH_SIZE):
            event = copy.deepcopy(original)
            event["event"]["title"] = f"Learning from Reviews {n + 1}"
            write_yaml(batch / f"event-{n + 1:02d}.yaml", event)
        seconds, base, peak = paired(max(1, runs // 2), cold_run, lambda i: build(batch))
        # Each event after the first: what the batch costs beyond one cold build, shared among the others.
        figures.append(Figure(f"each event after the first, of {BATCH_SIZE} in one command",
                              (seconds - base) / (BATCH_SIZE - 1), peak, "cold", base, LATER_EVENT_TARGET))

        counts = ((instructions(build_command(DATA)), instructions(replay_command()))
                  if options.instructions else (None, None))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}; medians of {runs} runs, each ratio against runs of its base "
          "made turn about with it")
    print(f"{'figure':52} {'seconds':>8} {'ratio':>7} {'target':>12} {'peak MB':>8}  verdict")
    for figure in figures:
        ratio = figure.seconds / figure.base if figure.base else 1.0
        target_text = f"{figure.target:.2f}x {figure.base_name}" if figure.target else (
            f"({figure.base_name})" if figure.base_name else "")
        verdict = "" if figure.target is None else ("meets target" if ratio <= figure.target else "misses target")
        peak_text = f"{figure.peak / 1024:8.0f}" if figure.peak else " " * 8
        print(f"{figure.name:52} {figure.seconds:8.2f} {ratio:6.2f}x {target_text:>12} {peak_text}  {verdict}")
    worst_peak = max(figure.peak for figure in figures)
    verdict = "meets target" if worst_peak / 1024 < PEAK_MEMORY_TARGET_MB else "misses target"
    print(f"peak memory of any one process: {worst_peak / 1024:.0f} MB (target: under {PEAK_MEMORY_TARGET_MB} MB): "
          f"{verdict}")
    build_count, replay_count = counts
    if options.instructions:
        if build_count and replay_count:
            print(f"instructions (valgrind, one processor): cold build {build_count:,}, replay {replay_count:,}: "
                  f"{build_count / replay_count:.2f}x replay")
        else:
            print("instructions: not counted (valgrind is not installed, or a run failed under it)")


if __name__ == "__main__":
    main()
