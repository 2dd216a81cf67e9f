"""Bulk indexing against the real node: rejects are dead-lettered with their reason, ids are idempotent."""

from __future__ import annotations

import json

from pantau.ids import doc_id
from pantau.store import deadletter
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.templates import setup
from tests.articles import article
from tests.conftest import make_settings


def test_one_rejected_document_is_dead_lettered_and_the_rest_land(store: Store) -> None:
    setup(store)
    docs = [article(n) for n in range(10)]
    bad = docs[4]
    bad["published_at"] = "kemarin sore"  # not a date: a mapping conflict no retry can fix
    result = index_documents(store, "articles", docs)
    assert result.indexed == 9
    assert result.created == 9
    assert len(result.dead_letters) == 1
    letter = result.dead_letters[0]
    assert letter.doc_id == bad["id"]
    assert letter.status == 400
    assert "published_at" in letter.reason
    assert result.dead_letter_store == "index"
    store.refresh("articles")
    store.refresh("deadletter")
    assert store.count("articles") == 9
    assert store.get("articles", bad["id"]) is None
    listed = deadletter.list_letters(store)
    assert [(row["doc_id"], row["target"]) for row in listed] == [(bad["id"], store.name("articles"))]
    stored = store.get("deadletter", listed[0]["id"])
    assert stored is not None
    assert stored["document"] == bad  # the whole document is kept, not just its id
    assert "published_at" in stored["reason"]


def test_the_same_rejected_document_twice_is_one_dead_letter_with_two_attempts(store: Store) -> None:
    setup(store)
    bad = article(1, published_at="bukan tanggal")
    index_documents(store, "articles", [bad])
    index_documents(store, "articles", [bad])
    store.refresh("deadletter")
    rows = deadletter.list_letters(store)
    assert len(rows) == 1
    assert rows[0]["attempts"] == 2


def test_strict_mapping_rejects_unknown_fields_into_the_dead_letters(store: Store) -> None:
    setup(store)
    result = index_documents(store, "articles", [article(1), article(2, unexpected_field="x")])
    assert result.indexed == 1
    assert [d.error_type for d in result.dead_letters] == ["strict_dynamic_mapping_exception"]


def test_oversized_document_is_dead_lettered_before_sending(node_settings, prefix) -> None:
    settings = make_settings(
        PANTAU_SEARCH_URL=node_settings.search_url,
        PANTAU_SEARCH_INDEX_PREFIX=prefix,
        PANTAU_SEARCH_MAX_DOCUMENT_BYTES="20000",
    )
    st = Store.connect(settings)
    try:
        setup(st)
        huge = article(2, body="Pilkada " * 5000)
        result = index_documents(st, "articles", [article(1), huge])
        assert result.indexed == 1
        assert [(d.doc_id, d.error_type) for d in result.dead_letters] == [(huge["id"], "document_too_large")]
        assert "over the limit of 20000 bytes" in result.dead_letters[0].reason
        st.refresh("deadletter")
        assert st.count("deadletter") == 1
    finally:
        from pantau.store.templates import drop_all

        drop_all(st)


def test_reindexing_the_same_article_keeps_one_document(store: Store) -> None:
    setup(store)
    first = article(7)
    index_documents(store, "articles", [first])
    # The same article, re-crawled through a tracking link and with a corrected title.
    again = article(7, title="KPU Sumsel tetapkan jadwal rekapitulasi (diperbarui)")
    again["url"] = first["url"] + "?utm_source=facebook&utm_medium=social#komentar"
    again["id"] = doc_id(again["url"])
    assert again["id"] == first["id"]
    result = index_documents(store, "articles", [again])
    assert (result.created, result.updated) == (0, 1)
    store.refresh("articles")
    assert store.count("articles") == 1
    stored = store.get("articles", first["id"])
    assert stored is not None
    assert stored["title"].endswith("(diperbarui)")


def test_duplicates_inside_one_batch_are_merged_not_double_counted(store: Store) -> None:
    setup(store)
    docs = [article(1), article(2), article(1, title="versi kedua")]
    result = index_documents(store, "articles", docs)
    assert result.merged_duplicates == 1
    assert result.indexed == 2
    store.refresh("articles")
    stored = store.get("articles", docs[0]["id"])
    assert stored is not None
    assert stored["title"] == "versi kedua"


def test_bulk_into_a_missing_alias_is_a_clear_error_not_dead_letters(store: Store) -> None:
    import pytest

    from pantau.errors import SearchRequestError

    with pytest.raises(SearchRequestError, match="pantau setup"):
        index_documents(store, "articles", [article(1)])


def test_summary_is_json_serialisable(store: Store) -> None:
    setup(store)
    result = index_documents(store, "articles", [article(1)])
    assert json.loads(json.dumps(result.summary()))["indexed"] == 1


def test_write_block_is_transient_and_retried_until_lifted(store: Store) -> None:
    setup(store)
    index = f"{store.name('articles')}-v1"
    store.request("PUT", f"/{index}/_settings", body={"index.blocks.write": True})
    waits: list[float] = []

    def lift_on_first_retry(delay: float) -> None:
        # Called by the bulk between rounds: the block is lifted exactly when the first round has been refused.
        waits.append(delay)
        if len(waits) == 1:
            store.request("PUT", f"/{index}/_settings", body={"index.blocks.write": False})

    store.sleep = lift_on_first_retry
    result = index_documents(store, "articles", [article(n) for n in range(5)], max_rounds=3)
    assert len(waits) == 1, "one refused round, then one successful round"
    assert result.retried == 5
    assert result.indexed == 5
    assert result.dead_letters == []
