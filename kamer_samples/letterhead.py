"""The letterhead layout of a ministry's own Kamerbrief.

Geometry measured on Kamerbrief_circulaire_economie.pdf: A4; "> Retouradres …" 6.8pt at
top 136; addressee block 9pt from top 157; right-hand sidebar at x 467 in 6.8pt (ministry
name in bold, address, "Ons kenmerk", "Bijlage(n)"), repeated in short form on later
pages; "Datum" / "Betreft" fields at top 302; body 9pt on 12pt leading at x 79.6, ragged
right; footnotes under a short rule at the page bottom with raised 6pt markers;
"Pagina x van y" 6.8pt at x 467, top 808.
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
from kamer_samples.linebreak import TextStyle
from kamer_samples.render import draw_line, draw_string, hrule
from kamer_samples.source import SampleDocument
from kamer_samples.truth import LaidOut, TruthBlock

PAGE_W, PAGE_H = 595.28, 841.89
BODY_X, BODY_W = 79.6, 362.0
SIDEBAR_X = 467.1
FIELD_VALUE_X = 136.0
STYLE = BodyStyle(
    body=TextStyle("Helvetica", 9.0, 12.0, marker_size=6.0, marker_rise=3.6),
    heading=TextStyle("Helvetica-Bold", 9.0, 12.0),
    note=TextStyle("Helvetica", 7.5, 9.0, marker_size=5.5, marker_rise=2.8),
    x=BODY_X,
    width=BODY_W,
    list_indent=14.0,
    note_indent=9.0,
    justify=False,
    hyphenate=True,
    paragraph_space=12.0,
)
SIDE = 6.8
SIDE_LEADING = 9.0
NOTES_BOTTOM = 795.0
LATER_TOP = 151.3


def _sidebar(canvas: Any, header: dict[str, Any], meta: dict[str, Any], first: bool) -> list[str]:
    """Draw the sidebar; returns the strings drawn (furniture)."""
    entries: list[tuple[str, str]] = [(line, "Helvetica-Bold") for line in header["ministry"]]
    if first:
        entries.append(("", ""))
        entries.extend((line, "Helvetica") for line in header["address"])
    entries.append(("", ""))
    entries.extend([("Ons kenmerk", "Helvetica-Bold"), (meta["kenmerk"], "Helvetica")])
    if first and header.get("bijlagen"):
        entries.append(("", ""))
        entries.extend([("Bijlage(n)", "Helvetica-Bold"), (str(header["bijlagen"]), "Helvetica")])
    top = 155.3 if first else 152.3
    drawn = []
    for text, font in entries:
        if text:
            draw_string(canvas, text, font, SIDE, SIDEBAR_X, top, PAGE_H)
            drawn.append(text)
        top += SIDE_LEADING
    return drawn


def layout_letterhead(doc: SampleDocument, path: Path) -> LaidOut:
    """Set ``doc`` as a letterhead letter into ``path`` and return what was drawn."""
    from reportlab.pdfgen.canvas import Canvas

    meta, header = doc.meta, doc.header
    body = STYLE.body
    furniture: list[str] = []

    address_lines = [fixed_lines(a, body, BODY_W)[0] for a in header["addressee"]]
    value_w = BODY_X + BODY_W - FIELD_VALUE_X
    date_lines = fixed_lines(header["date_display"], body, value_w)
    subject_lines = fixed_lines(meta["subject"], body, value_w)
    date_top = 302.1
    subject_top = date_top + body.leading
    head = [
        TruthBlock("address", tuple((1, ln) for ln in address_lines)),
        TruthBlock("field", ((1, prefixed("Datum", date_lines[0])),)),
        TruthBlock(
            "field",
            tuple((1, ln) for ln in [prefixed("Betreft", subject_lines[0]), *subject_lines[1:]]),
        ),
    ]
    flow_top = subject_top + body.leading * len(subject_lines) + 30.0

    notes = compose_notes(doc, STYLE)
    blocks = compose_blocks(doc, STYLE)
    frame = PageFrame(
        first_top=flow_top, top=LATER_TOP, bottom=NOTES_BOTTOM, note_style=STYLE.note, note_gap=12.0
    )
    runover = {n.label: n.runover for n in doc.notes if n.runover}
    pagination = paginate(blocks, notes, frame, runover=runover)

    canvas = Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    canvas.setTitle(meta["subject"])
    canvas.setAuthor(" ".join(header["ministry"]))
    canvas.setCreator("kamer-nlp samples")
    for page in range(1, pagination.pages + 1):
        if page == 1:
            retour = f"> Retouradres {header['retouradres']}"
            draw_string(canvas, retour, "Helvetica", SIDE, BODY_X, 135.8, PAGE_H)
            furniture.append(retour)
            for i, line in enumerate(address_lines):
                draw_line(
                    canvas,
                    line,
                    body,
                    BODY_X,
                    157.3 + i * body.leading,
                    BODY_W,
                    PAGE_H,
                    justify=False,
                )
            furniture.extend(_sidebar(canvas, header, meta, first=True))
            draw_string(canvas, "Datum", body.font, body.size, BODY_X, date_top, PAGE_H)
            draw_line(
                canvas, date_lines[0], body, FIELD_VALUE_X, date_top, value_w, PAGE_H, justify=False
            )
            draw_string(canvas, "Betreft", body.font, body.size, BODY_X, subject_top, PAGE_H)
            for i, line in enumerate(subject_lines):
                draw_line(
                    canvas,
                    line,
                    body,
                    FIELD_VALUE_X,
                    subject_top + i * body.leading,
                    value_w,
                    PAGE_H,
                    justify=False,
                )
        else:
            furniture.extend(_sidebar(canvas, header, meta, first=False))
        note_top = draw_page_flow(canvas, pagination, page, doc, blocks, STYLE, PAGE_H)
        if note_top is not None:
            hrule(canvas, BODY_X, BODY_X + 144.0, note_top - 6.0, PAGE_H, 0.5)
        footer = f"Pagina {page} van {pagination.pages}"
        draw_string(canvas, footer, "Helvetica", SIDE, SIDEBAR_X, 807.6, PAGE_H)
        furniture.append(footer)
        canvas.showPage()
    canvas.save()

    return LaidOut(
        stem=doc.stem,
        layout="letterhead",
        pages=pagination.pages,
        meta=dict(meta),
        blocks=tuple(head + truth_blocks(pagination, doc, blocks)),
        notes=tuple(truth_notes(pagination, doc)),
        furniture=tuple(furniture),
    )
