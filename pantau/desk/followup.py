"""After the hak jawab letter: the letter sent (date, recipient, by whom), the outlet's answer, and the next step.

When the outlet has not published the hak jawab within `[desk] answer_wait_days` of the letter, the next step the
law gives is a complaint to Dewan Pers (UU 40/1999 Pasal 15 ayat (2) huruf d; Peraturan Dewan Pers Nomor
03/Peraturan-DP/VII/2017 tentang Prosedur Pengaduan ke Dewan Pers), never a takedown request (Pedoman Pemberitaan
Media Siber butir 5). The wording lives in desk_letters/legal.json.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pantau.text.dates import WIB


def today_wib() -> date:
    return datetime.now(WIB).date()


@dataclass(frozen=True)
class NextStep:
    """Where a case stands after its letter.

    state: "no_letter" (no letter recorded), "answered" (the outlet's answer is recorded), "waiting" (letter sent,
    still within the wait) or "complaint" (letter sent, no answer after the wait: suggest a complaint to Dewan Pers).
    """

    state: str
    sent_on: date | None = None
    recipient: str = ""
    sent_by: str = ""
    wait_until: date | None = None
    days_waited: int | None = None


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


def next_step(review: dict[str, Any] | None, wait_days: int, today: date | None = None) -> NextStep:
    review = review or {}
    letter = review.get("letter") or {}
    answer = review.get("answer") or {}
    if answer.get("url"):
        return NextStep("answered", _day(letter.get("sent_on")), str(letter.get("recipient") or ""))
    sent_on = _day(letter.get("sent_on"))
    if sent_on is None:
        return NextStep("no_letter")
    today = today or today_wib()
    waited = (today - sent_on).days
    state = "complaint" if waited > wait_days else "waiting"
    return NextStep(
        state,
        sent_on,
        str(letter.get("recipient") or ""),
        str(letter.get("sent_by") or ""),
        sent_on + timedelta(days=wait_days),
        waited,
    )


class LetterError(ValueError):
    """A 'letter sent' record that cannot be kept as given (the message is shown to the officer)."""


def letter_record(
    sent_on: str, recipient: str, by: str, published: date | None, note: str = "", today: date | None = None
) -> dict[str, Any]:
    """The `review.letter` value for a letter sent on `sent_on` (YYYY-MM-DD) to `recipient` by `by`.

    Refused (LetterError): no recipient, a date that is no date, in the future, or before the report was published."""
    recipient = " ".join(recipient.split())
    if not recipient:
        raise LetterError("Penerima surat harus diisi (misalnya: Pemimpin Redaksi, alamat surel redaksi).")
    day = _day(sent_on) if len(sent_on.strip()) == 10 else None
    if day is None:
        raise LetterError(f"Tanggal kirim {sent_on!r} bukan tanggal (TTTT-BB-HH). Surat belum dicatat.")
    today = today or today_wib()
    if day > today:
        raise LetterError(f"Tanggal kirim {day.isoformat()} belum tiba. Surat belum dicatat.")
    if published and day < published:
        raise LetterError(
            f"Tanggal kirim {day.isoformat()} sebelum berita terbit ({published.isoformat()}). Surat belum dicatat."
        )
    record: dict[str, Any] = {"sent_on": day.isoformat(), "recipient": recipient, "sent_by": by}
    if note.strip():
        record["note"] = note.strip()
    return record
