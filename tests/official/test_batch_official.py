"""A run over official publications: one record per publication, alternates, bad XML."""

from __future__ import annotations

import json
from pathlib import Path

from kamer_nlp.batch.run import run_batch
from kamer_nlp.io.schema import validate_record

from . import fixtures as fx


def _lines(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def _folder(tmp_path: Path) -> Path:
    in_dir = tmp_path / "in"
    pub = in_dir / "kst-99001-7"
    pub.mkdir(parents=True)
    (pub / "kst-99001-7.xml").write_text(fx.KST, encoding="utf-8")
    (pub / "kst-99001-7.html").write_text(fx.HTML, encoding="utf-8")
    (pub / "metadata.xml").write_text(fx.METADATA, encoding="utf-8")
    (in_dir / "debat.xml").write_text(fx.VLOS, encoding="utf-8")
    (in_dir / "kapot.xml").write_text("<officiele-publicatie><al>open", encoding="utf-8")
    (in_dir / "feed.xml").write_text("<rss><item/></rss>", encoding="utf-8")
    return in_dir


def test_one_record_per_publication_and_error_lines(tmp_path: Path) -> None:
    in_dir, out = _folder(tmp_path), tmp_path / "out"
    summary = run_batch(in_dir, out, isolate=False)
    docs = {r["id"]: r for r in _lines(out / "documents.jsonl")}
    errors = {Path(e["path"]).name: e["error"] for e in _lines(out / "errors.jsonl")}
    assert set(docs) == {"kst-99001-7", "debat"}
    assert errors == {"kapot.xml": "malformed_xml", "feed.xml": "unsupported_xml"}
    record = docs["kst-99001-7"]
    assert record["source"]["format"] == "xml"  # the XML is preferred over the HTML
    assert [(Path(a["path"]).name, a["format"]) for a in record["source"]["alternates"]] == [
        ("kst-99001-7.html", "html")
    ]
    assert docs["debat"]["source"]["format"] == "vlos" and len(docs["debat"]["turns"]) == 4
    for rec in docs.values():
        validate_record(rec)
    assert summary.processed == 2 and summary.failed == 2
    # resumed: nothing to do, the alternate counts as done
    again = run_batch(in_dir, out, isolate=False)
    assert (again.processed, again.skipped) == (0, 4)
    # a changed alternate: the publication is read again, and still once
    (in_dir / "kst-99001-7" / "kst-99001-7.html").write_text(
        fx.HTML.replace("proef.</p>", "proef!</p>"), encoding="utf-8"
    )
    third = run_batch(in_dir, out, isolate=False)
    assert third.processed == 1
    assert [r["id"] for r in _lines(out / "documents.jsonl")].count("kst-99001-7") == 1


def test_a_broken_preferred_form_falls_back_to_the_next(tmp_path: Path) -> None:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "kst-99001-7.xml").write_text(fx.KST[:400], encoding="utf-8")  # cut off
    (in_dir / "kst-99001-7.html").write_text(fx.HTML, encoding="utf-8")
    out = tmp_path / "out"
    run_batch(in_dir, out, isolate=False)
    (record,) = _lines(out / "documents.jsonl")
    (error,) = _lines(out / "errors.jsonl")
    assert record["source"]["format"] == "html" and error["error"] == "malformed_xml"
