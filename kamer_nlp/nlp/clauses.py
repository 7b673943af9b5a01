"""Clauses of a parsed Dutch sentence, for the annotators.

``clauses(sent)`` returns one :class:`Clause` per clause of a sentence (a ``Span``) or of
every sentence of a ``Doc``: its head in the tree, its main predicate, the finite verb,
the auxiliaries and modals, the voice with the "door …" agent, the subject, the objects,
whether it is a main clause and which kind of subordinate clause it is, and how it is
coordinated. It reads only standard spaCy attributes (``pos_``, ``tag_``, ``morph``,
``dep_``, ``head``, ``lemma_``, ``lower_``) over UD relations, so it works with the
package's own syntax model and with ``nl_core_news_lg`` alike.

How the UD Dutch analysis is read (see ``docs/syntax.md``):

- A clause is headed by the root, or by a verbal token attached as ``ccomp``, ``advcl``,
  ``acl``, ``acl:relcl``, ``csubj``, ``parataxis``, ``conj``, or ``xcomp`` (an "om te"
  or "te" infinitive). Tense and modal auxiliaries (zullen, kunnen, moeten, mogen,
  hebben, zijn) are ``aux`` children of the main verb, passive worden/zijn ``aux:pass``,
  the copula ``cop`` (the predicate nominal or adjective then heads the clause).
- gaan, laten, willen, blijven, komen, hoeven, durven take a bare infinitive as
  ``xcomp`` in UD Dutch ("Ik ga dat doen": ``ga`` heads, ``doen`` is its xcomp); such a
  verb cluster is one clause: the governing verbs are listed with the auxiliaries and
  the innermost infinitive is the main predicate.
- Passive: an ``aux:pass`` (worden, zijn) or a ``nsubj:pass``; the agent is the
  ``obl:agent`` phrase ("door mij"), or an ``obl`` with "door" in a passive clause.
- Kinds: ``main`` (root, parataxis, and conjuncts of a main clause); ``dat``
  (subordinator dat), ``om_te`` (om … te), ``te`` (a te-infinitive without om),
  ``conditional`` (als, indien, mits, tenzij, ingeval; or verb-first "Mocht …" /
  "Is dat zo, dan …"), ``relative`` (acl:relcl), ``whether`` (of), ``adverbial``
  (other subordinators: omdat, zodat, terwijl, …), ``complement`` (other clausal
  complements, e.g. reported speech).
- Coordination: each conjunct is a clause (``coordinated_with`` names the first
  conjunct's head); a conjunct without a subject shares the first one's
  (``subject_shared``), and one without a subordinator has the first one's kind.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from spacy.tokens import Doc, Span, Token

__all__ = [
    "CLUSTER_VERBS",
    "MODALS",
    "Clause",
    "ClauseKind",
    "Voice",
    "clause_at",
    "clauses",
    "verb_lemma",
]

ClauseKind = Literal[
    "main",
    "dat",
    "om_te",
    "te",
    "conditional",
    "relative",
    "whether",
    "adverbial",
    "complement",
]
Voice = Literal["active", "passive"]


@cache
def _verb_data() -> dict[str, Any]:
    text = (
        resources.files("kamer_nlp.resources")
        .joinpath("nlp", "clause_verbs.json")
        .read_text(encoding="utf-8")
    )
    data: dict[str, Any] = json.loads(text)
    return data


MODALS = frozenset(_verb_data()["modals"])
CLUSTER_VERBS = frozenset(_verb_data()["cluster"])
FORMS = {form: lemma for lemma, forms in _verb_data()["forms"].items() for form in forms}
CONDITIONAL = frozenset({"als", "indien", "mits", "tenzij", "ingeval"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "csubj", "csubj:pass"})
OBJECT_DEPS = frozenset({"obj", "iobj"})
AUX_DEPS = frozenset({"aux", "aux:pass", "cop"})
CLAUSE_DEPS = frozenset(
    {"ccomp", "advcl", "acl", "acl:relcl", "csubj", "csubj:pass", "parataxis", "conj", "xcomp"}
)
VERBAL = frozenset({"VERB", "AUX"})


@dataclass(frozen=True)
class Clause:
    """One clause. Tokens and spans point into the parsed ``Doc``."""

    head: Token  # the clause's root in the tree (where its subject attaches)
    predicate: Token  # the main predicate: the innermost lexical verb, or the copula's complement
    finite_verb: Token | None
    auxiliaries: tuple[Token, ...]  # aux, aux:pass, cop and the governing verbs of a cluster
    voice: Voice
    agent: Span | None  # "door …" of a passive
    subject: Span | None
    subject_shared: bool  # taken over from the first conjunct (elided subject)
    objects: tuple[Span, ...]
    kind: ClauseKind
    marker: Token | None  # the subordinator (dat, om, als, of, …), if any
    parent: Token | None  # head of the clause this one is part of (None for a root)
    coordinated_with: Token | None  # head of the first conjunct, for a conjunct clause

    @property
    def is_main(self) -> bool:
        return self.kind == "main"

    @property
    def modals(self) -> tuple[str, ...]:
        """Lemmas of the modal and future auxiliaries (zullen, gaan, willen, kunnen, …)."""
        return tuple(verb_lemma(t) for t in self.auxiliaries if verb_lemma(t) in MODALS)

    @property
    def is_conditional(self) -> bool:
        return self.kind == "conditional"

    @property
    def is_relative(self) -> bool:
        return self.kind == "relative"

    def facts(self) -> dict[str, Any]:
        """The clause as JSON-ready facts with character offsets ``[start, end)``: what a
        bench compares with labelled clauses (subject span, finite verb, voice, main)."""

        def tok(t: Token | None) -> list[int] | None:
            return None if t is None else [t.idx, t.idx + len(t)]

        def span(s: Span | None) -> list[int] | None:
            return None if s is None else [s.start_char, s.end_char]

        return {
            "head": tok(self.head),
            "predicate": tok(self.predicate),
            "finite_verb": tok(self.finite_verb),
            "auxiliaries": [verb_lemma(t) for t in self.auxiliaries],
            "modals": list(self.modals),
            "voice": self.voice,
            "agent": span(self.agent),
            "subject": span(self.subject),
            "subject_shared": self.subject_shared,
            "objects": [span(o) for o in self.objects],
            "main": self.is_main,
            "kind": self.kind,
            "marker": None if self.marker is None else self.marker.lower_,
            "coordinated": self.coordinated_with is not None,
        }


def verb_lemma(token: Token) -> str:
    """The lemma of a modal or cluster verb from its form when the lemmatizer left the
    form as it is (the lookup table lacks gaat, laat, wil), else ``lemma_`` lowercased."""
    lemma = token.lemma_.lower()
    if lemma in FORMS.values():
        return lemma
    return FORMS.get(token.lower_, lemma)


def _dep(token: Token) -> str:
    dep = token.dep_
    return "root" if dep.lower() == "root" or token.head.i == token.i else dep


def _base(dep: str) -> str:
    return dep.split(":", 1)[0]


def _subtree(token: Token) -> Span:
    """The token's subtree as a span, without punctuation at its edges."""
    start, end = token.left_edge.i, token.right_edge.i + 1
    doc = token.doc
    while end - start > 1 and doc[end - 1].is_punct and doc[end - 1].i != token.i:
        end -= 1
    while end - start > 1 and doc[start].is_punct and doc[start].i != token.i:
        start += 1
    return doc[start:end]


def _marks(token: Token) -> list[Token]:
    return [c for c in token.children if _dep(c) == "mark"]


def _is_verbal(token: Token) -> bool:
    if token.pos_ in VERBAL:
        return True
    return any(_dep(c) in AUX_DEPS or _dep(c) in SUBJECT_DEPS for c in token.children)


def _is_finite(token: Token) -> bool:
    if "Fin" in token.morph.get("VerbForm", []):
        return True
    return token.tag_.startswith("WW|pv")  # the Dutch XPOS (CGN) of a finite verb


def _cluster(head: Token) -> list[Token]:
    """``head`` and the bare-infinitive xcomps of cluster verbs under it, outermost first."""
    chain = [head]
    current = head
    while verb_lemma(current) in CLUSTER_VERBS:
        nxt = next(
            (
                c
                for c in current.children
                if _dep(c) == "xcomp" and c.pos_ in VERBAL and not _is_separate_infinitive(c)
            ),
            None,
        )
        if nxt is None:
            break
        chain.append(nxt)
        current = nxt
    return chain


def _is_separate_infinitive(token: Token) -> bool:
    """An xcomp with om/te is a clause of its own; a bare infinitive is part of a cluster."""
    return any(m.lower_ in ("om", "te") for m in _marks(token))


def _is_clause_head(token: Token) -> bool:
    dep = _dep(token)
    if dep == "root":
        return True
    if dep not in CLAUSE_DEPS and _base(dep) not in {"acl", "advcl", "ccomp", "csubj"}:
        return False
    if dep == "xcomp":
        if not _is_verbal(token):
            return False
        governor = token.head
        return _is_separate_infinitive(token) or verb_lemma(governor) not in CLUSTER_VERBS
    if dep == "conj":
        # a conjunct is a clause when it is verbal and what it is conjoined with is one
        return _is_verbal(token) and _is_clause_head(token.head)
    return _is_verbal(token) or bool(_marks(token))


def _own_kind(head: Token, marker: Token | None, finite: Token | None) -> ClauseKind | None:
    dep = _dep(head)
    if dep in ("root", "parataxis"):
        return "main"
    words = {m.lower_ for m in _marks(head)}
    if dep == "acl:relcl":
        return "relative"
    if "om" in words:
        return "om_te"
    if "dat" in words:
        return "dat"
    if words & CONDITIONAL:
        return "conditional"
    if "of" in words:
        return "whether"
    if "te" in words:
        return "te"
    if words:
        return "adverbial"
    if dep == "conj":
        return None  # inherits
    if _base(dep) == "advcl" and finite is not None and finite.i == head.left_edge.i:
        return "conditional"  # verb-first: "Mocht de Kamer …", "Is dat zo, dan …"
    if dep == "xcomp":
        return "te"
    return "complement" if _base(dep) in ("ccomp", "csubj") else "adverbial"


def _first_conjunct(head: Token) -> Token:
    while _dep(head) == "conj" and head.head.i != head.i:
        head = head.head
    return head


def _build(head: Token, heads: set[int]) -> dict[str, Any]:
    cluster = _cluster(head)
    members = [*cluster]
    aux = [c for t in cluster for c in t.children if _dep(c) in AUX_DEPS]
    verbs = cluster + aux
    finite = next((t for t in sorted(verbs, key=lambda t: t.i) if _is_finite(t)), None)
    predicate = cluster[-1]
    children = [c for t in members for c in t.children]
    subject_tok = next((c for c in children if _dep(c) in SUBJECT_DEPS), None)
    passive = any(_dep(c) == "aux:pass" for c in children) or (
        subject_tok is not None and _dep(subject_tok).endswith(":pass")
    )
    agent_tok = next((c for c in children if _dep(c) == "obl:agent"), None)
    if agent_tok is None and passive:
        agent_tok = next(
            (
                c
                for c in children
                if _base(_dep(c)) == "obl"
                and any(_dep(k) == "case" and k.lower_ == "door" for k in c.children)
            ),
            None,
        )
    marks = _marks(head)
    marker = marks[0] if marks else None
    parent: Token | None = None
    if _dep(head) != "root":
        up = head.head
        while up.i not in heads and _dep(up) != "root" and up.head.i != up.i:
            up = up.head
        parent = up
    return {
        "head": head,
        "predicate": predicate,
        "finite_verb": finite,
        "auxiliaries": tuple(sorted([*cluster[:-1], *aux], key=lambda t: t.i)),
        "voice": "passive" if passive else "active",
        "agent": _subtree(agent_tok) if agent_tok is not None else None,
        "subject": _subtree(subject_tok) if subject_tok is not None else None,
        "objects": tuple(_subtree(c) for c in children if _dep(c) in OBJECT_DEPS),
        "marker": marker,
        "parent": parent,
        "own_kind": _own_kind(head, marker, finite),
    }


def _sentence_clauses(sent: Span) -> list[Clause]:
    heads = [t for t in sent if _is_clause_head(t)]
    ids = {t.i for t in heads}
    built = {t.i: _build(t, ids) for t in heads}
    out: dict[int, Clause] = {}
    for token in heads:  # document order: a first conjunct comes before its conjuncts
        info = built[token.i]
        first = _first_conjunct(token) if _dep(token) == "conj" else None
        first_clause = out.get(first.i) if first is not None else None
        kind: ClauseKind = info["own_kind"] or (
            first_clause.kind if first_clause is not None else "adverbial"
        )
        subject, shared = info["subject"], False
        if subject is None and first_clause is not None and first_clause.subject is not None:
            subject, shared = first_clause.subject, True
        out[token.i] = Clause(
            head=token,
            predicate=info["predicate"],
            finite_verb=info["finite_verb"],
            auxiliaries=info["auxiliaries"],
            voice=info["voice"],
            agent=info["agent"],
            subject=subject,
            subject_shared=shared,
            objects=info["objects"],
            kind=kind,
            marker=info["marker"],
            parent=first.head if first is not None and info["parent"] is None else info["parent"],
            coordinated_with=first,
        )
    return list(out.values())


def _sentences(doc_or_span: Doc | Span) -> Iterator[Span]:
    if isinstance(doc_or_span, Span):
        yield doc_or_span
    else:
        yield from doc_or_span.sents


def clauses(doc_or_span: Doc | Span) -> list[Clause]:
    """The clauses of a parsed sentence (``Span``) or of every sentence of a ``Doc``, in
    the order of their heads. Raises ``ValueError`` when the Doc has no parse."""
    doc = doc_or_span if isinstance(doc_or_span, Doc) else doc_or_span.doc
    if not doc.has_annotation("DEP"):
        raise ValueError("clauses() needs a dependency parse (a pipeline with a parser)")
    return [c for sent in _sentences(doc_or_span) for c in _sentence_clauses(sent)]


def clause_at(found: Iterable[Clause], start: int, end: int) -> Clause | None:
    """The clause whose finite verb, else main predicate, lies in ``[start, end)``: how a
    labelled clause (given by its verb's offsets) is matched with a predicted one."""
    found = list(found)
    for attr in ("finite_verb", "predicate", "head"):
        for clause in found:
            token = getattr(clause, attr)
            if token is not None and start <= token.idx and token.idx + len(token) <= end:
                return clause
    return None
