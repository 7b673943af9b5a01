"""The Dutch language layer: what every stage knows of written Dutch and of parliamentary ids.

- :mod:`kamer_nlp.lang.words`: month names and abbreviations, weekdays, ordinal words
  (kamer_nlp/resources/lang/calendar.json, loaded once);
- :mod:`kamer_nlp.lang.dates`: one date parser (``parse_date``, ``find_date``,
  ``find_day_month``, ``date_from_parts``);
- :mod:`kamer_nlp.lang.ids`: dossier numbers, toevoegingen and official ids.

It imports no other part of kamer_nlp: repair, references, commitments and temporal sit on
top of it (docs/language.md).

>>> from kamer_nlp.lang import parse_date
>>> parse_date("14 februari 2018")
datetime.date(2018, 2, 14)
"""

from kamer_nlp.lang.dates import (
    DateMatch,
    DayMonthMatch,
    date_from_parts,
    find_date,
    find_day_month,
    iso_date,
    latest_on_or_before,
    make_date,
    month_number,
    parse_date,
    parse_iso,
)
from kamer_nlp.lang.words import Calendar, calendar

__all__ = [
    "Calendar",
    "DateMatch",
    "DayMonthMatch",
    "calendar",
    "date_from_parts",
    "find_date",
    "find_day_month",
    "iso_date",
    "latest_on_or_before",
    "make_date",
    "month_number",
    "parse_date",
    "parse_iso",
]
