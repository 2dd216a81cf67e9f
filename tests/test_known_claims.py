"""The debunked-claims index: debunk detection and claim extraction, the matching stage, and the whole path against
the real node (a debunk crawled from a fact-check page served on 127.0.0.1 flags a later article that repeats the
claim; the debunk itself and a report that calls the claim false are not flagged; `pantau claims add|remove`)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pantau.process.batch import process_batch
from pantau.process.claims.known_claims import (
    Candidate,
    StaticClaimLookup,
    match_known_claims,
    score,
    stance,
)
from pantau.process.debunks import debunk_entries, extract_claims, title_verdict
from pantau.records import KnownClaim, RawArticle
from pantau.store.client import Store
from pantau.store.templates import load_specs, setup
from tests.conftest import make_settings
from tests.test_records import _compare

SITE = Path(__file__).resolve().parent / "site" / "factcheck"
DEBUNK_URL = "https://turnbackhoax.id/2024/11/20/salah-pencoblosan-pilkada-kota-palembang-ditunda-ke-8-januari-2025/"
CLAIM = "Pencoblosan Pilkada Kota Palembang ditunda hingga 8 Januari 2025 karena logistik surat suara belum tiba"

REPEAT = {
    "id": "repeat-1",
    "url": "https://kabar-palembang.example.id/2024/11/22/warga-bingung-jadwal-coblosan",
    "outlet": "Kabar Palembang",
    "title": "Warga Palembang Bingung Jadwal Coblosan Pilkada",
    "body": (
        "Sejumlah warga di Kecamatan Ilir Timur mengaku bingung soal jadwal pencoblosan Pilkada Serentak 2024.\n\n"
        "Pencoblosan Pilkada Kota Palembang ditunda hingga 8 Januari 2025 karena logistik surat suara belum tiba "
        "di gudang KPU, sehingga warga menunda rencana pulang kampung.\n\n"
        "Sebagian warga memilih menunggu pengumuman jadwal baru dari penyelenggara."
    ),
    "published_at": "2024-11-22T08:00:00+07:00",
}
CALLED_FALSE = {
    "id": "false-1",
    "url": "https://kabar-palembang.example.id/2024/11/22/kpu-palembang-pencoblosan-tetap-27-november",
    "outlet": "Kabar Palembang",
    "title": "KPU Palembang: Pencoblosan Pilkada Tetap 27 November",
    "body": (
        "Kabar bahwa pencoblosan Pilkada Kota Palembang ditunda hingga 8 Januari 2025 karena logistik surat suara "
        "belum tiba di gudang KPU tidak benar.\n\n"
        "KPU Kota Palembang memastikan pemungutan suara digelar Rabu, 27 November 2024, di seluruh TPS."
    ),
    "published_at": "2024-11-22T09:00:00+07:00",
}


def _entry(claim: str = CLAIM, url: str = DEBUNK_URL) -> KnownClaim:
    return KnownClaim(
        id="t-1", claim=claim, verdict="salah", debunk_url=url, fact="Pencoblosan tetap 27 November 2024."
    )


# --- pure: debunks ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("title", "verdict"),
    [
        ("[SALAH] Pencoblosan Pilkada Kota Palembang Ditunda ke 8 Januari 2025", "salah"),
        ("[HOAKS] Surat Suara Pilkada Muba Sudah Dicoblos", "hoaks"),
        ("Cek Fakta: Tidak Benar Pilkada Serentak 2024 Diundur ke 2025", "tidak benar"),
        ("Keliru, Klaim bahwa KPU Menunda Rekapitulasi", "keliru"),
        ("[BENAR] KPU Tetapkan Jadwal Debat Ketiga", None),
        ("Cek Fakta: Video Ini Bukan Pencoblosan di Palembang", None),
        ("Debat Ketiga Pilgub Sumsel Digelar Malam Ini", None),
    ],
)
def test_title_verdicts(title: str, verdict: str | None) -> None:
    assert title_verdict(title) == verdict


def test_a_debunk_becomes_entries_with_its_quoted_claims_verdict_fact_and_region() -> None:
    from pantau.records import Region

    body = (
        "Beredar unggahan di Facebook yang menyebut kotak suara Pilkada Muara Enim sudah dibuka sebelum hari "
        "pemungutan suara.\n\n"
        "Akun itu menulis narasi “Kotak suara di gudang KPU Muara Enim dibongkar malam ini oleh tim sukses”.\n\n"
        "Hasil suntingan dari berita berjudul “KPU Muara Enim Gelar Simulasi Pemungutan Suara di Gudang Logistik”.\n\n"
        "Faktanya, KPU Muara Enim memastikan seluruh kotak suara tersegel dan dijaga polisi."
    )
    entries = debunk_entries(
        url="https://turnbackhoax.id/2024/11/21/salah-kotak-suara-muara-enim-dibuka/",
        title="[SALAH] Kotak Suara Pilkada Muara Enim Dibuka Sebelum Pencoblosan",
        body=body,
        published_at="2024-11-21T09:00:00+07:00",
        outlet="TurnBackHoax (Mafindo)",
        regions=[Region("Sumatera Selatan", "Kabupaten Muara Enim", "16.03")],
        from_fact_check=True,
    )
    claims = [e.claim for e in entries]
    assert claims[0].startswith("kotak suara Pilkada Muara Enim sudah dibuka")
    assert "Kotak suara di gudang KPU Muara Enim dibongkar malam ini oleh tim sukses" in claims
    assert not any("Simulasi" in c for c in claims)  # the original the hoax was edited from is no claim
    assert {e.verdict for e in entries} == {"salah"}
    assert entries[0].fact.startswith("Faktanya, KPU Muara Enim")
    assert entries[0].region_code == "16.03" and entries[0].origin == "debunk"
    assert len({e.id for e in entries}) == len(entries)


def test_an_ordinary_article_quoting_someone_is_no_debunk() -> None:
    body = "Ketua KPU Sumsel menyebut distribusi logistik berjalan lancar di seluruh kabupaten dan kota."
    assert (
        debunk_entries(
            url="https://x.example.id/a", title="Logistik Pilkada Sumsel Tiba", body=body, published_at=None, outlet="X"
        )
        == []
    )
    assert extract_claims("Logistik Pilkada Sumsel Tiba", "“Semua aman terkendali di gudang,” kata Ketua KPU.") == []


# --- pure: matching ---------------------------------------------------------------------------------------------


def test_scores_near_verbatim_high_paraphrase_lower_and_unrelated_not_at_all() -> None:
    near = score(f"Menurut pesan berantai, {CLAIM.lower()} di gudang KPU.", Candidate(_entry(), 10.0))
    assert near is not None and near.kind == "near_verbatim" and near.confidence >= 0.85
    para = score(
        "Pilkada Kota Palembang resmi ditunda ke 8 Januari 2025, pencoblosan menunggu logistik surat suara yang "
        "belum tiba.",
        Candidate(_entry(), 5.0),
    )
    assert para is not None and para.kind == "paraphrase" and para.confidence < 0.7
    other_date = score(
        "Pencoblosan Pilkada Kota Palembang ditunda hingga 9 Februari 2025 karena surat suara belum tiba.",
        Candidate(_entry(), 5.0),
    )
    assert other_date is None or other_date.kind == "near_verbatim"  # a different number is never a paraphrase
    assert score("Harga cabai di Palembang naik menjelang akhir tahun.", Candidate(_entry(), 1.0)) is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (f"{CLAIM}.", "asserted"),
        (f"Kabar bahwa {CLAIM.lower()} tidak benar.", "denied"),
        (f"Benarkah {CLAIM.lower()}?", "question"),
        (f"Jika {CLAIM.lower()}, anggaran akan membengkak.", "conditional"),
        (f"Beredar pesan berantai yang menyebut {CLAIM.lower()}.", "circulating"),
        (f"{CLAIM}, kalau dilihat dari surat edaran, sehingga jadwal berubah.", "asserted"),  # a late hedge is none
        (f"{CLAIM}, kata seorang warga di grup percakapan.", "attributed"),
        (f"{CLAIM}, kata para relawan.", "attributed"),
        (f"KPU menegaskan pemungutan suara tetap 27 November, bukan {CLAIM.lower()}.", "denied"),
        (
            "Pencoblosan Pilkada Kota Palembang tidak ditunda hingga 8 Januari 2025 meski logistik surat suara "
            "disebut belum tiba.",
            "denied",
        ),
        (
            "Pencoblosan Pilkada Kota Palembang tidak akan ditunda hingga 8 Januari 2025 karena logistik surat suara "
            "belum tiba.",
            "denied",
        ),
    ],
)
def test_stance_of_a_sentence_towards_the_claim(sentence: str, expected: str) -> None:
    assert stance(sentence, CLAIM).kind == expected


def test_a_cue_inside_the_claim_is_no_stance() -> None:
    claim = "Narasi KPU Palembang menunda pencoblosan Pilkada ke Januari 2025 beredar di grup"
    assert stance(f"{claim} warga.", claim).kind == "asserted"


def test_the_batch_debunk_flags_a_repeat_but_not_itself_nor_a_report_calling_it_false() -> None:
    html = SITE / "hosts/turnbackhoax.id/2024/11/20/salah-pencoblosan-pilkada-kota-palembang-ditunda-ke-8-januari-2025"
    from pantau.extract import extract_html

    page = extract_html((html / "index.html").read_text(encoding="utf-8"), DEBUNK_URL)
    debunk = RawArticle(
        url=DEBUNK_URL,
        title=page["title"],
        body=page["body"],
        outlet="TurnBackHoax (Mafindo)",
        published_at=page["published_at"],
    )
    batch = [debunk, RawArticle.from_dict(REPEAT), RawArticle.from_dict(CALLED_FALSE)]
    result = process_batch(batch, fact_check_outlets={"TurnBackHoax (Mafindo)"})
    assert result.claims and {c.debunk_url for c in result.claims} == {DEBUNK_URL}
    got = {a.id: a for a in result.articles}
    flags = [f for f in got["repeat-1"].flags if f.rule == "known_hoax"]
    assert len(flags) == 1 and flags[0].source == DEBUNK_URL
    assert flags[0].confidence >= 0.7 and "near-verbatim" in flags[0].reason and "fakta" in flags[0].reason
    assert "27 November 2024" in flags[0].fact
    assert got[debunk.id].flags == []
    assert got["false-1"].flags == []


def test_without_an_engine_the_static_known_hoaxes_are_matched_and_a_note_says_so() -> None:
    from pantau.process.batch import facts_for

    hoax = facts_for().hoaxes[0]
    raw = RawArticle(
        url="https://x.example.id/jakarta",
        title="Pilkada Jakarta 2024",
        body=f"{hoax.claim} Hal itu disampaikan dalam grup percakapan warga.",
        published_at="2024-11-29T10:00:00+07:00",
    )
    article = process_batch([raw], claims_note="known claims: no search engine").articles[0]
    assert "known claims: no search engine" in article.process_notes
    assert [f.rule for f in article.flags].count("known_hoax") == 1  # the keyword rule or the matcher, never both


def test_known_claim_record_and_claims_mapping_agree_field_by_field() -> None:
    assert _compare(KnownClaim, load_specs()["claims"].properties, "claims") == []


# --- against the real node ------------------------------------------------------------------------------------


def _settings(store: Store, tmp_path: Path) -> object:
    return make_settings(
        PANTAU_SEARCH_URL=store.settings.search_url,
        PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix,
        PANTAU_PATHS_VAR_DIR=str(tmp_path / "var"),
    )


def test_a_debunk_crawled_from_a_fact_check_page_flags_a_later_article_that_repeats_it(
    store: Store, tmp_path: Path
) -> None:
    from flows.tasks import process_articles
    from pantau.crawl.registry import load_outlets
    from pantau.crawl.runner import crawl_outlet
    from pantau.devtools.sitesrv import serve_site

    settings = _settings(store, tmp_path)
    setup(store)
    desk = next(o for o in load_outlets() if o.domain == "turnbackhoax.id")
    assert desk.role == "fact_check"
    with serve_site(SITE) as site:
        crawled = crawl_outlet(settings, desk, datetime(2024, 11, 1, tzinfo=UTC), tmp_path / "crawl", site.base_url)  # type: ignore[arg-type]
    raw = crawled.articles()
    assert [a.title for a in raw] == ["[SALAH] Pencoblosan Pilkada Kota Palembang Ditunda ke 8 Januari 2025"]

    first = process_articles(settings, raw, store)  # type: ignore[arg-type]
    assert first.articles[0].flags == []  # the debunk itself
    assert first.claims
    stored = {c.id: c for c in __import__("pantau.store.claims_index", fromlist=["x"]).list_claims(store)}
    assert set(stored) == {c.id for c in first.claims}
    debunk_url = first.claims[0].debunk_url
    assert debunk_url.startswith("https://turnbackhoax.id/2024/11/20/")

    later = process_articles(settings, [RawArticle.from_dict(REPEAT), RawArticle.from_dict(CALLED_FALSE)], store)  # type: ignore[arg-type]
    got = {a.id: a for a in later.articles}
    flags = [f for f in got["repeat-1"].flags if f.rule == "known_hoax"]
    assert len(flags) == 1, got["repeat-1"].flags
    assert flags[0].source == debunk_url and flags[0].confidence >= 0.7
    assert "Pilkada Kota Palembang ditunda" in flags[0].evidence
    assert got["false-1"].flags == []
    assert later.claims == []


def test_claims_cli_add_is_matched_and_remove_stops_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from flows.tasks import process_articles
    from pantau.cli.main import main

    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    claim = "Kotak suara Pilkada Kabupaten Muara Enim sudah dibuka tim sukses sebelum hari pemungutan suara"
    url = "https://klarifikasi.example.id/kotak-suara-muara-enim"
    assert main(["claims", "add", claim, "--url", url, "--fact", "Kotak suara tersegel.", "--by", "piket1"]) == 0
    added = json.loads(capsys.readouterr().out)["added"]
    assert added["origin"] == "staff" and added["added_by"] == "piket1"
    assert main(["claims", "list", "--json"]) == 0
    assert [c["id"] for c in json.loads(capsys.readouterr().out)] == [added["id"]]

    settings = _settings(store, tmp_path)
    article = RawArticle(
        url="https://kabar-muaraenim.example.id/2024/11/25/kotak-suara",
        title="Warga Muara Enim Resah Jelang Pilkada",
        body=(
            "Kotak suara Pilkada Kabupaten Muara Enim sudah dibuka tim sukses sebelum hari pemungutan suara "
            "di Kecamatan Lawang Kidul, sehingga warga mendatangi kantor desa."
        ),
        published_at="2024-11-25T10:00:00+07:00",
    )
    flagged = process_articles(settings, [article], store).articles[0]  # type: ignore[arg-type]
    assert [(f.rule, f.source) for f in flagged.flags] == [("known_hoax", url)]

    assert main(["claims", "remove", added["id"]]) == 0
    assert json.loads(capsys.readouterr().out) == {"removed": added["id"]}
    assert main(["claims", "remove", added["id"]]) == 1
    assert "no entry" in capsys.readouterr().err
    again = process_articles(settings, [article], store).articles[0]  # type: ignore[arg-type]
    assert again.flags == []


def test_setup_seeds_the_static_known_hoaxes_once(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pantau.cli.main import main
    from pantau.process.batch import facts_for

    prefix = store.settings.search.index_prefix
    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", prefix)
    monkeypatch.setenv("PANTAU_SNAPSHOTS_REPOSITORY", f"{prefix}-repo")  # setup registers it: one per test
    monkeypatch.setenv("PANTAU_SNAPSHOTS_LOCATION", prefix)
    try:
        assert main(["setup"]) == 0
        # The snapshot repository and policy lines come last (tests/test_snapshots.py covers them).
        first = [o for o in json.loads(capsys.readouterr().out)["objects"] if not o["object"].startswith("snapshot ")]
        assert first[-1]["action"] == "created"
        assert store.count("claims") == len(facts_for().hoaxes)
        assert main(["setup"]) == 0
        second = json.loads(capsys.readouterr().out)["objects"]
        # the lifecycle line says the node has no ISM plugin (tests/test_lifecycle.py covers it)
        lifecycle = [o["action"] for o in second if o["object"].startswith("lifecycle policy ")]
        assert len(lifecycle) == 3 and all(
            a.startswith("not available") for a in lifecycle
        )  # alerts, audit, dead letters
        second = [o for o in second if not o["object"].startswith(("snapshot ", "lifecycle policy "))]
        assert {line["action"] for line in second} == {"unchanged"}
        assert store.count("claims") == len(facts_for().hoaxes)
    finally:
        store.request("DELETE", f"/_snapshot/{prefix}-repo", ignore=(404,))


def test_an_unreachable_index_falls_back_to_the_static_claims_with_a_note(store: Store) -> None:
    from pantau.store.claims_index import StoreClaimLookup

    # no `setup`: the claims alias does not exist, the engine answers 404
    lookup = StoreClaimLookup(store)
    raw = RawArticle(url="https://x.example.id/b", title="Pilkada Palembang", body=REPEAT["body"])
    article = process_batch([raw], claims=lookup).articles[0]
    assert any(n.startswith("known claims: index lookup failed") for n in article.process_notes)
    assert lookup.failures == 1 and lookup.requests == 1
    second = process_batch([raw], claims=lookup).articles[0]  # fails fast, no second request
    assert lookup.requests == 1 and any("index lookup failed" in n for n in second.process_notes)


def test_match_known_claims_uses_one_lookup_call_per_article() -> None:
    calls: list[int] = []

    class Counting(StaticClaimLookup):
        def candidates(self, sentences):  # type: ignore[no-untyped-def]
            calls.append(len(sentences))
            return super().candidates(sentences)

    flags = match_known_claims(REPEAT["title"], REPEAT["body"], Counting([_entry()]))
    assert len(calls) == 1 and len(flags) == 1


# --- debunks: the official fact and the verdict are no claim; reports that deny a claim are not flagged -------

PEKANBARU_DEBUNK = RawArticle(
    url="https://turnbackhoax.id/2024/11/19/salah-pilkada-pekanbaru-diundur/",
    outlet="TurnBackHoax",
    outlet_domain="turnbackhoax.id",
    title="[SALAH] Pilkada Kota Pekanbaru 2024 Diundur ke Februari",
    body=(
        "Sebuah pesan berantai beredar di WhatsApp yang menyebut Pilkada Kota Pekanbaru 2024 diundur ke Februari "
        "karena gudang logistik terendam banjir.\n"
        "Komisioner KPU Kota Pekanbaru membantah pesan yang beredar itu dan menyebut pemungutan suara Pilkada Kota "
        "Pekanbaru tetap digelar Rabu, 27 November 2024.\n"
        "Kesimpulan: unggahan yang menyebut Pilkada Kota Pekanbaru diundur ke Februari adalah hoaks."
    ),
    published_at="2024-11-19 14:30:00",
)


def test_the_official_fact_and_the_conclusion_of_a_debunk_are_no_debunked_claims() -> None:
    result = process_batch([PEKANBARU_DEBUNK], fact_check_outlets=["turnbackhoax.id"])
    claims = [c.claim for c in result.claims]
    assert "Pilkada Kota Pekanbaru 2024 diundur ke Februari karena gudang logistik terendam banjir" in claims
    assert not any("tetap digelar" in c or "27 November" in c for c in claims), claims
    assert not any("hoaks" in c.lower() for c in claims), claims
    assert {c.date for c in result.claims} == {"2024-11-19"}  # published_at "2024-11-19 14:30:00", as ISO


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "Unggahan di Facebook yang menyebut Pilkada Kabupaten Banyumas diulang bulan depan adalah hoaks.",
            "Pilkada Kabupaten Banyumas diulang bulan depan",
        ),
        (
            "Pesan berantai yang menyebut surat suara Pilkada Kabupaten Banyumas sudah dicoblos tidak benar.",
            "surat suara Pilkada Kabupaten Banyumas sudah dicoblos",
        ),
        ("Faktanya, unggahan yang beredar menyebut jadwal resmi yang diumumkan KPU Kabupaten Banyumas.", None),
        (
            "Beredar poster daring yang menyebut Budi Santoso akan tetap maju sebagai calon Bupati Banyumas.",
            "Budi Santoso akan tetap maju sebagai calon Bupati Banyumas",
        ),
        ("Soal unggahan yang beredar, KPU Banyumas menyebut pemungutan suara tetap digelar 27 November 2024.", None),
        ("KPU Kabupaten Banyumas menegaskan unggahan yang beredar menyebut TPS dipindah tanpa dasar.", None),
    ],
)
def test_an_unquoted_claim_ends_at_the_verdict_and_fact_sentences_give_none(sentence: str, claim: str | None) -> None:
    found = extract_claims("Cek Fakta: Pilkada Banyumas", sentence)
    assert found == ([claim] if claim else [])


def test_a_correct_report_of_the_official_fact_is_not_flagged() -> None:
    correct = RawArticle(
        url="https://berita-riau.example.id/2024/11/25/pekanbaru-siap",
        outlet="Berita Riau",
        title="Pilkada Kota Pekanbaru 2024",
        body="Pemungutan suara Pilkada Kota Pekanbaru tetap digelar Rabu, 27 November 2024 di 2.400 TPS.",
        published_at="2024-11-25T09:00:00+07:00",
    )
    result = process_batch([PEKANBARU_DEBUNK, correct], fact_check_outlets=["turnbackhoax.id"])
    assert result.articles[1].flags == []


@pytest.mark.parametrize(
    ("body", "flagged"),
    [
        ("Pilkada Kota Pekanbaru 2024 diundur ke Februari karena gudang logistik terendam banjir.", True),
        (
            "KPU Riau menegaskan Pilkada Kota Pekanbaru 2024 tetap digelar 27 November, bukan diundur ke Februari "
            "karena gudang logistik terendam banjir.",
            False,
        ),
        ("Pilkada Kota Pekanbaru 2024 tidak diundur ke Februari meski gudang logistik sempat terendam banjir.", False),
        (
            "Pilkada Kota Pekanbaru 2024 diundur ke Februari karena gudang logistik terendam banjir, "
            "kata seorang warga.",
            False,
        ),
    ],
)
def test_a_report_that_denies_or_attributes_the_claim_is_not_flagged(body: str, flagged: bool) -> None:
    report = RawArticle(
        url="https://berita-riau.example.id/2024/11/22/pekanbaru",
        outlet="Berita Riau",
        title="Pilkada Kota Pekanbaru 2024",
        body=body,
        published_at="2024-11-22T09:00:00+07:00",
    )
    result = process_batch([PEKANBARU_DEBUNK, report], fact_check_outlets=["turnbackhoax.id"])
    got = [f for f in result.articles[1].flags if f.rule == "known_hoax"]
    assert bool(got) == flagged, got


def test_a_negation_that_is_part_of_the_claim_or_leads_no_word_of_it_is_no_denial() -> None:
    from pantau.process.claims.known_claims import negation_of

    assert negation_of(f"{CLAIM}.", CLAIM) == ""  # "belum tiba" belongs to the claim
    assert negation_of(f"Pilkada tetap berjalan, sementara {CLAIM.lower()}.", CLAIM) == ""
    assert negation_of("Pencoblosan Pilkada Kota Palembang bukan ditunda hingga 8 Januari 2025.", CLAIM) == "bukan"


# --- the index: ISO dates, refused entries and a lost engine never lose the batch; CLI input checks --------------


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_a_refused_entry_is_a_note_on_its_debunk_and_the_others_are_stored(store: Store) -> None:
    from dataclasses import replace

    from pantau.store.claims_index import list_claims, store_claims

    setup(store)
    result = process_batch([PEKANBARU_DEBUNK], fact_check_outlets=["turnbackhoax.id"])
    good = result.claims[0]
    odd_date = KnownClaim(
        id="t-date",
        claim="Kotak suara Pilkada Kota Dumai dibuka malam hari",
        verdict="hoaks",
        debunk_url="https://klarifikasi.example.id/dumai",
        date="27/11/2024",
    )
    bad = KnownClaim(
        id="t-bad",
        claim="Surat suara Pilkada Kota Dumai dicetak dua kali",
        verdict="hoaks",
        debunk_url="https://klarifikasi.example.id/dumai-surat",
        added_at="bukan tanggal",
    )
    debunk_of_bad = replace(result.articles[0], url=bad.debunk_url, process_notes=[])
    counts = store_claims(store, [good, odd_date, bad], [result.articles[0], debunk_of_bad])
    assert counts["failed"] == 1 and counts["created"] == 2
    stored = {c.id: c for c in list_claims(store)}
    assert set(stored) == {good.id, "t-date"}
    assert stored["t-date"].date == "2024-11-27"  # "27/11/2024" read as a date, written as ISO
    assert any("not stored" in n for n in debunk_of_bad.process_notes)
    assert not any("not stored" in n for n in result.articles[0].process_notes)


def test_an_engine_gone_mid_batch_falls_back_and_the_batch_is_still_written(store: Store, tmp_path: Path) -> None:
    from dataclasses import replace

    from flows.tasks import process_articles

    dead_url = f"http://127.0.0.1:{_closed_port()}"
    settings = make_settings(
        PANTAU_SEARCH_URL=dead_url,
        PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix,
        PANTAU_PATHS_VAR_DIR=str(tmp_path / "var"),
        PANTAU_SEARCH_MAX_RETRIES="1",
        PANTAU_SEARCH_BACKOFF_INITIAL="0.1",
        PANTAU_SEARCH_BACKOFF_MAX="0.2",
    )
    gone = Store(settings, replace(store.info, url=dead_url))  # the engine that answered before, now gone
    repeat = RawArticle(
        url="https://berita-riau.example.id/2024/11/21/banjir",
        outlet="Berita Riau",
        title="Pilkada Kota Pekanbaru 2024",
        body="Pilkada Kota Pekanbaru 2024 diundur ke Februari karena gudang logistik terendam banjir.",
        published_at="2024-11-21T09:00:00+07:00",
    )
    result = process_articles(settings, [PEKANBARU_DEBUNK, repeat], gone)  # type: ignore[arg-type]
    assert len(result.articles) == 2 and result.claims
    debunk, report = result.articles
    assert any("not stored in the index" in n for n in debunk.process_notes)
    assert any("index lookup failed" in n for n in report.process_notes)
    assert [f.source for f in report.flags if f.rule == "known_hoax"] == [PEKANBARU_DEBUNK.url]  # the fallback


def test_claims_cli_refuses_bad_input_before_the_engine_and_prints_the_stored_entry(
    store: Store, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from pantau.cli.main import main
    from pantau.store.claims_index import add_claims, list_claims, remove_claim

    monkeypatch.setenv("PANTAU_SEARCH_URL", store.info.url)
    monkeypatch.setenv("PANTAU_SEARCH_INDEX_PREFIX", store.settings.search.index_prefix)
    claim = "Kotak suara Pilkada Kota Dumai dibuka sebelum hari pemungutan suara"
    assert main(["claims", "add", claim, "--url", "https://ok.example/x\n"]) == 1
    assert "http(s) URL" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["claims", "add", claim, "--url", "https://ok.example/x", "--date", "27/11/2024"])
    with pytest.raises(SystemExit):
        main(["claims", "list", "--size", "-1"])
    assert main(["claims", "remove", ""]) == 1
    assert "no entry id" in capsys.readouterr().err
    assert main(["claims", "add", claim, "--url", "https://ok.example/x", "--date", "2024-11-20"]) == 0
    added = json.loads(capsys.readouterr().out)["added"]
    assert added["added_at"] and added["date"] == "2024-11-20"

    odd = KnownClaim(id="t-x?refresh=false&foo", claim=claim, verdict="hoaks", debunk_url="https://ok.example/y")
    plain = KnownClaim(id="t-x", claim=claim, verdict="hoaks", debunk_url="https://ok.example/z")
    add_claims(store, [odd, plain])
    assert remove_claim(store, odd.id) == odd.id  # the id as a path segment, not a query string
    assert {c.id for c in list_claims(store)} == {added["id"], "t-x"}


def test_the_sentences_of_many_articles_are_not_all_kept_in_memory() -> None:
    # every sentence of every article is split into terms and shingles for the lookup; a thousand articles' worth
    # (20,000 sentences) held about 145 MB when they shared the indexed claims' 20,000-entry cache
    import tracemalloc

    from pantau.process.claims.facts import load_facts
    from pantau.process.claims.known_claims import claims_from_facts

    lookup = StaticClaimLookup(claims_from_facts(load_facts()))
    sentences = [
        f"Warga nomor {i} di kecamatan itu menunggu jadwal pencoblosan pilkada, kata ketua panitia pada rapat {i * 7}."
        for i in range(20_000)
    ]
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        for k in range(0, len(sentences), 40):  # an article's sentences at a time
            lookup.candidates(sentences[k : k + 40])
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert held < 20_000_000
