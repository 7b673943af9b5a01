"""Dutch time expressions and deadlines, normalised against the document date.

>>> import datetime as dt
>>> from kamer_nlp.temporal import find_timexes
>>> t = find_timexes("zal ik uw Kamer uiterlijk aanstaande zomer berichten", doc_date=dt.date(2018, 2, 14))[0]
>>> (t.text, t.kind, t.value, t.mod, t.due)
('uiterlijk aanstaande zomer', 'deadline', '2018-SU', 'ON_OR_BEFORE', '2018-08-31')

The spaCy component is ``kamer_temporal`` (kamer_nlp.temporal.component); the
conventions are in kamer_nlp/resources/temporal/ and docs/temporal.md.
"""

from kamer_nlp.temporal.finder import TimexFinder, find_timexes
from kamer_nlp.temporal.resources import TemporalResources
from kamer_nlp.temporal.timex import KINDS, MODS, TIMEX_LABEL, Timex

__all__ = [
    "KINDS",
    "MODS",
    "TIMEX_LABEL",
    "TemporalResources",
    "Timex",
    "TimexFinder",
    "find_timexes",
]
