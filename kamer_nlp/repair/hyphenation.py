"""Line-end hyphens in Dutch text: join the soft break, keep the real hyphen, or keep
hyphen and space for the suspended hyphen ("zorg- en veiligheidsdomein").

Pure functions over strings. The evidence, strongest first:

1. form: a dash after a space, a URL, a suspended hyphen before "en"/"of"/…,
   a digit or a capital on either side, an abbreviation ("EU", "RIVM", "tbs", "Bbz"),
   a single letter ("e-mail");
2. the document itself (:class:`DocumentVocabulary`): does the joined or the
   hyphenated form occur elsewhere in it?
3. Dutch orthography and the lexicon (:mod:`kamer_nlp.repair.lexicon`): a listed
   hyphenated form, a trema dropped at the break ("ge-/informeerd" → "geïnformeerd"),
   vowel clash ("zee-egel"), the prefixes ex-/oud-/niet-, a known joined form;
4. word shape: a fragment on either side ("psycholo-/gische") is a soft break;
   two lowercase words form an unlisted compound ("slachtoffer-/perspectief"),
   joined by default.

Every decision carries a confidence and a short machine-readable reason. Rule data
(prefixes, abbreviations, conjunctions, vowel pairs) is in
``kamer_nlp/resources/hyphenation/rules.json``.
"""

from __future__ import annotations

import bisect
import json
import re
import unicodedata
from collections import Counter
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

from kamer_nlp.repair import lexicon

Decision = Literal["join", "keep", "keep_space"]

_PUNCT_TRAIL = ".,;:!?)]}\u201d\u2019\"'»…*"
_PUNCT_LEAD = "([{\u201c\u2018\"'«"
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None})
_VOWELS = set("aeiouy")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
_LINE_END = re.compile(r"[^\W_][\w'’-]*-[ \t]*\n[ \t]*[^\W_][\w'’-]*")
_RIGHT_CORE = re.compile(r"[^\W_]+(?:[-'’/&][^\W_]+)*|&")
_TREMA_START = re.compile(r"[äëïöüÄËÏÖÜ]")
_URL_LEFT = re.compile(r"://|www\.|@|/|[^\W_]\.[^\W_]")


@dataclass(frozen=True)
class HyphenDecision:
    """What to do with one line-end hyphen, with a confidence (0..1) and a reason.

    ``form`` is the text that replaces ``left + "-\\n" + right`` (``"slachtoffer"``,
    ``"EU-landen"``, ``"zorg- en"``); it differs from plain concatenation only when a
    trema dropped at the break is restored ("ge-/informeerd" → "geïnformeerd").
    """

    decision: Decision
    confidence: float
    reason: str
    form: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> HyphenDecision:
        return cls(
            decision=data["decision"],
            confidence=float(data["confidence"]),
            reason=str(data["reason"]),
            form=str(data.get("form", "")),
        )


@dataclass(frozen=True)
class Rules:
    """The rule data file, parsed."""

    version: str
    keep_prefixes: frozenset[str]
    keep_suffixes: frozenset[str]
    conjunctions: frozenset[str]
    vowel_clash: frozenset[str]
    trema: dict[str, str]
    abbreviations_lower: frozenset[str]
    abbreviations_title: frozenset[str]
    keep_forms: frozenset[str]
    join_forms: frozenset[str]
    function_words: frozenset[str]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rules:
        low = lambda key: frozenset(str(x).lower() for x in data.get(key, []))  # noqa: E731
        return cls(
            version=str(data.get("version", "")),
            keep_prefixes=low("keep_prefixes"),
            keep_suffixes=low("keep_suffixes"),
            conjunctions=low("suspended_conjunctions"),
            vowel_clash=low("vowel_clash"),
            trema=dict(data.get("trema", {})),
            abbreviations_lower=low("abbreviations_lower"),
            abbreviations_title=frozenset(data.get("abbreviations_title", [])),
            keep_forms=low("keep_forms"),
            join_forms=low("join_forms"),
            function_words=low("function_words"),
        )


@cache
def load_rules() -> Rules:
    text = (
        resources.files("kamer_nlp.resources")
        .joinpath("hyphenation", "rules.json")
        .read_text(encoding="utf-8")
    )
    return Rules.from_dict(json.loads(text))


def _norm(form: str) -> str:
    return unicodedata.normalize("NFC", form).translate(_HYPHENS).lower()


class DocumentVocabulary:
    """Word forms of one document, counted case-insensitively, hyphenated compounds included.

    Fragments on either side of a line-end hyphen ("slacht-\\noffer") are not counted:
    they are what is being decided.
    """

    def __init__(
        self,
        counts: Counter[str] | None = None,
        heads: Counter[str] | None = None,
        exact: Counter[str] | None = None,
    ) -> None:
        self._counts: Counter[str] = counts if counts is not None else Counter()
        self._heads: Counter[str] = heads if heads is not None else Counter()
        self._exact: Counter[str] = exact if exact is not None else Counter()
        self._sorted: list[str] | None = None

    @classmethod
    def from_text(cls, text: str) -> DocumentVocabulary:
        text = unicodedata.normalize("NFC", text).translate(_HYPHENS)
        # blank out the line-end hyphen pairs (same length, offsets irrelevant here)
        text = _LINE_END.sub(lambda m: " " * len(m.group(0)), text)
        counts: Counter[str] = Counter()
        heads: Counter[str] = Counter()
        exact: Counter[str] = Counter()
        for match in _TOKEN.finditer(text):
            exact[match.group(0)] += 1
            form = match.group(0).lower()
            counts[form] += 1
            if "-" in form:
                for head in form.split("-")[:-1]:
                    heads[head] += 1
        return cls(counts, heads, exact)

    def __len__(self) -> int:
        return len(self._counts)

    def count(self, form: str) -> int:
        """How often ``form`` occurs as a whole token (case-insensitive)."""
        return self._counts.get(_norm(form), 0)

    def count_exact(self, form: str) -> int:
        """How often ``form`` occurs with exactly this capitalisation."""
        return self._exact.get(unicodedata.normalize("NFC", form).translate(_HYPHENS), 0)

    def count_prefix(self, prefix: str) -> int:
        """How often a token starting with ``prefix`` (and longer than it) occurs: "slachtoffer" → "slachtofferhulp"."""
        key = _norm(prefix)
        if not key:
            return 0
        if self._sorted is None:
            self._sorted = sorted(self._counts)
        keys = self._sorted
        i = bisect.bisect_right(keys, key)
        total = 0
        while i < len(keys) and keys[i].startswith(key):
            total += self._counts[keys[i]]
            i += 1
        return total

    def head_count(self, head: str) -> int:
        """How often ``head`` occurs before a hyphen inside a compound ("EU" in "EU-beleid")."""
        return self._heads.get(_norm(head), 0)


def _right_core(right: str) -> str:
    right = right.strip().lstrip(_PUNCT_LEAD)
    match = _RIGHT_CORE.match(right)
    return match.group(0) if match else right.rstrip(_PUNCT_TRAIL)


def _restore_trema(right: str, rules: Rules) -> str | None:
    """'informeerd' → 'ïnformeerd' (Dutch drops the trema when breaking at it)."""
    first = right[:1]
    accented = rules.trema.get(first)
    return accented + right[1:] if accented else None


def _is_abbreviation(seg: str, rules: Rules) -> bool:
    if "&" in seg:
        return True
    letters = [c for c in seg if c.isalpha()]
    if not letters:
        return False
    uppers = sum(c.isupper() for c in letters)
    if uppers >= 2 or (uppers == len(letters) and len(seg) > 1):
        return True
    if any(c.isdigit() for c in seg):
        return True
    if len(letters) >= 2 and not _VOWELS.intersection(_plain(seg.lower())):
        return True  # no vowel, no syllable: "Bbz", "tbs", "pgb"
    return seg in rules.abbreviations_title or seg.lower() in rules.abbreviations_lower


@cache
def _hyphenator() -> Any:
    try:
        import pyphen
    except ModuleNotFoundError:  # pragma: no cover - optional
        return None
    return pyphen.Pyphen(lang="nl_NL")


def _valid_break(left: str, right: str) -> bool:
    """Would Dutch hyphenation patterns (pyphen, nl_NL) break ``left + right`` between the two?"""
    hyphenator = _hyphenator()
    if hyphenator is None:
        return False
    return len(left) in hyphenator.positions((left + right).lower())


def _english_pair(seg: str, core: str) -> bool:
    """Two common English words ("health-/sector"): English compounds keep their hyphen."""
    if len(seg) < 3 or len(core) < 3 or not seg.isalpha() or not core.isalpha():
        return False
    en = [lexicon.english_frequency(seg), lexicon.english_frequency(core)]
    nl = [lexicon.word_frequency(seg), lexicon.word_frequency(core)]
    return min(en) >= 4.0 and any(e - n >= 1.0 for e, n in zip(en, nl, strict=True))


def _any_word(form: str) -> bool:
    """A Dutch word, or a common English one (for chains such as "critical-raw-materials")."""
    return lexicon.is_word(form) or (len(form) > 2 and lexicon.english_frequency(form) >= 4.0)


def _plain(seg: str) -> str:
    """Fold é/è/ë… to their base letter for the vowel-clash test."""
    return "".join(c for c in unicodedata.normalize("NFD", seg) if not unicodedata.combining(c))


def decide_hyphen(
    left: str,
    right: str,
    *,
    following: str = "",
    vocabulary: DocumentVocabulary | None = None,
    soft_hyphenation: bool = True,
) -> HyphenDecision:
    """Decide one line-end hyphen.

    ``left``: the fragment ending the line, without the trailing hyphen (only its last
    whitespace-separated token matters; an empty or space-final ``left`` is a dash).
    ``right``: the first token of the next line (trailing punctuation allowed).
    ``following``: the rest of the next line (context for the suspended hyphen).
    ``soft_hyphenation``: False for layouts that do not hyphenate words (ragged-right
    letters): a line-end hyphen is then presumed real unless the joined form is known.
    """
    rules = load_rules()
    left = unicodedata.normalize("NFC", left).translate(_HYPHENS)
    right = unicodedata.normalize("NFC", right).translate(_HYPHENS).strip()

    def decided(
        decision: Decision, confidence: float, reason: str, form: str | None = None
    ) -> HyphenDecision:
        if form is None:
            sep = {"join": "", "keep": "-", "keep_space": "- "}[decision]
            form = f"{left_tok}{sep}{right}"
        return HyphenDecision(decision, round(confidence, 3), reason, form)

    if not left or left[-1].isspace() or not left.split():
        left_tok = left
        return decided("keep_space", 0.9, "dash")
    left_tok = left.split()[-1]
    word = left_tok.lstrip(_PUNCT_LEAD)
    seg = word.rsplit("-", 1)[-1]
    core = _right_core(right)
    if not seg or not core:
        return decided("keep", 0.6, "no_word")

    # 1. form of the two sides
    if _URL_LEFT.search(word) and not re.fullmatch(r"[^\W\d_]+/[^\W\d_]+", word):
        return decided("keep", 0.9, "url")
    if core.lower() in rules.conjunctions:
        # "knie-/en" is "knieën" (the trema drops at the break) unless a content word
        # follows that the hyphen is suspended before ("zee- en luchtvaart")
        trema = _restore_trema(core, rules) if seg[-1].lower() in _VOWELS else None
        nxt = _right_core(following.split()[0]) if following.split() else ""
        content_follows = (
            len(nxt) >= 5
            and nxt.lower() not in rules.function_words
            and (lexicon.is_word(nxt) or "-" in nxt)
        )
        if trema and lexicon.is_listed(word + trema) and not content_follows:
            return decided("join", 0.85, "trema", word + trema + right[len(core) :])
        # "partij-/en" is "partijen": a known word broken at a valid hyphenation point
        if lexicon.is_word(word + core) and _valid_break(word, core) and not content_follows:
            return decided("join", 0.8, "lexicon")
        return decided("keep_space", 0.93, "suspended")
    if re.search(r"[?=%#]|/.*/", right):
        return decided("keep", 0.85, "url")
    # 2. the document itself writes the whole form elsewhere: the writer's spelling wins
    # ("InnovatieAgenda" against the capital rule, "reductie-opgave" against the default)
    joined = word + core
    hyphenated = f"{word}-{core}"
    if vocabulary is not None:
        j, h = vocabulary.count(joined), vocabulary.count(hyphenated)
        if h > j:
            return decided("keep", 0.95 if not j else 0.75, "document")
        if j > h:
            return decided("join", 0.95 if not h else 0.75, "document")

    # 1 (continued). form of the two sides
    if seg[-1].isdigit() or core[0].isdigit():
        return decided("keep", 0.97, "digit")
    if _TREMA_START.match(core):
        return decided("join", 0.95, "trema")  # "Oekra-/ïne": no Dutch word starts with a trema
    if core[0].isupper():
        if seg.isupper() and core.isupper() and len(core) > 1:
            # ALL-CAPS heading broken in a word: "MINISTE-/RIE"
            if lexicon.is_word(seg + core):
                return decided("join", 0.8, "lexicon")
            return decided("keep", 0.85, "abbreviation")
        return decided("keep", 0.95, "capital")
    if len(seg) == 1 and seg.isalpha():
        return decided("keep", 0.9, "letter")
    if _is_abbreviation(seg, rules):
        return decided("keep", 0.95, "abbreviation")

    # 3. the document: longer forms sharing the joined or hyphenated start
    if vocabulary is not None:
        jp, hp = vocabulary.count_prefix(joined), vocabulary.count_prefix(hyphenated)
        if (jp or hp) and jp != hp:
            return (
                decided("keep", 0.8, "document") if hp > jp else decided("join", 0.85, "document")
            )

    # 4. orthography and lexicon
    if _norm(hyphenated) in rules.keep_forms:
        return decided("keep", 0.95, "exception")
    if _norm(joined) in rules.join_forms:
        return decided("join", 0.95, "exception")
    hyph_listed = lexicon.is_listed(hyphenated)
    joined_listed = lexicon.is_listed(joined)
    if hyph_listed and not joined_listed:
        return decided("keep", 0.9, "lexicon")
    low_seg, low_core = _plain(seg.lower()), _plain(core.lower())
    if low_seg[-1] in _VOWELS and low_core[0] in _VOWELS:
        trema = _restore_trema(core, rules)
        if trema and lexicon.is_word(word + trema):
            return decided("join", 0.9, "trema", word + trema + right[len(core) :])
        # a clash written joined is a misspelling unless the lexicon lists only the joined
        # form ("museum" is "muse-/um", "geuit" is "ge-/uit")
        clash = low_seg[-1] + low_core[0] in rules.vowel_clash
        if low_seg[-2:] in {"eu", "ou", "au"} and low_core[0] == "e":
            clash = False  # "milieueffect", "bouwen": the digraph cannot be misread
        if clash and lexicon.is_word(core) and (hyph_listed or not joined_listed):
            return decided("keep", 0.88, "vowel_clash")
    joined_word = lexicon.is_word(joined)
    right_word = lexicon.is_word(core)
    if seg.lower() in rules.keep_prefixes and right_word and (hyph_listed or not joined_listed):
        return decided("keep", 0.92, "prefix")
    if core.lower() in rules.keep_suffixes:
        return decided("keep", 0.93, "suffix")
    left_word = lexicon.is_word(seg)
    if not soft_hyphenation:
        # ragged-right layout: the writer typed this hyphen unless the joined word is known
        if joined_word and not (left_word and right_word):
            return decided("join", 0.75, "lexicon")
        return decided("keep", 0.75, "layout")
    if joined_word:
        return decided("join", 0.93 if joined_listed else 0.88, "lexicon")

    # 5. word shape: unknown joined form
    if seg[0].isupper() and right_word:
        # a capitalised name or abbreviation before a word ("Qredits-lening", "Taser-wapen"):
        # written capitalised elsewhere and never lowercase, or used as a compound head
        proper = vocabulary is not None and (
            (vocabulary.count_exact(seg) and not vocabulary.count_exact(seg.lower()))
            or (vocabulary.head_count(seg) and not left_word)
        )
        if proper:
            return decided("keep", 0.75, "name")
    if _english_pair(seg, core):
        return decided("keep", 0.7, "foreign")
    if "-" in core and _any_word(seg) and _any_word(core.split("-")[0]):
        # a chain of hyphenated words ("kant-/en-klaar", "circulair-/in-2050")
        return decided("keep", 0.7, "chain")
    if not left_word or not right_word:
        return decided("join", 0.9, "fragment")
    return decided("join", 0.75 if seg.islower() else 0.65, "compound")
