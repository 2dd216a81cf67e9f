"""`pantau process`: every stage over raw articles, bad input recorded instead of raised, the contract fields."""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

from pantau.jsonl import to_records
from pantau.process.batch import process_batch
from pantau.process.stories import StoryIndex
from pantau.records import RawArticle
from tests.shared import SEED_FILE

ROOT = Path(__file__).resolve().parents[1]


@cache
def _seed() -> str:
    return SEED_FILE.read_text(encoding="utf-8")


CONTRACT = {"id", "language", "is_pilkada", "pilkada_score", "topics", "regions", "entities", "flags", "story_id"}


def _row(n: int, **kw: object) -> dict[str, object]:
    base = {
        "id": f"a{n}",
        "url": f"https://sumateraekspres.id/read/2024/11/{n}/x",
        "outlet": "Sumatera Ekspres",
        "title": "Rapimnas KPU jelang Pilkada Serentak 2024",
        "body": _seed(),
        "published_at": "2024-11-15T10:00:00+07:00",
    }
    base.update(kw)
    return base


def _raw(n: int, **kw: object) -> RawArticle:
    return RawArticle.from_dict(_row(n, **kw))


def test_seed_article_is_processed_with_every_contract_field() -> None:
    article = process_batch([_raw(1)]).articles[0]
    data = article.to_dict()
    assert set(data) >= CONTRACT
    assert data["id"] == "a1"
    assert data["language"] == "id"
    assert data["is_pilkada"] is True and 0.5 <= data["pilkada_score"] <= 1
    assert data["flags"] == []  # the seed article is accurate
    assert all(set(r) >= {"province", "regency", "code"} for r in data["regions"])
    assert "BACA JUGA" not in data["body"]
    names = {e["name"] for e in data["entities"]}
    assert any("Afifuddin" in n for n in names)


def test_bad_input_is_recorded_never_raised() -> None:
    items = [
        _raw(1, body=""),
        _raw(2, published_at=None),
        _raw(3, body="Pilkada " * 200_000),
        _raw(4, body="選挙 Пилкада پیلکادا Pilkada 2024 \x00\ufffd" * 50),
        _raw(5, title=None, body=None),
    ]
    result = process_batch(items)
    assert [a.id for a in result.articles] == ["a1", "a2", "a3", "a4", "a5"]
    empty = result.articles[0]
    assert "empty body" in empty.process_notes
    assert empty.language == "id"  # judged on the title when the body is empty
    nothing = result.articles[4]
    assert nothing.language == "und" and nothing.language_reason in {"empty", "too_short"}
    assert "no publication date" in result.articles[1].process_notes
    assert any("only the first" in n for n in result.articles[2].process_notes)


def test_rows_that_are_no_raw_article_are_skipped_with_a_reason() -> None:
    rows = [_row(1), {"title": "no url at all"}, "not an object", _row(2, colour="red"), {"id": "b", "url": 7}]
    good, bad = to_records(RawArticle.from_dict, enumerate(rows, start=1))
    assert [(n, raw.id) for n, raw in good] == [(1, "a1")]
    assert [(b["line"], b["id"]) for b in bad] == [(2, None), (3, None), (4, "a2"), (5, "b")]
    assert "url is required" in bad[0]["reason"] and "expected a JSON object" in bad[1]["reason"]
    assert bad[2]["reason"] == "RawArticle: unknown key colour"


def test_syndicated_copies_share_a_story_across_batches() -> None:
    stories = StoryIndex()
    first = process_batch([_raw(1)], stories).articles[0]
    copy = _seed().replace("PALEMBANG, SUMATERAEKSPRES.ID –", "JAKARTA –")
    second = process_batch(
        [_raw(2, body=copy, title="KPU gelar Rapimnas"), _raw(3, body="Harga cabai naik " * 40)], stories
    ).articles
    assert second[0].story_id == first.story_id
    assert second[1].story_id != first.story_id


def test_cli_writes_one_line_per_article_and_reports_skips(tmp_path: Path) -> None:
    raw = tmp_path / "raw.jsonl"
    lines = [json.dumps(_row(1)), "{broken", json.dumps({"id": "x"}), json.dumps(_row(2, colour="red"))]
    raw.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(
        [sys.executable, "-m", "pantau.cli.main", "process", "--in", str(raw), "--out", str(out)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    summary = json.loads(proc.stdout.strip().splitlines()[-1])
    assert summary["processed"] == 1 and summary["skipped"] == 3
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 1 and set(rows[0]) >= CONTRACT
    assert "not JSON" in proc.stderr and "url is required" in proc.stderr and "unknown key colour" in proc.stderr


def test_a_failing_stage_becomes_a_note_not_a_lost_article(monkeypatch) -> None:
    import pantau.process.batch as process

    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("gazetteer file damaged")

    monkeypatch.setattr(process, "find_regions", broken)
    result = process_batch([_raw(1), _raw(2)])
    assert len(result.articles) == 2
    for article in result.articles:
        assert article.regions == []
        assert any("regions failed: RuntimeError: gazetteer file damaged" in n for n in article.process_notes)
        assert article.is_pilkada  # the other stages still ran


def test_later_stage_output_is_accepted_as_raw_input_and_unknown_keys_are_not() -> None:
    """A processed article or an index document read back as input keeps its raw fields; only keys no stage
    writes are rejected."""
    processed = process_batch([_raw(1)], StoryIndex()).articles[0]
    indexed = processed.to_index_doc()
    assert {"flag_rules", "province"} <= set(indexed)  # fields only the index has
    for row in (processed.to_dict(), indexed):
        again = RawArticle.from_any_stage(row)
        assert again.id == processed.id and again.body == processed.body and again.title == processed.title
    with pytest.raises(ValueError, match="unknown key colour"):
        RawArticle.from_any_stage({**indexed, "colour": "red"})
    good, bad = to_records(RawArticle.from_any_stage, enumerate([processed.to_dict(), _row(2, colour="red")], 1))
    assert [n for n, _ in good] == [1] and [b["line"] for b in bad] == [2]


def test_a_short_post_below_the_relevance_threshold_is_matched_against_the_debunked_claims() -> None:
    from pantau.process.claims.known_claims import StaticClaimLookup
    from pantau.records import KnownClaim

    hoax = KnownClaim(
        id="t-1",
        claim="Gudang logistik di Desa Sukamaju terbakar dan semua surat suara ikut hangus",
        verdict="hoaks",
        debunk_url="https://debunk.example.id/1",
    )
    post = "GUDANG LOGISTIK DI DESA SUKAMAJU TERBAKAR DAN SEMUA SURAT SUARA IKUT HANGUS!!! sebarkan"
    raw = RawArticle(id="p1", url="https://wa.example/1", outlet="wa", title="", body=post)
    article = process_batch([raw], claims=StaticClaimLookup([hoax])).articles[0]
    assert not article.is_pilkada and article.language == "id"
    assert [f.rule for f in article.flags] == ["known_hoax"]
    assert any("short text" in note for note in article.process_notes)
    # a long text below the threshold is not looked up (the bound keeps the engine lookups to posts)
    long_text = " ".join(["Warga desa bergotong royong membersihkan saluran air setiap pekan."] * 12) + " " + post
    other = RawArticle(id="p2", url="https://wa.example/2", outlet="wa", title="", body=long_text)
    assert process_batch([other], claims=StaticClaimLookup([hoax])).articles[0].flags == []
