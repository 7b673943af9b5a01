"""Pass 2: two neighbouring point cores joined into one range ("tussen X en Y", "van X tot
(en met) Y", "X t/m Y", "X – Y" after "van")."""

from __future__ import annotations

import re

from kamer_nlp.temporal.core import Core, norm
from kamer_nlp.temporal.grammar import S

_DASHES = ("-", "\u2013", "\u2014")
_PRE = re.compile(r"(?<!\w)(tussen|van|vanaf)" + S + r"\Z", re.I)


def coordinate_ranges(text: str, cores: list[Core]) -> list[Core]:
    """The cores, with each joinable pair of points replaced by their range."""
    out: list[Core] = []
    i = 0
    while i < len(cores):
        a = cores[i]
        b = cores[i + 1] if i + 1 < len(cores) else None
        if b is not None and a.category == "point" and b.category == "point":
            joined = join(text, a, b)
            if joined is not None:
                out.append(joined)
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def join(text: str, a: Core, b: Core) -> Core | None:
    """The range from ``a`` to ``b`` when the words between (and before) them make one."""
    between = norm(text[a.end : b.start])
    before = text[max(0, a.start - 12) : a.start]
    pre = _PRE.search(before)
    if between == "en":
        if not pre or pre.group(1).lower() != "tussen":
            return None
    elif between in ("tot", "t/m", "tot en met", *_DASHES):
        if between in _DASHES and not pre:
            return None
    else:
        return None
    start = pre.start() + max(0, a.start - 12) if pre else a.start
    return Core(start, b.end, "range", 5, "range", left=a, right=b, exclusive=between == "tot")
