"""Write riverside-2024-register.xlsx: the fictional Riverside partnership's review register.

Run from the project folder: ``python data/make_riverside_register.py``. The
rows come from a seeded random generator, so the workbook is the same bytes
every time; every reference, area and partnership in it is made up.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.register_workbook import ONS_2021_ETHNICITIES, blank_register, workbook_bytes  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "riverside-2024-register.xlsx"
SEED = 2024
AREAS = ("NBC", "EMC", "WDC")
GENDERS = ("Female", "Male")
STATUSES = ("Published", "Completed", "In progress")
ROLES = ("victim", "perpetrator")  # the DHR roles riverside-2024.yaml declares
# Review type: (abbreviation, reviews in the period, themes, ages of the people reviewed)
TYPES = {
    "CSPR": (17, ("Neglect", "Parental mental health", "Domestic abuse in the home", "Safe sleep",
                  "Criminal exploitation", "Voice of the child", "Information sharing"), (0, 17)),
    "SAR": (12, ("Self-neglect", "Mental capacity", "Homelessness", "Substance misuse", "Carer strain",
                 "Professional curiosity"), (18, 96)),
    "DHR": (10, ("Coercive control", "Missed opportunities to ask", "Risk assessment", "Barriers to reporting",
                 "Information sharing"), (16, 84)),
}
PERIOD = (dt.date(2021, 4, 1), dt.date(2024, 3, 31))
OUTSIDE_PERIOD = (dt.date(2021, 2, 15), dt.date(2024, 5, 9))  # one review each side, so the period selects
ETHNICITIES = (ONS_2021_ETHNICITIES[12],) * 6 + (ONS_2021_ETHNICITIES[2], ONS_2021_ETHNICITIES[3],
                                                 ONS_2021_ETHNICITIES[5], ONS_2021_ETHNICITIES[10],
                                                 ONS_2021_ETHNICITIES[16])


def make_rows(rng: random.Random) -> tuple[list[list[object]], list[list[object]]]:
    """Return the Reviews and People rows."""
    reviews: list[list[object]] = []
    people: list[list[object]] = []
    span = (PERIOD[1] - PERIOD[0]).days
    for abbreviation, (count, themes, (youngest, oldest)) in TYPES.items():
        dates = sorted(PERIOD[0] + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(count))
        if abbreviation == "CSPR":
            dates = [OUTSIDE_PERIOD[0], *dates, OUTSIDE_PERIOD[1]]
        for number, notified in enumerate(dates, start=1):
            reference = f"{abbreviation}-{notified.year}-{number:02d}"
            status = rng.choice(STATUSES) if notified < dt.date(2023, 6, 1) else "In progress"
            published = notified + dt.timedelta(days=rng.randrange(240, 520)) if status == "Published" else None
            chosen = rng.sample(themes, rng.randint(1, 3))
            # A few rows give the area's full name or a different case, as registers typed by hand do.
            area = rng.choice(AREAS)
            if number % 7 == 0:
                area = {"NBC": "Northbank Borough Council", "EMC": "eastmoor council",
                        "WDC": "Westford District Council"}[area]
            reviews.append([reference, abbreviation, area, status, dt.datetime.combine(notified, dt.time()),
                            None if published is None else dt.datetime.combine(published, dt.time()),
                            "; ".join(chosen)])
            people.extend(make_people(rng, abbreviation, reference, youngest, oldest))
    return reviews, people


def make_people(rng: random.Random, abbreviation: str, reference: str, youngest: int, oldest: int
                ) -> list[list[object]]:
    """Return the people one review concerned: a child or two, an adult, or a DHR's victim and perpetrator."""
    roles: list[str | None]
    if abbreviation == "DHR":
        roles = list(ROLES)
    elif abbreviation == "CSPR" and rng.random() < 0.2:
        roles = [None, None]  # brothers and sisters in one review
    else:
        roles = [None]
    rows: list[list[object]] = []
    for role in roles:
        known = abbreviation != "DHR" or rng.random() < 0.6  # DHR demographics are often not known
        age = draw_age(rng, abbreviation, youngest, oldest) if known and rng.random() < 0.9 else None
        ethnicity = rng.choice(ETHNICITIES) if known and rng.random() < 0.85 else None
        gender = rng.choice(GENDERS) if known else None
        rows.append([reference, role, age, ethnicity, gender])
    return rows


def draw_age(rng: random.Random, abbreviation: str, youngest: int, oldest: int) -> int:
    """Return an age: most children in reviews are very young, so their ages lean towards 0."""
    if abbreviation == "CSPR":
        return int(rng.triangular(youngest, oldest + 1, youngest))
    return rng.randint(youngest, oldest)


def main() -> None:
    """Write the register workbook beside this script."""
    themes = list(dict.fromkeys(theme for _, names, _ in TYPES.values() for theme in names))
    book = blank_register(list(TYPES), list(AREAS), roles=list(ROLES), themes=themes)
    reviews, people = make_rows(random.Random(SEED))
    for row in reviews:
        book["Reviews"].append(row)
    for row in people:
        book["People"].append(row)
    for sheet in ("Reviews", "People"):
        for cells in book[sheet].iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
    OUTPUT.write_bytes(workbook_bytes(book))
    print(f"wrote {OUTPUT.name}: {len(reviews)} reviews, {len(people)} people")


if __name__ == "__main__":
    main()
