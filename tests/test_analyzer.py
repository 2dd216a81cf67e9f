"""The Indonesian analyzer: a query for a root word finds its affixed forms, and only those."""

from __future__ import annotations

import pytest

from pantau.store.bulk import index_documents
from pantau.store.client import Store
from pantau.store.templates import setup
from tests.articles import article

BODIES = {
    "pemilihan": "Pemilihan kepala daerah di Muba berlangsung aman, warga memilih di TPS masing-masing.",
    "kampanye": "Pasangan calon berkampanye di Lubuklinggau pada masa kampanye terakhir.",
    "penetapan": "KPU menetapkan hasil rekapitulasi; penetapan pasangan calon pemenang dijadwalkan pekan depan.",
    "pemantauan": "Lembaga pemantau memantau jalannya pemungutan suara di Palembang.",
    "pantai": "Wisatawan memadati pantai Pasir Padi di Bangka saat libur panjang.",
}


@pytest.fixture
def indexed(store: Store) -> Store:
    setup(store)
    docs = [article(n, body=body, title=key) for n, (key, body) in enumerate(BODIES.items())]
    index_documents(store, "articles", docs)
    store.refresh("articles")
    return store


def _titles(store: Store, query: str) -> set[str]:
    body = {"query": {"match": {"body": query}}, "_source": ["title"], "size": 20}
    return {hit["_source"]["title"] for hit in store.search("articles", body)["hits"]["hits"]}


@pytest.mark.parametrize(
    ("root", "expected"),
    [
        ("pilih", {"pemilihan"}),  # pemilihan, memilih, terpilih
        ("kampanye", {"kampanye"}),  # berkampanye
        ("tetap", {"penetapan"}),  # menetapkan, penetapan
        ("pantau", {"pemantauan"}),  # pemantau, memantau
        ("pungut", {"pemantauan"}),  # pemungutan
    ],
)
def test_root_word_finds_affixed_forms(indexed: Store, root: str, expected: set[str]) -> None:
    assert _titles(indexed, root) == expected


def test_stop_words_do_not_match_everything(indexed: Store) -> None:
    assert _titles(indexed, "yang di pada") == set()


def test_exact_subfield_keeps_the_surface_form(indexed: Store) -> None:
    body = {"query": {"match": {"body.exact": "memilih"}}, "_source": ["title"]}
    hits = indexed.search("articles", body)["hits"]["hits"]
    assert [h["_source"]["title"] for h in hits] == ["pemilihan"]
