"""The pdfplumber backend of :class:`~kamer_nlp.extract.glyphs.GlyphSource`."""

from __future__ import annotations

import logging
import math
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from kamer_nlp.errors import ExtractionError
from kamer_nlp.extract.glyphs import Glyph, PageGlyphs, Rule

if TYPE_CHECKING:  # pdfplumber is imported when a PDF is opened (start-up time)
    from pdfplumber.page import Page

log = logging.getLogger(__name__)

PDF_MAGIC = b"%PDF-"


def check_pdf_file(path: Path, *, max_bytes: int | None = None) -> None:
    """Cheap checks before parsing: exists, not empty, looks like a PDF, not too large."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(1024)
    except OSError as err:
        raise ExtractionError("unreadable", f"cannot read file: {err}") from err
    if size == 0:
        raise ExtractionError("empty", "file is empty (0 bytes)")
    if max_bytes is not None and size > max_bytes:
        raise ExtractionError("too_large", f"file is {size} bytes, limit is {max_bytes}")
    if PDF_MAGIC not in head:
        raise ExtractionError("not_a_pdf", "no %PDF- header in the first 1024 bytes")


def _causes(err: BaseException) -> list[BaseException]:
    """The exception, what it wraps (pdfplumber wraps pdfminer's errors in its args) and its causes."""
    seen: list[BaseException] = []
    todo: list[BaseException] = [err]
    while todo:
        e = todo.pop()
        if e in seen:
            continue
        seen.append(e)
        todo.extend(a for a in e.args if isinstance(a, BaseException))
        todo.extend(c for c in (e.__cause__, e.__context__) if c is not None)
    return seen


def _classify_open_error(err: Exception) -> ExtractionError:
    causes = _causes(err)
    names = " ".join(type(e).__name__ for e in causes)
    text = "; ".join(str(e) for e in causes if str(e)) or type(err).__name__
    if (
        "Password" in names
        or "Encrypt" in names
        or "encrypt" in text.lower()
        or "password" in text.lower()
    ):
        return ExtractionError("encrypted", "PDF is encrypted and needs a password")
    inner = type(causes[-1]).__name__
    return ExtractionError("corrupt", f"PDF could not be parsed ({inner}): {text}")


class PdfplumberSource:
    """Reads glyphs and rules with pdfplumber (pdfminer.six underneath)."""

    def __init__(self, *, max_bytes: int | None = None) -> None:
        self.max_bytes = max_bytes

    def pages(self, path: Path) -> Iterator[PageGlyphs]:
        import pdfplumber

        check_pdf_file(path, max_bytes=self.max_bytes)
        try:
            pdf = pdfplumber.open(path)
            n_pages = len(pdf.pages)
        except Exception as err:  # pdfminer raises many unrelated types on bad input
            raise _classify_open_error(err) from err
        if n_pages == 0:
            pdf.close()
            raise ExtractionError("corrupt", "PDF has no pages")
        with pdf:
            for page in pdf.pages:
                try:
                    yield _read_page(page)
                except ExtractionError:
                    raise
                except Exception as err:  # a damaged page: the others may still read
                    yield _unreadable_page(page, f"{type(err).__name__}: {err}")
                finally:
                    page.close()


def _direction(matrix: tuple[float, ...] | None) -> tuple[float, float]:
    """The writing direction of a glyph from its text matrix, in top-down coordinates (y down)."""
    if not matrix:
        return (1.0, 0.0)
    a, b = float(matrix[0]), float(matrix[1])
    norm = math.hypot(a, b) or 1.0
    return (round(a / norm, 3), round(-b / norm, 3))


def _unreadable_page(page: Page, why: str) -> PageGlyphs:
    """A page whose content could not be parsed: kept (numbering stays) without glyphs."""
    log.warning("page %s could not be read: %s", page.page_number, why)
    try:
        width, height = float(page.width), float(page.height)
    except Exception:  # even the page box is damaged: A4
        width, height = 595.0, 842.0
    return PageGlyphs(int(page.page_number), width, height, error=why)


def _read_page(page: Page) -> PageGlyphs:
    number = int(page.page_number)
    glyphs = [
        Glyph(
            text=c["text"],
            page=number,
            index=i,
            x0=float(c["x0"]),
            top=float(c["top"]),
            x1=float(c["x1"]),
            bottom=float(c["bottom"]),
            size=float(c.get("size") or 0.0),
            font=str(c.get("fontname") or ""),
            upright=bool(c.get("upright", True)),
            direction=_direction(c.get("matrix")),
        )
        for i, c in enumerate(page.chars)
    ]
    rules = [
        Rule(float(e["x0"]), float(e["x1"]), float(e["top"]))
        for e in page.lines
        if abs(e["top"] - e["bottom"]) < 2
    ]
    rules += [
        Rule(float(r["x0"]), float(r["x1"]), float(r["top"]))
        for r in page.rects
        if r["height"] < 2 and r["width"] > 20
    ]
    return PageGlyphs(
        number=number,
        width=float(page.width),
        height=float(page.height),
        glyphs=glyphs,
        rules=rules,
    )
