"""The figures of each review type, worked out once and shared by every output so all say the same.

A :class:`ReviewFigures` holds what the deck and the briefings show of one
review type: its count, counts by area and the demographic tables, each a
:class:`CountTable` that knows how many of the reviews it covers. They are
worked out here, from the data file's typed aggregates or by counting the
review register's rows, to the same shape; nothing downstream counts anything
again. A table published with small numbers hidden knows its threshold and
gives the hidden cells' words ("<5") in place of their counts.

One concept a module: ``tables`` (a table of counts, its names), ``review``
(one type's figures), ``publishing`` (what is hidden or withheld),
``register_counts`` (a type's aggregates counted from register rows) and
``event`` (every type's figures, and the values free text may cite). The
names below are what the rest of the generator imports.
"""

from .event import event_figures, placeholder_values, review_figures
from .publishing import UNKNOWN, UNKNOWN_REVIEWS, as_published, hide_small, publish_threshold
from .register_counts import count_register, counted_aggregates, report_labels
from .review import MAX_CHARTED_THEMES, ReviewFigures, hiding_summary_of, theme_label, total_reviews
from .tables import (AREAS_TABLE, BUILT_IN_TABLE_NAMES, CRITERIA_TABLE, PERSON_TABLES, CountTable,
                     role_plural)

__all__ = ["AREAS_TABLE", "BUILT_IN_TABLE_NAMES", "CRITERIA_TABLE", "MAX_CHARTED_THEMES", "PERSON_TABLES",
           "UNKNOWN", "UNKNOWN_REVIEWS", "CountTable", "ReviewFigures", "as_published", "count_register",
           "counted_aggregates", "event_figures", "hide_small", "hiding_summary_of", "placeholder_values",
           "publish_threshold", "report_labels", "review_figures", "role_plural", "theme_label", "total_reviews"]
