"""The review page: rendering (escaping, self-contained), the importer of its corrections,
and the page itself in a real headless Chromium (``-m browser``; skipped without one).

The record under test is built from ``review_cases.json`` (written for these tests).
"""

from __future__ import annotations

import copy
import hashlib
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kamer_nlp.annotation import (
    AnnotationImportError,
    GoldSpan,
    TextChangedError,
    evaluate,
    import_corrections,
    read_corrections,
    read_gold,
)
from kamer_nlp.annotation.review import from_review, page_record, render_review, write_review
from kamer_nlp.io.jsonl import dumps
from kamer_nlp.io.schema import validate_record
from tests.annotation.browser import Page, chromium, page  # noqa: F401  (fixtures)
from tests.annotation.cases import case_spans, locate

CASES = json.loads((Path(__file__).parent / "review_cases.json").read_text(encoding="utf-8"))
REPO = Path(__file__).resolve().parents[2]
SAMPLE_RUN = REPO / "data" / "annotated" / "documents.jsonl"

# ---------------------------------------------------------------- building the record


def box(page_no: int) -> list[dict[str, Any]]:
    return [{"page": page_no, "x0": 70.0, "top": 100.0, "x1": 200.0, "bottom": 110.0}]


def build_record(case: dict[str, Any]) -> dict[str, Any]:
    text = case["text"]
    spans = case_spans(text, case["spans"], lambda s: box(s["page"]))
    paragraphs = []
    for p in case["paragraphs"]:
        start, end = locate(text, p)
        paragraphs.append({"start": start, "end": end, "kind": p["kind"]})
    footnotes = []
    for f in case["footnotes"]:
        start, end = locate(text, f)
        at = locate(text, {"find": f["marker_after"]})[1]
        footnotes.append(
            {"label": f["label"], "start": start, "end": end, "marker": {"start": at, "end": at}}
        )
    repairs = []
    for r in case["repairs"]:
        start, end = locate(text, r)
        repairs.append({**{k: v for k, v in r.items() if k != "find"}, "start": start, "end": end})
    commitments = []
    for c in case["commitments"]:
        span = spans[c["span"] - 1]
        commitments.append(
            {
                **c,
                "span": span["id"],
                "text": span["text"],
                "actor": {**c["actor"], "span": spans[c["actor"]["span"] - 1]["id"]},
                "deadline": {
                    **c["deadline"],
                    "span": spans[c["deadline"]["span"] - 1]["id"],
                    "text": spans[c["deadline"]["span"] - 1]["text"],
                },
            }
        )
    return {
        "schema": "kamer-nlp/1",
        "id": case["id"],
        "source": {
            "path": "tests/<brief>.pdf",
            "sha256": hashlib.sha256(text.encode()).hexdigest(),
            "pages": 2,
            "layout": "letterhead",
        },
        "meta": {"date": case["date"], "title": case["title"]},
        "text": text,
        "paragraphs": paragraphs,
        "sentences": [],
        "footnotes": footnotes,
        "spans": spans,
        "commitments": commitments,
        "repairs": repairs,
        "warnings": case["warnings"],
        "pipeline": {"version": "0.1.0", "name": "default", "model": None},
    }


@pytest.fixture(scope="module")
def record() -> dict[str, Any]:
    rec = build_record(CASES["record"])
    validate_record(rec)
    return rec


@pytest.fixture
def run_dir(tmp_path: Path, record: dict[str, Any]) -> Path:
    out = tmp_path / "run"
    out.mkdir()
    (out / "documents.jsonl").write_text(dumps(record) + "\n", encoding="utf-8")
    (out / "errors.jsonl").write_text(
        dumps({"path": "bad.pdf", "sha256": "0" * 64, "error": "encrypted", "message": "<x>"})
        + "\n",
        encoding="utf-8",
    )
    return out


def page_line(record: dict[str, Any], spans: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A line as the page downloads it, for the record's spans (or ``spans``)."""
    text = record["text"]
    chosen = record["spans"] if spans is None else spans
    return {
        "id": record["id"],
        "text": text,
        "labels": ["ACTOR", "REFERENCE", "TIMEX", "COMMITMENT"],
        "origin": "review",
        "spans": [
            {
                "start": s["start"],
                "end": s["end"],
                "label": s["label"],
                "text": text[s["start"] : s["end"]],
                "kb_id": s.get("kb_id"),
            }
            for s in chosen
        ],
        "kamer": {
            "doc_id": record["id"],
            "text_sha256": hashlib.sha256(text.encode()).hexdigest(),
            "labels": ["ACTOR", "REFERENCE", "TIMEX", "COMMITMENT"],
        },
        "review": {"status": "done"},
    }


def embedded(page_html: str) -> dict[str, Any]:
    m = re.search(
        r'<script type="application/json" id="kamer-data">(.*?)</script>', page_html, re.S
    )
    assert m, "no embedded data"
    data: dict[str, Any] = json.loads(m.group(1))
    return data


# ---------------------------------------------------------------- rendering


def test_page_is_self_contained(record: dict[str, Any]) -> None:
    page_html = render_review([record])
    tags = re.findall(r"<(script|link|img|iframe|object|embed|base)\b([^>]*)>", page_html, re.I)
    assert [t for t, _ in tags] == ["script", "script"]  # the data and our own script
    assert not any("src" in attrs for _, attrs in tags)
    assert "@import" not in page_html and "url(" not in page_html
    assert "connect-src 'none'" in page_html  # the page may not fetch anything either


def test_record_text_cannot_end_the_data_script(record: dict[str, Any]) -> None:
    page_html = render_review([record])
    assert page_html.lower().count("</script") == 2
    assert "<script>window.__pwned" not in page_html
    assert "<img src=x" not in page_html
    data = embedded(page_html)
    doc = data["documents"][0]
    assert doc["text"] == record["text"]  # escaped in the HTML, intact in the JSON
    assert doc["id"] == record["id"]
    assert data["labels"] == ["ACTOR", "REFERENCE", "TIMEX", "COMMITMENT"]


def test_title_is_escaped() -> None:
    page_html = render_review([], title="<b>Review</b> & /*KAMER:JS*/")
    assert "<title>&lt;b&gt;Review&lt;/b&gt; &amp; /*KAMER:JS*/</title>" in page_html
    assert "<b>Review" not in page_html
    assert embedded(page_html)["documents"] == []


def test_page_record_keeps_what_the_page_shows(record: dict[str, Any]) -> None:
    slim = page_record(record)
    assert slim["text_sha256"] == hashlib.sha256(record["text"].encode()).hexdigest()
    assert "sentences" not in slim
    assert [s["pages"] for s in slim["spans"]] == [[s["boxes"][0]["page"]] for s in record["spans"]]
    assert all("boxes" not in s for s in slim["spans"])
    assert slim["meta"] == {"date": "2018-02-14", "title": CASES["record"]["title"]}
    assert slim["commitments"] == record["commitments"]


def test_write_review(run_dir: Path, record: dict[str, Any], tmp_path: Path) -> None:
    target = write_review(run_dir)
    assert target == run_dir / "review.html"
    data = embedded(target.read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == [record["id"]]
    assert data["errors"] == [{"path": "bad.pdf", "error": "encrypted", "message": "<x>"}]
    assert data["title"] == "kamer-nlp review: run"
    other = write_review(run_dir, tmp_path / "elsewhere" / "page.html", ids=[record["id"]])
    assert other.is_file() and not (other.parent / "page.html.tmp").exists()
    with pytest.raises(KeyError, match="no-such-doc"):
        write_review(run_dir, tmp_path / "x.html", ids=["no-such-doc"])
    with pytest.raises(FileNotFoundError, match="kamer-nlp run"):
        write_review(tmp_path / "empty")


# ---------------------------------------------------------------- importing corrections


def test_unchanged_line_gives_the_record_spans(record: dict[str, Any]) -> None:
    gold = from_review(json.loads(json.dumps(page_line(record))))
    assert gold.origin == "review"
    assert gold.doc_id == record["id"]
    assert set(gold.spans) == {
        GoldSpan(s["start"], s["end"], s["label"], s["kb_id"]) for s in record["spans"]
    }


def test_span_without_kb_field_takes_the_record_kb_id(record: dict[str, Any]) -> None:
    line = page_line(record)
    for s in line["spans"]:
        del s["kb_id"]
    gold = from_review(line, records={record["id"]: record})
    assert {s.kb_id for s in gold.spans} == {s["kb_id"] for s in record["spans"]}
    assert not from_review(line).spans[0].kb_id  # without records: nothing to take it from


def test_changed_text_is_refused(record: dict[str, Any]) -> None:
    line = page_line(record)
    line["text"] = line["text"].replace("Den Haag", "Den  Haag")
    with pytest.raises(TextChangedError, match="SHA-256"):
        from_review(line)
    with pytest.raises(TextChangedError, match="first difference at character"):
        from_review(line, records={record["id"]: record})


def test_line_without_hash_or_record_is_refused(record: dict[str, Any]) -> None:
    line = page_line(record)
    del line["kamer"]
    with pytest.raises(AnnotationImportError, match="no text_sha256"):
        from_review(line)
    assert from_review(line, records={record["id"]: record}).doc_id == record["id"]


def test_utf16_offsets_are_caught(record: dict[str, Any]) -> None:
    """After "𝔘" and "🙂" a UTF-16 offset is two past the code point offset."""
    line = page_line(record)
    actor = next(s for s in line["spans"] if s["text"] == "Ministerie van Financiën")
    actor["start"] += 2
    actor["end"] += 2
    with pytest.raises(AnnotationImportError, match="not code points"):
        from_review(line)


def test_bad_spans_are_refused(record: dict[str, Any]) -> None:
    line = page_line(record)
    line["spans"].append({"start": 5, "end": 9, "label": "PERSON"})
    with pytest.raises(AnnotationImportError, match="unknown label 'PERSON'"):
        from_review(line)
    line = page_line(record)
    line["spans"].append({"start": 5, "label": "ACTOR"})
    with pytest.raises(AnnotationImportError, match="without start, end and label"):
        from_review(line)


def test_import_corrections_review(record: dict[str, Any], run_dir: Path, tmp_path: Path) -> None:
    kept = [s for s in record["spans"] if s["id"] != "s4"]
    skipped = copy.deepcopy(page_line(record))
    skipped["id"] = skipped["kamer"]["doc_id"] = "other-doc"
    skipped["review"] = {"status": "skipped"}
    path = tmp_path / "corrections.review.jsonl"
    path.write_text(dumps(page_line(record, kept)) + "\n" + dumps(skipped) + "\n", "utf-8")
    out = tmp_path / "gold.jsonl"
    result = import_corrections(path, "review", out=out)
    assert result.skipped == [("other-doc", "skipped in the review page")]
    assert [len(g.spans) for g in read_gold(out)] == [len(record["spans"]) - 1]
    # the downloaded file is itself readable as gold (GoldDocument.to_dict shape)
    assert [len(g.spans) for g in read_gold(path)] == [
        len(record["spans"]) - 1,
        len(record["spans"]),
    ]
    assert len(read_corrections(path, "review", records={record["id"]: record}).gold) == 1
    stranger = {**page_line(record), "id": "other-doc"}
    path.write_text(dumps(stranger) + "\n", "utf-8")
    with pytest.raises(AnnotationImportError, match="no record with this id"):
        read_corrections(path, "review", records={record["id"]: record})
    with pytest.raises(ValueError, match="prodigy, labelstudio, doccano, review"):
        read_corrections(path, "brat")


# ---------------------------------------------------------------- in the browser

COUNT_MARKS = """
const counts = {}; const texts = {};
for (const m of document.querySelectorAll('#doc-view mark.sp')) {
  const id = m.dataset.id;
  if (!(id in texts)) { counts[m.dataset.label] = (counts[m.dataset.label] || 0) + 1; texts[id] = ''; }
}
// a span's text: the text nodes inside its marks, less note markers
const walker = document.createTreeWalker(document.getElementById('doc-view'), NodeFilter.SHOW_TEXT);
for (let t = walker.nextNode(); t; t = walker.nextNode()) {
  if (t.parentElement.closest('sup.fn, .page-mark')) continue;
  const seen = new Set();
  for (let m = t.parentElement.closest('mark.sp'); m; m = m.parentElement.closest('mark.sp')) {
    if (!seen.has(m.dataset.id)) { seen.add(m.dataset.id); texts[m.dataset.id] += t.data; }
  }
}
return [counts, texts];
"""


def open_case(page: Page, run_dir: Path) -> None:  # noqa: F811
    page.open(write_review(run_dir))
    assert page.errors() == []


def click_span(page: Page, span_id: str) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    page.driver.find_element(By.CSS_SELECTOR, f'mark.sp[data-id="{span_id}"]').click()
    page.wait_for(
        lambda: page.js("return document.getElementById('panel').dataset.span") == span_id
    )


@pytest.mark.browser
def test_every_span_is_drawn(page: Page, run_dir: Path, record: dict[str, Any]) -> None:  # noqa: F811
    open_case(page, run_dir)
    counts, texts = page.js(COUNT_MARKS)
    assert counts == CASES["counts"]
    assert texts == {s["id"]: s["text"] for s in record["spans"]}
    # nested: the commitment's actor and deadline lie inside its mark
    inside = page.js(
        "return [...document.querySelectorAll('mark.sp')].filter(m => m.parentElement.closest("
        "'mark[data-label=COMMITMENT]')).map(m => m.dataset.id)"
    )
    assert inside == ["s9", "s10", "s11"]
    # the repairs are listed and underlined in the text
    assert page.js("return document.querySelectorAll('details.repairs tbody tr').length") == 2
    assert page.js("return document.getElementById('rp-0-0').textContent") == "geïnformeerd"
    # page numbers from the span boxes: the body paragraph starts on page 1, the signature on 2
    assert page.js(
        "return [...document.querySelectorAll('.page-mark')].map(e => e.textContent)"
    ) == ["p. 1", "p. 2"]


@pytest.mark.browser
def test_panel_shows_kb_id_and_attrs(page: Page, run_dir: Path) -> None:  # noqa: F811
    open_case(page, run_dir)
    click_span(page, "s5")
    kb = page.js(
        "const a = document.querySelector('#panel .kb'); return [a.tagName, a.textContent, a.href]"
    )
    assert kb == [
        "A",
        "kst-31015-135",
        "https://zoek.officielebekendmakingen.nl/kst-31015-135.html",
    ]
    assert "kst-31015-135" in page.js("return document.querySelector('mark[data-id=s5]').title")
    # a javascript: url is no link; markup in kb ids and attrs is text
    click_span(page, "s14")
    assert page.js("const a = document.querySelector('#panel .kb'); return a.tagName") == "CODE"
    click_span(page, "s13")
    assert page.js("return document.querySelector('#panel .kb').textContent") == "<b>dekker</b>"
    panel = page.js("return document.getElementById('panel').textContent")
    assert "<script>window.__pwned=4</script>" in panel
    assert "page2" in panel.replace(" ", "") and "person" in panel


@pytest.mark.browser
def test_footnote_links_jump_both_ways(page: Page, run_dir: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    open_case(page, run_dir)
    visible = (
        "const r = document.getElementById(arguments[0]).getBoundingClientRect();"
        "return r.top >= 0 && r.bottom <= window.innerHeight"
    )
    page.driver.set_window_size(1400, 500)  # short, so that the jump has to scroll
    try:
        page.driver.find_element(By.CSS_SELECTOR, "sup.fn a").click()
        page.wait_for(lambda: page.js("return location.hash") == "#note-0-0")
        assert page.js(visible, "note-0-0")
        assert "Zie ook Kamerstuk 31 015, nr. 120" in page.js(
            "return document.querySelector(':target').textContent"
        )
        page.driver.find_element(By.CSS_SELECTOR, "a.fn-back").click()
        page.wait_for(lambda: page.js("return location.hash") == "#fnref-0-0")
        assert page.js(visible, "fnref-0-0")
    finally:
        page.driver.set_window_size(1400, 1000)


@pytest.mark.browser
def test_commitments_table_links_to_spans(page: Page, run_dir: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.by import By

    open_case(page, run_dir)
    cells = page.js(
        "return [...document.querySelectorAll('table.commitments tbody td')].map(td => td.textContent)"
    )
    assert cells[:2] == ["c1", "S. DekkerMinister voor Rechtsbescherming"]
    assert cells[3:7] == ["uiterlijk aanstaande zomer", "2018-08-31", "0.91", "open"]
    page.driver.find_element(By.CSS_SELECTOR, 'table.commitments a[data-span="s8"]').click()
    page.wait_for(lambda: page.js("return document.getElementById('panel').dataset.span") == "s8")
    assert "uw Kamer berichten" in page.js("return document.getElementById('panel').textContent")
    page.driver.find_element(By.CSS_SELECTOR, 'table.commitments a[data-span="s11"]').click()
    page.wait_for(lambda: page.js("return document.getElementById('panel').dataset.span") == "s11")


@pytest.mark.browser
def test_injected_markup_stays_text(page: Page, run_dir: Path) -> None:  # noqa: F811
    open_case(page, run_dir)
    assert page.js("return typeof window.__pwned") == "undefined"
    assert page.js("return document.scripts.length") == 2
    assert page.js("return document.querySelectorAll('img, iframe, object, embed').length") == 0
    body = page.js("return document.body.textContent")
    for literal in CASES["injection"]["literal"]:
        assert literal in body
    assert (
        page.js("return document.querySelector('#doc-view h2').textContent")
        == CASES["injection"]["title"]
    )
    assert '<img src=x onerror="window.__pwned=6"> & a warning' in page.js(
        "return document.querySelector('.warnings').textContent"
    )
    # clicking everything clickable runs no injected code either
    page.js("for (const m of document.querySelectorAll('mark.sp')) m.click()")
    assert page.js("return typeof window.__pwned") == "undefined"
    assert page.errors() == []


SELECT = """
const [needle, root] = [arguments[0], document.getElementById('doc-view')];
const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
for (let t = walker.nextNode(); t; t = walker.nextNode()) {
  const i = t.data.indexOf(needle);
  if (i < 0) continue;
  const range = document.createRange();
  range.setStart(t, i);
  range.setEnd(t, i + needle.length);  // UTF-16 units, as the DOM counts
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}
return false;
"""


def correct(page: Page, record: dict[str, Any]) -> None:  # noqa: F811
    """Apply the case file's corrections through the page's own controls."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    by_find = {(s["label"], s["text"]): s["id"] for s in record["spans"]}
    plan = CASES["corrections"]
    for r in plan["reject"]:
        click_span(page, by_find[(r["label"], r["find"])])
        page.driver.find_element(By.CSS_SELECTOR, '#panel [data-action="reject"]').click()
    for r in plan["relabel"]:
        click_span(page, by_find[(r["label"], r["find"])])
        Select(
            page.driver.find_element(By.CSS_SELECTOR, '#panel select[data-action="label"]')
        ).select_by_value(r["to"])
    for a in plan["add"]:
        assert page.js(SELECT, a["select"])
        page.driver.find_element(By.CSS_SELECTOR, f'#add-bar [data-add="{a["label"]}"]').click()


@pytest.mark.browser
def test_corrections_download_import_evaluate(
    page: Page,  # noqa: F811
    run_dir: Path,
    record: dict[str, Any],
    tmp_path: Path,
) -> None:
    from selenium.webdriver.common.by import By

    open_case(page, run_dir)
    assert page.js("return document.getElementById('download').disabled") is True
    correct(page, record)
    assert page.errors() == []
    # the added span: code point offsets of a selection that starts and ends on astral characters
    added = CASES["corrections"]["add"][0]["select"]
    start = record["text"].index(added)
    lines = [json.loads(x) for x in page.js("return kamerReview.correctionsJsonl()").splitlines()]
    assert len(lines) == 1
    assert {
        "start": start,
        "end": start + len(added),
        "label": "REFERENCE",
        "text": added,
        "kb_id": None,
    } in lines[0]["spans"]
    assert lines[0]["review"] == {
        "status": "partial", "accepted": 0, "rejected": 1, "pending": 13, "added": 1,
        "relabelled": 1, "kb_changed": 0,
    }  # fmt: skip
    # a relabelled span loses its kb id; the rest keep theirs
    moved = next(s for s in lines[0]["spans"] if s["text"] == "Ministerie van Financiën")
    assert moved == {**moved, "label": "REFERENCE", "kb_id": None}

    page.driver.find_element(By.ID, "download").click()
    downloaded = page.downloaded("corrections.review.jsonl")
    assert [json.loads(x) for x in downloaded.read_text("utf-8").splitlines()] == lines

    result = import_corrections(
        downloaded, "review", out=tmp_path / "gold.jsonl", records_path=run_dir
    )
    assert result.skipped == []
    scores = evaluate(read_gold(tmp_path / "gold.jsonl"), [record])
    expected = CASES["corrections"]["expected"]
    assert sum(len(g.spans) for g in result.gold) == expected["gold_spans"]
    for label, want in expected.items():
        if label == "gold_spans":
            continue
        got = scores["micro"] if label == "micro" else scores["labels"][label]
        assert got["gold"] == want["gold"], label
        assert got["predicted"] == want["predicted"], label
        assert {k: got["exact"][k] for k in ("tp", "fp", "fn")} == want["exact"], label


@pytest.mark.browser
def test_corrections_survive_a_reload_and_keys_work(page: Page, run_dir: Path) -> None:  # noqa: F811
    from selenium.webdriver.common.action_chains import ActionChains

    open_case(page, run_dir)
    page.js("kamerReview.selectSpan('s2', false)")
    ActionChains(page.driver).send_keys("r").perform()  # reject
    page.wait_for(
        lambda: page.js(
            "return document.querySelector('mark[data-id=s2]').classList.contains('rejected')"
        )
    )
    ActionChains(page.driver).send_keys("j").send_keys("a").perform()  # next span, accept
    page.wait_for(
        lambda: page.js(
            "return document.querySelector('mark[data-id=s3]').classList.contains('accepted')"
        )
    )
    page.driver.refresh()
    page.wait_for(lambda: page.js("return document.documentElement.dataset.ready") == "true")
    assert page.js(
        "return document.querySelector('mark[data-id=s2]').classList.contains('rejected')"
    )
    assert (
        page.js("return document.getElementById('download').textContent")
        == "Download corrections (1)"
    )


@pytest.mark.browser
def test_screenshot(page: Page, run_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    open_case(page, run_dir)
    click_span(page, "s8")
    shot = tmp_path / "review.png"
    assert page.driver.save_screenshot(str(shot))
    head = shot.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    assert width >= 1000 and height >= 600


@pytest.mark.browser
@pytest.mark.skipif(
    not SAMPLE_RUN.is_file(),
    reason="no data/annotated/documents.jsonl (kamer-nlp run data/raw --out data/annotated)",
)
def test_sample_documents_draw_every_span(page: Page, tmp_path: Path) -> None:  # noqa: F811
    """The four sample letters as the pipeline annotates them: every span drawn, with its text."""
    run = tmp_path / "sample"
    run.mkdir()
    (run / "documents.jsonl").write_bytes(SAMPLE_RUN.read_bytes())
    records = [json.loads(x) for x in SAMPLE_RUN.read_text("utf-8").splitlines() if x.strip()]
    page.open(write_review(run))
    for rec in records:
        assert page.js("return kamerReview.selectDocument(arguments[0])", rec["id"])
        counts, texts = page.js(COUNT_MARKS)
        want: dict[str, int] = {}
        for s in rec["spans"]:
            want[s["label"]] = want.get(s["label"], 0) + 1
        assert counts == want, rec["id"]
        assert texts == {s["id"]: s["text"] for s in rec["spans"]}, rec["id"]
        notes = page.js("return document.querySelectorAll('li.note[id]').length")
        assert notes == len(rec["footnotes"]), rec["id"]
    assert page.errors() == []


@pytest.mark.browser
def test_span_over_a_note_label_is_drawn_in_order(
    page: Page,  # noqa: F811
    record: dict[str, Any],
    tmp_path: Path,
) -> None:
    """A span that takes in a note's label (seen in the corpus: a COMMITMENT "5 https://…")
    is drawn with the label before the note, not after all notes."""
    rec = copy.deepcopy(record)
    note = rec["footnotes"][0]
    start = rec["text"].rindex("\n", 0, note["start"]) + 1
    text = rec["text"][start : note["end"]]
    rec["spans"].append(
        {"id": "s99", "start": start, "end": note["end"], "label": "COMMITMENT", "text": text,
         "kb_id": None, "attrs": {}, "boxes": []}
    )  # fmt: skip
    run = tmp_path / "run"
    run.mkdir()
    (run / "documents.jsonl").write_text(dumps(rec) + "\n", encoding="utf-8")
    page.open(write_review(run))
    counts, texts = page.js(COUNT_MARKS)
    assert texts["s99"] == text and text.startswith("1 Zie ook")
    assert counts["COMMITMENT"] == 2
    assert page.errors() == []


@pytest.mark.slow
@pytest.mark.corpus
@pytest.mark.browser
def test_corpus_letters_draw_every_span(page: Page, corpus_dir: Path, tmp_path: Path) -> None:  # noqa: F811
    """Two letters with many footnotes and the seed letter, annotated now: every span is
    drawn with its own text, every note listed and linked from its marker."""
    from kamer_nlp.api import annotate_file

    paths = [
        corpus_dir / "letters" / "Kamerbrief_circulaire_economie.pdf",
        corpus_dir / "letters" / "Kamerbrief_innovatie_missie.pdf",
        corpus_dir / "seed" / "kst-31015-136.txt",
    ]
    records = [annotate_file(p) for p in paths if p.is_file()]
    if not records:
        pytest.skip("the corpus letters are not there")
    run = tmp_path / "corpus"
    run.mkdir()
    (run / "documents.jsonl").write_text("".join(dumps(r) + "\n" for r in records), "utf-8")
    page.open(write_review(run))
    for rec in records:
        assert page.js("return kamerReview.selectDocument(arguments[0])", rec["id"])
        _, texts = page.js(COUNT_MARKS)
        assert texts == {s["id"]: s["text"] for s in rec["spans"]}, rec["id"]
        linked = [i for i, f in enumerate(rec["footnotes"]) if f["marker"] is not None]
        hrefs = page.js("return [...document.querySelectorAll('sup.fn a')].map(a => a.hash)")
        assert sorted(hrefs) == sorted(f"#note-{records.index(rec)}-{i}" for i in linked), rec["id"]
    assert page.errors() == []
