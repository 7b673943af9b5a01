"""What is promised: :func:`find_action`, the clause from the cue on without actor,
auxiliaries and deadline."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from kamer_nlp.commitments.anchor import Anchor
from kamer_nlp.commitments.cues import CueSet
from kamer_nlp.commitments.lexicon import StructureLexicon
from kamer_nlp.commitments.view import DocView, as_view, overlaps
from kamer_nlp.contracts import Deadline
from kamer_nlp.nlp.extensions import ACTORS_KEY

_SPACES = re.compile(r"\s+")


def find_action(
    doc: Doc | DocView,
    start: int,
    end: int,
    anchor: Anchor | None,
    deadline: Deadline | None,
    cues: CueSet,
) -> tuple[str | None, tuple[int, int] | None]:
    """The promised action: the clause from the cue on, without actor, auxiliaries and deadline.

    Returns the action text and the contiguous region it was cut from.
    """
    if anchor is None:
        return None, None
    view = as_view(doc)
    text = view.text
    lexicon = StructureLexicon.default()
    excluded: list[tuple[int, int]] = []
    if anchor.agent:
        a0, a1 = anchor.agent
        for span in view.spans_in(ACTORS_KEY, start, end):
            if overlaps(span, anchor.agent):
                a0, a1 = min(a0, span.start_char), max(a1, span.end_char)
        if lexicon.starts_with_article(text[a0:a1]):
            # "de Minister| van Justitie en Veiligheid"
            tail = lexicon.function_tail.match(text, a1, end)
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
        excluded.append((deadline.start, deadline.end))
    pieces: list[str] = []
    pos = a_start
    for e0, e1 in sorted(excluded):
        if e1 <= pos or e0 >= a_end:
            continue
        pieces.append(text[pos:e0])
        pos = max(pos, e1)
    pieces.append(text[pos:a_end])
    action = _SPACES.sub(" ", " ".join(pieces)).strip(" ,")
    lead = lexicon.leading.match(action)
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
