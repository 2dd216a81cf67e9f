"""Text cleaning: normalisation, mojibake repair, boilerplate lines, paragraphs, idempotence on random inputs."""

from __future__ import annotations

import random
import unicodedata

import pytest

from pantau.process.clean import clean_text, is_boilerplate_line, repair_mojibake
from tests.shared import SEED_FILE

SEED = SEED_FILE


def test_mojibake_cp1252_and_latin1_repaired() -> None:
    original = "“Kami siap,” kata Ketua KPU. Café — naïve – 27–28 November… São Tomé"
    broken_cp1252 = original.encode("utf-8").decode("cp1252", errors="replace")
    broken_latin1 = original.encode("utf-8").decode("latin-1")
    expected = clean_text(original)
    assert "â€" in broken_cp1252 and "Ã©" in broken_cp1252
    assert clean_text(broken_cp1252) == expected
    assert clean_text(broken_latin1) == expected


def test_double_encoded_mojibake_and_dropped_0x9d() -> None:
    twice = "é".encode().decode("cp1252").encode("utf-8").decode("cp1252")
    assert repair_mojibake(twice) == "é"
    # "”" is E2 80 9D and 0x9d is undefined in cp1252: decoders often leave a bare "â€".
    assert clean_text("â€œAman,â€ ujarnya.") == '"Aman," ujarnya.'


def test_legitimate_accented_text_untouched() -> None:
    text = "Ã la carte? Não. Façade, Ärger, ÂGE, señor, Crème brûlée."
    assert repair_mojibake(text) == text


def test_nfc_not_nfkc() -> None:
    decomposed = "Cafe\u0301 luas 20 m² dan ½ hektare, ﬁnal"
    out = clean_text(decomposed)
    assert "Café" in out and unicodedata.is_normalized("NFC", out)
    assert "m²" in out and "½" in out  # NFKC would have turned these into m2 and 1⁄2


def test_invisible_and_space_characters() -> None:
    text = "Pil\u00adkada\u200b serentak\u00a0\u00a0 2024\u2009digelar\ufeff\tdi 545\u202fdaerah\x07."
    assert clean_text(text) == "Pilkada serentak 2024 digelar di 545 daerah."


def test_zero_width_joiner_kept_inside_non_latin_script() -> None:
    persian = "می\u200cخواهم"
    assert clean_text(persian) == persian
    assert clean_text("KPU\u200d menetapkan") == "KPU menetapkan"


def test_quotes_normalised_to_ascii() -> None:
    assert clean_text("„Jum’at“ dan ‘Sabtu’") == "\"Jum'at\" dan 'Sabtu'"


def test_paragraphs_one_blank_line() -> None:
    assert clean_text("Satu.\r\nDua.\rTiga.") == "Satu.\n\nDua.\n\nTiga."
    assert clean_text("  Satu baris\nlanjutan.\n\n\n\n  Dua.  \n \n") == "Satu baris\nlanjutan.\n\nDua."
    assert clean_text("A\u2029B") == "A\n\nB"


@pytest.mark.parametrize(
    "line",
    [
        "Baca juga: KPU Tetapkan DPT Pilkada 2024",
        "BACA JUGA:Raja Dangdut Serukan Pilih Lucianty-Syaparuddin",
        "Baca Juga Pilkada Muratara 2024 Pengamanan Ditingkatkan",
        "Lihat juga: Debat kedua paslon",
        "Simak juga >> Video hitung cepat",
        "ADVERTISEMENT",
        "SCROLL TO CONTINUE WITH CONTENT",
        "Editor: Budi Santoso",
        "Reporter : Rina Wulandari",
        "Penulis: Rina | Editor: Budi",
        "Pewarta: Andi Firdaus",
        "Dapatkan berita terbaru di Google News",
        "Dapatkan update berita pilihan setiap hari dengan bergabung di saluran WhatsApp Kompas",
        "Ikuti kami di Instagram dan TikTok",
        "Artikel ini telah tayang di Kompas.com dengan judul Hasil Pilkada",
        "Copyright © ANTARA 2024",
        "ARTIKEL BERKAITAN: SPR umum tarikh PRN",
    ],
)
def test_boilerplate_lines_dropped(line: str) -> None:
    assert is_boilerplate_line(line)
    text = f"KPU menetapkan jadwal.\n{line}\nPemilih diminta hadir."
    assert clean_text(text) == "KPU menetapkan jadwal.\n\nPemilih diminta hadir."


@pytest.mark.parametrize(
    "sentence",
    [
        "Baca juga aturan KPU sebelum datang ke TPS, kata petugas.",
        "Editor senior itu mengatakan media harus memverifikasi klaim kandidat.",
        "Para editor dan reporter mengikuti pelatihan peliputan pilkada.",
        "Warga diminta membaca juga surat undangan memilih dengan teliti.",
        "Reporter televisi lokal ikut memantau rekapitulasi di kecamatan.",
        "Ia menjelaskan iklan kampanye di media sosial diawasi Bawaslu.",
        "Sumber dana kampanye wajib dilaporkan kepada KPU paling lambat sehari sebelum masa kampanye berakhir.",
        "Ikuti aturan KPU, kata dia di akun Twitter miliknya.",
        "(c) calon wajib menyerahkan laporan harta kekayaan.",
    ],
)
def test_real_sentences_kept(sentence: str) -> None:
    assert not is_boilerplate_line(sentence)
    assert clean_text(f"Pembuka berita.\n{sentence}\nPenutup berita.") == (
        f"Pembuka berita.\n\n{sentence}\n\nPenutup berita."
    )


def test_trailing_signoff_only_at_the_end() -> None:
    assert clean_text("Satu.\n\nPemungutan suara digelar Rabu. (ant/red)") == "Satu.\n\nPemungutan suara digelar Rabu."
    assert clean_text("Satu.\n\nDua.\n\n(wan/yuz)") == "Satu.\n\nDua."
    assert clean_text("Satu.\n\nDua. (*)") == "Satu.\n\nDua."
    middle = "Kata dia (ant/red) di tengah kalimat.\n\nAkhir."
    assert clean_text(middle) == middle
    assert clean_text("Hasil hitung (KPU/Bawaslu) selesai (ant)") == "Hasil hitung (KPU/Bawaslu) selesai"


def test_seed_article() -> None:
    if not SEED.exists():
        pytest.skip("seed article not available")
    raw = SEED.read_text(encoding="utf-8")
    out = clean_text(raw)
    assert "BACA JUGA" not in out
    assert out.startswith("PALEMBANG, SUMATERAEKSPRES.ID – Kurang 2 pekan")
    assert "monitoring pemberitaan media" in out
    body_lines = [ln for ln in raw.splitlines() if ln.strip() and not ln.startswith("BACA JUGA")]
    assert out.count("\n\n") == len(body_lines) - 1
    assert clean_text(out) == out


@pytest.mark.parametrize("value", [None, 42, b"bytes", "", "   ", "\n\n\n", "\x00\x01"])
def test_bad_input_gives_string(value: object) -> None:
    assert clean_text(value) == ""  # type: ignore[arg-type]


_ALPHABET = [
    *"abcdeKPU .,;:!?-'\"()/*",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\u200b",
    "\u200c",
    "\u200d",
    "\u00ad",
    "\ufeff",
    "\u0301",
    "\u0308",
    "é",
    "ï",
    "Ã",
    "Â",
    "â",
    "€",
    "œ",
    "\u0080",
    "\u009d",
    "©",
    "“",
    "”",
    "’",
    "–",
    "…",
    "\u2028",
    "\u2029",
    "ی",
    "中",
    "²",
    "\ud800",
    " (ant/red)",
    " (*)",
    "Baca juga: ",
    "BACA JUGA:",
    "Editor: ",
    "ADVERTISEMENT",
    "\nEditor: Budi\n",
    "Penulis: X | ",
    "Dapatkan berita terbaru di Google News",
    "â€œ",
    "Ã©",
]


def _random_text(rng: random.Random) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.randint(0, 60)))


def test_idempotent_on_random_inputs() -> None:
    rng = random.Random(20241127)
    for _ in range(3000):
        text = _random_text(rng)
        once = clean_text(text)
        assert clean_text(once) == once, repr(text)
        assert "\n\n\n" not in once and not once.startswith((" ", "\n")) and not once.endswith((" ", "\n"))
        assert unicodedata.is_normalized("NFC", once)


def test_idempotent_on_mutated_real_text() -> None:
    if not SEED.exists():
        pytest.skip("seed article not available")
    raw = SEED.read_text(encoding="utf-8")
    rng = random.Random(7)
    for _ in range(200):
        chars = list(raw[: rng.randint(50, 1500)])
        for _ in range(rng.randint(1, 20)):
            chars.insert(rng.randrange(len(chars) + 1), rng.choice(_ALPHABET))
        text = "".join(chars)
        if rng.random() < 0.3:
            text = text.encode("utf-8", errors="surrogatepass").decode("cp1252", errors="replace")
        once = clean_text(text)
        assert clean_text(once) == once
