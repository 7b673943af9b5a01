"""Text of the reference-corpus letters for the commitment tests.

Uses the project's own repair (``kamer_nlp.api``) when it is importable, and a
naive fallback otherwise: join line-end hyphens, drop footnote markers and page
furniture, reflow lines. The fallback is test scaffolding, not library code.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

_FURNITURE = re.compile(
    r"^(?:Pagina \d+ van \d+|=+PAGE=+|Ministerie van|Infrastructuur en|Waterstaat|Kenmerk|"
    r"IENW/BSK-\d+/\d+|Directoraat-generaal|Bedrijfsleven & Innovatie|Ons kenmerk|DGBI / \d+)$"
)


def _naive(text: str) -> str:
    text = re.sub(r"-\n(?=[a-zà-ÿ])", "", text)
    lines = []
    for line in text.split("\n"):
        line = line.strip()
        for tail in (" Ministerie van", " Infrastructuur en", " Waterstaat"):
            line = line.removesuffix(tail)
        if _FURNITURE.match(line):
            continue
        lines.append(line)
    out = "\n".join(lines)
    out = re.sub(r"(?<=[a-z.,;)])(\d{1,2})(?=[\s.,])", "", out)  # footnote markers
    out = re.sub(r"(?<=[^\n.:])\n(?=[^\n])", " ", out)
    out = re.sub(r"(?<=[.:])\n(?=[a-z])", " ", out)
    return re.sub(r"[ \t]+", " ", out)


def corpus_text(path: Path) -> tuple[str, dict[str, Any]]:
    """(canonical text, meta) of a corpus document."""
    try:
        from kamer_nlp import api

        rt = (
            api.repair_pdf(path)
            if path.suffix == ".pdf"
            else api.repair_text(path.read_text(encoding="utf-8"))
        )
        return rt.text, dict(rt.meta)
    except Exception:  # the repair stage is not available: fall back
        pass
    if path.suffix == ".pdf":
        import pdfplumber

        with pdfplumber.open(path) as pdf:
            raw = "\n".join(page.extract_text() or "" for page in pdf.pages)
    else:
        raw = path.read_text(encoding="utf-8")
    return _naive(raw), {}
