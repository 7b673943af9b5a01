"""Tokenisation and surface-form matching."""

from __future__ import annotations

from kamer_nlp.actors.matching import SurfaceForm, SurfaceIndex, fold, tokenize


def test_tokens_keep_offsets_and_join_line_end_hyphenation() -> None:
    text = "de Nationaal Rapporteur Mensen-\nhandel en Sociaal-Economische Raad"
    tokens = tokenize(text)
    for t in tokens:
        assert fold(text[t.start : t.end]).replace("-\n", "") == t.text
    keys = [t.key for t in tokens]
    assert "mensenhandel" in keys  # soft line-end hyphen joined
    assert keys[-4:] == ["sociaal", "-", "economische", "raad"]  # a real hyphen stays


def test_fold_unifies_dashes_quotes_and_diacritics() -> None:
    assert fold("Financiën – Toeslagen’") == "Financien - Toeslagen'"


def test_index_longest_match_and_case_sensitivity() -> None:
    index = SurfaceIndex(
        [
            SurfaceForm("Minister van Financiën", "minister-fin"),
            SurfaceForm("Minister van Financiën - Toeslagen en Douane", "stas-toeslagen"),
            SurfaceForm("OM", "om", "abbreviation", True),
        ]
    )
    tokens = tokenize("de MINISTER VAN FINANCIEN - Toeslagen en Douane en het OM, om te")
    found = [
        (tokens[i].start, tokens[j - 1].end, [f.actor_id for f in forms])
        for i, j, forms in index.find_all(tokens)
    ]
    assert [ids for _, _, ids in found] == [
        ["stas-toeslagen"],
        ["om"],
    ]  # lower-case "om" is no match
    assert index.lookup(tokenize("minister\u00a0van\nfinanciën")) == [
        SurfaceForm("Minister van Financiën", "minister-fin")
    ]
