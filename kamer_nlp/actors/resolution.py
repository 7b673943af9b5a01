"""Actor recognition and in-document resolution over plain text.

Stages, in priority order (a later stage never overrides an earlier span unless said):
1. gazetteer matches (longest match; date decides between same-named entries);
2. cue patterns: "Minister Koolmees (Sociale Zaken en Werkgelegenheid)", named
   municipalities/provinces/waterschappen, organisations after "Stichting", people after
   "de heer"/"mevrouw"/"de leden" (these replace a shorter gazetteer match they contain);
3. definitions the document makes: "(JenV)", "(hierna: Commissie)", "(verder: Nationaal
   Rapporteur)"; later uses of the defined form get via "abbreviation"/"alias";
4. signatories (metadata, else closing block, else document head), co-senders after
   "mede namens", the addressed Kamer;
5. deixis on free tokens: ik/mij/mijn → signatory ("ik"), wij/ons/het kabinet → kabinet
   ("wij"), uw Kamer/de Kamer → addressed Kamer ("uw Kamer"), de minister → the most
   recently named minister ("anaphora");
6. model entities (PER/ORG) the gazetteer does not cover → person/organisation.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from .cues import Cues, PhraseIndex, collect_name, person_id, slug
from .gazetteer import FUNCTION_TYPES, ActorEntry, Gazetteer
from .matching import SurfaceForm, SurfaceIndex, Token, normalise_space, tokenize
from .mentions import ActorAnalysis, ActorMention, Signatory
from .signatures import find_closing_blocks, find_head_function

# "(hierna: Commissie)": the marker group is optional; without it only acronym-like forms count
_DEF_OPEN = re.compile(r"\s*\(\s*")
_ACRONYM = re.compile(r"^(?=(?:.*[A-Z]){2})[A-Za-z][A-Za-z&.\-/]{0,11}$|^[A-Z][a-z]+$")
_QUOTES = "\"'“”‘’«»"
_MODEL_TYPES = {"PER": "person", "PERSON": "person", "ORG": "organisation"}
# how an antecedent of "de minister" may have been found: named, abbreviated or aliased
ANTECEDENT_VIAS = frozenset({None, "abbreviation", "alias"})


def _as_date(value: dt.date | str | None) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _abbreviates(short: str, full: str) -> bool:
    """Whether ``short`` can abbreviate ``full``: same first letter, letters in order."""
    short = re.sub(r"[^a-z]", "", short.lower())
    full = re.sub(r"[^a-z]", "", full.lower())
    if not short or not full or short[0] != full[0]:
        return False
    pos = 0
    for c in short:
        pos = full.find(c, pos) + 1
        if pos == 0:
            return False
    return True


class _Spans:
    """Mentions under construction, with overlap bookkeeping.

    Mentions never overlap (``add`` refuses a clash; every mention is non-empty), so in
    (start, end) order their ends are in order too: the mentions overlapping a range are
    one run of that order, found by bisection, which keeps the stages linear in the text
    length. ``items`` is the order mentions were added in (a swap keeps the place).
    """

    def __init__(self) -> None:
        self._items: dict[tuple[int, int], ActorMention] = {}  # in the order added
        self._seq: dict[tuple[int, int], int] = {}  # when each was added
        self._added = 0
        self._keys: list[tuple[int, int]] = []  # sorted (start, end)
        self._ends: list[int] = []  # the ends of _keys, also sorted
        self._by_actor: dict[str, dict[tuple[int, int], ActorMention]] = {}
        # antecedents for anaphora: mentions named directly or by a definition, per type
        self._named: dict[str, tuple[list[tuple[int, int]], list[int]]] = {}

    @property
    def items(self) -> list[ActorMention]:
        """The mentions in the order they were added (a copy)."""
        return list(self._items.values())

    def overlapping(self, start: int, end: int) -> list[ActorMention]:
        lo = bisect_right(self._ends, start)  # the first mention ending after ``start``
        hi = bisect_left(self._keys, (end,))  # the first mention starting at or after ``end``
        keys = sorted(self._keys[lo:hi], key=self._seq.__getitem__)
        return [self._items[k] for k in keys]

    def free(self, start: int, end: int) -> bool:
        return bisect_right(self._ends, start) >= bisect_left(self._keys, (end,))

    def add(self, mention: ActorMention, *, replace_contained: bool = False) -> bool:
        """Add unless it overlaps; with ``replace_contained`` it evicts spans it covers."""
        clash = self.overlapping(mention.start, mention.end)
        if any(m.start == mention.start and m.end == mention.end for m in clash):
            return False  # the same span is already known (the gazetteer wins)
        if (
            clash
            and replace_contained
            and all(mention.start <= m.start and m.end <= mention.end for m in clash)
        ):
            for m in clash:
                self.remove(m)
            clash = []
        if clash:
            return False
        self._insert(mention)
        return True

    def remove(self, mention: ActorMention) -> None:
        key = (mention.start, mention.end)
        if self._items.get(key) != mention:
            raise ValueError(f"{mention!r} is not a mention here")
        del self._items[key]
        del self._seq[key]
        n = bisect_left(self._keys, key)
        del self._keys[n]
        del self._ends[n]
        del self._by_actor[mention.actor_id][key]
        if mention.via in ANTECEDENT_VIAS:
            keys, ends = self._named[mention.type]
            n = bisect_left(keys, key)
            del keys[n]
            del ends[n]

    def _insert(self, mention: ActorMention) -> None:
        key = (mention.start, mention.end)
        self._items[key] = mention
        self._seq[key] = self._added
        self._added += 1
        n = bisect_left(self._keys, key)
        self._keys.insert(n, key)
        self._ends.insert(n, mention.end)
        self._by_actor.setdefault(mention.actor_id, {})[key] = mention
        if mention.via in ANTECEDENT_VIAS:
            keys, ends = self._named.setdefault(mention.type, ([], []))
            n = bisect_left(keys, key)
            keys.insert(n, key)
            ends.insert(n, mention.end)

    def swap(self, old: ActorMention, new: ActorMention) -> None:
        """Put ``new`` in the place of ``old`` (same offsets, actor, type and via)."""
        key = (old.start, old.end)
        if self._items.get(key) != old:
            raise ValueError(f"{old!r} is not a mention here")
        if (new.start, new.end) != key or (new.actor_id, new.type, new.via) != (
            old.actor_id,
            old.type,
            old.via,
        ):
            raise ValueError("a swap keeps the offsets, actor, type and via of the mention")
        self._items[key] = new
        self._by_actor[new.actor_id][key] = new

    def sorted(self) -> list[ActorMention]:
        """The mentions in (start, end) order."""
        return [self._items[k] for k in self._keys]

    def first_of(self, actor_id: str) -> ActorMention:
        """The earliest added mention of ``actor_id`` (StopIteration when there is none)."""
        return next(iter(self._by_actor.get(actor_id, {}).values()))

    def last_named_before(self, pos: int, type_: str) -> ActorMention | None:
        """The last mention in text order of ``type_`` named directly or by a definition
        (``via`` in ANTECEDENT_VIAS) that ends at or before ``pos``."""
        keys, ends = self._named.get(type_, ([], []))
        n = bisect_right(ends, pos)
        return self._items[keys[n - 1]] if n else None


class ActorResolver:
    """Runs the stages above for one text (see :func:`find_actors` for the plain API)."""

    def __init__(self, gazetteer: Gazetteer | None = None, cues: Cues | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.default()
        self.cues = cues or Cues.default()
        self._person_cues = PhraseIndex(self.cues.phrases("person_cues"))
        self._list_cues = PhraseIndex(self.cues.phrases("person_list_cues"))
        self._org_cues = PhraseIndex(self.cues.phrases("organisation_cues"))
        self._gov_cues = {
            tuple(t.text for t in tokenize(k)): v
            for k, v in self.cues.data.get("named_government_cues", {}).items()
        }
        self._gov_phrases = PhraseIndex(self._gov_cues)
        self._markers = sorted(
            (
                tuple(t.key for t in tokenize(m))
                for m in self.cues.data.get("definition_markers", [])
            ),
            key=len,
            reverse=True,
        )
        self._co_markers = PhraseIndex(self.cues.phrases("co_sender_markers"))

    # -- helpers ---------------------------------------------------------------------------
    def _mention(
        self,
        text: str,
        start: int,
        end: int,
        entry: ActorEntry,
        *,
        via: str | None = None,
        anachronistic: bool = False,
        role: str | None = None,
    ) -> ActorMention:
        return ActorMention(
            start=start,
            end=end,
            text=text[start:end],
            type=entry.type,
            actor_id=entry.actor_id,
            via=via,
            name=entry.name,
            ministry=entry.ministry,
            anachronistic=anachronistic,
            role=role,
        )

    def _resolve_forms(
        self, forms: Sequence[SurfaceForm], on: dt.date | None
    ) -> tuple[ActorEntry, str | None, bool] | None:
        chosen = self.gazetteer.choose([f.actor_id for f in forms], on)
        if chosen is None:
            return None
        entry, anachronistic = chosen
        vias = [f.via for f in forms if f.actor_id == entry.actor_id]
        via = None if None in vias else vias[0]
        return entry, via, anachronistic

    @staticmethod
    def _shouting(tokens: Sequence[Token], i: int, j: int) -> bool:
        """Whether tokens around [i, j) are all-caps words (a shouted heading)."""
        words = [t for t in tokens[max(0, i - 3) : i] if t.is_word] + [
            t for t in tokens[j : j + 3] if t.is_word
        ]
        caps = [t for t in words if t.text.isupper() and len(t.text) > 1 and t.text.isalpha()]
        return len(words) >= 2 and len(caps) >= len(words) - 1 and len(caps) >= 2

    @staticmethod
    def _compound(tokens: Sequence[Token], i: int, j: int) -> bool:
        """Whether tokens [i, j) are glued into a compound or code ("EU-landen", "IENW/BSK")."""
        glue = {"-", "/"}
        if j < len(tokens) - 1 and tokens[j].text in glue and tokens[j].start == tokens[j - 1].end:
            return tokens[j + 1].start == tokens[j].end
        # a web address: "Rijksoverheid.nl"
        if (
            j < len(tokens) - 1
            and tokens[j].text == "."
            and tokens[j].start == tokens[j - 1].end
            and tokens[j + 1].start == tokens[j].end
            and tokens[j + 1].text.islower()
        ):
            return True
        if i >= 2 and tokens[i - 1].text in glue and tokens[i - 1].end == tokens[i].start:
            return tokens[i - 2].end == tokens[i - 1].start
        return False

    def _in_citation(self, tokens: Sequence[Token], i: int, j: int) -> bool:
        """ "Verordening (EU) 2019/1021": an abbreviation that is part of a legal citation."""
        if i >= 2 and tokens[i - 1].text == "(" and j < len(tokens) and tokens[j].text == ")":
            if tokens[i - 2].key in self.cues.words("reference_words"):
                return True
            # "… en (EU) 2021/1230", "(EU) nr. 260/2012"
            after = tokens[j + 1] if j + 1 < len(tokens) else None
            return after is not None and (after.text.isdigit() or after.key == "nr")
        return False

    # -- stage 1: gazetteer -----------------------------------------------------------------
    def _gazetteer_stage(
        self, text: str, tokens: Sequence[Token], on: dt.date | None, spans: _Spans
    ) -> None:
        for i, j, forms in self.gazetteer.index.find_all(tokens):
            bare_abbr = all(f.via == "abbreviation" and f.case_sensitive for f in forms)
            if all(f.case_sensitive for f in forms) and self._compound(tokens, i, j):
                continue
            if bare_abbr and (
                self._compound(tokens, i, j)
                or self._shouting(tokens, i, j)
                or self._in_citation(tokens, i, j)
            ):
                continue
            resolved = self._resolve_forms(forms, on)
            if resolved is None:
                continue
            entry, via, anachronistic = resolved
            spans.add(
                self._mention(
                    text,
                    tokens[i].start,
                    tokens[j - 1].end,
                    entry,
                    via=via,
                    anachronistic=anachronistic,
                )
            )

    # -- stage 2: cue patterns ----------------------------------------------------------------
    def _cue_stage(
        self, text: str, tokens: Sequence[Token], on: dt.date | None, spans: _Spans
    ) -> None:
        self._minister_by_name(text, tokens, on, spans)
        for i in range(len(tokens)):
            for phrase in self._gov_phrases.matches(tokens, i, exact=True):
                kind = self._gov_cues[phrase]
                k = i + len(phrase)
                end = collect_name(tokens, k, self.cues, text=text, max_words=4, conjunctions=True)
                if end > k:
                    name = text[tokens[k].start : tokens[end - 1].end]
                    prefix = phrase[0].lower()
                    entry = ActorEntry(
                        actor_id=f"{prefix}-{slug(name)}",
                        type=kind,
                        name=f"{prefix} {normalise_space(name)}",
                    )
                    spans.add(
                        self._mention(text, tokens[i].start, tokens[end - 1].end, entry),
                        replace_contained=True,
                    )
            for phrase in self._org_cues.matches(tokens, i, exact=True):
                k = i + len(phrase)
                end = collect_name(tokens, k, self.cues, text=text, max_words=5)
                if end > k:
                    full = normalise_space(text[tokens[i].start : tokens[end - 1].end])
                    full = full[:1].upper() + full[1:]
                    entry = ActorEntry(actor_id=f"org-{slug(full)}", type="organisation", name=full)
                    spans.add(
                        self._mention(text, tokens[i].start, tokens[end - 1].end, entry),
                        replace_contained=True,
                    )
        self._person_stage(text, tokens, spans)

    def _minister_by_name(
        self, text: str, tokens: Sequence[Token], on: dt.date | None, spans: _Spans
    ) -> None:
        """ "Minister Koolmees (Sociale Zaken en Werkgelegenheid)" → that ministry's minister."""
        titles = self.cues.data.get("minister_title_words", {})
        for i, tok in enumerate(tokens):
            kind = titles.get(tok.key)
            if kind is None or kind == "minister-president":
                continue
            end = collect_name(tokens, i + 1, self.cues, text=text, max_words=3)
            if end == i + 1 or end >= len(tokens) or tokens[end].text != "(":
                continue
            close = next(
                (k for k in range(end + 1, min(end + 12, len(tokens))) if tokens[k].text == ")"),
                None,
            )
            if close is None:
                continue
            forms = self.gazetteer.index.lookup(tokens[end + 1 : close])
            resolved = self._resolve_forms(forms, on) if forms else None
            if resolved is None or resolved[0].type != "ministry":
                continue
            ministry = resolved[0]
            fn_id = f"{kind}-{ministry.actor_id.removeprefix('ministerie-')}"
            if fn_id not in self.gazetteer:
                continue
            fn = self.gazetteer.get(fn_id)
            mention = self._mention(
                text,
                tok.start,
                tokens[end - 1].end,
                fn,
                anachronistic=not fn.is_valid(on, self.gazetteer.grace_days),
            )
            spans.add(mention, replace_contained=True)

    def _person_stage(self, text: str, tokens: Sequence[Token], spans: _Spans) -> None:
        for i in range(len(tokens)):
            phrase = self._list_cues.first(tokens, i, exact=False)
            if phrase is not None:
                k = i + len(phrase)
                while k < len(tokens):
                    end = collect_name(tokens, k, self.cues, text=text, max_words=4)
                    if end == k:
                        break
                    self._add_person(text, tokens, k, end, spans)
                    if end < len(tokens) and tokens[end].key in {",", "/", "en"}:
                        k = end + 1
                        continue
                    break
                continue
            phrase = self._person_cues.first(tokens, i, exact=False)
            if phrase is not None:
                k = i + len(phrase)
                end = collect_name(tokens, k, self.cues, text=text, max_words=4)
                if end > k:
                    self._add_person(text, tokens, k, end, spans)

    def _add_person(
        self, text: str, tokens: Sequence[Token], k: int, end: int, spans: _Spans
    ) -> None:
        # "Klaver van GroenLinks": a particle followed by a known actor ends the name
        particles = self.cues.words("name_particles")
        for p in range(k + 1, end):
            if tokens[p].key in particles and self.gazetteer.index.longest(tokens, p + 1)[0] >= end:
                end = p
                break
        # a known actor (a party, a ministry) is not a person
        if end <= k or self.gazetteer.index.lookup(tokens[k:end]):
            return
        start, stop = tokens[k].start, tokens[end - 1].end
        name = normalise_space(text[start:stop])
        entry = ActorEntry(actor_id=person_id(name, self.cues), type="person", name=name)
        spans.add(self._mention(text, start, stop, entry), replace_contained=True)

    # -- stage 3: definitions -----------------------------------------------------------------
    def _definitions(
        self, text: str, tokens: Sequence[Token], on: dt.date | None, spans: _Spans
    ) -> dict[str, str]:
        by_start = {t.start: n for n, t in enumerate(tokens)}
        defined: list[tuple[int, SurfaceForm]] = []
        for mention in spans.sorted():
            m = _DEF_OPEN.match(text, mention.end)
            if not m or "(" not in m.group():
                continue
            k = by_start.get(m.end())
            if k is None:
                continue
            marker = next(
                (mk for mk in self._markers if tuple(t.key for t in tokens[k : k + len(mk)]) == mk),
                None,
            )
            k2 = k + len(marker) if marker else k
            close = next(
                (x for x in range(k2, min(k2 + 10, len(tokens))) if tokens[x].text == ")"), None
            )
            if close is None or close == k2:
                continue
            inner = [t for t in tokens[k2:close] if t.text not in _QUOTES]
            while inner and inner[0].key in {"de", "het", "'", ":"}:
                inner = inner[1:]
            if not inner:
                continue
            form_text = text[inner[0].start : inner[-1].end]
            acronym = len(inner) <= 3 and bool(_ACRONYM.match("".join(t.text for t in inner)))
            known = bool(self.gazetteer.index.lookup(inner))
            if marker is None and not (
                acronym and (known or _abbreviates(form_text, mention.text))
            ):
                continue
            if not form_text[:1].isupper():
                continue
            target = self._definition_target(mention, inner, on)
            if target is None:
                continue
            via = "abbreviation" if acronym and any(c.isupper() for c in form_text[1:]) else "alias"
            form = SurfaceForm(normalise_space(form_text), target, via, True)
            defined.append((inner[-1].end, form))
            entry = self.gazetteer.get(target) if target in self.gazetteer else None
            start, end = inner[0].start, inner[-1].end
            if entry is None:
                entry = ActorEntry(target, mention.type, mention.name, ministry=mention.ministry)
            new = self._mention(
                text, start, end, entry, via=via, anachronistic=mention.anachronistic
            )
            for old in spans.overlapping(start, end):
                if old.start >= start and old.end <= end:
                    spans.remove(old)
            spans.add(new)
        if not defined:
            return {}
        # later uses of a defined form
        index = SurfaceIndex(form for _, form in defined)
        active_from = {form: pos for pos, form in defined}
        for i, j, forms in index.find_all(tokens):
            start, end = tokens[i].start, tokens[j - 1].end
            forms = [f for f in forms if active_from[f] < start]
            if not forms or self._compound(tokens, i, j):
                continue  # not yet defined, or glued into a compound ("SER-verkenning")
            form = forms[-1]
            entry_or_none = (
                self.gazetteer.get(form.actor_id) if form.actor_id in self.gazetteer else None
            )
            clash = spans.overlapping(start, end)
            if any(c.end - c.start > end - start for c in clash):
                continue  # inside a longer mention ("Europese Commissie")
            for c in clash:
                spans.remove(c)
            if entry_or_none is None:
                src = spans.first_of(form.actor_id)
                entry_or_none = ActorEntry(form.actor_id, src.type, src.name, ministry=src.ministry)
            spans.add(self._mention(text, start, end, entry_or_none, via=form.via))
        return {form.text: form.actor_id for _, form in defined}

    def _definition_target(
        self, mention: ActorMention, inner: Sequence[Token], on: dt.date | None
    ) -> str | None:
        """What a defined form stands for: the actor itself or its ministry/parent."""
        family = [mention.actor_id]
        if mention.actor_id in self.gazetteer:
            entry = self.gazetteer.get(mention.actor_id)
            family += [a for a in (entry.ministry, entry.parent) if a]
        known = self.gazetteer.index.lookup(inner)
        if known:
            ids = [f.actor_id for f in known]
            for actor_id in family:
                if actor_id in ids:
                    return actor_id
            # a different known actor in brackets ("(CDA)" after a name) is no definition
            return None
        return mention.actor_id

    # -- stage 4: signatories, co-senders, addressee --------------------------------------------
    def _signatories(
        self,
        text: str,
        on: dt.date | None,
        given: Sequence[dict[str, Any]] | None,
        spans: _Spans,
    ) -> tuple[list[Signatory], int | None]:
        """Signatories plus the offset where the closing block starts (None if not found)."""
        blocks = find_closing_blocks(text, self.gazetteer, self.cues, on)
        closing_start = blocks[0].start if blocks else None
        out: list[Signatory] = []
        if given:
            for item in given:
                fn_text = item.get("function") or ""
                entry = self.gazetteer.resolve_function(fn_text, on) if fn_text else None
                out.append(
                    Signatory(
                        item.get("name"), item.get("function"), entry.actor_id if entry else None
                    )
                )
        else:
            for b in blocks:
                out.append(Signatory(b.name, b.function.name, b.function.actor_id, "closing-block"))
        # mark the signature spans
        for b in blocks:
            for m in spans.overlapping(b.function_start, b.function_end):
                if m.actor_id == b.function.actor_id:
                    spans.swap(m, replace(m, role="signatory"))
            if b.name is not None and b.name_start is not None and b.name_end is not None:
                entry = ActorEntry(person_id(b.name, self.cues), "person", normalise_space(b.name))
                mention = self._mention(text, b.name_start, b.name_end, entry, role="signatory")
                mention = replace(mention, ministry=b.function.ministry)
                spans.add(mention, replace_contained=True)
        if not out:
            ordered = spans.sorted()
            k = find_head_function(text, [(m.start, m.end, m.type) for m in ordered])
            if k is not None:
                m = ordered[k]
                spans.swap(m, replace(m, role="signatory"))
                fn = self.gazetteer.get(m.actor_id) if m.actor_id in self.gazetteer else None
                out.append(Signatory(None, fn.name if fn else m.name, m.actor_id, "head"))
        return out, closing_start

    def _co_senders(
        self, text: str, tokens: Sequence[Token], spans: _Spans
    ) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = []
        ordered = spans.sorted()
        ends = [m.end for m in ordered]
        for i in range(len(tokens)):
            phrase = self._co_markers.first(tokens, i, exact=False)
            if phrase is None:
                continue
            pos = tokens[i + len(phrase) - 1].end
            # the mentions after the marker: those ending after it (ends are in text order)
            for n in range(bisect_right(ends, pos), len(ordered)):
                m = ordered[n]
                if m.end <= pos:
                    continue
                gap = text[pos : m.start]
                if not re.fullmatch(r"[\s,()]*(?:en\s+)?(?:de\s+|het\s+)?", gap, re.I):
                    break
                if text[m.start - 1 : m.start] == "(":
                    pos = m.end  # "(JenV)" after a co-sender
                    continue
                if m.type not in FUNCTION_TYPES:
                    break
                spans.swap(m, replace(m, role="co-sender"))
                if all(c["actor_id"] != m.actor_id for c in out):
                    out.append({"function": m.name, "actor_id": m.actor_id})
                pos = m.end
        return out

    @staticmethod
    def _addressee(text: str, kamer: str | None) -> str:
        if kamer in {"I", "EK", "eerste-kamer"}:
            return "eerste-kamer"
        if kamer in {"II", "TK", "tweede-kamer"}:
            return "tweede-kamer"
        head = normalise_space(text[:1500]).lower()
        if (
            "voorzitter van de eerste kamer" in head
            and "voorzitter van de tweede kamer" not in head
        ):
            return "eerste-kamer"
        return "tweede-kamer"

    # -- stage 5: deixis -------------------------------------------------------------------------
    def _deixis(
        self,
        text: str,
        tokens: Sequence[Token],
        spans: _Spans,
        signatory: ActorEntry | None,
        body_end: int,
        addressee: str,
    ) -> None:
        first = self.cues.words("first_person")
        plural = self.cues.words("first_person_plural")
        cabinet = self.cues.words("cabinet_nouns")
        cab_dets = self.cues.words("cabinet_determiners")
        kamer_nouns = set(self.cues.data.get("kamer_nouns", []))
        kamer_dets = self.cues.words("kamer_determiners")
        kabinet = self.gazetteer.get("kabinet")
        kamer_entry = self.gazetteer.get(addressee)
        anaphora = {k.lower(): v for k, v in self.cues.data.get("anaphora", {}).items()}
        ana_dets = self.cues.words("anaphora_determiners")
        for n, tok in enumerate(tokens):
            prev = tokens[n - 1] if n else None
            nxt = tokens[n + 1] if n + 1 < len(tokens) else None
            if tok.key in first and tok.start < body_end and signatory is not None:
                if spans.free(tok.start, tok.end):
                    spans.add(self._mention(text, tok.start, tok.end, signatory, via="ik"))
            elif tok.key in plural:
                if spans.free(tok.start, tok.end):
                    spans.add(self._mention(text, tok.start, tok.end, kabinet, via="wij"))
            elif tok.key in cabinet:
                start = prev.start if prev is not None and prev.key in cab_dets else tok.start
                if spans.free(start, tok.end):
                    spans.add(self._mention(text, start, tok.end, kabinet, via="wij"))
                elif spans.free(tok.start, tok.end):
                    spans.add(self._mention(text, tok.start, tok.end, kabinet, via="wij"))
            elif (
                (tok.text in kamer_nouns or tok.text == "KAMER")
                and prev is not None
                and prev.key in kamer_dets
            ):
                if nxt is not None and nxt.text == "-" and nxt.start == tok.end:
                    continue  # "Kamer-" compound
                if spans.free(prev.start, tok.end):
                    spans.add(self._mention(text, prev.start, tok.end, kamer_entry, via="uw Kamer"))
            elif tok.key in anaphora and prev is not None and prev.key in ana_dets:
                if nxt is not None and (nxt.key in {"van", "voor", "-"} or nxt.text[:1].isupper()):
                    continue
                if not spans.free(prev.start, tok.end):
                    continue
                # the most recent mention of that type named before "de minister"
                antecedent = spans.last_named_before(prev.start, anaphora[tok.key])
                if antecedent is None or antecedent.actor_id not in self.gazetteer:
                    continue
                entry = self.gazetteer.get(antecedent.actor_id)
                spans.add(
                    self._mention(
                        text,
                        prev.start,
                        tok.end,
                        entry,
                        via="anaphora",
                        anachronistic=antecedent.anachronistic,
                    )
                )

    # -- stage 6: model entities --------------------------------------------------------------
    def _model_entities(
        self, text: str, entities: Iterable[tuple[int, int, str]], on: dt.date | None, spans: _Spans
    ) -> None:
        for start, end, label in entities:
            kind = _MODEL_TYPES.get(label)
            if kind is None or not spans.free(start, end):
                continue
            toks = tokenize(text[start:end], start)
            forms = self.gazetteer.index.lookup(toks)
            resolved = self._resolve_forms(forms, on) if forms else None
            if resolved is not None:
                entry, via, anachronistic = resolved
                spans.add(
                    self._mention(text, start, end, entry, via=via, anachronistic=anachronistic)
                )
                continue
            name = normalise_space(text[start:end])
            actor_id = person_id(name, self.cues) if kind == "person" else f"org-{slug(name)}"
            spans.add(self._mention(text, start, end, ActorEntry(actor_id, kind, name)))

    # -- entry point -----------------------------------------------------------------------------
    def analyse(
        self,
        text: str,
        *,
        doc_date: dt.date | str | None = None,
        signatories: Sequence[dict[str, Any]] | None = None,
        kamer: str | None = None,
        entities: Iterable[tuple[int, int, str]] = (),
    ) -> ActorAnalysis:
        on = _as_date(doc_date)
        tokens = tokenize(text)
        spans = _Spans()
        self._gazetteer_stage(text, tokens, on, spans)
        self._cue_stage(text, tokens, on, spans)
        definitions = self._definitions(text, tokens, on, spans)
        addressee = self._addressee(text, kamer)
        sigs, closing_start = self._signatories(text, on, signatories, spans)
        co_senders = self._co_senders(text, tokens, spans)
        for m in list(spans.items):
            if (
                m.actor_id in {"voorzitter-tweede-kamer", "voorzitter-eerste-kamer"}
                and m.start < 600
            ):
                spans.swap(m, replace(m, role="addressee"))
        signatory = None
        for s in sigs:
            if s.actor_id and s.actor_id in self.gazetteer:
                signatory = self.gazetteer.get(s.actor_id)
                break
        body_end = closing_start if closing_start is not None else len(text)
        self._deixis(text, tokens, spans, signatory, body_end, addressee)
        self._model_entities(text, entities, on, spans)
        return ActorAnalysis(
            mentions=tuple(spans.sorted()),
            signatories=tuple(sigs),
            co_senders=tuple(co_senders),
            addressee=addressee,
            definitions=definitions,
        )


def find_actors(
    text: str,
    *,
    doc_date: dt.date | str | None = None,
    signatories: Sequence[dict[str, Any]] | None = None,
) -> list[ActorMention]:
    """Actor mentions in ``text``, resolved against the packaged gazetteer.

    ``signatories`` are ``{"name", "function"}`` dicts (as the repair stage extracts
    them); without them the closing block or the document head is used.
    """
    return list(ActorResolver().analyse(text, doc_date=doc_date, signatories=signatories).mentions)
