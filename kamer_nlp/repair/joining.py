"""Lines → paragraph text: marker removal, kerning merges, line-end hyphens.

Shared by the PDF and the plain-text paths. Works on :class:`Line` objects and
writes straight into the :class:`TextBuilder`, so every decision is recorded at
its final offset.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from kamer_nlp.extract.lines import Line
from kamer_nlp.repair.hyphenation import DocumentVocabulary, decide_hyphen
from kamer_nlp.repair.kerning import split_kerning
from kamer_nlp.repair.text import Repair, TextBuilder

MARKER_CHARS = set("0123456789*†‡§")
HYPHENS = "-\u2010\u2011"
_WORD_END = re.compile(r"(\S+)$")
_WORD_START = re.compile(r"^(\S+)\s*(.*)$", re.S)


@dataclass
class Marker:
    """A footnote marker taken out of the body: its label and where it stood."""

    label: str
    offset: int
    page: int


@dataclass
class _Chars:
    text: list[str] = field(default_factory=list)
    refs: list[int | None] = field(default_factory=list)

    def s(self) -> str:
        return "".join(self.text)


def strip_markers(line: Line) -> tuple[_Chars, list[tuple[str, int]]]:
    """Remove raised marker runs; return the remaining chars and (label, local offset) pairs."""
    out = _Chars()
    markers: list[tuple[str, int]] = []
    i = 0
    n = len(line.text)
    while i < n:
        if line.raised[i] and line.text[i] in MARKER_CHARS:
            j = i
            while j < n and line.raised[j] and line.text[j] in MARKER_CHARS:
                j += 1
            # "1,2" marker lists: split on commas between raised digits
            markers.append((line.text[i:j], len(out.text)))
            i = j
            continue
        out.text.append(line.text[i])
        out.refs.append(line.refs[i])
        i += 1
    return out, markers


URL_START = re.compile(r"(https?://|www\.)\S*$")
URL_CONTINUATION = re.compile(r"^[\w%~#&=?/.\-]*[/\-_=&?%.\d][\w%~#&=?/.\-]*[.,;:)]?$")


class ParagraphWriter:
    """Writes blocks of lines into a builder, recording every repair."""

    def __init__(self, builder: TextBuilder, vocabulary: DocumentVocabulary) -> None:
        self.builder = builder
        self.vocabulary = vocabulary
        self.repairs: list[Repair] = []
        self.markers: list[Marker] = []

    def write(self, lines: list[Line], *, separator: str = " ") -> tuple[int, int]:
        """Write one paragraph; returns its (start, end)."""
        parts = []
        for line in lines:
            chars, local_markers = strip_markers(line)
            chars, merges = self._merge_kerning(chars)
            parts.append((chars, local_markers, line.page, merges))
        start = len(self.builder)
        for k, (chars, local_markers, page, merges) in enumerate(parts):
            # leading/trailing spaces left by marker removal
            while chars.text and chars.text[-1] == " ":
                chars.text.pop()
                chars.refs.pop()
            line_start = len(self.builder)
            self.builder.append(chars.s(), chars.refs)
            for off, source, confidence in merges:
                self.repairs.append(
                    Repair(
                        "kerning",
                        line_start + off,
                        line_start + off + len(source) - 1,
                        source,
                        "merge",
                        confidence,
                        page,
                    )
                )
            for label, off in local_markers:
                self.markers.append(Marker(label, line_start + min(off, len(chars.text)), page))
            if k + 1 < len(parts):
                self._join(parts[k + 1][0], page, separator)
        return start, len(self.builder)

    @staticmethod
    def _restore_trema(nxt: _Chars, left: str, right: str, form: str) -> None:
        """ "ge-/informeerd" → "geïnformeerd": the trema dropped at the break comes back on the
        next line's first letter, which keeps pointing at its source glyph."""
        if not form or form == left + right or len(form) != len(left) + len(right):
            return
        start = len(nxt.text) - len(nxt.s().lstrip())
        for k, ch in enumerate(form[len(left) :]):
            if start + k < len(nxt.text) and nxt.text[start + k] != ch:
                nxt.text[start + k] = ch

    def _join_url(self, text: str, nxt: _Chars, page: int) -> bool:
        """A link broken over a line: glue the pieces (a hyphen at the break is part of the link)."""
        m = URL_START.search(text)
        first = nxt.s().lstrip().split(" ", 1)[0]
        if not m or not first or not URL_CONTINUATION.match(first):
            return False
        at = len(self.builder)
        self.repairs.append(
            Repair(
                "url_join",
                at - len(m.group(0)),
                at + len(first),
                f"{m.group(0)}\n{first}",
                "join",
                0.9,
                page,
            )
        )
        return True

    def _merge_kerning(self, chars: _Chars) -> tuple[_Chars, list[tuple[int, str, float]]]:
        """Merge words split by kerning artefacts; returns (chars, [(local start, source, confidence)])."""
        text = chars.s()
        tokens = text.split(" ")
        if len(tokens) < 2:
            return chars, []
        fixes = split_kerning(tokens, vocabulary=self.vocabulary)
        if not fixes:
            return chars, []
        starts = []
        pos = 0
        for tok in tokens:
            starts.append(pos)
            pos += len(tok) + 1
        drop: set[int] = set()
        merges = []
        for fix in fixes:
            space_at = starts[fix.index] + len(tokens[fix.index])
            if space_at < len(text) and text[space_at] == " ":
                drop.add(space_at)
                # local start of the merged word in the output (dropped spaces before it shift it left)
                shift = sum(1 for d in drop if d < starts[fix.index])
                merges.append(
                    (
                        starts[fix.index] - shift,
                        tokens[fix.index] + " " + tokens[fix.index + 1],
                        fix.confidence,
                    )
                )
        out = _Chars()
        for i, (ch, ref) in enumerate(zip(chars.text, chars.refs, strict=True)):
            if i not in drop:
                out.text.append(ch)
                out.refs.append(ref)
        return out, merges

    def _join(self, nxt: _Chars, page: int, separator: str) -> None:
        """Join the text written so far with the next line."""
        text = self.builder.tail(300)
        if separator == " " and self._join_url(text, nxt, page):
            return
        if separator == " " and len(text) >= 2 and text[-1] in HYPHENS and not text[-2].isspace():
            left_match = _WORD_END.search(text[:-1])
            nxt_text = nxt.s().lstrip()
            right_match = _WORD_START.match(nxt_text)
            if left_match and right_match:
                left = left_match.group(1)
                right, following = right_match.group(1), right_match.group(2)
                right = right.rstrip(".,;:!?)]”’\"'") or right
                decision = decide_hyphen(
                    left, right, following=following, vocabulary=self.vocabulary
                )
                hyphen_at = len(self.builder) - 1
                source = f"{left}-\n{right}"
                if decision.decision == "join":
                    self.builder.drop_last()
                    self._restore_trema(nxt, left, right, decision.form)
                    at = len(self.builder)
                    self.repairs.append(
                        Repair(
                            "dehyphenate",
                            at - len(left),
                            at + len(right),
                            source,
                            "join",
                            decision.confidence,
                            page,
                        )
                    )
                elif decision.decision == "keep":
                    self.repairs.append(
                        Repair(
                            "dehyphenate",
                            hyphen_at - len(left),
                            hyphen_at + 1 + len(right),
                            source,
                            "keep",
                            decision.confidence,
                            page,
                        )
                    )
                else:
                    self.builder.synth(" ")
                    self.repairs.append(
                        Repair(
                            "dehyphenate",
                            hyphen_at - len(left),
                            hyphen_at + 2 + len(right),
                            source,
                            "keep_space",
                            decision.confidence,
                            page,
                        )
                    )
                return
        self.builder.synth(separator)
