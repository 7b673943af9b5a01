"""Structure a commitment sentence: actor, addressee, action, deadline; link targets.

Everything here reads other components' output only through ``doc.spans`` and
:func:`get_span_attrs`, and degrades gracefully: without ACTOR spans the actor
falls back to the document's signatory (or None), without TIMEX spans the
deadline is None. Offsets are absolute character offsets into ``doc.text``.

The functions take a :class:`DocView` (or a Doc, viewed for that one call): a component
that structures many sentences of one Doc reads the text and the span groups once
through the view instead of once per sentence, which would make it quadratic in the
length of the document.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Span

from kamer_nlp.commitments.cues import CueMatch, CueSet
from kamer_nlp.nlp.extensions import ACTORS_KEY, TIMEX_KEY, doc_date, doc_meta, get_span_attrs

GOVERNMENT_TYPES = frozenset(
    {"minister", "staatssecretaris", "minister-president", "ministry", "cabinet", "kabinet"}
)
PERSON_TYPES = frozenset({"minister", "staatssecretaris", "minister-president"})
PARLIAMENT_TYPES = frozenset({"parliament", "committee"})
SINGULAR_FIRST_PERSON = frozenset({"ik", "mij", "mijn"})
FIRST_PERSON = SINGULAR_FIRST_PERSON | {"wij", "we", "ons", "onze"}
CABINET_ID = "kabinet"
_BARE_YEAR = re.compile(r"^\d{4}$")
# characters before / after a year searched for target words ("toe naar … in 2050", "in 2030 te halveren")
TARGET_WINDOW = (40, 25)
# words that open the action region but are not part of the action itself
_LEADING = re.compile(
    r"^(?:(?:ik|wij|we|zal|zullen|ga|gaan|gaat|wil|willen|ben|zijn|is|voornemens|van plan|bereid|"
    r"het kabinet|dit kabinet|de regering|daarom|dus|ook|tevens|nog|om)\b[\s,]*)+",
    re.IGNORECASE,
)
_FUNCTION_TAIL = re.compile(
    r"\s*(?:(?:van|voor)\s+(?:[A-Z][\w&\-]*|en|,)(?:[\s,]+(?:[A-Z][\w&\-]*|en))*)"
)
_SPACES = re.compile(r"\s+")


class DocView:
    """A Doc's text and span groups, read once for the many look-ups of one component call.

    ``doc.text`` joins the whole text again on every access and iterating ``doc.spans[key]``
    creates every Span again; the view does both once and finds the spans inside a
    sentence by bisection. It reflects the Doc as it was when first read: make a new view
    after changing the Doc's text, span groups or span attrs.
    """

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.text = doc.text
        self._groups: dict[str, tuple[list[int], list[tuple[int, int, int, Span]]]] = {}
        self._people: list[Span] | None = None

    def _group(self, key: str) -> tuple[list[int], list[tuple[int, int, int, Span]]]:
        if key not in self._groups:
            spans = list(self.doc.spans[key]) if key in self.doc.spans else []
            entries = sorted(
                ((s.start_char, n, s.end_char, s) for n, s in enumerate(spans)),
                key=lambda e: (e[0], e[1]),
            )
            self._groups[key] = ([e[0] for e in entries], entries)
        return self._groups[key]

    def spans_in(self, key: str, start: int, end: int) -> list[Span]:
        """The spans of ``doc.spans[key]`` inside ``start``..``end``, in the group's order."""
        starts, entries = self._group(key)
        lo, hi = bisect_left(starts, start), bisect_right(starts, end)
        inside = [e for e in entries[lo:hi] if e[2] <= end]
        inside.sort(key=lambda e: e[1])
        return [e[3] for e in inside]

    def people(self) -> list[Span]:
        """The ACTOR spans of the people named (minister, …): the last span per actor id."""
        if self._people is None:
            _, entries = self._group(ACTORS_KEY)
            by_id: dict[str, Span] = {}
            for *_, span in sorted(entries, key=lambda e: e[1]):
                attrs = get_span_attrs(span)
                if attrs.get("type") in PERSON_TYPES and attrs.get("actor_id"):
                    by_id[str(attrs.get("actor_id"))] = span
            self._people = list(by_id.values())
        return self._people


def as_view(doc: Doc | DocView) -> DocView:
    return doc if isinstance(doc, DocView) else DocView(doc)


@dataclass(frozen=True)
class Anchor:
    """The cue that carries the commitment, in absolute offsets."""

    cue_id: str
    start: int
    end: int
    agent: tuple[int, int] | None


def choose_anchor(
    matches: list[CueMatch], offset: int, cues: CueSet, kinds: tuple[str, ...]
) -> Anchor | None:
    """The first cue (in data-file order) of the given kinds, preferring one with an agent."""
    order = {c.id: i for i, c in enumerate(cues.cues)}
    ranked = sorted(
        (m for m in matches if m.kind in kinds),
        key=lambda m: (m.agent is None, order[m.cue_id], m.start),
    )
    if not ranked:
        return None
    m = ranked[0]
    agent = (m.agent[0] + offset, m.agent[1] + offset) if m.agent else None
    return Anchor(m.cue_id, m.start + offset, m.end + offset, agent)


def _overlaps(span: Span, region: tuple[int, int]) -> bool:
    return span.start_char < region[1] and region[0] < span.end_char


def _gazetteer_entry(actor_id: str | None) -> Any:
    if not actor_id:
        return None
    try:  # the actors package is optional for this component
        from kamer_nlp.actors.gazetteer import Gazetteer

        return Gazetteer.default().get(actor_id)
    except Exception:  # missing package or unknown id: no enrichment
        return None


def _signatory_name(doc: Doc, actor_id: str | None) -> str | None:
    """The person's name when the actor is one of the document's signatories."""
    for sig in doc_meta(doc).get("signatories") or []:
        if actor_id and sig.get("actor_id") == actor_id and sig.get("name"):
            return str(sig["name"])
    return None


def _ministry(actor_id: str | None, actor_type: str | None, ministry: str | None) -> str | None:
    """A ministry is its own ministry (the register's ``ministerie`` of a ministry's promise)."""
    return actor_id if actor_type == "ministry" and actor_id else ministry


def actor_from_span(span: Span, via: str | None = None) -> dict[str, Any]:
    attrs = get_span_attrs(span)
    actor_id = attrs.get("actor_id") or span.kb_id_ or None
    entry = _gazetteer_entry(actor_id)
    return {
        "actor_id": actor_id,
        # the person where the document names them (the signatory), else the function or body
        "name": _signatory_name(span.doc, actor_id)
        or attrs.get("name")
        or (entry.name if entry else None)
        or span.text,
        "function": attrs.get("function") or (entry.function if entry else None),
        "ministry": _ministry(
            actor_id,
            attrs.get("type") or (entry.type if entry else None),
            attrs.get("ministry") or (entry.ministry if entry else None),
        ),
        "start": span.start_char,
        "end": span.end_char,
        "via": via or attrs.get("via"),
    }


def _entry_actor(actor_id: str, via: str) -> dict[str, Any] | None:
    entry = _gazetteer_entry(actor_id)
    if entry is None:
        return None
    return {
        "actor_id": actor_id,
        "name": entry.name,
        "function": entry.function,
        "ministry": _ministry(actor_id, entry.type, entry.ministry),
        "start": None,
        "end": None,
        "via": via,
    }


def signatory_actor(doc: Doc, via: str) -> dict[str, Any] | None:
    signatories = doc_meta(doc).get("signatories") or []
    if not signatories:
        return None
    sig = signatories[0]
    entry = _gazetteer_entry(sig.get("actor_id"))
    return {
        "actor_id": sig.get("actor_id"),
        "name": sig.get("name") or (entry.name if entry else None),
        "function": sig.get("function") or (entry.function if entry else None),
        "ministry": _ministry(
            sig.get("actor_id"),
            entry.type if entry else None,
            sig.get("ministry") or (entry.ministry if entry else None),
        ),
        "start": None,
        "end": None,
        "via": via,
    }


def first_person_actor(doc: Doc | DocView, agent_text: str) -> dict[str, Any]:
    """Who "ik"/"wij" is when the actors component left the pronoun without a span.

    The signatory first; without one, "wij" is the cabinet and "ik" the one
    bewindspersoon the document names (a Kamervragen answer: "Antwoord van minister
    …"); failing that an unresolved first person, so the row still says "ik"/"wij".
    """
    view = as_view(doc)
    via = "ik" if agent_text in SINGULAR_FIRST_PERSON else "wij"
    actor = signatory_actor(view.doc, via)
    if actor is not None:
        return actor
    if via == "wij":
        actor = _entry_actor(CABINET_ID, via)
    else:
        people = view.people()
        actor = actor_from_span(people[0], via) if len(people) == 1 else None
        if actor is not None:
            actor["start"] = actor["end"] = None  # the named person is not in this sentence
    return actor or {
        "actor_id": None,
        "name": None,
        "function": None,
        "ministry": None,
        "start": None,
        "end": None,
        "via": via,
    }


def find_actor(
    doc: Doc | DocView, start: int, end: int, anchor: Anchor | None
) -> dict[str, Any] | None:
    """Who makes the commitment.

    The ACTOR span over the cue's agent wins ("zal de Minister van JenV",
    "ik" resolved by the actors component); a first-person agent without a
    span, or a passive sentence, falls back to the signatory (via "ik"/"wij",
    or "implicit"); a government ACTOR elsewhere in the sentence is used
    before that fallback for agentless sentences.
    """
    view = as_view(doc)
    text = view.text
    actors = view.spans_in(ACTORS_KEY, start, end)
    if anchor and anchor.agent:
        for span in actors:
            if _overlaps(span, anchor.agent):
                return actor_from_span(span)
        agent_text = text[anchor.agent[0] : anchor.agent[1]].lower()
        if agent_text in FIRST_PERSON:
            for span in actors:
                if get_span_attrs(span).get("via") in ("ik", "wij"):
                    return actor_from_span(span)
            return first_person_actor(view, agent_text)
        if agent_text.startswith(("het kabinet", "dit kabinet", "de regering")):
            return first_person_actor(view, "wij")
        a0, a1 = anchor.agent
        tail = _FUNCTION_TAIL.match(text, a1, end)
        if tail and text[a0:a1].lower().startswith("de "):
            a1 = tail.end()
        return {
            "actor_id": None,
            "name": re.sub(r"^de\s+", "", text[a0:a1]).rstrip(" ,"),
            "function": None,
            "ministry": None,
            "start": None,
            "end": None,
            "via": None,
        }
    for span in actors:
        if get_span_attrs(span).get("type") in GOVERNMENT_TYPES:
            return actor_from_span(span)
    return signatory_actor(view.doc, "implicit")


def find_addressee(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> str | None:
    view = as_view(doc)
    for span in view.spans_in(ACTORS_KEY, start, end):
        attrs = get_span_attrs(span)
        if attrs.get("type") in PARLIAMENT_TYPES and attrs.get("actor_id"):
            return str(attrs["actor_id"])
    m = cues.regex("kamer").search(view.text, start, end)
    if not m:
        return None
    if m.group("ek"):
        return "eerste-kamer"
    if m.group("cie"):
        return _slug(m.group("cie"))
    return "tweede-kamer"


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_target_year(doc: Doc | DocView, span: Span, sentence: tuple[int, int], cues: CueSet) -> bool:
    """A bare year next to target words (``target_pattern``): a goal, not a deadline.

    "toe naar een circulaire economie in 2050", "het doel … in 2030 te halveren",
    "50 procent in 2030". Years with a modifier ("uiterlijk in 2025", "vanaf 2026"), other
    dates and years away from target words ("zal in 2025 een wetsvoorstel indienen om de
    uitstoot in 2050 te halveren": 2025) stay candidates.
    """
    value = str(get_span_attrs(span).get("value") or "")
    if not _BARE_YEAR.match(value) or get_span_attrs(span).get("mod"):
        return False
    before, after = TARGET_WINDOW
    lo = max(sentence[0], span.start_char - before)
    hi = min(sentence[1], span.end_char + after)
    return bool(cues.regex("target").search(as_view(doc).text, lo, hi))


def find_deadline(
    doc: Doc | DocView, start: int, end: int, anchor: Anchor | None, cues: CueSet
) -> dict[str, Any] | None:
    """The TIMEX that bounds the action: deadlines first, then those with a due date, nearest the
    cue; target years ("… in 2050") are never deadlines."""
    view = as_view(doc)
    timexes = [
        s
        for s in view.spans_in(TIMEX_KEY, start, end)
        if not is_target_year(view, s, (start, end), cues)
    ]
    if not timexes:
        return None
    pivot = anchor.end if anchor else start

    def rank(span: Span) -> tuple[int, int]:
        attrs = get_span_attrs(span)
        kind = attrs.get("kind")
        tier = (
            0
            if kind == "deadline"
            else 1
            if attrs.get("due")
            else 2
            if kind in ("vague", "date")
            else 3
        )
        return tier, abs(span.start_char - pivot)

    best = min(timexes, key=rank)
    attrs = get_span_attrs(best)
    if attrs.get("kind") == "set":  # "jaarlijks" is a frequency, not a deadline
        return None
    interval = attrs.get("interval")
    due, due_source = attrs.get("due"), "timex"
    # "informeer ik uw Kamer in het najaar van 2023": a promise to act within a named period is
    # due at its end; open-ended ("na de zomer"), vague and event-anchored times stay without one.
    if (
        due is None
        and interval
        and attrs.get("kind") == "date"
        and attrs.get("mod") in (None, "END", "MID", "APPROX")
    ):
        due, due_source = interval[1], "interval_end"
    return {
        "start": best.start_char,
        "end": best.end_char,
        "text": best.text,
        "kind": attrs.get("kind"),
        "value": attrs.get("value"),
        "mod": attrs.get("mod"),
        "interval": list(interval) if interval else None,
        "due": due,
        "due_source": due_source if due else None,
    }


def find_action(
    doc: Doc | DocView,
    start: int,
    end: int,
    anchor: Anchor | None,
    deadline: dict[str, Any] | None,
    cues: CueSet,
) -> tuple[str | None, tuple[int, int] | None]:
    """The promised action: the clause from the cue on, without actor, auxiliaries and deadline.

    Returns the action text and the contiguous region it was cut from.
    """
    if anchor is None:
        return None, None
    view = as_view(doc)
    text = view.text
    excluded: list[tuple[int, int]] = []
    if anchor.agent:
        a0, a1 = anchor.agent
        for span in view.spans_in(ACTORS_KEY, start, end):
            if _overlaps(span, anchor.agent):
                a0, a1 = min(a0, span.start_char), max(a1, span.end_char)
        if text[a0:a1].lower().startswith("de "):
            tail = _FUNCTION_TAIL.match(text, a1, end)  # "de Minister| van Justitie en Veiligheid"
            if tail:
                a1 = tail.end()
        excluded.append((a0, a1))
    a_start = min([anchor.start, *(e[0] for e in excluded)])
    clause = cues.regex("clause_end").search(
        text, max([anchor.end, *(e[1] for e in excluded)]), end
    )
    a_end = clause.start() if clause else end
    while a_end > a_start and text[a_end - 1] in " .,;:!?":
        a_end -= 1
    if deadline:
        excluded.append((deadline["start"], deadline["end"]))
    pieces: list[str] = []
    pos = a_start
    for e0, e1 in sorted(excluded):
        if e1 <= pos or e0 >= a_end:
            continue
        pieces.append(text[pos:e0])
        pos = max(pos, e1)
    pieces.append(text[pos:a_end])
    action = _SPACES.sub(" ", " ".join(pieces)).strip(" ,")
    lead = _LEADING.match(action)
    if lead:
        action = action[lead.end() :]
    # the region reported: from the action's first word (as a whole word) to the clause end
    first = action.split(" ", 1)[0] if action else ""
    found = (
        re.compile(rf"(?<!\w){re.escape(first)}(?!\w)").search(text, a_start, a_end)
        if first
        else None
    )
    region = (found.start() if found else a_start, a_end)
    return (action or None), (region if action else None)


def find_link_target(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> dict[str, Any]:
    """The date and meeting an earlier commitment is referred to by."""
    view = as_view(doc)
    date: dict[str, Any] | None = None
    for span in view.spans_in(TIMEX_KEY, start, end):
        attrs = get_span_attrs(span)
        if attrs.get("kind") == "date":
            date = {
                "start": span.start_char,
                "end": span.end_char,
                "text": span.text,
                "value": attrs.get("value"),
            }
            break
    if date is None:
        date = _regex_date(view, start, end, cues)
    meeting = None
    m = cues.regex("meeting").search(view.text, start, end)
    if m:
        meeting = {"start": m.start("meeting"), "end": m.end("meeting"), "text": m.group("meeting")}
    return {"date": date, "meeting": meeting}


def _regex_date(doc: Doc | DocView, start: int, end: int, cues: CueSet) -> dict[str, Any] | None:
    view = as_view(doc)
    m = cues.regex("date").search(view.text, start, end)
    if not m:
        return None
    month = cues.months.index(m.group("month").lower()) + 1
    year = int(m.group("year")) if m.group("year") else None
    if year is None:
        ref = doc_date(view.doc)
        if ref is not None:  # "7 februari jl.": the latest such date on or before the document
            year = (
                ref.year if (month, int(m.group("day"))) <= (ref.month, ref.day) else ref.year - 1
            )
    value = None
    if year is not None:
        try:
            value = dt.date(year, month, int(m.group("day"))).isoformat()
        except ValueError:
            value = None
    return {"start": m.start(), "end": m.end(), "text": m.group(0), "value": value}
