"""The review workflow on real article documents: transitions, clarification URL, survival across re-indexing."""

from __future__ import annotations

import json
from typing import Any

import pytest

from pantau.cli.main import main
from pantau.ops.review import ReviewError, carry_reviews, initial_review, list_reviews, update_review
from pantau.store import templates
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from tests.test_alerts import flagged

CLARIFICATION = "https://www.kpu.go.id/berita/baca/12345/klarifikasi-jadwal-pemungutan-suara"


def index_with_reviews(store: Store, docs: list[dict[str, Any]]) -> None:
    result = index_documents(store, "articles", carry_reviews(store, docs))
    assert result.indexed == len(docs)
    store.refresh("articles")


def review_of(store: Store, article_id: str) -> dict[str, Any] | None:
    doc = store.get("articles", article_id)
    assert doc is not None
    return doc.get("review")


def test_initial_review_only_for_flagged_articles_without_one() -> None:
    doc = flagged(1, "s1")
    review = initial_review(doc, now="2024-11-27T08:00:00+00:00")
    assert review == {"status": "baru", "updated_at": "2024-11-27T08:00:00+00:00", "updated_by": "pantau"}
    assert initial_review({**doc, "flags": []}) is None
    assert initial_review({**doc, "review": {"status": "ditinjau"}}) is None


def test_transitions_are_enforced(store: Store) -> None:
    templates.setup(store)
    a, b = flagged(1, "s1"), flagged(2, "s2")
    index_with_reviews(store, [a, b])
    assert review_of(store, a["id"])["status"] == "baru"  # type: ignore[index]

    with pytest.raises(ReviewError, match="cannot go from 'baru' to 'diklarifikasi'"):
        update_review(store, a["id"], "diklarifikasi", clarification_url=CLARIFICATION)
    update_review(store, a["id"], "ditinjau", note="Tanggal salah, hubungi redaksi", by="humas-sumsel")
    with pytest.raises(ReviewError, match="needs --clarification-url"):
        update_review(store, a["id"], "diklarifikasi")
    with pytest.raises(ReviewError, match="http"):
        update_review(store, a["id"], "diklarifikasi", clarification_url="kpu.go.id/klarifikasi")
    stored = update_review(store, a["id"], "diklarifikasi", clarification_url=CLARIFICATION, by="humas-sumsel")
    review = review_of(store, a["id"])
    assert review == stored
    assert review is not None
    assert (review["status"], review["note"], review["clarification_url"], review["updated_by"]) == (
        "diklarifikasi",
        "Tanggal salah, hubungi redaksi",  # the note from the previous step stays
        CLARIFICATION,
        "humas-sumsel",
    )
    with pytest.raises(ReviewError, match="allowed: none"):
        update_review(store, a["id"], "diabaikan")

    update_review(store, b["id"], "diabaikan", note="Bukan berita Pilkada")  # baru -> diabaikan directly
    assert review_of(store, b["id"])["status"] == "diabaikan"  # type: ignore[index]
    with pytest.raises(ReviewError, match="must be one of"):
        update_review(store, b["id"], "baru")
    with pytest.raises(ReviewError, match="no article with id"):
        update_review(store, "0" * 32, "ditinjau")

    assert [r["id"] for r in list_reviews(store, "diklarifikasi")] == [a["id"]]
    assert list_reviews(store, "baru") == []


def test_review_survives_reindexing(store: Store) -> None:
    templates.setup(store)
    doc = flagged(1, "s1")
    index_with_reviews(store, [dict(doc)])
    update_review(store, doc["id"], "ditinjau", note="Sedang dicek", by="piket")
    # The same article is crawled and processed again (no review in the fresh document) with a new one.
    again = {**flagged(1, "s1"), "word_count": 99}
    new = flagged(2, "s2")
    plain = flagged(3, "s3")
    plain["flags"] = []
    index_with_reviews(store, [again, new, plain])
    kept = review_of(store, doc["id"])
    assert kept is not None and (kept["status"], kept["note"], kept["updated_by"]) == (
        "ditinjau",
        "Sedang dicek",
        "piket",
    )
    assert store.get("articles", doc["id"])["word_count"] == 99  # type: ignore[index]
    assert review_of(store, new["id"])["status"] == "baru"  # type: ignore[index]
    assert review_of(store, plain["id"]) is None


def test_review_cli(store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    templates.setup(store)
    doc = flagged(1, "s1")
    index_with_reviews(store, [doc])

    assert main(["review", "list", "--json"]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [doc["id"]]

    assert main(["review", doc["id"], "--status", "ditinjau", "--note", "cek", "--by", "ani"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["review"]["status"], out["review"]["note"], out["review"]["updated_by"]) == ("ditinjau", "cek", "ani")

    assert main(["review", doc["id"], "--status", "diklarifikasi"]) == 1
    assert "needs --clarification-url" in capsys.readouterr().err
    assert main(["review", doc["id"], "--status", "diklarifikasi", "--clarification-url", CLARIFICATION]) == 0
    capsys.readouterr()
    assert main(["review", "list", "--status", "diklarifikasi"]) == 0
    assert doc["id"] in capsys.readouterr().out

    assert main(["review", "tidak-ada", "--status", "ditinjau"]) == 1
    assert "no article with id 'tidak-ada'" in capsys.readouterr().err
    assert main(["review", doc["id"]]) == 1
    assert "needs --status" in capsys.readouterr().err
