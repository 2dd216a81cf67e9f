"""Canonical URLs and deterministic ids: the same article always maps to the same document."""

from __future__ import annotations

import pytest

from pantau.ids import canonical_url, doc_id, identity_key

BASE = "https://palembang.tribunnews.com/2024/11/20/kpu-sumsel-tetapkan-jadwal"


@pytest.mark.parametrize(
    "variant",
    [
        BASE,
        BASE + "/",
        BASE + "#komentar",
        BASE + "?utm_source=facebook&utm_medium=social",
        BASE + "?fbclid=IwAR0abc",
        "HTTPS://Palembang.Tribunnews.com:443/2024/11/20/kpu-sumsel-tetapkan-jadwal",
    ],
)
def test_variants_of_one_article_share_the_id(variant: str) -> None:
    assert canonical_url(variant).rstrip("/") == BASE
    assert identity_key(variant) == BASE
    assert doc_id(variant) == doc_id(BASE)


def test_the_published_path_is_kept_in_the_canonical_url() -> None:
    assert canonical_url("https://sumselupdate.com/2024/11/24/logistik/?utm_source=x") == (
        "https://sumselupdate.com/2024/11/24/logistik/"
    )


def test_meaningful_query_parameters_are_kept_and_sorted() -> None:
    a = canonical_url("https://regional.kompas.com/read/2024/11/20/x?page=2&id=5")
    assert a == "https://regional.kompas.com/read/2024/11/20/x?id=5&page=2"
    assert doc_id(a) != doc_id("https://regional.kompas.com/read/2024/11/20/x?id=5")


def test_different_articles_differ_and_ids_are_stable() -> None:
    assert doc_id(BASE) != doc_id(BASE + "-2")
    # Pinned literals: stored documents keep their ids across releases only if this never changes
    # (sha256 of the identity key, first 32 hex characters).
    assert doc_id(BASE) == "67a046a02de8bb929b00dbca56f4ebe5"
    assert identity_key("https://sumselupdate.com/2024/11/24/logistik/?utm_source=x") == (
        "https://sumselupdate.com/2024/11/24/logistik"
    )
    assert doc_id("https://sumselupdate.com/2024/11/24/logistik/?utm_source=x") == "e0c6a6dde821f94663e311e4572b0534"
