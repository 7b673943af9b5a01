"""Pass 1, "gazetteer": the gazetteer's surface forms, longest match first.

The document date decides between same-named entries. A case-sensitive form glued into
a compound ("EU-landen") is no mention; neither is a bare abbreviation in a shouted
heading or a legal citation ("Verordening (EU) 2019/1021").
"""

from __future__ import annotations

from collections.abc import Sequence

from ..cues import Cues
from ..matching import Token
from .context import Findings, ResolverData, TextInput, is_compound, make_mention, resolve_forms


def is_shouting(tokens: Sequence[Token], i: int, j: int) -> bool:
    """Whether tokens around [i, j) are all-caps words (a shouted heading)."""
    words = [t for t in tokens[max(0, i - 3) : i] if t.is_word] + [
        t for t in tokens[j : j + 3] if t.is_word
    ]
    caps = [t for t in words if t.text.isupper() and len(t.text) > 1 and t.text.isalpha()]
    return len(words) >= 2 and len(caps) >= len(words) - 1 and len(caps) >= 2


def in_citation(cues: Cues, tokens: Sequence[Token], i: int, j: int) -> bool:
    """ "Verordening (EU) 2019/1021": an abbreviation that is part of a legal citation."""
    if i >= 2 and tokens[i - 1].text == "(" and j < len(tokens) and tokens[j].text == ")":
        if tokens[i - 2].key in cues.words("reference_words"):
            return True
        # "… en (EU) 2021/1230", "(EU) nr. 260/2012"
        after = tokens[j + 1] if j + 1 < len(tokens) else None
        return after is not None and (after.text.isdigit() or after.key == "nr")
    return False


def gazetteer_pass(data: ResolverData, doc: TextInput, found: Findings) -> None:
    """Adds the gazetteer's matches to ``found.spans``."""
    text, tokens = doc.text, doc.tokens
    for i, j, forms in data.gazetteer.index.find_all(tokens):
        bare_abbr = all(f.via == "abbreviation" and f.case_sensitive for f in forms)
        if all(f.case_sensitive for f in forms) and is_compound(tokens, i, j):
            continue
        if bare_abbr and (
            is_compound(tokens, i, j)
            or is_shouting(tokens, i, j)
            or in_citation(data.cues, tokens, i, j)
        ):
            continue
        resolved = resolve_forms(data.gazetteer, forms, doc.on)
        if resolved is None:
            continue
        entry, via, anachronistic = resolved
        found.spans.add(
            make_mention(
                text,
                tokens[i].start,
                tokens[j - 1].end,
                entry,
                via=via,
                anachronistic=anachronistic,
            )
        )
