"""Measuring repaired text against gold text (the official XML of officielebekendmakingen)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

# Elements of the official XML that are the document's body text, by document kind.
BODY_ELEMENTS = {
    "kamervragen": ("kamervraagomschrijving", "vraag", "antwoord", "mededeling"),
    "kamerstuk": ("datumtekst", "algemeen", "ondertekening", "slotformulering", "aanhef"),
}
SKIP_ELEMENTS = {"noot", "stuknr", "titel"}


def words(text: str) -> list[str]:
    return text.split()


def word_error_rate(reference: str, hypothesis: str) -> float:
    """Word-level Levenshtein distance divided by the number of reference words."""
    ref, hyp = words(reference), words(hypothesis)
    if not ref:
        return 0.0 if not hyp else 1.0
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1] / len(ref)


BLOCK_TAGS = {
    "al",
    "nr",
    "tussenkop",
    "kop",
    "li",
    "tekstregel",
    "datumtekst",
    "kamervraagomschrijving",
    "functie",
    "plaats",
    "dagtekening",
}


def _blocks(el: ET.Element, out: list[str]) -> None:
    """Text of block-level elements, each whole; inline markup (naam, extref) joined without spaces."""
    if el.tag in SKIP_ELEMENTS:
        return
    if el.tag in BLOCK_TAGS and not any(c.tag in BLOCK_TAGS for c in el.iter() if c is not el):
        out.append("".join(_inline_text(el)))
        return
    if el.text and el.text.strip():
        out.append(el.text)
    for child in el:
        _blocks(child, out)
        if child.tail and child.tail.strip():
            out.append(child.tail)


def _inline_text(el: ET.Element) -> list[str]:
    parts = [el.text or ""]
    for child in el:
        if child.tag != "noot":
            parts.extend(_inline_text(child))
        parts.append(child.tail or "")
    return parts


def official_body_text(xml_path: Path) -> str:
    """The body text of an officielebekendmakingen XML file, whitespace-normalised."""
    root = ET.parse(xml_path).getroot()
    wanted = set(BODY_ELEMENTS["kamervragen"] + BODY_ELEMENTS["kamerstuk"])
    chunks: list[str] = []

    def walk(el: ET.Element) -> None:
        for child in el:
            if child.tag in wanted:
                _blocks(child, chunks)
            else:
                walk(child)

    walk(root)
    return re.sub(r"\s+", " ", " ".join(chunks)).strip()


def official_notes(xml_path: Path) -> list[str]:
    root = ET.parse(xml_path).getroot()
    return [re.sub(r"\s+", " ", "".join(_inline_text(n))).strip() for n in root.iter("noot")]
