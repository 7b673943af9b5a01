"""Blocks of marked-up text → one :class:`RepairedText`, through :class:`TextBuilder`.

The readers of this package (official XML, VLOS XML, HTML) walk their trees and hand
this writer *paragraphs* made of inline pieces: plain strings and zero-width marks
(the start and end of an ``extref`` or ``<datum isodatum>``, the place of a ``noot``).
:func:`normalise` collapses the source's layout whitespace (pretty-printed files put
every element on its own line) the way a reader sees the text: one space between words,
none before closing punctuation or after an opening bracket; the marks keep their place.
:class:`DocWriter` appends the paragraphs (blank line between them), the footnotes after
the body (``label text``, one a line, as the PDF route writes them), and records the
paragraphs, footnote markers, evidence and speaker turns with their offsets.

There are no glyphs behind this text: every character is synthesised (``char_map`` all
None), so records of XML/HTML input have no ``boxes``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kamer_nlp.contracts import GOVERNMENT_ROLES, DocumentMeta, Evidence, Turn
from kamer_nlp.official.speakers import Speaker
from kamer_nlp.repair.text import Footnote, Paragraph, RepairedText, TextBuilder

_CLOSERS = frozenset(".,;:!?)]")
_OPENERS = frozenset("([")


@dataclass(frozen=True)
class Mark:
    """A zero-width point in a paragraph: ``open``/``close`` of an evidence stretch
    (``key`` pairs them), or ``note`` (where a footnote marker stood)."""

    what: str  # "open" | "close" | "note"
    key: int


Piece = str | Mark


def normalise(pieces: list[Piece]) -> tuple[str, list[tuple[Mark, int]]]:
    """The reading text of ``pieces`` and each mark's offset in it.

    An opening mark before a space sits after it; a closing mark or a note marker sits
    before it (so a marked stretch never starts or ends with the space).
    """
    out: list[str] = []
    marks: list[tuple[Mark, int]] = []
    waiting: list[Mark] = []  # opening marks placed at the next visible character
    space = False
    for piece in pieces:
        if isinstance(piece, Mark):
            if piece.what == "open":
                waiting.append(piece)
            else:
                marks.append((piece, len(out)))
            continue
        for ch in piece:
            if ch.isspace():
                space = bool(out)
                continue
            if space and ch not in _CLOSERS and out[-1] not in _OPENERS:
                out.append(" ")
            space = False
            for mark in waiting:
                marks.append((mark, len(out)))
            waiting = []
            out.append(ch)
    marks.extend((mark, len(out)) for mark in waiting)
    return "".join(out), marks


@dataclass
class _OpenTurn:
    speaker: str
    role: str
    party: str | None
    function: str | None
    source: str
    addressed: int | None = None
    start: int | None = None
    end: int | None = None
    label: tuple[int, int] | None = None


@dataclass
class DocWriter:
    """Collects paragraphs, notes, evidence and turns; :meth:`finish` gives the text."""

    builder: TextBuilder = field(default_factory=TextBuilder)
    paragraphs: list[Paragraph] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)
    _notes: list[tuple[str, list[Piece], int | None]] = field(default_factory=list)
    _values: dict[int, tuple[str, str]] = field(default_factory=dict)  # key -> (kind, value)
    _stack: list[_OpenTurn] = field(default_factory=list)

    # -- inline marks -------------------------------------------------------------------
    def evidence_marks(self, kind: str, value: str) -> tuple[Mark, Mark]:
        key = len(self._values)
        self._values[key] = (kind, value)
        return Mark("open", key), Mark("close", key)

    def note(self, label: str, pieces: list[Piece]) -> Mark:
        """A footnote: its text goes after the body; the mark is where its marker stood."""
        self._notes.append((label, pieces, None))
        return Mark("note", len(self._notes) - 1)

    # -- paragraphs ---------------------------------------------------------------------
    def paragraph(self, kind: str, pieces: list[Piece], *, speaker_label: bool = False) -> bool:
        """Append one paragraph (nothing when it holds no text); True when appended."""
        text, marks = normalise(pieces)
        if not text:
            for mark, _ in marks:  # a note in an empty paragraph still gets its text
                if mark.what == "note":
                    self._place_note(mark.key, None)
            return False
        if len(self.builder):
            self.builder.synth("\n\n")
        start, end = self.builder.synth(text)
        self.paragraphs.append(Paragraph(start, end, kind))
        self._absorb(marks, start)
        self._track(start, end, speaker_label=speaker_label)
        return True

    def _track(self, start: int, end: int, *, speaker_label: bool) -> None:
        if self._stack:
            turn = self._stack[-1]
            if turn.start is None:
                turn.start = start
            turn.end = end
            if speaker_label and turn.label is None:
                turn.label = (start, end)

    def lines(self, kind: str, lines: list[list[Piece]]) -> None:
        """One paragraph whose lines keep their breaks (a signature, an address)."""
        parts = [part for part in (normalise(line) for line in lines) if part[0]]
        if not parts:
            return
        if len(self.builder):
            self.builder.synth("\n\n")
        start = len(self.builder)
        for n, (text, marks) in enumerate(parts):
            if n:
                self.builder.synth("\n")
            line_start, _ = self.builder.synth(text)
            self._absorb(marks, line_start)
        self.paragraphs.append(Paragraph(start, len(self.builder), kind))
        self._track(start, len(self.builder), speaker_label=False)

    def _absorb(self, marks: list[tuple[Mark, int]], start: int) -> None:
        opened: dict[int, int] = {}
        for mark, pos in marks:
            if mark.what == "open":
                opened[mark.key] = start + pos
            elif mark.what == "close" and mark.key in opened:
                kind, value = self._values[mark.key]
                begin = opened.pop(mark.key)
                if start + pos > begin:
                    self.evidence.append(Evidence(kind, begin, start + pos, value))
            elif mark.what == "note":
                self._place_note(mark.key, start + pos)

    def _place_note(self, index: int, offset: int | None) -> None:
        label, pieces, _ = self._notes[index]
        self._notes[index] = (label, pieces, offset)

    # -- turns --------------------------------------------------------------------------
    def open_turn(
        self,
        speaker: str,
        role: str,
        *,
        party: str | None = None,
        function: str | None = None,
        source: str = "markup",
        addressed: int | None = None,
    ) -> None:
        """Start a turn; a turn opened inside another interrupts it until closed."""
        if self._stack:
            self._flush(self._stack[-1])
        self._stack.append(_OpenTurn(speaker, role, party, function, source, addressed))

    def open_speaker_turn(self, speaker: Speaker) -> None:
        """Start the turn of ``speaker``; a government reply right after a member's turn
        answers that member (``addressed``: that turn's index)."""
        last = self.last_turn
        addressed = None
        if speaker.role in GOVERNMENT_ROLES and last is not None and last.role == "member":
            addressed = len(self.turns) - 1
        self.open_turn(
            speaker.name,
            speaker.role,
            party=speaker.party,
            function=speaker.function,
            addressed=addressed,
        )

    def close_turn(self) -> None:
        turn = self._stack.pop()
        self._flush(turn)
        if self._stack:  # the interrupted turn goes on as a new stretch
            outer = self._stack[-1]
            self._stack[-1] = _OpenTurn(
                outer.speaker, outer.role, outer.party, outer.function, "continued"
            )

    def _flush(self, turn: _OpenTurn) -> None:
        if turn.start is None or turn.end is None:
            return
        self.turns.append(
            Turn(
                speaker=turn.speaker,
                role=turn.role,
                start=turn.start,
                end=turn.end,
                party=turn.party,
                function=turn.function,
                label_start=None if turn.label is None else turn.label[0],
                label_end=None if turn.label is None else turn.label[1],
                source=turn.source,
                addressed=turn.addressed,
            )
        )
        turn.start = turn.end = None

    @property
    def last_turn(self) -> Turn | None:
        return self.turns[-1] if self.turns else None

    # -- the result ---------------------------------------------------------------------
    def finish(self, meta: DocumentMeta, *, layout: str) -> RepairedText:
        while self._stack:
            self.close_turn()
        footnotes: list[Footnote] = []
        first = True
        for label, pieces, marker in self._notes:
            text, marks = normalise(pieces)
            if not text:
                continue
            self.builder.synth("\n\n" if first else "\n")
            first = False
            self.builder.synth(f"{label} ")
            start, end = self.builder.synth(text)
            self._absorb([(m, p) for m, p in marks if m.what != "note"], start)
            footnotes.append(Footnote(label, start, end, marker))
        text = self.builder.text()
        warnings = [
            f"footnote {f.label} has no marker in the body" for f in footnotes if f.marker is None
        ]
        return RepairedText(
            text=text,
            char_map=self.builder.char_map(),
            footnotes=footnotes,
            paragraphs=self.paragraphs,
            meta=meta,
            warnings=warnings,
            layout=layout,
            pages=0,
            turns=sorted(self.turns, key=lambda t: t.start),
            evidence=sorted(self.evidence, key=lambda e: (e.start, e.end)),
        )
