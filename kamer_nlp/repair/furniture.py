"""Page furniture: running heads and footers, page numbers, colophon, letterhead sidebar.

Detected by position (head/foot zones, a right-hand column), font (smaller than
the body) and repetition across pages, with the generic conventions of
``resources/repair/furniture.json``. What furniture says is kept for metadata.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from kamer_nlp.extract.lines import Layout, Line
from kamer_nlp.repair.resources import load_json, matches_any

CONF = "furniture.json"
_DIGITS = re.compile(r"\d+")


@dataclass(frozen=True)
class FurnitureLine:
    kind: str  # running | page_number | colophon | sidebar | return_address | kamer_number
    page: int
    text: str


def body_size(lines: list[Line]) -> float:
    """The dominant font size, weighted by characters."""
    weights: Counter[float] = Counter()
    for ln in lines:
        weights[round(ln.size, 1)] += len(ln.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _repeat_key(text: str) -> str:
    return _DIGITS.sub("#", text.lower()).strip()


def classify_furniture(layout: Layout, size: float) -> dict[int, FurnitureLine]:
    """Map line index → furniture for every line that is page furniture."""
    conf = load_json(CONF)
    head_zone, foot_zone = conf["zones"]["head"], conf["zones"]["foot"]
    side = conf["sidebar"]
    n_pages = len(layout.pages)
    found: dict[int, FurnitureLine] = {}

    zone_of: dict[int, str] = {}
    repeats: dict[str, set[int]] = defaultdict(set)
    for i, ln in enumerate(layout.lines):
        page = layout.page(ln.page)
        if ln.top < head_zone * page.height:
            zone_of[i] = "head"
        elif ln.bottom > (1 - foot_zone) * page.height:
            zone_of[i] = "foot"
        if i in zone_of and not any(
            ln.raised
        ):  # footnotes repeat too ("Kamerstuk …"), but carry a raised label
            repeats[_repeat_key(ln.text)].add(ln.page)

    small_right = [
        i
        for i, ln in enumerate(layout.lines)
        if ln.x0 > side["min_x_fraction"] * layout.page(ln.page).width
        and ln.size < side["max_size_ratio"] * size
    ]
    has_sidebar = len(small_right) >= side["min_lines"]

    for i, ln in enumerate(layout.lines):
        text = ln.text.strip()
        kind = None
        zone = zone_of.get(i)
        if matches_any(text, CONF, "return_address") and ln.size < size:
            kind = "return_address"
        elif zone and matches_any(text, CONF, "page_number"):
            kind = "page_number"
        elif zone and matches_any(text, CONF, "colophon"):
            kind = "colophon"
        elif zone and matches_any(text, CONF, "running"):
            kind = "running"
        elif zone == "head" and ln.size > 2.5 * size and text.isdigit():
            kind = "kamer_number"
        elif (
            zone
            and n_pages > 1
            and not any(ln.raised)
            and len(repeats[_repeat_key(text)]) >= max(2, (n_pages + 1) // 2)
        ):
            kind = "running"
        elif has_sidebar and i in small_right:
            kind = "sidebar"
        elif (
            matches_any(text, CONF, "page_number")
            and ln.size < 0.92 * size
            and ln.x0 > 0.5 * layout.page(ln.page).width
        ):
            kind = "page_number"
        if kind:
            found[i] = FurnitureLine(kind, ln.page, text)
    return found
