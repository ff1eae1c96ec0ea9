"""Outputs never collide and builds never race (issue 12.5): clashing names are refused before anything is
written, and concurrent builds into one folder both succeed with the bytes of a lone build."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, build_batch, build_event
from generator.problems import InputError
from tests.conftest import DEFAULT_DATA, ROOT, default_text, replace_once
from tests.test_rebuild import built_files

CHILDREN_ABBREVIATION = "    abbreviation: CSPR\n"
ADULTS_ABBREVIATION = "    abbreviation: SAR\n"


def _problems(data_file: Path, out: Path) -> list[str]:
    with pytest.raises(InputError) as raised:
        build_event(data_file, BuildOptions(out_dir=out))
    return [str(problem) for problem in raised.value.problems]


def _with_adults_abbreviation(tmp_path: Path, abbreviation: str) -> Path:
    data_file = tmp_path / "event.yaml"
    data_file.write_text(replace_once(default_text(), ADULTS_ABBREVIATION, f"    abbreviation: {abbreviation}\n"),
                         encoding="utf-8")
    return data_file


@pytest.mark.parametrize(("children", "adults", "stem"), [("CSPR", "cspr", "cspr"), ("CSPR", "CSPR!", "cspr"),
                                                        ("C-S-P-R", "C.S.P.R.", "c-s-p-r")],
                         ids=["case", "exclamation mark", "hyphens and full stops"])
def test_abbreviations_differing_only_in_case_or_punctuation_are_refused_before_anything_is_written(
        tmp_path, children, adults, stem):
    source = replace_once(default_text(), CHILDREN_ABBREVIATION, f"    abbreviation: {children}\n")
    data_file = tmp_path / "event.yaml"
    data_file.write_text(replace_once(source, ADULTS_ABBREVIATION, f"    abbreviation: {adults}\n"),
                         encoding="utf-8")
    out = tmp_path / "out"
    assert _problems(data_file, out) == [
        f"{data_file}, review_types.adults.abbreviation: review types 'children' and 'adults' would write their "
        f"briefings to one file, learning-from-reviews-2022-05-12-{stem} (file names keep only letters and digits, "
        f"in lower case, and at most 60 of them, so '{children}' and '{adults}' are the same name); give each "
        "review type a different abbreviation"]
    assert not out.exists()


def test_abbreviations_sharing_a_long_prefix_are_refused(tmp_path):
    prefix = "A" * 70
    source = replace_once(default_text(), CHILDREN_ABBREVIATION, f"    abbreviation: {prefix}X\n")
    source = replace_once(source, ADULTS_ABBREVIATION, f"    abbreviation: {prefix}Y\n")
    data_file = tmp_path / "event.yaml"
    data_file.write_text(source, encoding="utf-8")
    out = tmp_path / "out"
    problems = _problems(data_file, out)
    assert len(problems) == 1
    assert problems[0].startswith(f"{data_file}, review_types.adults.abbreviation: review types 'children' and "
                                  "'adults' would write their briefings to one file, learning-from-reviews-"
                                  "2022-05-12-" + "a" * 60 + " (")
    assert not out.exists()


def test_a_clash_leaves_an_earlier_build_untouched(tmp_path):
    out = tmp_path / "out"
    build_event(DEFAULT_DATA, BuildOptions(out_dir=out))
    before = {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()}
    _problems(_with_adults_abbreviation(tmp_path, "cspr"), out)
    assert {path: path.stat().st_mtime_ns for path in out.rglob("*") if path.is_file()} == before


def test_abbreviations_differing_in_letters_build(tmp_path):
    out = tmp_path / "out"
    build_event(_with_adults_abbreviation(tmp_path, "CSPR2"), BuildOptions(out_dir=out))
    assert sorted(path.name for path in (out / "briefings").glob("*.docx")) == [
        "learning-from-reviews-2022-05-12-cspr.docx", "learning-from-reviews-2022-05-12-cspr2.docx",
        "learning-from-reviews-2022-05-12-dhr.docx"]


def _two_events_of_one_name(folder: Path) -> tuple[Path, Path]:
    folder.mkdir()
    first, second = folder / "a.yaml", folder / "b.yaml"
    first.write_text(default_text(), encoding="utf-8")
    # Another event, the same title in other capitals and punctuation, on the same date.
    second.write_text(replace_once(default_text(), "  title: Learning from Reviews\n",
                                   "  title: LEARNING FROM REVIEWS!\n"), encoding="utf-8")
    return first, second


SAME_DECK = ("this event's deck would be written to the same file as the deck of events/a.yaml "
             "(learning-from-reviews-2022-05-12); change the title or abbreviation, or build them into different "
             "--out folders")


def test_two_data_files_of_one_title_and_date_are_refused_before_anything_is_written(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    first, second = _two_events_of_one_name(tmp_path / "events")
    out = tmp_path / "out"
    with pytest.raises(InputError) as raised:
        list(build_batch([first, second], BuildOptions(out_dir=out)))
    assert [str(problem) for problem in raised.value.problems] == [
        f"events/b.yaml, event.title: {SAME_DECK}"]
    assert not out.exists()


def test_building_a_folder_with_two_events_of_one_name_exits_2_naming_both(run_cli, tmp_path):
    _two_events_of_one_name(tmp_path / "events")
    status, out, err = run_cli(["build", "events", "--out", "out"], tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == f"error: events/b.yaml, event.title: {SAME_DECK}"
    assert not (tmp_path / "out").exists()


def test_two_events_whose_briefings_only_would_share_a_file_are_refused_naming_both(run_cli, tmp_path):
    """The red team's case: 'Reviews' with a review type abbreviated '2025-01-01 SAR', and 'Reviews 2024-02-06' of
    2025-01-01 with one abbreviated 'SAR': different decks, but both briefings
    reviews-2024-02-06-2025-01-01-sar.docx, the first lost."""
    folder = tmp_path / "events"
    folder.mkdir()
    first = replace_once(replace_once(replace_once(default_text(), "  title: Learning from Reviews\n",
                                                   "  title: Reviews\n"),
                                      "  date: 2022-05-12\n", "  date: 2024-02-06\n"),
                         "    abbreviation: SAR\n", "    abbreviation: 2025-01-01 SAR\n")
    second = replace_once(replace_once(default_text(), "  title: Learning from Reviews\n",
                                       "  title: Reviews 2024-02-06\n"),
                          "  date: 2022-05-12\n", "  date: 2025-01-01\n")
    (folder / "a.yaml").write_text(first, encoding="utf-8")
    (folder / "b.yaml").write_text(second, encoding="utf-8")
    status, out, err = run_cli(["build", "events", "--out", "out"], tmp_path)
    assert (status, out) == (2, "")
    assert err.splitlines()[0] == (
        "error: events/b.yaml, event.title: this event's SAR briefing would be written to the same file as the "
        "2025-01-01 SAR briefing of events/a.yaml (reviews-2024-02-06-2025-01-01-sar); change the title or "
        "abbreviation, or build them into different --out folders")
    assert not (tmp_path / "out").exists()


def test_a_later_build_over_another_events_outputs_warns_once_naming_it(run_cli, tmp_path):
    first, second = _two_events_of_one_name(tmp_path / "events")
    assert run_cli(["build", first, "--out", "out"], tmp_path)[0] == 0
    status, _, err = run_cli(["build", second, "--out", "./out/"], tmp_path)
    assert status == 0, err
    assert err.splitlines()[0] == (
        "warning: events/b.yaml, event.title: this build writes over out/decks/learning-from-reviews-2022-05-12.pptx"
        " and 6 more of its files, which events/a.yaml built into this folder (the two events' files have the same "
        "names); give this event another title, or build one of them into another --out folder")
    assert "writes over" not in run_cli(["build", second, "--out", "out"], tmp_path)[2]  # said once
    status, _, err = run_cli(["build", first, "--out", "out"], tmp_path)
    assert (status, "events/a.yaml, event.title: this build writes over" in err) == (0, True)  # and back again


def test_out_naming_a_file_is_a_located_error(run_cli, tmp_path):
    (tmp_path / "taken").write_text("not a folder", encoding="utf-8")
    for out in ("taken", "taken/inside"):
        status, stdout, err = run_cli(["build", DEFAULT_DATA, "--out", out], tmp_path)
        assert (status, stdout, err) == (2, "", "error: taken: --out names a file, not a folder; give the folder to "
                                                "write decks/ and briefings/ into\n1 problem found; no output was "
                                                "written or changed.\n")


@pytest.mark.parametrize("given", ["1000001", "9" * 5000, "\u0665"])
def test_suppress_below_past_the_largest_count_or_in_other_digits_is_refused(run_cli, capsys, tmp_path, given):
    with pytest.raises(SystemExit) as exit_info:
        run_cli(["build", DEFAULT_DATA, "--out", "out", "--suppress-below", given], tmp_path)
    err = capsys.readouterr().err
    assert exit_info.value.code == 2
    assert err.splitlines()[-1].endswith(
        f"argument --suppress-below: expected a whole number from 3 to 1,000,000 (the largest count a data file may "
        f"hold), got '{given}'")
    assert not (tmp_path / "out").exists()


def test_a_year_in_the_title_is_not_repeated_in_file_names(run_cli, tmp_path):
    (tmp_path / "next.yaml").write_text(replace_once(default_text(), "  title: Learning from Reviews\n",
                                                     "  title: Learning from Reviews 2022\n"), encoding="utf-8")
    status, _, err = run_cli(["build", "next.yaml", "--out", "out"], tmp_path)
    assert status == 0, err
    assert sorted(path.name for path in (tmp_path / "out").glob("*/*.*x")) == [
        "learning-from-reviews-2022-05-12-cspr.docx", "learning-from-reviews-2022-05-12-dhr.docx",
        "learning-from-reviews-2022-05-12-sar.docx", "learning-from-reviews-2022-05-12.pptx"]


BUILDERS = 4


def _build_command(out: Path) -> list[str]:
    return [sys.executable, str(ROOT / "make_deck.py"), "build", str(DEFAULT_DATA), "--out", str(out)]


@pytest.mark.slow  # several whole builds at once
def test_concurrent_builds_into_one_folder_all_succeed_with_a_lone_builds_bytes(tmp_path):
    alone = tmp_path / "alone"
    subprocess.run(_build_command(alone), check=True, capture_output=True)
    together = tmp_path / "together"
    runs = [subprocess.Popen(_build_command(together), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            for _ in range(BUILDERS)]
    results = [(run.returncode, errors) for run in runs for _, errors in [run.communicate()]]
    assert results == [(0, "")] * BUILDERS
    assert built_files(together) == built_files(alone)
    assert not [path.name for path in together.rglob("*.tmp")]


def test_each_write_stages_its_file_under_a_name_of_its_own(tmp_path, monkeypatch):
    """Two builds writing one output at once never share a temporary file (issue 12.5)."""
    import os

    from generator.output import Output, write_outputs

    staged: list[str] = []
    real_replace = os.replace

    def replace(source, target):
        staged.append(Path(source).name)
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    target = tmp_path / "decks" / "event.pptx"
    write_outputs([Output(target, b"first")])
    write_outputs([Output(target, b"second")])
    assert len(staged) == 2 and staged[0] != staged[1]
    assert all(name.startswith(".event.pptx.") and name.endswith(".tmp") for name in staged)
    assert target.read_bytes() == b"second"


def test_a_pdf_left_beside_a_changed_briefing_is_a_warning(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    data_file = tmp_path / "event.yaml"
    data_file.write_text(default_text(), encoding="utf-8")
    out = Path("out")
    first = build_event(data_file, BuildOptions(out_dir=out))
    briefing = next(o.path for o in first.outputs if o.path.name.endswith("-sar.docx"))
    briefing.with_suffix(".pdf").write_bytes(b"%PDF- as an earlier build --pdf left it")
    unchanged = build_event(data_file, BuildOptions(out_dir=out))
    assert [w for w in unchanged.warnings if w.category == "pdf"] == []
    data_file.write_text(default_text().replace("Safeguarding Adult Reviews", "Safeguarding Adults Reviews"),
                         encoding="utf-8")
    changed = build_event(data_file, BuildOptions(out_dir=out))
    assert [str(w) for w in changed.warnings if w.category == "pdf"] == [
        f"{briefing.with_suffix('.pdf')} was made from an earlier {briefing.name} and no longer matches it; build "
        "with --pdf to make it again, or delete it"]


def test_a_type_whose_every_age_band_is_small_builds_with_hiding(run_cli, tmp_path):
    # Every band from 1 to 4 once crashed the build: 'chart data contains no categories'.
    source = Path(__file__).resolve().parent / "fixtures" / "hiding" / "small-numbers.yaml"
    text = source.read_text(encoding="utf-8")
    start = text.index("    demographics:\n      people: 8")
    end = text.index("    themes:", start)
    data = tmp_path / "small.yaml"
    data.write_text(text[:start] + '    demographics: {age: {"18-39": 1, "40-64": 1}}\n' + text[end:], encoding="utf-8")
    status, out, err = run_cli(["build", data.name, "--out", "out", "--suppress-below", "5"], tmp_path)
    assert status == 0, err
    assert "internal error" not in err


def hiding_recorded(out: Path) -> dict[str, int | None]:
    """Return the threshold each built deck, briefing and web page records."""
    from generator.output.hiding_record import recorded_at

    return {path.relative_to(out).as_posix(): recorded_at(path) for path in sorted(out.rglob("*"))
            if path.suffix in (".pptx", ".docx", ".html")}


def test_hiding_stays_whatever_command_runs_next(run_cli, tmp_path):
    source = Path(__file__).resolve().parent / "fixtures" / "hiding" / "small-numbers.yaml"
    (tmp_path / "small.yaml").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    status, _, err = run_cli(["build", "small.yaml", "--out", "out", "--suppress-below", "5"], tmp_path)
    assert status == 0, err
    recorded = hiding_recorded(out)
    assert {name: value for name, value in recorded.items() if name.startswith("briefings/")} == \
        dict.fromkeys([name for name in recorded if name.startswith("briefings/")], 5)
    assert recorded["decks/learning-from-reviews-2024-02-06.pptx"] == 0  # the deck is hidden only when asked
    published = built_files(out)

    status, out_text, _ = run_cli(["check", "small.yaml", "--suppress-below", "5"], tmp_path)
    assert "briefings/learning-from-reviews-2024-02-06-sar.html: counts below 5 hidden" in out_text
    assert built_files(out) == published

    for command in (["build"], ["build", "--pdf"], ["build", "--suppress-below", "3"]):
        status, _, err = run_cli([*command, "small.yaml", "--out", "out"], tmp_path)
        assert status == 2, command
        assert ("error: small.yaml: out/briefings/learning-from-reviews-2024-02-06-sar.docx was built with counts "
                "below 5 hidden, and this build would hide") in err
        assert built_files(out) == published, command

    status, watched, _ = run_cli(["watch", "small.yaml", "--out", "out", "--max-builds", "0"], tmp_path)
    assert status == 0 and " not built: " in watched
    assert built_files(out) == published

    status, _, err = run_cli(["build", "small.yaml", "--out", "out", "--allow-unhiding"], tmp_path)
    assert status == 0, err
    assert set(hiding_recorded(out).values()) == {0}


@pytest.mark.slow
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads the peak memory from Linux's /proc")
def test_a_build_at_the_documented_limits_takes_seconds_and_little_memory(tmp_path):
    """The most review types, each with the most themes of the longest names (were 10,000 themes: 31 s)."""
    import time

    from generator.data_source.consistency import MAX_REVIEW_TYPES, MAX_THEME_CHARACTERS, MAX_THEMES
    from tests.worst_case import worst_case

    data = tmp_path / "limits.yaml"
    data.write_text(worst_case(default_text(), MAX_REVIEW_TYPES, MAX_THEMES, MAX_THEME_CHARACTERS), encoding="utf-8")
    # The peak memory of the build and of the child it forks, measured in a process of its own. Its own peak is
    # read from /proc (VmHWM): Linux carries RUSAGE_SELF's peak across exec from the process that started it, so
    # it would report the size pytest had grown to by then (384 MB in a full run).
    measure = ("import resource, runpy, sys; sys.argv = sys.argv[1:]\n"
               "try:\n    runpy.run_path(sys.argv[0], run_name='__main__')\nexcept SystemExit as end:\n"
               "    status = end.code\n"
               "own = next(int(line.split()[1]) for line in open('/proc/self/status') if line.startswith('VmHWM'))\n"
               "peak = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
               "print(f'{status} {peak}', file=sys.stderr)")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", measure, str(ROOT / "make_deck.py"), "build", str(data), "--out",
                             str(tmp_path / "out")], capture_output=True, text=True, cwd=tmp_path)
    elapsed = time.perf_counter() - started
    status, peak_kb = result.stderr.splitlines()[-1].split()
    assert status == "0", result.stderr
    assert len(list((tmp_path / "out" / "briefings").glob("*.docx"))) == MAX_REVIEW_TYPES
    assert elapsed < 60, elapsed  # about 3 s on a quiet machine; the bound leaves room for a busy one
    assert int(peak_kb) < 250 * 1024, peak_kb  # the memory target


def test_a_bilingual_builds_files_carry_their_language_and_linked_pictures_a_folder_of_their_own() -> None:
    from generator.build import _language_named

    assert _language_named(Path("out/briefings/x-2025-cpr.docx"), "cy") == Path("out/briefings/x-2025-cpr-cy.docx")
    assert _language_named(Path("out/pictures/x-2025/index.html"), "en", in_folder=True) == Path(
        "out/pictures/x-2025-en/index.html")


@pytest.mark.slow  # three events built in one command, and each again in a process of its own
def test_each_event_of_one_command_gives_the_bytes_it_gives_built_alone(tmp_path):
    # One command reuses what it made ready for the events before (templates, blank briefings, the scratch
    # presentation of the Word charts); none of it may show in the files. The events differ in look and language.
    events = [DEFAULT_DATA, *(ROOT / "tests" / "fixtures" / "gallery" / f"{name}.yaml"
                              for name in ("tiny-single-type", "welsh-regional-board"))]
    together = tmp_path / "together"
    outcomes = list(build_batch(events, BuildOptions(out_dir=together, render_in_parallel=False)))
    assert [outcome.problems for outcome in outcomes] == [[], [], []]
    alone: dict[str, bytes] = {}
    for number, event in enumerate(events):
        out = tmp_path / f"alone-{number}"
        subprocess.run([sys.executable, str(ROOT / "make_deck.py"), "build", str(event), "--out", str(out)],
                       check=True, capture_output=True)
        alone.update(built_files(out))
    assert len(alone) >= 12
    assert built_files(together) == alone


# The libraries a build imports only when it draws (or reads a register, writes in Welsh, draws two at a time).
DRAWING_LIBRARIES = ("pptx", "docx", "xlsxwriter", "lxml", "PIL", "matplotlib", "openpyxl", "babel",
                     "multiprocessing")
IMPORTED_BY_A_BUILD = (
    "import sys\nfrom generator.cli import main\nstatus = main(sys.argv[1:])\n"
    f"print(status, sorted({{name.split('.')[0] for name in sys.modules}} & {set(DRAWING_LIBRARIES)!r}))")


def _libraries_imported_by_a_build(data_file: Path, out: Path) -> str:
    """Return the exit status of a build in a new process and the drawing libraries it imported."""
    built = subprocess.run([sys.executable, "-c", IMPORTED_BY_A_BUILD, "build", str(data_file), "--out", str(out)],
                           capture_output=True, text=True, cwd=ROOT, check=True)
    return built.stdout.splitlines()[-1]


def test_a_rebuild_imports_only_the_libraries_of_what_it_draws(tmp_path):
    data_file = tmp_path / "event.yaml"
    data_file.write_text(default_text(), encoding="utf-8")
    out = tmp_path / "out"
    _libraries_imported_by_a_build(data_file, out)
    assert _libraries_imported_by_a_build(data_file, out) == "0 []"
    data_file.write_text(replace_once(default_text(), "    Welcome everyone.", "    Welcome, everyone."),
                         encoding="utf-8")  # speaker notes: the deck alone shows them
    # python-pptx imports Pillow and XlsxWriter itself (for pictures, and charts' workbooks); python-docx is not.
    assert _libraries_imported_by_a_build(data_file, out) == "0 ['PIL', 'lxml', 'pptx', 'xlsxwriter']"
