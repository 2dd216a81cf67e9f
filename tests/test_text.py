"""The shared Indonesian text rules: tokens, the month/weekday table, datelines and insert phrases."""

from __future__ import annotations

from datetime import date

import pytest

from pantau.extract.boilerplate import clean_paragraphs
from pantau.process.claims.rules import load_rules
from pantau.process.clean import clean_text
from pantau.process.stories import shingles
from pantau.resources import load_json
from pantau.text import dates, phrases, vocabulary
from pantau.text.dateline import find_dateline, split_dateline
from pantau.text.tokens import latin_words, tokenize, words, words_with_gaps

STORY = "Komisi Pemilihan Umum (KPU) menetapkan 1.553 pasangan calon kepala daerah untuk Pilkada Serentak 2024."


def test_tokenize_splits_on_punctuation_hyphens_and_underscores() -> None:
    got = tokenize("Pilkada-2024: KPU_Jatim, kepala  daerah!")
    assert got == ["pilkada", "2024", "kpu", "jatim", "kepala", "daerah"]
    assert words("KPU Jatim (2024)") == ["KPU", "Jatim", "2024"]
    assert tokenize("Jum’at Pukul 09.07") == ["jum", "at", "pukul", "09", "07"]


def test_words_with_gaps_keep_what_is_between_words() -> None:
    assert words_with_gaps("KPU (Jatim), 2024") == [("", "KPU"), (" (", "Jatim"), ("), ", "2024")]


def test_latin_words_keep_reduplications_and_skip_digits() -> None:
    assert latin_words("kata-kata 2024 Pilkada") == ["kata-kata", "Pilkada"]


def test_calendar_table_covers_every_month_and_weekday() -> None:
    assert sorted(set(dates.MONTHS.values())) == list(range(1, 13))
    assert sorted(set(dates.WEEKDAYS.values())) == list(range(7))
    for number, name in enumerate(dates.MONTH_NAMES, start=1):
        assert dates.MONTHS[name.lower()] == number
    for number, name in enumerate(dates.WEEKDAY_NAMES):
        assert dates.WEEKDAYS[name.lower()] == number
    # forms only one of the two former tables had
    assert dates.MONTHS["agst"] == dates.MONTHS["agust"] == dates.MONTHS["august"] == 8
    assert dates.WEEKDAYS["jum`at"] == dates.WEEKDAYS["friday"] == 4
    assert date(2024, 11, 27).weekday() == dates.WEEKDAYS["rabu"]


def test_claims_and_date_reading_share_the_table() -> None:
    rules = load_rules()
    assert rules.months == dates.MONTHS
    assert rules.weekdays == dates.WEEKDAYS
    parsed = dates.parse_indonesian_datetime("Jum`at, 20 Agst 2025 09:07 WIB")
    assert parsed is not None and (parsed.month, parsed.day, parsed.hour) == (8, 20, 9)


@pytest.mark.parametrize(
    ("first", "place", "rest"),
    [
        ("PALEMBANG, KOMPAS.com - Kurang dua pekan lagi.", "PALEMBANG", "Kurang dua pekan lagi."),
        ("JAKARTA, KOMPAS.com - KPU menetapkan.", "JAKARTA", "KPU menetapkan."),
        ("PALEMBANG, SUMATERAEKSPRES.ID – Kurang 2 pekan pelaksanaan.", "PALEMBANG", "Kurang 2 pekan pelaksanaan."),
        ("Palembang (ANTARA) - KPU Sumsel menetapkan.", "Palembang", "KPU Sumsel menetapkan."),
        ("Mataram (ANTARA) - KPU NTB menetapkan.", "Mataram", "KPU NTB menetapkan."),
        ("BANGKINANG (RIAUPOS.CO) - Pemungutan suara.", "BANGKINANG", "Pemungutan suara."),
        ("TRIBUNSUMSEL.COM, PALEMBANG - KPU Kota Palembang.", "PALEMBANG", "KPU Kota Palembang."),
        ("Liputan6.com, Jakarta - Ketua KPU mengatakan.", "Jakarta", "Ketua KPU mengatakan."),
        ("Jakarta - Ketua KPU mengatakan.", "Jakarta", "Ketua KPU mengatakan."),
        ("MUARA ENIM - Pilkades ditunda.", "MUARA ENIM", "Pilkades ditunda."),
        ("Bandar Lampung, 20/6 (ANTARA) - Pemungutan suara.", "Bandar Lampung", "Pemungutan suara."),
        ("SUARA.COM - Pemungutan suara ulang digelar.", None, "Pemungutan suara ulang digelar."),
        ("JAKARTA, KOMPAS.com -", "JAKARTA", ""),
        ("Jakarta -", "Jakarta", ""),
        ("Mataram, NTB (ANTARA News) - KPU NTB menetapkan.", "Mataram", "KPU NTB menetapkan."),
        ("TEMPO.CO, Jakarta - Warga antre.", "Jakarta", "Warga antre."),
        ("REPUBLIKA.CO.ID, MEDAN -- Warga antre.", "MEDAN", "Warga antre."),
        ("VIVA.co.id - Warga antre.", None, "Warga antre."),
        ("Jakarta, detikNews - Warga antre.", "Jakarta", "Warga antre."),
        ("Jakarta, IDN Times - Warga antre.", "Jakarta", "Warga antre."),
        ("KUALA LUMPUR, Jan 5 — Warga antre.", "KUALA LUMPUR", "Warga antre."),
        ("SURABAYA, 5 Januari 2024 (Antara/PRNewswire) -- Perusahaan itu.", "SURABAYA", "Perusahaan itu."),
        ("JAKARTA, 5 Januari 2024 /PRNewswire/ -- Perusahaan itu.", "JAKARTA", "Perusahaan itu."),
        ("GEORGE TOWN, Sept 12 -- Warga antre.", "GEORGE TOWN", "Warga antre."),
    ],
)
def test_dateline_forms(first: str, place: str | None, rest: str) -> None:
    assert split_dateline(first) == (place, rest)


def test_no_dateline_in_an_ordinary_sentence() -> None:
    assert split_dateline(STORY) == (None, STORY)
    assert find_dateline("Ketua KPU Kabupaten Ogan Komering Ilir dan jajaran, kata dia - ya") is None


def test_a_family_pattern_is_tried_first() -> None:
    family = r"^(?P<place>[A-Z][A-Za-z .']{1,40}?)\s*,\s*detik[A-Za-z]*\s*[-–—]+\s+"
    assert split_dateline("Palembang, detikSumbagsel - KPU menetapkan.", (family,)) == ("Palembang", "KPU menetapkan.")


def test_dateline_only_on_the_first_line() -> None:
    found = find_dateline("Warga datang ke TPS\nJAKARTA, KOMPAS.com - KPU")
    assert found is None


@pytest.mark.parametrize(
    "line",
    ["Baca juga: KPU tetapkan DPT", "BACA JUGA: Debat", "- Lihat Juga: Video", "BACAJUGA Debat", "Berita terkait"],
)
def test_insert_phrases(line: str) -> None:
    assert phrases.is_insert(line)


def test_an_ordinary_sentence_is_no_insert() -> None:
    assert not phrases.is_insert(STORY)
    assert not phrases.is_insert("Pembaca juga diminta mengecek DPT.")


# Real sentences open with the words of a non-standalone phrase; only a separator (or the phrase alone) makes an insert.
SENTENCES = [
    "Berita terkait dugaan politik uang di Muara Enim sudah dilaporkan ke Bawaslu pada Senin.",
    "Artikel terkait kampanye hitam itu dihapus oleh platform.",
    "Baca berita acara pemungutan suara dilakukan oleh ketua KPPS.",
    "Lihat video rekaman kecurangan itu, Bawaslu meminta warga melapor.",
    "Ikuti juga arahan petugas, kata Ketua KPU.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_a_sentence_opening_with_phrase_words_is_kept(sentence: str) -> None:
    assert not phrases.is_insert(sentence)
    kept, _ = clean_paragraphs(["Awal berita.", sentence, "Berita terkait: Debat Pilgub", "BACA JUGA Pilkada OKU"])
    assert kept == ["Awal berita.", sentence]


def test_drop_insert_lines_keeps_the_story() -> None:
    body = "KPU menetapkan DPT.\nBaca juga: Bawaslu Kota Batu temukan pelanggaran\nPemilih diminta datang."
    assert phrases.drop_insert_lines(body) == "KPU menetapkan DPT.\n\nPemilih diminta datang."


def test_cleaner_and_clustering_use_the_same_phrases() -> None:
    for phrase in phrases.PHRASES:
        line = f"{phrase.title()}: Debat kandidat Pilkada Palembang"
        assert clean_text(f"KPU menetapkan DPT.\n\n{line}\n\nPemilih diminta datang.") == (
            "KPU menetapkan DPT.\n\nPemilih diminta datang."
        ), phrase
    story = "KPU menetapkan DPT Pilkada untuk Kota Palembang hari ini"
    plain = shingles("", story)
    insert = shingles("", story + "\nLihat juga: debat kandidat di Batu")
    assert plain == insert


def test_vocabulary_expands_a_section_in_place() -> None:
    names = vocabulary.section("election_names")
    assert "pilkada" in names and "pemilihan kepala daerah" in names
    assert vocabulary.expand(["paslon", "@election_names", "pilkada"]) == ["paslon", *names]
    with pytest.raises(KeyError):
        vocabulary.expand(["@no_such_section"])


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("pilkada_terms.json", "year_anchor_terms"),
        ("claim_rules.json", "pilkada_terms"),
        ("crawl_filter.json", "terms"),
    ],
)
def test_election_names_are_written_once(name: str, key: str) -> None:
    listed = load_json(name)[key]
    assert "@election_names" in listed
    assert not set(listed) & set(vocabulary.section("election_names"))


def test_stages_read_the_shared_election_names() -> None:
    rules = load_rules()
    for word in vocabulary.section("election_names"):
        assert rules.has("pilkada_terms", f"debat {word} 2024"), word
