"""The typeset Kamerstuk layout (officielebekendmakingen PDF).

Geometry measured on kst-32545-143 and ah-tk-20202021-3235: A4; page-1 head block
("Tweede Kamer der Staten-Generaal" 18pt bold at x 55, rules at 121 and 175, dossier and
title 12pt bold, "Nr." line 9pt bold); body column x 221–540, 9.1pt, justified with
line-end hyphenation; colophon 5.9pt bottom left on page 1; running footer 9.1pt at
x 221, top 766, page number right-aligned at 540; footnotes 7.3pt at the page bottom
under a short rule, markers raised and smaller.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from kamer_samples.compose import (
    BodyStyle,
    compose_blocks,
    compose_notes,
    draw_page_flow,
    fixed_lines,
    prefixed,
    truth_blocks,
    truth_notes,
)
from kamer_samples.flow import PageFrame, paginate
from kamer_samples.linebreak import Line, TextStyle
from kamer_samples.render import draw_line, draw_string, hrule
from kamer_samples.source import SampleDocument
from kamer_samples.truth import LaidOut, TruthBlock

PAGE_W, PAGE_H = 595.0, 842.0
LEFT = 55.3
COL_X, COL_W = 221.1, 318.9
BODY = TextStyle("Helvetica", 9.1, 10.7, marker_size=6.0, marker_rise=3.3)
STYLE = BodyStyle(
    body=BODY,
    heading=TextStyle("Helvetica-Oblique", 9.1, 10.7),
    note=TextStyle("Helvetica", 7.3, 8.7, marker_size=5.0, marker_rise=2.6),
    x=COL_X,
    width=COL_W,
    list_indent=14.0,
    note_indent=9.0,
    justify=True,
    hyphenate=True,
    paragraph_space=10.7,
)
TITLE = TextStyle("Helvetica-Bold", 12.3, 14.6)
NR = TextStyle("Helvetica-Bold", 9.1, 10.7)
FOOTER_TOP = 766.1
NOTES_BOTTOM = 748.0  # last note line ends above the colophon and footer
BODY_TOP = 64.0
ISSN = "ISSN 0921 - 7371"


def footer_text(meta: dict[str, Any]) -> str:
    """The running footer: "Tweede Kamer, vergaderjaar 2017–2018, 31 015, nr. 136"."""
    number = meta["dossier_display"]
    return f"Tweede Kamer, vergaderjaar {meta['vergaderjaar_display']}, {number}, nr. {meta['ondernummer']}"


def layout_kamerstuk(doc: SampleDocument, path: Path) -> LaidOut:
    """Typeset ``doc`` into ``path`` and return what was drawn."""
    from reportlab.pdfgen.canvas import Canvas

    meta = doc.meta
    header = doc.header
    furniture: list[str] = []

    # page-1 head block: fixed positions, not flowed
    title_lines = fixed_lines(meta["title"], TITLE, COL_W)
    dossier_line = prefixed(meta["dossier_display"], title_lines[0])
    nr_text = f"Nr. {meta['ondernummer']}"
    heading_lines = fixed_lines(header["heading"], NR, COL_W)
    head = [
        TruthBlock("head", ((1, prefixed("Tweede Kamer der Staten-Generaal", _empty())),)),
        TruthBlock(
            "head", ((1, prefixed(f"Vergaderjaar {meta['vergaderjaar_display']}", _empty())),)
        ),
        TruthBlock("head", tuple((1, ln) for ln in [dossier_line, *title_lines[1:]])),
        TruthBlock(
            "head",
            tuple((1, ln) for ln in [prefixed(nr_text, heading_lines[0]), *heading_lines[1:]]),
        ),
    ]
    title_top = 178.7
    nr_top = max(275.0, title_top + TITLE.leading * len(title_lines) + 40.0)
    flow_top = nr_top + NR.leading * len(heading_lines) + 22.0

    notes = compose_notes(doc, STYLE)
    blocks = compose_blocks(doc, STYLE)
    frame = PageFrame(
        first_top=flow_top, top=BODY_TOP, bottom=NOTES_BOTTOM, note_style=STYLE.note, note_gap=9.0
    )
    runover = {n.label: n.runover for n in doc.notes if n.runover}
    pagination = paginate(blocks, notes, frame, runover=runover)

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    canvas.setTitle(f"{meta['id']}: {meta['title']}")
    canvas.setAuthor("Tweede Kamer der Staten-Generaal")
    canvas.setCreator("kamer-nlp samples")
    footer = footer_text(meta)
    for page in range(1, pagination.pages + 1):
        if page == 1:
            draw_string(
                canvas, "2", "Helvetica-Bold", 51.2, 540.0, 60.3 - 10, PAGE_H, align="right"
            )
            furniture.append("2")
            draw_string(
                canvas,
                "Tweede Kamer der Staten-Generaal",
                "Helvetica-Bold",
                18.1,
                LEFT,
                64.8,
                PAGE_H,
            )
            hrule(canvas, LEFT, 540.0, 121.0, PAGE_H, 0.283)
            draw_string(
                canvas,
                f"Vergaderjaar {meta['vergaderjaar_display']}",
                "Helvetica",
                9.6,
                LEFT,
                128.5,
                PAGE_H,
            )
            hrule(canvas, LEFT, 540.0, 175.0, PAGE_H, 0.283)
            draw_string(
                canvas, meta["dossier_display"], TITLE.font, TITLE.size, LEFT, title_top, PAGE_H
            )
            for i, line in enumerate(title_lines):
                draw_line(
                    canvas,
                    line,
                    TITLE,
                    COL_X,
                    title_top + i * TITLE.leading,
                    COL_W,
                    PAGE_H,
                    justify=False,
                )
            draw_string(canvas, nr_text, NR.font, NR.size, LEFT, nr_top, PAGE_H)
            for i, line in enumerate(heading_lines):
                draw_line(
                    canvas, line, NR, COL_X, nr_top + i * NR.leading, COL_W, PAGE_H, justify=False
                )
            colophon = [meta["id"], ISSN, f"’s-Gravenhage {meta['date'][:4]}"]
            for i, text in enumerate(colophon):
                draw_string(canvas, text, "Helvetica", 5.9, LEFT, 755.7 + 6.4 * i, PAGE_H)
            furniture.extend(colophon)
        note_top = draw_page_flow(canvas, pagination, page, doc, blocks, STYLE, PAGE_H)
        if note_top is not None:
            hrule(canvas, COL_X, COL_X + 72.0, note_top - 4.5, PAGE_H, 0.4)
        draw_string(canvas, footer, "Helvetica", 9.1, COL_X, FOOTER_TOP, PAGE_H)
        draw_string(canvas, str(page), "Helvetica", 9.1, 540.0, FOOTER_TOP, PAGE_H, align="right")
        furniture.extend([footer, str(page)])
        canvas.showPage()
    canvas.save()

    return LaidOut(
        stem=doc.stem,
        layout="kamerstuk",
        pages=pagination.pages,
        meta=_public_meta(meta),
        blocks=tuple(head + truth_blocks(pagination, doc, blocks)),
        notes=tuple(truth_notes(pagination, doc)),
        furniture=tuple(furniture),
    )


def _empty() -> Line:
    return Line((), None, True)


def _public_meta(meta: dict[str, Any]) -> dict[str, Any]:
    """The metadata fields of the output contract (display helpers dropped)."""
    return {k: v for k, v in meta.items() if not k.endswith("_display")}
