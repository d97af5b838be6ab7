"""The termbase formats read back by their real consumers: translate-toolkit's TBX reader,
Anki's own import (twice: same note count), and the Pleco and memoQ files by hand."""

from __future__ import annotations

import csv
import io

import pytest

from cngloss.render.appendix import render_appendix
from cngloss.render.pleco import numbered


def test_tbx_read_back_by_translate_toolkit(corpus):
    tbx = pytest.importorskip("translate.storage.tbx", reason="translate-toolkit not installed")
    store = tbx.tbxfile.parsestring(render_appendix(corpus, "tbx").encode("utf-8"))
    assert len(store.units) == 23
    first = store.units[0]
    assert first.source == "六稳六保"
    assert first.target == "stability on the six fronts and security in the six areas"
    assert first.getid() == "c-liuwen-liubao"
    assert "pinyin: liù wěn liù bǎo" in first.getnotes()


def test_anki_import_twice_same_count(corpus, tmp_path):
    collection = pytest.importorskip("anki.collection", reason="anki not installed")
    deck = tmp_path / "deck.txt"
    deck.write_text(render_appendix(corpus, "anki"), encoding="utf-8")
    col = collection.Collection(str(tmp_path / "c.anki2"))
    try:
        for _ in range(2):
            metadata = col.get_csv_metadata(str(deck), None)
            col.import_csv(collection.ImportCsvRequest(path=str(deck), metadata=metadata))
            assert col.note_count() == 23
    finally:
        col.close()


def test_pleco_line(corpus):
    first = render_appendix(corpus, "pleco").splitlines()[0].split("\t")
    assert first[0] == "六稳六保[六穩六保]"
    assert first[1] == "liu4 wen3 liu4 bao3"
    assert numbered("lǜ sè") == "lu:4 se4"


def test_memoq_csv_header_and_bom(corpus):
    text = render_appendix(corpus, "memoq-csv")
    assert text.startswith("\ufeffEntry_ID,")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == 23 and rows[0]["Chinese_Simplified"] == "六稳六保"


def test_existing_file_refused(cli, tmp_path):
    out = tmp_path / "a.tbx"
    out.write_text("keep", encoding="utf-8")
    result = cli("appendix", "-f", "tbx", "-o", str(out))
    assert result.code != 0 and out.read_text(encoding="utf-8") == "keep"
