"""The typed model of one event: what the data file says, and what follows from it.

Each dataclass is also the schema of its part of the YAML file (field names
are the YAML keys, unless a field's metadata gives another: :func:`yaml_key`).
A field's metadata also says whether the loader computes it and whether it is
free text. Derived figures are properties, never typed twice.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .categories import DEFAULT_GENDERS
from .categories.ethnicity import HIGH_LEVEL
from .i18n import N_, _, day_month_year, long_date, message_written_as, ngettext
from .palette import BUILTIN_ACCENTS, BUILTIN_SCHEME
from .register_records import BY_PUBLISHED, Recommendation, ResolvedReview
from .wording import singular_name

# The metadata of a field the loader fills in, which a data file may not set (it is no key of the YAML).
COMPUTED = {"computed": True}
# The metadata of a field that names what the data refers to (an area, a theme, a file, a language), or holds no
# text: never free text, so the loader fills no {placeholders} in it.
NAMES = {"names": True}


def yaml_key(spec: dataclasses.Field[Any]) -> str:
    """Return a field's key in a data file: its name, or the key its metadata gives (Period.start is 'from')."""
    key: str = spec.metadata.get("key", spec.name)
    return key


def data_fields(kind: type) -> dict[str, dataclasses.Field[Any]]:
    """Return the fields of a model dataclass that a data file may set, by their YAML keys."""
    return {yaml_key(spec): spec for spec in dataclasses.fields(kind)
            if spec.init and not spec.metadata.get("computed")}


def is_free_text(spec: dataclasses.Field[Any]) -> bool:
    """Return whether a field of the data may hold free text whose {placeholders} the loader fills."""
    return spec.init and not spec.metadata.get("names")


@dataclass
class Event:
    """The event: title, date, partnership, hosts and footer."""

    title: str
    date: dt.date = field(metadata=NAMES)
    partnership: str
    hosts: list[str] = field(default_factory=list)
    in_conjunction_with: str = ""
    strapline: str = ""
    venue: str = ""
    footer: str = ""
    author: str = ""
    language: str = field(default="en-GB", metadata=NAMES)
    # Build a version in each, the first first ([cy, en]); the data's text may then give each its own words.
    languages: list[str] = field(default_factory=list, metadata=NAMES)
    notes: str = ""

    @property
    def long_date(self) -> str:
        """Return the date as the seed writes it: 'Thursday 12 May 2022'."""
        return long_date(self.date)

    @property
    def footer_text(self) -> str:
        """Return the footer: the data's own, or the event title and date."""
        return self.footer or f"{self.title} · {day_month_year(self.date)}"


@dataclass
class Bullet:
    """A bullet with sub-bullets: text and items."""

    text: str
    items: list[str] = field(default_factory=list)


@dataclass
class BulletSlide:
    """A slide of bullets: title, optional heading, items and notes."""

    title: str
    items: list[str | Bullet]
    heading: str = ""
    intro: str = ""
    notes: str = ""


@dataclass
class Block:
    """A block of slide text: one of text, connector (a bold 'and'/'or'), quote or bullets."""

    text: str = ""
    connector: str = ""
    quote: str = ""
    bullets: list[str | Bullet] = field(default_factory=list)


@dataclass
class LegalSlide:
    """A legal-framework slide: heading, blocks of text and notes."""

    heading: str
    blocks: list[Block]
    notes: str = ""


@dataclass
class Theme:
    """A theme: name and, where known, the number of reviews it featured in."""

    name: str = field(metadata=NAMES)
    count: int | None = None


@dataclass
class DemographicTable:
    """A named table of counts of people (disability, say), known for some reviews, perhaps for one role."""

    name: str = field(metadata=NAMES)
    counts: dict[str, int] = field(metadata=NAMES)
    known_for: int | None = None
    role: str = field(default="", metadata=NAMES)


@dataclass
class Demographics:
    """Who the reviews concerned: ethnicity, age-band and gender counts, and any other named tables.

    ``known_for`` says how many reviews the figures cover when it is not all of
    them; ``known_for_each`` says it for one table by its name ("Gender: 2").
    """

    ethnicity: dict[str, int] = field(default_factory=dict, metadata=NAMES)
    age: dict[str, int] = field(default_factory=dict, metadata=NAMES)
    gender: dict[str, int] = field(default_factory=dict, metadata=NAMES)
    tables: list[DemographicTable] = field(default_factory=list)
    known_for: int | None = None
    known_for_each: dict[str, int] = field(default_factory=dict, metadata=NAMES)
    people: int | None = None
    note: str = ""
    # Counted from a register, person by person: each table's people shown and people concerned, by its name.
    people_known: dict[str, tuple[int, int]] = field(default_factory=dict, repr=False, compare=False,
                                                     metadata=COMPUTED)


@dataclass
class Link:
    """A link: text and address (https, http or mailto)."""

    text: str
    url: str = field(metadata=NAMES)


@dataclass
class BriefingSection:
    """A briefing section: heading, paragraphs, bullets, links, and the figures or themes to show."""

    heading: str
    show: str = field(default="", metadata=NAMES)
    paragraphs: list[str] = field(default_factory=list)
    bullets: list[str] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)


@dataclass
class Briefing:
    """A seven-minute briefing: title and its seven sections."""

    sections: list[BriefingSection]
    title: str = ""


@dataclass
class ReviewType:
    """A review type: names, counts, demographics, themes, legal framework and briefing.

    ``count`` and ``counts_by_area`` are None only until the loader has
    counted a register's rows; every model a loader returns has them.
    """

    name: str = field(metadata=NAMES)
    full_name: str = field(metadata=NAMES)
    abbreviation: str = field(metadata=NAMES)
    themes: list[str | Theme] = field(metadata=NAMES)
    briefing: Briefing
    # Typed as aggregates, or left out when the register's rows are counted (the loader then fills them in).
    count: int | None = None
    counts_by_area: dict[str, int] | None = None
    demographics: Demographics = field(default_factory=Demographics)
    # The criteria a review of this type may meet, one or more each (a Single Unified Safeguarding Review's:
    # adult practice, child practice, domestic homicide...), and how many reviews met each (typed, or counted
    # from the register's Criteria column).
    criteria: list[str] = field(default_factory=list, metadata=NAMES)
    counts_by_criterion: dict[str, int] | None = None
    # The areas or groupings the register's reviews are counted by, and the bands its ages are ("Under 1").
    report_by: list[str] = field(default_factory=list, metadata=NAMES)
    age_bands: list[str] = field(default_factory=list, metadata=NAMES)
    singular: str = field(default="", metadata=NAMES)
    # The roles a register's people may have in this type's reviews, each with its people noun: {victim: victims}.
    roles: dict[str, str] = field(default_factory=dict, metadata=NAMES)
    people_noun: str = field(default_factory=lambda: _("people"), metadata=NAMES)
    person_noun: str = field(default_factory=lambda: _("person"), metadata=NAMES)
    caveats: list[str] = field(default_factory=list)
    legal_framework: list[LegalSlide] = field(default_factory=list)
    scene_notes: str = ""
    themes_notes: str = ""

    @property
    def theme_list(self) -> list[Theme]:
        """Return the themes, each as a Theme whether or not it has a count."""
        return [t if isinstance(t, Theme) else Theme(name=t) for t in self.themes]

    @property
    def display_name(self) -> str:
        """Return the name for a count: for one review the singular, given or derived ('1 Multi-agency Learning
        Review', never '1 Multi-agency Learning Reviews'); in Welsh, which takes the singular after every number,
        the singular for every count ('4 Adolygiad Ymarfer Plant')."""
        # TRANSLATORS: the name of a type of review after its count: {one} is the singular, {many} the plural.
        return ngettext("{one}", "{many}", self.count or 0, one=self.singular or singular_name(self.name),
                        many=self.name)

    @property
    def headline(self) -> str:
        """Return the seed's headline figure: '23 Children Reviews'."""
        return f"{self.count} {self.display_name}"

    @property
    def area_counts(self) -> dict[str, int]:
        """Return the counts by area (empty before a register's rows are counted)."""
        return self.counts_by_area or {}


@dataclass
class ClosingSlide:
    """The closing slide: title, text, contacts and notes."""

    title: str = field(default_factory=lambda: _("Thank you"))
    text: str = ""
    contacts: list[str] = field(default_factory=list)
    notes: str = ""


@dataclass
class Scene:
    """Setting-the-scene and themes slide titles and notes."""

    title: str = field(default_factory=lambda: _("Setting the Scene"))
    notes: str = ""


@dataclass
class LearningReviews:
    """What learning reviews are, and are not."""

    are: BulletSlide
    are_not: BulletSlide


@dataclass
class Colours:
    """Brand colours as hex (1D5A8E): text, background, headings, links and chart accents."""

    text: str = BUILTIN_SCHEME["dk1"]
    background: str = BUILTIN_SCHEME["lt1"]
    heading: str = BUILTIN_SCHEME["dk2"]
    link: str = BUILTIN_SCHEME["hlink"]
    accents: list[str] = field(default_factory=lambda: list(BUILTIN_ACCENTS))


@dataclass
class Branding:
    """The look: colours, fonts, logo, and the comms team's own templates and names for layouts and styles."""

    colours: Colours | None = None
    heading_font: str = ""
    body_font: str = ""
    logo: str = ""
    logo_alt_text: str = ""
    pptx_template: str = ""
    docx_template: str = ""
    layouts: dict[str, str] = field(default_factory=dict)
    styles: dict[str, str] = field(default_factory=dict)


@dataclass
class BriefingOptions:
    """What every briefing carries: a version line, a contact, and whether to add a team record page."""

    action_plan: bool = False
    version: str = ""
    contact: str = ""


@dataclass
class RegisterSource:
    """The review register as two lists: file names (reviews.csv, people.csv) or the rows themselves.

    Each row is a set of 'Column: value' entries, the columns as the register
    workbook heads them (Reference, Review type, Area, Date notified...).
    """

    reviews: str | list[dict[str, str | None]]
    people: str | list[dict[str, str | None]] = field(default_factory=list)
    recommendations: str | list[dict[str, str | None]] = field(default_factory=list)


@dataclass
class Period:
    """The reporting period: the reviews notified (or published) from one date to another, both included."""

    start: dt.date = field(metadata={"key": "from"})  # "from" is a Python keyword
    to: dt.date
    by: str = field(default="date notified", metadata=NAMES)

    @property
    def dates_text(self) -> str:
        """Return '1 April 2021 to 31 March 2024'."""
        return _("{start} to {end}", start=day_month_year(self.start), end=day_month_year(self.to))

    @property
    def text(self) -> str:
        """Return 'Reviews notified 1 April 2021 to 31 March 2024'."""
        if self.by == BY_PUBLISHED:
            return _("Reviews published {dates}", dates=self.dates_text)
        return _("Reviews notified {dates}", dates=self.dates_text)


@dataclass
class Publish:
    """Publishing: counts from 1 to suppress_below - 1 are hidden in the briefings (and in the deck with deck: true)."""

    suppress_below: int | None = None
    deck: bool = False
    pictures: bool = False  # also draw every chart as pictures for comms (as build --pictures does)


@dataclass
class Categories:
    """How a register's people are counted: its own words for "not known", the ethnicity level or list, genders.

    Ethnicity is counted in the ONS 2021 groups, high-level by default (small
    numbers, and the people they describe, are safer so); ``ethnicities``
    replaces the ONS groups with the register's own list.
    """

    unknown: list[str] = field(default_factory=list)
    ethnicity: str = HIGH_LEVEL  # or detailed
    ethnicities: list[str] = field(default_factory=list)
    genders: list[str] = field(default_factory=lambda: list(DEFAULT_GENDERS))


@dataclass
class Timescale:
    """How soon a stage should follow another: 'Date notified' within '5 working days' of 'Date of incident'."""

    stage: str  # a register column: Date notified, Rapid review date, Date completed...
    start: str = field(metadata={"key": "from"})
    within: str  # '5 working days', '15 working days', '6 months', '30 days'


# The statuses the figures give a meaning to, whatever else the data declares: a recommendation completed, or not
# implemented (set aside, with a reason); neither can be overdue. Compared by these keys, never by their words.
COMPLETED, NOT_IMPLEMENTED = N_("Completed"), N_("Not implemented")
# The statuses a register's review may have when the data declares none of its own (timeline.review_statuses).
DEFAULT_REVIEW_STATUSES = (N_("In progress"), COMPLETED, N_("Published"))
# The statuses a recommendation may have when the data declares none of its own; translated where shown.
DEFAULT_RECOMMENDATION_STATUSES = (N_("Not started"), N_("In progress"), COMPLETED, NOT_IMPLEMENTED)
DEFAULT_STATUSES = tuple(dict.fromkeys(DEFAULT_REVIEW_STATUSES + DEFAULT_RECOMMENDATION_STATUSES))


@lru_cache(maxsize=1024)  # a register's thousands of reviews write the same few statuses
def status_key(status: str) -> str:
    """Return the default status a status is written as, in English or any shipped language ('wedi'i gwblhau' ->
    'Completed'), or the status itself when it is the data's own: the figures compare statuses by this key."""
    return message_written_as(status, DEFAULT_STATUSES) or status


def shown_status(status: str) -> str:
    """Return a status as the version being written shows it: a default one in its language, the data's own as it
    is typed."""
    key = status_key(status)
    return _(key) if key in DEFAULT_STATUSES else status


@dataclass
class Timeline:
    """The story over time a register tells: reviews per year, timeliness, and recommendations acted on.

    ``years`` is 'financial' (April to March) or 'calendar'; ``bank_holidays``
    is ENG (England) or WLS (Wales), for counting working days; ``as_at`` is
    the date recommendations are overdue against (the event's date when not
    given). ``timescales`` gives a type's own, by type key; a type without
    its own has the statutory defaults (``generator.timeline.DEFAULT_TIMESCALES``).
    """

    years: str = "financial"
    bank_holidays: str = "ENG"
    as_at: dt.date | None = None
    review_statuses: list[str] = field(default_factory=lambda: list(DEFAULT_REVIEW_STATUSES))  # a Status is one
    recommendation_statuses: list[str] = field(
        default_factory=lambda: list(DEFAULT_RECOMMENDATION_STATUSES))
    timescales: dict[str, list[Timescale]] = field(default_factory=dict)
    publish_reasons: bool = False  # reasons for not implementing a recommendation also appear in the briefings
    figures_workbook: bool = True  # write figures.xlsx beside the deck


@dataclass
class EventData:
    """The whole data file: event, aims, learning reviews, areas, review types and themes."""

    event: Event
    aims: BulletSlide
    learning_reviews: LearningReviews
    areas: dict[str, str] = field(metadata=NAMES)
    review_types: dict[str, ReviewType]
    cross_over_themes: BulletSlide
    groupings: dict[str, list[str]] = field(default_factory=dict, metadata=NAMES)
    legal_framework_title: str = field(default_factory=lambda: _("What are Learning Reviews? The Legal Framework"))
    scene: Scene = field(default_factory=Scene)
    reflective_questions: BulletSlide | None = None
    closing: ClosingSlide = field(default_factory=ClosingSlide)
    theme: Branding = field(default_factory=Branding, metadata=NAMES)
    briefing: BriefingOptions = field(default_factory=BriefingOptions)
    # A workbook, a folder of reviews.csv and people.csv, or lists.
    register: str | RegisterSource | None = field(default=None, metadata=NAMES)
    period: Period | None = field(default=None, metadata=NAMES)
    publish: Publish = field(default_factory=Publish, metadata=NAMES)
    allow_new_themes: bool = False  # a register's theme outside its type's list is kept, not an error
    categories: Categories = field(default_factory=Categories, metadata=NAMES)
    # The register's reviews in the period, set by the reader.
    register_reviews: list[ResolvedReview] = field(default_factory=list, init=False, repr=False, compare=False)
    timeline: Timeline | None = field(default=None, metadata=NAMES)  # trends, timeliness, recommendations
    # Every review of the register, of every year (the trends look beyond the period), and its recommendations,
    # set by the reader.
    register_every_review: list[ResolvedReview] = field(default_factory=list, init=False, repr=False, compare=False)
    register_recommendations: list[Recommendation] = field(default_factory=list, init=False, repr=False, compare=False)

    @property
    def period_text(self) -> str:
        """Return the period's words for where the figures are shown, or '' when the data gives none."""
        return self.period.text if self.period else ""
