"""Write harbour-2025-register.xlsx: the fictional Harbour partnership's review register over five years.

Run from the project folder: ``python data/make_harbour_register.py``. It
shows the story over time (``timeline:`` in harbour-2025.yaml): reviews
notified in each financial year from 2020/21 to 2024/25 and a few since,
each review's stage dates (some missing, as real registers have them), reviews
still open, and a Recommendations sheet with overdue recommendations and one
not implemented. The rows come from a seeded random generator, so the workbook
is the same bytes every time; every reference, agency and person is made up.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from generator.register_workbook import ONS_2021_ETHNICITIES, blank_register, workbook_bytes  # noqa: E402

OUTPUT = Path(__file__).resolve().parent / "harbour-2025-register.xlsx"
SEED = 2025
AREAS = ("NBC", "EMC", "WDC")
GENDERS = ("Female", "Male")
FIRST_YEAR = 2020  # financial years 2020/21 to 2024/25, then 2025/26 up to the event
LAST_NOTIFIED = dt.date(2025, 5, 30)
# Review type: (reviews notified in each financial year from 2020/21, themes, ages of the people reviewed)
TYPES = {
    "CSPR": ((8, 10, 9, 7, 12, 2), ("Neglect", "Parental mental health", "Domestic abuse in the home", "Safe sleep",
                                    "Criminal exploitation", "Voice of the child", "Information sharing"), (0, 17)),
    "SAR": ((5, 6, 4, 7, 6, 1), ("Self-neglect", "Mental capacity", "Homelessness", "Substance misuse",
                                 "Carer strain", "Professional curiosity"), (18, 96)),
    "DHR": ((3, 2, 4, 3, 5, 0), ("Coercive control", "Missed opportunities to ask", "Risk assessment",
                                 "Barriers to reporting", "Information sharing"), (16, 84)),
}
AGENCIES = ("Children's Social Care", "Adult Social Care", "Police", "Health (ICB)", "Education", "Housing",
            "Probation")
RECOMMENDATIONS = ("Refresh the multi-agency neglect training", "Audit information sharing at the front door",
                   "Add professional curiosity to supervision", "Review the escalation policy",
                   "Share learning with GP practices", "Check routine enquiry about domestic abuse",
                   "Update the safe sleep guidance", "Offer carers' assessments at discharge")
NOT_IMPLEMENTED_REASON = "The service was decommissioned in 2024; the learning moved to its successor's induction"
ETHNICITIES = (ONS_2021_ETHNICITIES[12],) * 6 + (ONS_2021_ETHNICITIES[2], ONS_2021_ETHNICITIES[3],
                                                 ONS_2021_ETHNICITIES[5], ONS_2021_ETHNICITIES[10])
AS_AT = dt.date(2025, 6, 12)  # the event's date: recommendations due before it and not done are overdue


def at_midnight(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime.combine(day, dt.time())


def make_rows(rng: random.Random) -> tuple[list[dict[str, object]], list[list[object]], list[list[object]]]:
    """Return the Reviews (each by its headings), People and Recommendations rows."""
    reviews: list[dict[str, object]] = []
    people: list[list[object]] = []
    recommendations: list[list[object]] = []
    not_implemented_written = False
    for abbreviation, (per_year, themes, (youngest, oldest)) in TYPES.items():
        number = 0
        for offset, count in enumerate(per_year):
            start = dt.date(FIRST_YEAR + offset, 4, 1)
            end = min(dt.date(FIRST_YEAR + offset + 1, 3, 31), LAST_NOTIFIED)
            span = (end - start).days
            for notified in sorted(start + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(count)):
                number += 1
                reference = f"{abbreviation}-{notified.year}-{number:02d}"
                incident = notified - dt.timedelta(days=rng.randint(1, 12))
                if rng.random() < 0.12:
                    incident = None  # not recorded
                rapid = notified + dt.timedelta(days=rng.randint(10, 30)) if abbreviation == "CSPR" else None
                decision = (rapid or notified) + dt.timedelta(days=rng.randint(3, 40))
                age_days = (AS_AT - decision).days
                completed = decision + dt.timedelta(days=rng.randint(120, 330))
                if completed > AS_AT or (age_days < 500 and rng.random() < 0.4):
                    completed = None  # still open
                published = completed + dt.timedelta(days=rng.randint(20, 90)) if completed else None
                if published is not None and published > AS_AT:
                    published = None
                status = "Published" if published else "Completed" if completed else "In progress"
                chosen = rng.sample(themes, rng.randint(1, 3))
                reviews.append({"Reference": reference, "Review type": abbreviation, "Area": rng.choice(AREAS),
                                "Status": status, "Date notified": at_midnight(notified),
                                "Date published": at_midnight(published), "Themes": "; ".join(chosen),
                                "Date of incident": at_midnight(incident), "Rapid review date": at_midnight(rapid),
                                "Decision date": at_midnight(decision), "Date completed": at_midnight(completed)})
                people.extend(make_people(rng, abbreviation, reference, youngest, oldest))
                if completed is not None:
                    rows = make_recommendations(rng, reference, completed, not not_implemented_written)
                    not_implemented_written |= any(row[5] == "Not implemented" for row in rows)
                    recommendations.extend(rows)
    return reviews, people, recommendations


def make_recommendations(rng: random.Random, reference: str, completed: dt.date, may_set_aside: bool
                         ) -> list[list[object]]:
    """Return a completed review's recommendations: older ones mostly done, some overdue, at most one set aside."""
    rows: list[list[object]] = []
    for text in rng.sample(RECOMMENDATIONS, rng.randint(1, 3)):
        agreed = completed + dt.timedelta(days=rng.randint(7, 40))
        due = agreed + dt.timedelta(days=rng.choice((90, 180, 270)))
        done = None
        if due < AS_AT and rng.random() < 0.75:
            status = "Completed"
            done = due - dt.timedelta(days=rng.randint(-30, 60))
            done = min(done, AS_AT)
        else:
            status = rng.choice(("Not started", "In progress", "In progress"))
        reason = None
        if may_set_aside and status != "Completed" and due < AS_AT and not rows:
            status, reason, may_set_aside = "Not implemented", NOT_IMPLEMENTED_REASON, False
        rows.append([reference, text, rng.choice(AGENCIES), at_midnight(agreed), at_midnight(due), status,
                     at_midnight(done), reason])
    return rows


def make_people(rng: random.Random, abbreviation: str, reference: str, youngest: int, oldest: int
                ) -> list[list[object]]:
    """Return the people one review concerned: a child, an adult, or a DHR's victim and perpetrator."""
    roles: list[str | None] = ["victim", "perpetrator"] if abbreviation == "DHR" else [None]
    rows: list[list[object]] = []
    for role in roles:
        age = rng.randint(youngest, oldest) if rng.random() < 0.9 else None
        ethnicity = rng.choice(ETHNICITIES) if rng.random() < 0.85 else None
        rows.append([reference, role, age, ethnicity, rng.choice(GENDERS)])
    return rows


def main() -> None:
    """Write the register workbook beside this script."""
    book = blank_register(list(TYPES), list(AREAS))
    sheets = dict(zip(("Reviews", "People", "Recommendations"), make_rows(random.Random(SEED))))
    for name, rows in sheets.items():
        headings = [cell.value for cell in book[name][1]]
        for row in rows:
            book[name].append([row.get(heading) for heading in headings] if isinstance(row, dict) else row)
        for cells in book[name].iter_rows(min_row=2):
            for cell in cells:
                if isinstance(cell.value, dt.datetime):
                    cell.number_format = "dd/mm/yyyy"
    OUTPUT.write_bytes(workbook_bytes(book))
    print(f"wrote {OUTPUT.name}: " + ", ".join(f"{len(rows)} {name.lower()}" for name, rows in sheets.items()))


if __name__ == "__main__":
    main()
