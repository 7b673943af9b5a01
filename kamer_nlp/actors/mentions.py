"""Value types for actor recognition results."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from kamer_nlp.contracts import ActorAttrs, CoSender

#: how a mention was resolved (the ``via`` attr); None = named directly
VIA_VALUES = (None, "ik", "wij", "uw Kamer", "abbreviation", "alias", "anaphora")


@dataclass(frozen=True)
class ActorMention:
    """One actor mention: ``text == source_text[start:end]``."""

    start: int
    end: int
    text: str
    type: str
    actor_id: str
    via: str | None = None
    name: str = ""
    ministry: str | None = None
    anachronistic: bool = False
    role: str | None = None  # "signatory", "co-sender", "addressee" or None

    def attrs(self) -> ActorAttrs:
        """The span attrs written by the component."""
        return ActorAttrs(
            type=self.type,
            actor_id=self.actor_id,
            via=self.via,
            name=self.name,
            ministry=self.ministry,
            anachronistic=self.anachronistic,
            role=self.role,
        )

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorMention:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})


@dataclass(frozen=True)
class Signatory:
    """A signatory of the document (from meta, the closing block or the document head)."""

    name: str | None
    function: str | None
    actor_id: str | None
    source: str = "meta"  # "meta", "closing-block" or "head"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Signatory:
        fields: dict[str, Any] = {k: data.get(k) for k in cls.__dataclass_fields__ if k in data}
        return cls(**fields)


@dataclass(frozen=True)
class ActorAnalysis:
    """Everything the actor stage finds in one text."""

    mentions: tuple[ActorMention, ...]
    signatories: tuple[Signatory, ...] = ()
    co_senders: tuple[CoSender, ...] = ()
    addressee: str = "tweede-kamer"
    definitions: dict[str, str] = field(default_factory=dict)  # in-document form → actor_id
    turn_actors: tuple[str | None, ...] = ()  # debates: each turn's speaker (actor id)

    def to_dict(self) -> dict[str, Any]:
        return {
            "mentions": [m.to_dict() for m in self.mentions],
            "signatories": [s.to_dict() for s in self.signatories],
            "co_senders": [c.to_record() for c in self.co_senders],
            "addressee": self.addressee,
            "definitions": dict(self.definitions),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ActorAnalysis:
        return cls(
            mentions=tuple(ActorMention.from_dict(m) for m in data["mentions"]),
            signatories=tuple(Signatory.from_dict(s) for s in data.get("signatories", [])),
            co_senders=tuple(CoSender.from_record(c) for c in data.get("co_senders", [])),
            addressee=data.get("addressee", "tweede-kamer"),
            definitions=dict(data.get("definitions", {})),
        )
