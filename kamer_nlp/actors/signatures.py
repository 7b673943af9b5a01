"""Find who signs a letter when metadata does not say: the closing block or the head.

Closing blocks come in two layouts: the Kamerstuk style ("De Minister voor
Rechtsbescherming,\\nS. Dekker") and the letterhead style where the name stands above
an unpunctuated function line ("M.A.M. Adriaansens\\nMinister van Economische Zaken en
Klimaat"). The head fallback reads "BRIEF VAN DE MINISTER …" / "Antwoord van Minister …".
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from .cues import Cues, collect_name
from .gazetteer import FUNCTION_TYPES, ActorEntry, Gazetteer
from .matching import tokenize

FUNCTION_START = re.compile(
    r"^(?:de\s+|het\s+)?(?:minister|staatssecretaris|minister-president)\b", re.IGNORECASE
)
HEAD_CUE = re.compile(
    r"\b(?:brief|antwoord|nota|reactie|memorie van antwoord|memorie van toelichting)\s+van\s+(?:de\s+)?",
    re.IGNORECASE,
)
HEAD_WINDOW = 800  # characters at the start of a document searched for the head cue
LETTERHEAD_TAIL = 0.5  # a name-above-function block must stand in the last half of the text


@dataclass(frozen=True)
class ClosingBlock:
    """A signature: the function line and the name line, with character offsets."""

    function: ActorEntry
    function_start: int
    function_end: int
    name: str | None
    name_start: int | None
    name_end: int | None

    @property
    def start(self) -> int:
        return min(self.function_start, self.name_start if self.name_start is not None else 10**12)


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line, offsets of the stripped content."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((m.start() + lead, m.start() + lead + len(stripped)))
    return out


def is_name_line(line: str, cues: Cues) -> bool:
    """Whether ``line`` is just a person's name ("S. Dekker", "drs. V.L.W.A. Heijnen")."""
    line = line.strip()
    if not line or len(line) > 60 or line.endswith(",") or any(c.isdigit() for c in line):
        return False
    if FUNCTION_START.match(line):
        return False
    tokens = tokenize(line)
    end = collect_name(tokens, 0, cues, text=line)
    return end > 0 and all(t.text in {".", "(", ")"} for t in tokens[end:])


def find_closing_blocks(
    text: str, gazetteer: Gazetteer, cues: Cues, on: dt.date | None
) -> list[ClosingBlock]:
    """All signature blocks of the last signing cluster of ``text``."""
    lines = _lines(text)
    blocks: list[ClosingBlock] = []
    for idx, (s, e) in enumerate(lines):
        line = text[s:e]
        if not FUNCTION_START.match(line):
            continue
        entry = gazetteer.resolve_function(line, on)
        if entry is None:
            continue
        fn_end = e - 1 if line.endswith(",") else e
        nxt = lines[idx + 1] if idx + 1 < len(lines) else None
        prev = lines[idx - 1] if idx > 0 else None
        if line.endswith(",") and nxt and is_name_line(text[nxt[0] : nxt[1]], cues):
            blocks.append(ClosingBlock(entry, s, fn_end, text[nxt[0] : nxt[1]], *nxt))
        elif line.endswith(","):
            blocks.append(ClosingBlock(entry, s, fn_end, None, None, None))
        elif (
            prev
            and s >= len(text) * LETTERHEAD_TAIL
            and is_name_line(text[prev[0] : prev[1]], cues)
        ):
            blocks.append(ClosingBlock(entry, s, e, text[prev[0] : prev[1]], *prev))
    # a comma-less function line without a name is not a signature; keep the final cluster:
    # blocks separated by less than 400 characters of other text
    blocks = [
        b for b in blocks if b.name is not None or text[b.function_end : b.function_end + 1] == ","
    ]
    if not blocks:
        return []
    cluster = [blocks[-1]]
    for b in reversed(blocks[:-1]):
        if cluster[0].start - b.function_end < 400:
            cluster.insert(0, b)
        else:
            break
    return cluster


def find_head_function(text: str, mentions: Sequence[tuple[int, int, str]]) -> int | None:
    """Index into ``mentions`` ((start, end, type) triples) of the function named in the head."""
    for m in HEAD_CUE.finditer(text[:HEAD_WINDOW]):
        for k, (start, _end, typ) in enumerate(mentions):
            if typ in FUNCTION_TYPES and m.end() <= start <= m.end() + 12:
                return k
    return None
