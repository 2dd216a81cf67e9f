"""Story clusters: syndicated copies share a story_id, different reports of one event do not; the state lives in the
engine (band keys on each article document, band-key claims for concurrent writers) or in memory (`StoryIndex`)."""

from __future__ import annotations

import json
import random
import threading
from pathlib import Path

import pytest

from pantau.process.stories import (
    BANDS,
    MIN_SHINGLES,
    StoryCandidate,
    StoryIndex,
    StoryItem,
    assign_stories,
    shingles,
    signature,
)
from pantau.records import RawArticle
from pantau.store.client import Store
from pantau.store.story_index import StoreStoryLookup, prune_claims
from pantau.store.templates import setup
from tests.conftest import make_settings

ANTARA_PARAGRAPHS = [
    "Komisi Pemilihan Umum (KPU) Provinsi Nusa Tenggara Barat menetapkan jumlah daftar pemilih tetap (DPT) untuk "
    "Pemilihan Gubernur dan Wakil Gubernur NTB 2024 sebanyak 3.947.521 orang dalam rapat pleno terbuka di Mataram, "
    "Jumat.",
    "Ketua KPU NTB mengatakan jumlah tersebut terdiri atas 1.957.104 pemilih laki-laki dan 1.990.417 pemilih "
    "perempuan yang tersebar di 10 kabupaten dan kota, 116 kecamatan serta 1.166 desa dan kelurahan.",
    '"Penetapan DPT ini merupakan hasil pencocokan dan penelitian yang dilakukan petugas pantarlih selama satu '
    'bulan penuh, kemudian diperbaiki berdasarkan masukan masyarakat pada masa daftar pemilih sementara," ujarnya.',
    "Ia menjelaskan jumlah tempat pemungutan suara (TPS) untuk pilkada kali ini sebanyak 8.311 TPS, berkurang "
    "dibandingkan Pemilu Februari lalu karena KPU menggabungkan sejumlah TPS dengan jumlah pemilih yang sedikit.",
    "Menurut dia, KPU juga mencatat 21.344 pemilih penyandang disabilitas yang akan mendapat pendampingan dan "
    "fasilitas khusus di TPS, termasuk template braille bagi pemilih tunanetra.",
    "Bawaslu NTB meminta KPU membuka akses data pemilih kepada pengawas di setiap tingkatan agar potensi pemilih "
    "ganda dan pemilih yang tidak memenuhi syarat bisa segera ditindaklanjuti sebelum hari pemungutan suara.",
    "Pilkada serentak di NTB akan memilih satu pasang gubernur dan wakil gubernur, delapan bupati dan wakil bupati "
    "serta dua wali kota dan wakil wali kota. Pemungutan suara digelar serentak pada Rabu, 27 November 2024.",
]
ANTARA_TITLE = "KPU NTB tetapkan DPT Pilkada 2024 sebanyak 3,9 juta pemilih"
ANTARA_BODY = "Mataram (ANTARA) - " + "\n\n".join(ANTARA_PARAGRAPHS)

REGIONAL_COPY_TITLE = "Hampir 4 Juta Warga NTB Masuk DPT Pilgub, Ini Rinciannya"
REGIONAL_COPY_BODY = (
    "MATARAM, LOMBOKPOST - Warga Nusa Tenggara Barat yang sudah berusia 17 tahun diminta memastikan namanya "
    "tercantum dalam daftar pemilih.\n\n"
    + "\n\n".join(ANTARA_PARAGRAPHS[:2])
    + "\n\nBaca juga: Debat Perdana Pilgub NTB Digelar Pekan Depan\n\n"
    + "\n\n".join(ANTARA_PARAGRAPHS[2:5])
    + "\n\nBACA JUGA: Polda NTB Siagakan 5.000 Personel Amankan Pilkada"
    + "\n\n(ant/red)"
)

TRIMMED_COPY_BODY = "NTBSATU - " + "\n\n".join(ANTARA_PARAGRAPHS[:4])

SAME_EVENT_OTHER_REPORT = (
    "Pemilih Pilgub NTB Capai 3,94 Juta, Perempuan Lebih Banyak",
    "MATARAM - Sebanyak 3,94 juta warga tercatat sebagai pemilih dalam Pilkada NTB 2024. Angka itu diumumkan "
    "penyelenggara setelah rapat pleno yang berlangsung hingga sore hari di sebuah hotel di Mataram.\n\n"
    "Pemilih perempuan tercatat sedikit lebih banyak dibandingkan laki-laki. Kota Mataram dan Lombok Timur menjadi "
    "daerah dengan jumlah pemilih terbesar, sementara Sumbawa Barat paling sedikit.\n\n"
    "Sejumlah perwakilan tim pasangan calon yang hadir tidak mengajukan keberatan. Mereka hanya meminta agar "
    "salinan data dibagikan hingga tingkat desa supaya saksi bisa ikut mengecek.\n\n"
    "Pengawas pemilu menyoroti masih adanya warga yang belum memiliki KTP elektronik. Mereka diminta segera merekam "
    "data di dinas kependudukan agar bisa menggunakan hak pilihnya pada 27 November mendatang.\n\n"
    "Penyelenggara juga menyiapkan pendampingan bagi pemilih disabilitas serta lansia di sejumlah TPS.",
)

OTHER_STORY = (
    "Bawaslu Lampung Temukan APK Dipasang di Pohon dan Tiang Listrik",
    "BANDAR LAMPUNG - Badan Pengawas Pemilu Provinsi Lampung menemukan ratusan alat peraga kampanye yang dipasang "
    "di pohon, tiang listrik dan fasilitas umum di Bandar Lampung dan Lampung Selatan. Temuan itu didapat dalam "
    "patroli pengawasan selama sepekan terakhir.\n\n"
    "Bawaslu telah menyurati tim kampanye pasangan calon agar menurunkan sendiri alat peraga tersebut dalam tiga "
    "hari. Jika tidak, petugas Satpol PP akan menertibkannya bersama panitia pengawas kecamatan.\n\n"
    "Ketua Bawaslu Lampung mengingatkan bahwa pemasangan alat peraga sudah diatur dalam keputusan KPU, termasuk "
    "lokasi yang dilarang. Ia meminta partai politik pengusung ikut mengingatkan relawan di lapangan.",
)


def test_syndicated_copy_with_edits_joins_the_original_story() -> None:
    index = StoryIndex()
    first = index.add("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")
    assert first == "antara-1"
    copy = index.add("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T13:30:00+08:00")
    trimmed = index.add("ntbsatu-1", "DPT Pilkada NTB 3,9 Juta", TRIMMED_COPY_BODY, "2024-09-20T15:00:00+08:00")
    assert copy == "antara-1"
    assert trimmed == "antara-1"
    assert index.size("antara-1") == 3
    assert index.story_id("ntbsatu-1") == "antara-1"


def test_same_event_different_wording_is_a_different_story() -> None:
    index = StoryIndex()
    index.add("antara-1", ANTARA_TITLE, ANTARA_BODY)
    other = index.add("kompas-7", *SAME_EVENT_OTHER_REPORT)
    unrelated = index.add("lampung-3", *OTHER_STORY)
    assert other == "kompas-7"
    assert unrelated == "lampung-3"
    assert index.size("antara-1") == 1


def test_story_id_is_earliest_published_in_a_batch_and_stable_afterwards() -> None:
    index = StoryIndex()
    copy = {"id": "copy-b", "title": REGIONAL_COPY_TITLE, "body": REGIONAL_COPY_BODY}
    orig = {"id": "orig-a", "title": ANTARA_TITLE, "body": ANTARA_BODY}
    ids = index.add_many(
        [{**copy, "published_at": "2024-09-20T14:00:00+07:00"}, {**orig, "published_at": "2024-09-20T10:00:00+07:00"}]
    )
    assert ids == {"orig-a": "orig-a", "copy-b": "orig-a"}
    # A copy arriving later, even one claiming an earlier time, does not relabel the story.
    late = index.add("late-c", "DPT NTB", TRIMMED_COPY_BODY, "2024-09-19T08:00:00+07:00")
    assert late == "orig-a"
    assert index.size("orig-a") == 3


def test_state_round_trips_through_json_and_keeps_clustering() -> None:
    index = StoryIndex()
    index.add("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")
    index.add("lampung-3", *OTHER_STORY)
    index.add("short-1", "Foto", "KPU gelar rapat.")
    state = json.loads(json.dumps(index.to_dict()))
    resumed = StoryIndex.from_dict(state)
    assert len(resumed) == 3
    assert resumed.story_id("lampung-3") == "lampung-3"
    assert (
        resumed.add("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-21T08:00:00+08:00") == "antara-1"
    )
    assert resumed.size("antara-1") == 2
    assert resumed.add("antara-1", "again", "") == "antara-1"  # idempotent per article id


def test_bad_state_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown version"):
        StoryIndex.from_dict({"version": 99})
    state = StoryIndex().to_dict()
    state["params"]["shingle_words"] = 7
    with pytest.raises(ValueError, match="other parameters"):
        StoryIndex.from_dict(state)


def test_short_bodies_never_cluster() -> None:
    index = StoryIndex()
    text = "KPU Sumsel menggelar rapat pleno penetapan hasil Pilkada di Palembang hari ini."
    assert len(shingles("Pleno", text)) < MIN_SHINGLES
    assert index.add("s1", "Pleno", text) == "s1"
    assert index.add("s2", "Pleno", text) == "s2"
    assert index.size("s1") == 1


def test_baca_juga_lines_do_not_count() -> None:
    plain = shingles("", "\n\n".join(ANTARA_PARAGRAPHS[:2]))
    with_insert = shingles(
        "", ANTARA_PARAGRAPHS[0] + "\n\nBaca juga: Judul Berita Lain Yang Panjang Sekali\n\n" + ANTARA_PARAGRAPHS[1]
    )
    assert with_insert == plain


@pytest.mark.parametrize("body", ["", "\x00" * 1000, "🗳️ " * 5000, "выборы губернатора " * 2000, "a" * 300_000])
def test_bad_input_never_raises(body: str) -> None:
    index = StoryIndex()
    story = index.add("x", "", body)
    assert story == "x"
    assert index.story_id("x") == "x"


def test_old_state_file_of_monitor_is_read() -> None:
    """Version 1 (the former var/stories.json) still loads, so `--stories` keeps old clusters."""
    sig = signature(ANTARA_TITLE, ANTARA_BODY)
    assert sig is not None
    old = {
        "version": 1,
        "params": {"num_perm": 64, "shingle_words": 4, "seed": 1, "hash": "crc32-word-poly", "scheme": "affine32"},
        "seq": 1,
        "members": {
            "antara-1": {
                "story": "antara-1",
                "seq": 1,
                "published_at": "2024-09-20T10:00:00+07:00",
                "size": sig.size,
                "hv": sig.encoded(),
            },
        },
    }
    index = StoryIndex.from_dict(old)
    assert index.add("copy-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T12:00:00+07:00") == "antara-1"


def test_window_bounds_candidates_in_memory() -> None:
    index = StoryIndex()
    index.add("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")
    assert index.add("late-copy", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-10-20T10:00:00+07:00") == "late-copy"
    assert index.add("near-copy", "DPT NTB", TRIMMED_COPY_BODY, "2024-09-25T10:00:00+07:00") == "antara-1"


def test_signature_has_one_band_key_per_band_sorted_by_band() -> None:
    sig = signature(ANTARA_TITLE, ANTARA_BODY)
    assert sig is not None and len(sig.bands) == BANDS == len(set(sig.bands))
    assert list(sig.bands) == sorted(sig.bands)
    assert signature("Foto", "KPU gelar rapat.") is None


def _items(ids_bodies: list[tuple[str, str, str]], at: str = "2024-09-20T10:00:00+07:00") -> list[StoryItem]:
    return [StoryItem(i, signature(t, b), at) for i, t, b in ids_bodies]


def test_interleaved_claims_of_two_writers_give_one_story() -> None:
    """The worst interleaving of two concurrent writers: each created about half of the band keys first. Each,
    looking from its side, still picks the story of the one holding the lowest shared key."""
    a = _items([("a", ANTARA_TITLE, ANTARA_BODY)])[0]
    b = _items([("b", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY)])[0]
    assert a.signature is not None and b.signature is not None
    shared = sorted(set(a.signature.bands) & set(b.signature.bands))
    assert len(shared) >= 2
    for first, second in ((a, b), (b, a)):
        assert first.signature is not None and second.signature is not None
        claims = StoryIndex()
        # `second` created the lowest shared key, then `first` created every other key, then `second` went on
        claims.claim(StoryCandidate(second.id, second.id, second.signature, second.at))
        claims._claims = {shared[0]: claims._claims[shared[0]]}
        got_first = assign_stories([first], claims)[first.id].story_id
        got_second = assign_stories([second], claims)[second.id].story_id
        assert got_first == got_second == second.id


# ------------------------------------------------------------------------------------------ against the engine


def _raw(n: str, title: str, body: str, published_at: str) -> RawArticle:
    return RawArticle.from_dict(
        {
            "id": n,
            "url": f"https://example.id/read/{n}",
            "outlet": "Contoh",
            "title": title,
            "body": body,
            "published_at": published_at,
        }
    )


def _flow_settings(store: Store, tmp_path: Path) -> object:
    return make_settings(
        PANTAU_SEARCH_URL=store.settings.search_url,
        PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix,
        PANTAU_PATHS_VAR_DIR=str(tmp_path),
    )


def test_syndicated_copies_in_two_batches_get_one_story_in_the_engine(store: Store, tmp_path: Path) -> None:
    from flows.tasks import index_articles, process_articles

    setup(store)
    settings = _flow_settings(store, tmp_path)
    (tmp_path / "stories.json").write_text("{}", encoding="utf-8")  # a left-over local state file is ignored
    first = process_articles(
        settings,  # type: ignore[arg-type]
        [
            _raw("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00"),
            _raw("lampung-3", *OTHER_STORY, "2024-09-20T11:00:00+07:00"),
        ],
        store,
    ).articles
    assert {a.id: a.story_id for a in first} == {"antara-1": "antara-1", "lampung-3": "lampung-3"}
    index_articles(store, first)
    doc = store.get("articles", "antara-1")
    assert doc is not None and len(doc["story_bands"]) == BANDS and doc["story_at"].startswith("2024-09-20")
    second = process_articles(
        settings,  # type: ignore[arg-type]
        [
            _raw("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T13:30:00+08:00"),
            _raw("ntbsatu-1", "DPT Pilkada NTB 3,9 Juta", TRIMMED_COPY_BODY, "2024-09-20T15:00:00+08:00"),
            _raw("kompas-7", *SAME_EVENT_OTHER_REPORT, "2024-09-20T16:00:00+07:00"),
        ],
        store,
    ).articles
    got = {a.id: (a.story_id, a.story_size) for a in second}
    assert got["lombokpost-1"][0] == got["ntbsatu-1"][0] == "antara-1"
    assert got["ntbsatu-1"][1] == 3
    assert got["kompas-7"][0] == "kompas-7"
    assert not any("stories:" in n for a in second for n in a.process_notes)
    # processing the first batch again keeps its ids
    index_articles(store, second)
    again = process_articles(settings, [a.raw() for a in first], store).articles  # type: ignore[arg-type]
    assert {a.id: a.story_id for a in again} == {"antara-1": "antara-1", "lampung-3": "lampung-3"}


def test_window_bounds_candidates_in_the_engine(store: Store) -> None:
    from flows.tasks import index_articles
    from pantau.process.batch import process_batch

    setup(store)
    lookup = StoreStoryLookup(store)
    old = process_batch([_raw("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")], lookup)
    index_articles(store, old.articles)
    far = process_batch([_raw("far", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-10-05T10:00:00+07:00")], lookup)
    near = process_batch([_raw("near", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-26T10:00:00+07:00")], lookup)
    assert far.articles[0].story_id == "far"  # 15 days later: outside the 7-day window
    assert near.articles[0].story_id == "antara-1"
    assert lookup.requests >= 2


def _salad(seed: int, words: int = 220) -> str:
    vocab = sorted({w.strip('.,"()') for p in [*ANTARA_PARAGRAPHS, OTHER_STORY[1]] for w in p.split()} - {""})
    rng = random.Random(seed)
    text = [rng.choice(vocab) for _ in range(words)]
    return "\n\n".join(" ".join(text[i : i + 40]) + "." for i in range(0, words, 40))


def test_two_writers_at_the_same_time_give_one_story_id(store: Store) -> None:
    """Two threads, each with its own client, process copies of one story at the same instant (a barrier), so
    neither can find the other in the articles index: the band-key claims must make them agree. 25 stories."""
    setup(store)
    rounds = 25
    stories = [_salad(n) for n in range(rounds)]
    copies = [
        [("MATARAM (ANTARA) - " + body, f"w0-{n}"), ("Warga diminta mengecek daftar pemilih.\n\n" + body, f"w1-{n}")]
        for n, body in enumerate(stories)
    ]
    barrier = threading.Barrier(2)
    got: list[dict[str, str]] = [{}, {}]
    errors: list[BaseException] = []

    def writer(w: int) -> None:
        own = Store.connect(store.settings)
        lookup = StoreStoryLookup(own)
        try:
            for n in range(rounds):
                body, art_id = copies[n][w]
                item = StoryItem(art_id, signature(f"Pilkada laporan {n}", body), "2024-09-20T10:00:00+07:00")
                barrier.wait(timeout=30)
                got[w][str(n)] = assign_stories([item], lookup)[art_id].story_id
        except BaseException as exc:  # noqa: BLE001  # reported by the main thread
            errors.append(exc)
            barrier.abort()
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(w,)) for w in (0, 1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    for n in range(rounds):
        assert got[0][str(n)] == got[1][str(n)], f"story {n}: {got[0][str(n)]} vs {got[1][str(n)]}"
        assert got[0][str(n)] in {f"w0-{n}", f"w1-{n}"}
    assert len({got[0][str(n)] for n in range(rounds)}) == rounds  # different stories stay apart
    store.refresh("stories")
    claims = store.count("stories")
    assert claims >= rounds * (BANDS - 2)
    assert prune_claims(store, hours=1) == 0  # fresh claims stay
    assert prune_claims(store, hours=-1) == claims
    store.refresh("stories")
    assert store.count("stories") == 0


def test_a_failing_story_lookup_clusters_within_the_batch_with_a_note(store: Store) -> None:
    from pantau.process.batch import process_batch

    lookup = StoreStoryLookup(store)  # `setup` never ran for this prefix: every lookup fails
    result = process_batch(
        [
            _raw("a", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00"),
            _raw("b", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T11:00:00+07:00"),
        ],
        lookup,
    )
    assert [a.story_id for a in result.articles] == ["a", "a"]
    assert all(any(n.startswith("stories: lookup failed") for n in a.process_notes) for a in result.articles)
    assert lookup.requests == 1  # failed fast after the first error


def test_pantau_process_keeps_stories_in_memory_across_runs_with_a_state_file(tmp_path: Path) -> None:
    from pantau.cli.main import main

    state = tmp_path / "stories.json"
    runs = [
        [_raw("antara-1", ANTARA_TITLE, ANTARA_BODY, "2024-09-20T10:00:00+07:00")],
        [_raw("lombokpost-1", REGIONAL_COPY_TITLE, REGIONAL_COPY_BODY, "2024-09-20T13:30:00+08:00")],
    ]
    got = []
    for n, batch in enumerate(runs):
        raw, out = tmp_path / f"raw{n}.jsonl", tmp_path / f"out{n}.jsonl"
        raw.write_text("".join(json.dumps(a.to_dict()) + "\n" for a in batch), encoding="utf-8")
        assert main(["process", "--in", str(raw), "--out", str(out), "--stories", str(state), "--no-engine"]) == 0
        got += [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [a["story_id"] for a in got] == ["antara-1", "antara-1"]
    assert len(got[1]["story_bands"]) == BANDS and got[1]["story_size"] == 2
    assert json.loads(state.read_text(encoding="utf-8"))["version"] == 2
