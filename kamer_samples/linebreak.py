"""Breaking paragraphs into lines: total-fit (Knuth–Plass style) with forced breaks.

Break opportunities are the spaces between words, Dutch hyphenation points from pyphen
(a hyphen is drawn and the truth decision is ``join``), the hyphens of compounds
(``keep``) and the forced breaks of the markup. A line ending in a word that itself ends
in "-" (a suspended hyphen, "zorg- en") has the decision ``keep_space``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from kamer_samples.markup import Segment, Word, split_segments

JOIN = "join"
KEEP = "keep"
KEEP_SPACE = "keep_space"
DECISIONS = (JOIN, KEEP, KEEP_SPACE)

_SPACE = "space"
_NOBREAK = "nobreak"
_END = "end"

_AUTO_WORD_RE = re.compile(
    r"([(“‘]?)([A-Za-zàáâèéêìíîòóôùúû]?[a-zàáâèéêìíîòóôùúû]{6,})([.,;:)”’]*)"
)
_COMPOUND_RE = re.compile(r"\(?[^\W\d_]{3,}(?:-[^\W\d_]{3,})+[.,;:)]*")
_NOBREAK_BEFORE_NUMBER = {"nr.", "nrs.", "Stb.", "Stcrt.", "art.", "artikel", "pagina"}


@dataclass(frozen=True)
class TextStyle:
    """Font and metrics of a run of text; markers are drawn smaller and raised."""

    font: str
    size: float
    leading: float
    marker_size: float = 0.0
    marker_rise: float = 0.0

    def width(self, segments: tuple[Segment, ...]) -> float:
        from reportlab.pdfbase.pdfmetrics import stringWidth

        total = 0.0
        for seg in segments:
            size = self.marker_size if seg.marker else self.size
            total += stringWidth(seg.text, self.font, size)
        return total

    def text_width(self, text: str) -> float:
        return self.width((Segment(text),))


@dataclass(frozen=True)
class Piece:
    """A word, or the fragment of a word, as it stands on one line."""

    segments: tuple[Segment, ...]

    @property
    def plain(self) -> str:
        return "".join(s.text for s in self.segments if not s.marker)


@dataclass(frozen=True)
class Line:
    pieces: tuple[Piece, ...]
    end: str | None = None  # line-end hyphen decision, one of DECISIONS, or None
    last: bool = False  # the last line of its paragraph (never justified)

    @property
    def plain(self) -> str:
        return " ".join(p.plain for p in self.pieces)

    @property
    def drawn(self) -> str:
        """The line as drawn, markers included, with the added hyphen of a ``join``."""
        text = " ".join("".join(s.text for s in p.segments) for p in self.pieces)
        return text + "-" if self.end == JOIN else text


@dataclass
class _Atom:
    segments: tuple[Segment, ...]
    width: float
    after: str  # _SPACE | _NOBREAK | JOIN | KEEP | _END
    forced: bool = False


@functools.lru_cache(maxsize=1)
def _pyphen_dic():  # type: ignore[no-untyped-def]
    import pyphen

    return pyphen.Pyphen(lang="nl_NL", left=2, right=3)


def _auto_cuts(word: Word) -> list[tuple[int, str]]:
    """Optional break points inside a word: (plain offset, decision)."""
    if word.markers or word.forced_inside is not None:
        return []
    plain = word.plain
    m = _COMPOUND_RE.fullmatch(plain)
    if m:
        return [(i + 1, KEEP) for i, ch in enumerate(plain) if ch == "-" and 0 < i < len(plain) - 1]
    m = _AUTO_WORD_RE.fullmatch(plain)
    if not m:
        return []
    offset = len(m.group(1))
    core = m.group(2)
    cuts = []
    for pos in _pyphen_dic().positions(core.lower()):
        if getattr(pos, "data", None) is None:  # skip breaks that change the spelling
            cuts.append((offset + int(pos), JOIN))
    return cuts


def _breakable_space(left: Word, right: Word) -> bool:
    lp, rp = left.plain, right.plain
    if re.fullmatch(r"\d{1,3}", lp) and re.fullmatch(r"\d{3}\D*", rp):
        return False  # dossier numbers: "31 015"
    return not (lp in _NOBREAK_BEFORE_NUMBER and rp[:1].isdigit())


def _atoms(words: list[Word], style: TextStyle, hyphenate: bool) -> list[_Atom]:
    atoms: list[_Atom] = []
    for idx, word in enumerate(words):
        cuts: list[tuple[int, str]] = []
        forced_cut = None
        if word.forced_inside is not None:
            forced_cut = word.forced_inside
            kind = KEEP if word.plain[forced_cut - 1] == "-" else JOIN
            cuts = [(forced_cut, kind)]
        elif hyphenate:
            cuts = _auto_cuts(word)
        parts = split_segments(word.segments, [c for c, _ in cuts])
        for part, (cut, kind) in zip(parts, cuts, strict=False):
            atoms.append(_Atom(part, style.width(part), kind, forced=cut == forced_cut))
        last = parts[-1]
        if idx == len(words) - 1:
            after = _END
        elif _breakable_space(word, words[idx + 1]):
            after = _SPACE
        else:
            after = _NOBREAK
        atoms.append(_Atom(last, style.width(last), after, forced=word.forced_after))
    return atoms


def _demerits(slack: float, gaps: int, space: float, width: float, justify: bool) -> float:
    if justify:
        if gaps == 0:
            return 0.0 if slack < 1.0 else 1e10
        ratio = slack / (gaps * space)
        badness = 100.0 * min(ratio, 50.0) ** 3
        return (1.0 + badness) ** 2
    return (20.0 * slack / width) ** 2


def _penalty(after: str, forced: bool, justify: bool) -> float:
    if forced:
        return 0.0
    if after == JOIN:
        return 2500.0 if justify else 400.0
    if after == KEEP:
        return 900.0 if justify else 100.0
    return 0.0


def break_lines(
    words: list[Word],
    style: TextStyle,
    width: float,
    *,
    justify: bool,
    hyphenate: bool,
) -> list[Line]:
    """Break ``words`` into lines of at most ``width`` points, honouring forced breaks."""
    if not words:
        return []
    atoms = _atoms(words, style, hyphenate)
    n = len(atoms)
    space = style.text_width(" ")
    hyphen = style.text_width("-")
    if not justify:
        return [_make_line(atoms[i:k], k == n) for i, k in _first_fit(atoms, width, space, hyphen)]
    breakable = {_SPACE, JOIN, KEEP, _END}
    best = [float("inf")] * (n + 1)
    back = [-1] * (n + 1)
    best[0] = 0.0
    for k in range(1, n + 1):
        end_atom = atoms[k - 1]
        if end_atom.after not in breakable:
            continue
        is_last = end_atom.after == _END
        natural = hyphen if end_atom.after == JOIN else 0.0
        gaps = 0
        for i in range(k - 1, -1, -1):
            if i < k - 1:
                if atoms[i].forced:
                    break  # a forced break cannot fall inside a line
                if atoms[i].after in (_SPACE, _NOBREAK):
                    natural += space
                    gaps += 1
            natural += atoms[i].width
            if natural > width and i < k - 1:
                break
            if best[i] == float("inf"):
                continue
            if natural > width:  # a single atom wider than the line
                cost = 1e9
            elif is_last:
                cost = 0.0
            else:
                cost = _demerits(width - natural, gaps, space, width, justify)
            cost += _penalty(end_atom.after, end_atom.forced, justify)
            if best[i] + cost < best[k]:
                best[k] = best[i] + cost
                back[k] = i
    if best[n] == float("inf"):
        raise ValueError("no feasible line breaking (a forced break leaves no room?)")
    bounds = []
    k = n
    while k > 0:
        bounds.append((back[k], k))
        k = back[k]
    bounds.reverse()
    return [_make_line(atoms[i:k], k == n) for i, k in bounds]


def _first_fit(
    atoms: list[_Atom], width: float, space: float, hyphen: float
) -> list[tuple[int, int]]:
    """Ragged right as a word processor sets it: fill each line, break only at spaces
    (and at forced breaks); no automatic hyphenation."""
    bounds = []
    start, n = 0, len(atoms)
    while start < n:
        natural = 0.0
        best: int | None = None
        for j in range(start, n):
            if j > start and atoms[j - 1].after in (_SPACE, _NOBREAK):
                natural += space
            natural += atoms[j].width
            atom = atoms[j]
            if natural + (hyphen if atom.after == JOIN else 0.0) > width and best is not None:
                break
            if atom.after == _END or atom.forced:
                best = j
                break
            if atom.after == _SPACE:
                best = j
        if best is None:  # nothing breakable fits: overflow to the next break
            best = next(
                j for j in range(start, n) if atoms[j].after in (_SPACE, _END) or atoms[j].forced
            )
        bounds.append((start, best + 1))
        start = best + 1
    return bounds


def _make_line(atoms: list[_Atom], last: bool) -> Line:
    pieces: list[Piece] = []
    current: list[Segment] = []
    for atom in atoms[:-1]:
        current.extend(atom.segments)
        if atom.after in (_SPACE, _NOBREAK):
            pieces.append(Piece(tuple(current)))
            current = []
    current.extend(atoms[-1].segments)
    pieces.append(Piece(tuple(current)))
    after = atoms[-1].after
    end: str | None = None
    if after in (JOIN, KEEP):
        end = after
    elif after == _SPACE and pieces[-1].plain.endswith("-"):
        end = KEEP_SPACE
    return Line(tuple(pieces), end, last)


def natural_width(line: Line, style: TextStyle) -> float:
    """Width of ``line`` set with normal word spaces (the added hyphen included)."""
    total = sum(style.width(p.segments) for p in line.pieces)
    total += style.text_width(" ") * (len(line.pieces) - 1)
    if line.end == JOIN:
        total += style.text_width("-")
    return total
