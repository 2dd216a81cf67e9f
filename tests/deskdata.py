"""Demo-like cases for the desk tests: flagged reports in stories over several outlets, indexed on the real node.

Invented text in the style of the outlets' reports; the flags are those the claim checker gives (voting date,
KPU chair's title), with the official fact and its source.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from pantau.ops.review import carry_reviews
from pantau.records import Flag, ProcessedArticle, Region
from pantau.store import templates
from pantau.store.bulk import index_documents
from pantau.store.client import Store

DATE_FLAG = Flag(
    rule="voting_date",
    severity="high",
    evidence="Pemungutan suara Pilkada Sumatera Selatan digelar pada 28 November 2024.",
    fact="Pemungutan suara Pilkada serentak 2024 dilaksanakan Rabu, 27 November 2024.",
    source="PKPU 2/2024",
    confidence=0.95,
)
TITLE_FLAG = Flag(
    rule="official_title_chair",
    severity="medium",
    evidence="Ketua Bawaslu Jawa Barat menetapkan jadwal debat calon gubernur.",
    fact="Jadwal debat pasangan calon ditetapkan oleh KPU Provinsi, bukan Bawaslu.",
    source="PKPU 13/2024",
    confidence=0.62,
)
SUMSEL = Region(province="Sumatera Selatan", regency="Kota Palembang", code="16.71")
JABAR = Region(province="Jawa Barat", regency="Kota Bandung", code="32.73")


def _doc(
    n: int, outlet: str, domain: str, story: str, flag: Flag | None, region: Region, age_days: float
) -> dict[str, Any]:
    published = (datetime.now(UTC) - timedelta(days=age_days)).replace(microsecond=0).isoformat()
    evidence = flag.evidence if flag else ""
    rec = ProcessedArticle(
        url=f"https://{domain}/pilkada/2024/berita-{n}",
        outlet=outlet,
        outlet_domain=domain,
        title=f"Jadwal Pilkada {region.province}: KPU siapkan logistik, berita {n}",
        body=(
            f"{region.regency.upper() if region.regency else ''} - Persiapan Pilkada Serentak terus berjalan. "
            f"{evidence} Petugas menyiapkan logistik di setiap kecamatan.\n\n"
            "Warga diminta memeriksa daftar pemilih tetap sebelum hari pemungutan suara."
        ),
        published_at=published,
        language="id",
        is_pilkada=True,
        pilkada_score=0.9,
        regions=[region],
        flags=[flag] if flag else [],
        story_id=story,
    )
    return rec.to_index_doc()


def cases() -> list[dict[str, Any]]:
    return [
        _doc(1, "Tribun Sumsel", "palembang.tribunnews.com", "story-sumsel", DATE_FLAG, SUMSEL, 3),
        _doc(2, "Sumeks", "sumeks.co", "story-sumsel", DATE_FLAG, SUMSEL, 3.2),
        _doc(3, "Antara Sumsel", "sumsel.antaranews.com", "story-sumsel", None, SUMSEL, 3.5),
        _doc(4, "Pikiran Rakyat", "www.pikiran-rakyat.com", "story-jabar", TITLE_FLAG, JABAR, 50),
        _doc(5, "Tribun Jabar", "jabar.tribunnews.com", "story-jabar-old", DATE_FLAG, JABAR, 90),
    ]


def seed(store: Store) -> list[dict[str, Any]]:
    """Set up the indices and index the cases (with their initial reviews); returns the documents."""
    templates.setup(store)
    docs = carry_reviews(store, cases())
    result = index_documents(store, "articles", docs)
    assert result.indexed == len(docs)
    store.refresh("articles")
    return docs
