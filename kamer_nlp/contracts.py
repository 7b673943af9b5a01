"""The typed contracts between the stages.

What crosses a stage boundary is one of these dataclasses, not a loose dict:

* :class:`DocumentMeta` — the document's metadata, made by the repair stage
  (``repair/metadata.py``), read by the annotators through ``doc_meta(doc)`` and
  completed by the actors component (signatories' ``actor_id``, co-senders). Its
  ``date`` is a ``datetime.date``, parsed once.
* one attrs dataclass per span label — :class:`ReferenceAttrs`, :class:`TimexAttrs`,
  :class:`ActorAttrs`, :class:`CommitmentSpanAttrs` — written by the components with
  ``set_span_attrs`` and read back typed with ``reference_attrs(span)`` & co.
* :class:`Commitment` and :class:`CommitmentLink` (with :class:`CommitmentActor` and
  :class:`Deadline`) — what ``kamer_commitments`` finds.

``io/record.py`` turns them into the ``kamer-nlp/1`` record in one place (each class's
``to_record``), and that record is checked against the shipped JSON Schema in the tests.
Inside a ``Doc`` they are stored as plain JSON values (``to_record``) so that
``Doc.to_bytes``/``DocBin`` round trips keep working; the typed accessors convert.

This module depends on nothing else in the package: every stage may import it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field, fields
from typing import Any, TypeAlias

JSONValue: TypeAlias = Any  # a value json.dumps accepts (kept in record dicts)
Record: TypeAlias = dict[str, JSONValue]


def _opt_str(value: object) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: object) -> int | None:
    return None if value is None else int(str(value))


_CONVERT: dict[str, Callable[[object], object]] = {
    "str | None": _opt_str,
    "int | None": _opt_int,
    "str": lambda v: "" if v is None else str(v),
    "bool": bool,
}


def _scalar_fields(
    cls: type, data: Mapping[str, Any], skip: tuple[str, ...] = ()
) -> dict[str, Any]:
    """The values of ``cls``'s scalar fields (``str``, ``str | None``, ``int | None``,
    ``bool``) read from a record mapping; a field the record lacks keeps its default."""
    out: dict[str, Any] = {}
    for f in fields(cls):
        if f.name in skip or f.name not in data:
            continue
        out[f.name] = _CONVERT[str(f.type)](data[f.name])
    return out


# --------------------------------------------------------------------------- metadata


@dataclass
class Signatory:
    """A signatory as the document prints it; ``actor_id`` once the actors stage resolved it."""

    name: str | None = None
    function: str | None = None
    actor_id: str | None = None
    resolved: bool = False  # the actors stage has looked at it (the record then says actor_id)

    def to_record(self) -> Record:
        out: Record = {"name": self.name, "function": self.function}
        if self.resolved:
            out["actor_id"] = self.actor_id
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Signatory:
        return cls(**_scalar_fields(cls, data, skip=("resolved",)), resolved="actor_id" in data)


@dataclass
class CoSender:
    """A bewindspersoon on whose behalf the letter is also sent ("mede namens …")."""

    function: str = ""
    actor_id: str | None = None
    resolved: bool = False

    def to_record(self) -> Record:
        if self.resolved:
            return {"function": self.function, "actor_id": self.actor_id}
        return {"function": self.function}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> CoSender:
        return cls(**_scalar_fields(cls, data, skip=("resolved",)), resolved="actor_id" in data)


#: the fields every record's ``meta`` has (null when unknown), in record order
META_FIELDS = (
    "date",
    "kamer",
    "vergaderjaar",
    "dossier",
    "toevoeging",
    "ondernummer",
    "doc_type",
    "title",
    "subject",
    "kenmerk",
    "signatories",
)
#: the fields a record's ``meta`` has only when they hold something
META_OPTIONAL = ("id", "co_senders", "heading", "furniture", "sidebar", "date_source")


@dataclass
class DocumentMeta:
    """Document metadata: set by repair, completed by the actors stage, read by the rest."""

    date: dt.date | None = None
    kamer: str | None = None  # "I" | "II"
    vergaderjaar: str | None = None  # "2017-2018"
    dossier: str | None = None
    toevoeging: str | None = None
    ondernummer: str | None = None
    doc_type: str | None = None
    title: str | None = None
    subject: str | None = None
    kenmerk: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    id: str | None = None  # the official id (kst-…), when the document states it
    co_senders: list[CoSender] = field(default_factory=list)
    heading: str | None = None
    furniture: list[str] = field(default_factory=list)
    sidebar: list[str] = field(default_factory=list)
    date_source: str | None = None  # "argument" when the caller gave the date

    def set_date(self, value: dt.date | str, source: str | None = None) -> None:
        self.date = value if isinstance(value, dt.date) else dt.date.fromisoformat(value)
        if source is not None:
            self.date_source = source

    def to_record(self) -> Record:
        out: Record = {}
        for name in META_FIELDS:
            value = getattr(self, name)
            if name == "date":
                value = None if value is None else value.isoformat()
            elif name == "signatories":
                value = [s.to_record() for s in value]
            out[name] = value
        for name in META_OPTIONAL:
            value = getattr(self, name)
            if value:
                out[name] = [c.to_record() for c in value] if name == "co_senders" else value
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any] | None) -> DocumentMeta:
        data = data or {}
        date = data.get("date")
        return cls(
            date=None if not date else dt.date.fromisoformat(str(date)),
            kamer=_opt_str(data.get("kamer")),
            vergaderjaar=_opt_str(data.get("vergaderjaar")),
            dossier=_opt_str(data.get("dossier")),
            toevoeging=_opt_str(data.get("toevoeging")),
            ondernummer=_opt_str(data.get("ondernummer")),
            doc_type=_opt_str(data.get("doc_type")),
            title=_opt_str(data.get("title")),
            subject=_opt_str(data.get("subject")),
            kenmerk=_opt_str(data.get("kenmerk")),
            signatories=[Signatory.from_record(s) for s in data.get("signatories") or []],
            id=_opt_str(data.get("id")),
            co_senders=[CoSender.from_record(c) for c in data.get("co_senders") or []],
            heading=_opt_str(data.get("heading")),
            furniture=[str(x) for x in data.get("furniture") or []],
            sidebar=[str(x) for x in data.get("sidebar") or []],
            date_source=_opt_str(data.get("date_source")),
        )


# --------------------------------------------------------------------------- span attrs


@dataclass(frozen=True)
class ReferenceAttrs:
    """Attrs of a REFERENCE span: the type, the url, the parsed parts of the id."""

    type: str
    url: str | None = None
    date: str | None = None  # letter_by_date only: the resolved ISO date (or None)
    #: the parsed parts (dossier, toevoeging, ondernummer, kamer, vergaderjaar, nr, year,
    #: act, celex, eu_kind …), as the id grammar in ``references/rules`` names them
    parts: tuple[tuple[str, str | int | None], ...] = ()
    ref_start: int | None = None  # the citation's own extent when tokens widened the span
    ref_end: int | None = None
    #: the document citing itself (its own footer or colophon id): not a cross-reference
    self_reference: bool = False

    def to_record(self) -> Record:
        out: Record = {"type": self.type, "url": self.url}
        if self.type == "letter_by_date":
            out["date"] = self.date
        out.update(self.parts)
        if self.ref_start is not None:
            out["ref_start"], out["ref_end"] = self.ref_start, self.ref_end
        if self.self_reference:
            out["self_reference"] = True
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> ReferenceAttrs:
        known = {"type", "url", "date", "ref_start", "ref_end", "self_reference"}
        return cls(
            type=str(data["type"]),
            url=_opt_str(data.get("url")),
            date=_opt_str(data.get("date")),
            parts=tuple((k, v) for k, v in data.items() if k not in known),
            ref_start=_opt_int(data.get("ref_start")),
            ref_end=_opt_int(data.get("ref_end")),
            self_reference=bool(data.get("self_reference", False)),
        )


@dataclass(frozen=True)
class TimexAttrs:
    """Attrs of a TIMEX span: TimeML-style kind/value/mod, the interval and the due date."""

    kind: str  # date | duration | set | vague | range …
    value: str
    mod: str | None = None
    interval: tuple[str, str] | None = None
    due: str | None = None
    anchored: bool = True
    #: further attrs some rules add (anchor, part, window), in the order they were set
    extra: tuple[tuple[str, JSONValue], ...] = ()
    timex_start: int | None = None  # the expression's own extent when tokens widened the span
    timex_end: int | None = None
    #: where ``due`` comes from (set with it): "timex" (the expression's own deadline modifier),
    #: "recess_calendar" / "recess_rule" (the day before a recess: a known date / the rule),
    #: "interval_end", "convention" (a pinned day: medio → 1 July, na de zomer → 30 November)
    #: or "window" (a vague expression's window) — see docs/temporal.md
    due_source: str | None = None

    def get(self, name: str) -> JSONValue:
        """An ``extra`` attr by name (None when absent)."""
        return dict(self.extra).get(name)

    def to_record(self) -> Record:
        out: Record = {
            "kind": self.kind,
            "value": self.value,
            "mod": self.mod,
            "interval": list(self.interval) if self.interval else None,
            "due": self.due,
            "anchored": self.anchored,
        }
        if self.due_source is not None:
            out["due_source"] = self.due_source
        out.update(self.extra)
        if self.timex_start is not None:
            out["timex_start"], out["timex_end"] = self.timex_start, self.timex_end
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> TimexAttrs:
        known = {f.name for f in fields(cls)} - {"extra"}
        interval = data.get("interval")
        return cls(
            kind=str(data["kind"]),
            value=str(data["value"]),
            mod=_opt_str(data.get("mod")),
            interval=(str(interval[0]), str(interval[1])) if interval else None,
            due=_opt_str(data.get("due")),
            due_source=_opt_str(data.get("due_source")),
            anchored=bool(data.get("anchored", True)),
            extra=tuple((k, v) for k, v in data.items() if k not in known),
            timex_start=_opt_int(data.get("timex_start")),
            timex_end=_opt_int(data.get("timex_end")),
        )


@dataclass(frozen=True)
class ActorAttrs:
    """Attrs of an ACTOR span: the gazetteer id, its type, how it was resolved."""

    type: str | None = None
    actor_id: str | None = None
    via: str | None = None  # "ik" | "wij" | "u" | "definition" | "antecedent" | …
    name: str | None = None
    ministry: str | None = None
    anachronistic: bool = False
    role: str | None = None

    def to_record(self) -> Record:
        out: Record = {
            "type": self.type,
            "actor_id": self.actor_id,
            "via": self.via,
            "name": self.name,
            "ministry": self.ministry,
        }
        if self.anachronistic:
            out["anachronistic"] = True
        if self.role:
            out["role"] = self.role
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> ActorAttrs:
        return cls(**_scalar_fields(cls, data))


@dataclass(frozen=True)
class CommitmentSpanAttrs:
    """Attrs of a COMMITMENT span: the id of its commitment record."""

    commitment_id: str

    def to_record(self) -> Record:
        return {"commitment_id": self.commitment_id}

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> CommitmentSpanAttrs:
        return cls(commitment_id=str(data["commitment_id"]))


SpanAttrs: TypeAlias = ReferenceAttrs | TimexAttrs | ActorAttrs | CommitmentSpanAttrs

#: the attrs class of each span label
ATTRS_BY_LABEL: dict[str, type[ReferenceAttrs | TimexAttrs | ActorAttrs | CommitmentSpanAttrs]] = {
    "REFERENCE": ReferenceAttrs,
    "TIMEX": TimexAttrs,
    "ACTOR": ActorAttrs,
    "COMMITMENT": CommitmentSpanAttrs,
}


# --------------------------------------------------------------------------- commitments


@dataclass
class CommitmentActor:
    """Who makes a commitment (or mentions an earlier one)."""

    actor_id: str | None = None
    name: str | None = None
    function: str | None = None
    ministry: str | None = None
    start: int | None = None  # absolute offsets of the actor in the text; None when not in it
    end: int | None = None
    via: str | None = None

    def to_record(self, span: str | None = None, with_span: bool = False) -> Record:
        out: Record = {
            "actor_id": self.actor_id,
            "name": self.name,
            "function": self.function,
            "ministry": self.ministry,
            "start": self.start,
            "end": self.end,
            "via": self.via,
        }
        if with_span:
            out["span"] = span
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> CommitmentActor:
        return cls(**_scalar_fields(cls, data))


@dataclass
class Deadline:
    """By when: the TIMEX that bounds the promised action, with its due date."""

    start: int
    end: int
    text: str
    kind: str | None
    value: str | None
    mod: str | None = None
    interval: list[str] | None = None
    due: str | None = None
    due_source: str | None = None  # where ``due`` came from: the TIMEX's own due_source

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> Deadline:
        values = dict(data)
        if values.get("interval") is not None:  # msgpack gives tuples back
            values["interval"] = list(values["interval"])
        return cls(**values)

    def to_record(self, span: str | None) -> Record:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "value": self.value,
            "mod": self.mod,
            "interval": self.interval,
            "due": self.due,
            "due_source": self.due_source,
            "span": span,
        }


@dataclass
class TextMention:
    """A stretch of the text a link names: the date (with its ISO ``value``) or the meeting."""

    start: int
    end: int
    text: str
    value: str | None = None
    has_value: bool = True  # a meeting has no value field

    def to_record(self) -> Record:
        out: Record = {"start": self.start, "end": self.end, "text": self.text}
        if self.has_value:
            out["value"] = self.value
        return out


@dataclass
class Commitment:
    """One commitment (toezegging) found in a document."""

    id: str  # c1, c2, … in document order
    start: int  # the sentence: text[start:end]
    end: int
    text: str
    actor: CommitmentActor | None
    addressee: str | None
    action: str | None
    action_start: int | None
    action_end: int | None
    deadline: Deadline | None
    confidence: float
    status: str = "open"

    def to_store(self) -> Record:
        """All fields as plain values (for msgpack: ``Doc.to_bytes``)."""
        return asdict(self)

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> Commitment:
        values = dict(data)
        actor, deadline = values.pop("actor"), values.pop("deadline")
        return cls(
            **values,
            actor=None if actor is None else CommitmentActor(**actor),
            deadline=None if deadline is None else Deadline.from_store(deadline),
        )

    def to_record(
        self,
        *,
        span: str | None,
        page: int | None,
        actor_span: str | None,
        deadline_span: str | None,
    ) -> Record:
        """The record's commitment object; ``span``/``page`` and the nested ``span`` ids are
        given by the record builder, which knows the span ids."""
        return {
            "id": self.id,
            "span": span,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": None
            if self.actor is None
            else self.actor.to_record(actor_span, with_span=self.actor.start is not None),
            "addressee": self.addressee,
            "action": self.action,
            "action_start": self.action_start,
            "action_end": self.action_end,
            "deadline": None if self.deadline is None else self.deadline.to_record(deadline_span),
            "confidence": self.confidence,
            "status": self.status,
            "page": page,
        }


@dataclass
class CommitmentLink:
    """A mention of an earlier commitment ("Zoals toegezegd …", "Ingevolge deze toezegging …")."""

    id: str  # l1, l2, …
    start: int
    end: int
    text: str
    actor: CommitmentActor | None
    date: TextMention | None  # the date the mention names (the earlier promise's date)
    meeting: TextMention | None  # the meeting it names ("het commissiedebat van …")
    confidence: float

    def to_store(self) -> Record:
        return asdict(self)

    @classmethod
    def from_store(cls, data: Mapping[str, Any]) -> CommitmentLink:
        values = dict(data)
        actor, date, meeting = values.pop("actor"), values.pop("date"), values.pop("meeting")
        return cls(
            **values,
            actor=None if actor is None else CommitmentActor(**actor),
            date=None if date is None else TextMention(**date),
            meeting=None if meeting is None else TextMention(**meeting),
        )

    def to_record(self, *, span: str | None, page: int | None, actor_span: str | None) -> Record:
        return {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "actor": None
            if self.actor is None
            else self.actor.to_record(actor_span, with_span=self.actor.start is not None),
            "date": None if self.date is None else self.date.to_record(),
            "meeting": None if self.meeting is None else self.meeting.to_record(),
            "confidence": self.confidence,
            "span": span,
            "page": page,
        }


# --------------------------------------------------------------------------- debates, evidence

#: a speaker's role in a debate
TURN_ROLES = ("member", "minister", "staatssecretaris", "minister-president", "chair", "other")
#: the roles that speak for the government (their turns make commitments)
GOVERNMENT_ROLES = frozenset({"minister", "staatssecretaris", "minister-president"})
#: how a turn is known: its own speaker markup, the rest of a turn after a nested one
#: (a motion's chair remark), or chair text outside any turn
TURN_SOURCES = ("markup", "continued", "implied")


@dataclass(frozen=True)
class Turn:
    """One speaker turn of a debate: ``text[start:end]`` is what the speaker says (the
    speaker label, when the text has one, at ``label_start:label_end``, inside it)."""

    speaker: str  # the name as the document prints it ("Wiebes", "voorzitter")
    role: str  # one of TURN_ROLES
    start: int
    end: int
    party: str | None = None  # members: "D66"
    function: str | None = None  # government: "minister van Financiën" (when stated)
    label_start: int | None = None
    label_end: int | None = None
    source: str = "markup"  # one of TURN_SOURCES
    addressed: int | None = None  # index of the member turn this reply answers
    actor_id: str | None = None  # the speaker in the gazetteer, set by the actors stage

    @property
    def is_government(self) -> bool:
        return self.role in GOVERNMENT_ROLES

    def to_record(self) -> Record:
        out: Record = {
            "speaker": self.speaker,
            "role": self.role,
            "party": self.party,
            "function": self.function,
            "start": self.start,
            "end": self.end,
            "label": None
            if self.label_start is None
            else {"start": self.label_start, "end": self.label_end},
            "source": self.source,
            "addressed": self.addressed,
        }
        if self.actor_id is not None:
            out["actor_id"] = self.actor_id
        return out

    @classmethod
    def from_record(cls, data: Mapping[str, Any]) -> Turn:
        label = data.get("label") or {}
        return cls(
            speaker=str(data.get("speaker") or ""),
            role=str(data.get("role") or "other"),
            start=int(data["start"]),
            end=int(data["end"]),
            party=_opt_str(data.get("party")),
            function=_opt_str(data.get("function")),
            label_start=_opt_int(label.get("start")),
            label_end=_opt_int(label.get("end")),
            source=str(data.get("source") or "markup"),
            addressed=_opt_int(data.get("addressed")),
            actor_id=_opt_str(data.get("actor_id")),
        )


#: what official markup states about the text: ``extref`` references, ``datum`` dates
EVIDENCE_KINDS = ("reference", "date")


@dataclass(frozen=True)
class Evidence:
    """A stretch of the text the source markup marks: a reference (``value`` is the
    official id, e.g. ``stb-2020-118``) or a date (``value`` is the ISO date)."""

    kind: str  # one of EVIDENCE_KINDS
    start: int
    end: int
    value: str

    def to_record(self, text: str) -> Record:
        return {
            "start": self.start,
            "end": self.end,
            "text": text[self.start : self.end],
            "value": self.value,
        }

    @classmethod
    def from_record(cls, kind: str, data: Mapping[str, Any]) -> Evidence:
        return cls(kind, int(data["start"]), int(data["end"]), str(data["value"]))


def evidence_record(items: list[Evidence], text: str) -> Record:
    """The record's ``evidence`` object: ``{references: […], dates: […]}`` in text order."""
    out: Record = {"references": [], "dates": []}
    for item in sorted(items, key=lambda e: (e.start, e.end)):
        out["references" if item.kind == "reference" else "dates"].append(item.to_record(text))
    return out
