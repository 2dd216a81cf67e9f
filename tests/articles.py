"""Small builders of realistic processed-article documents for store tests."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from pantau.records import IndexedArticle, ProcessedArticle, Region


def article(n: int, **extra: Any) -> dict[str, Any]:
    rec = ProcessedArticle(
        url=f"https://palembang.tribunnews.com/2024/11/{(n % 28) + 1:02d}/pilkada-sumsel-berita-{n}",
        outlet="Tribun Sumsel",
        title=f"KPU Sumsel tetapkan jadwal rekapitulasi Pilkada, berita {n}",
        body=(
            "PALEMBANG - Komisi Pemilihan Umum (KPU) Sumatera Selatan menetapkan jadwal rekapitulasi suara "
            f"Pilkada Serentak 2024. Berita nomor {n} ini menjelaskan tahapan penghitungan suara di tiap kecamatan."
        ),
        published_at="2024-11-20T09:07:00+07:00",
        language="id",
        is_pilkada=True,
        pilkada_score=0.9,
        topics=["recapitulation"],
        regions=[Region(province="Sumatera Selatan", regency=None, code="16")],
    )
    doc = rec.to_index_doc()
    doc.update(extra)
    return doc


def indexed(docs: Iterable[dict[str, Any]]) -> list[IndexedArticle]:
    """Index documents (as `article` builds them) as the typed view the alert planner reads."""
    return [IndexedArticle.from_dict(doc) for doc in docs]
