"""After the hak jawab letter, on the real node: 'letter sent' (date, recipient, by whom) is recorded on the case
(`review.letter`, read by the record) and in the audit index; bad input is refused with a message and nothing
stored; when the outlet has not published the answer within `[desk] answer_wait_days`, the report page and the
queue suggest a complaint to Dewan Pers, never a takedown; a recorded answer ends the suggestion."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from pantau.desk import audit, drafts
from pantau.desk.app import create_app
from pantau.desk.followup import LetterError, letter_record, next_step, today_wib
from pantau.desk.users import UserStore
from pantau.records import IndexedArticle
from pantau.store.client import Store
from tests.conftest import make_settings
from tests.deskdata import seed
from tests.test_desk import desk_settings, login, token

WAIT = 7


@pytest.fixture
def piket(store: Store, tmp_path: Path) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    settings = desk_settings(store, tmp_path, PANTAU_DESK_ANSWER_WAIT_DAYS=str(WAIT))
    UserStore.of(settings).add("piet", "piket", "piket-pass-123")
    docs = seed(store)
    with TestClient(create_app(settings, store), follow_redirects=False) as client:
        login(client, "piet", "piket-pass-123")
        yield client, docs


def _flash(client: TestClient, response: Any) -> str:
    assert response.status_code == 303, response.text[:300]
    page = client.get(response.headers["location"]).text
    found = re.search(r'<div class="flash" role="status">(.*?)</div>', page, re.DOTALL)
    return found.group(1) if found else ""


def test_next_step_after_the_letter() -> None:
    sent = date(2024, 12, 2)
    assert next_step(None, WAIT).state == "no_letter"
    letter = {"letter": {"sent_on": "2024-12-02", "recipient": "Redaksi Sumeks", "sent_by": "piet"}}
    waiting = next_step(letter, WAIT, today=sent + timedelta(days=WAIT))
    assert (waiting.state, waiting.days_waited, waiting.wait_until) == ("waiting", WAIT, date(2024, 12, 9))
    overdue = next_step(letter, WAIT, today=sent + timedelta(days=WAIT + 1))
    assert (overdue.state, overdue.recipient, overdue.sent_by) == ("complaint", "Redaksi Sumeks", "piet")
    answered = letter | {"answer": {"url": "https://sumeks.co/hak-jawab"}}
    assert next_step(answered, WAIT, today=sent + timedelta(days=60)).state == "answered"
    with pytest.raises(LetterError, match="Penerima"):
        letter_record("2024-12-02", "  ", "piet", None, today=sent)
    for bad in ("kemarin", "2024-02-30", "20241202", ""):
        with pytest.raises(LetterError, match="bukan tanggal"):
            letter_record(bad, "Redaksi", "piet", None, today=sent)
    with pytest.raises(LetterError, match="belum tiba"):
        letter_record("2024-12-03", "Redaksi", "piet", None, today=sent)
    with pytest.raises(LetterError, match="sebelum berita terbit"):
        letter_record("2024-11-01", "Redaksi", "piet", date(2024, 11, 20), today=sent)
    assert letter_record("2024-12-02", " Pemimpin  Redaksi ", "piet", date(2024, 11, 20), today=sent) == {
        "sent_on": "2024-12-02",
        "recipient": "Pemimpin Redaksi",
        "sent_by": "piet",
    }


def test_wait_days_are_configured_and_checked() -> None:
    assert make_settings().desk.answer_wait_days == 7
    assert make_settings(PANTAU_DESK_ANSWER_WAIT_DAYS="14").desk.answer_wait_days == 14
    from pantau.errors import ConfigError

    with pytest.raises(ConfigError, match="PANTAU_DESK_ANSWER_WAIT_DAYS"):
        make_settings(PANTAU_DESK_ANSWER_WAIT_DAYS="0")


def test_a_letter_sent_is_recorded_audited_and_an_unanswered_one_suggests_dewan_pers(
    piket: tuple[TestClient, list[dict[str, Any]]], store: Store
) -> None:
    client, docs = piket
    case = str(docs[3]["id"])  # Pikiran Rakyat, published 50 days ago
    today = today_wib()
    page = client.get(f"/report/{case}").text
    assert 'id="next-step"' not in page and 'id="letter-sent"' not in page
    form = client.get(f"/report/{case}/draft").text
    assert 'id="letter-form"' in form

    # refused with a message, nothing stored
    refusals = [
        ({"sent_on": today.isoformat(), "recipient": ""}, "Penerima surat harus diisi"),
        ({"sent_on": "kemarin", "recipient": "Redaksi"}, "bukan tanggal"),
        ({"sent_on": (today + timedelta(days=1)).isoformat(), "recipient": "Redaksi"}, "belum tiba"),
        ({"sent_on": (today - timedelta(days=80)).isoformat(), "recipient": "Redaksi"}, "sebelum berita terbit"),
    ]
    for data, message in refusals:
        flash = _flash(client, client.post(f"/report/{case}/letter", data={**data, "csrf_token": token(client, "/")}))
        assert message in flash, (data, flash)
    assert "letter" not in (store.get("articles", case) or {})["review"]
    assert audit.entries(store, case) == []

    sent_on = today - timedelta(days=WAIT + 2)
    recorded = client.post(
        f"/report/{case}/letter",
        data={
            "sent_on": sent_on.isoformat(),
            "recipient": "Pemimpin Redaksi Pikiran Rakyat",
            "note": "surel redaksi, tembusan Dewan Pers",
            "csrf_token": token(client, "/"),
        },
    )
    assert "Pengiriman surat hak jawab dicatat" in _flash(client, recorded)
    letter = (store.get("articles", case) or {})["review"]["letter"]
    assert (letter["sent_on"], letter["recipient"], letter["sent_by"]) == (
        sent_on.isoformat(),
        "Pemimpin Redaksi Pikiran Rakyat",
        "piet",
    )
    stored = IndexedArticle.from_dict(store.get("articles", case) or {})  # the record reads the new field
    assert stored.review and stored.review.letter and stored.review.letter.sent_by == "piet"
    [entry] = audit.entries(store, case)
    assert (entry["user"], entry["action"], entry["outcome"]) == ("piet", "letter_sent", "ok")
    assert entry["after"]["recipient"] == "Pemimpin Redaksi Pikiran Rakyat" and entry["before"] == {}
    assert sent_on.isoformat() in entry["summary"]

    page = client.get(f"/report/{case}").text
    assert 'id="letter-sent"' in page and "Pemimpin Redaksi Pikiran Rakyat, oleh piet" in page
    step = page.split('id="next-step"', 1)[1].split("</div>", 1)[0]
    assert "pengaduan ke Dewan Pers" in step and f"{WAIT + 2} hari kemudian" in step
    assert "Pasal 15 ayat (2) huruf d" in step and "03/Peraturan-DP/VII/2017" in step
    # never a takedown: removal is only named as what is not asked for
    mentions = [part for part in re.split(r"[.;(]", step) if "cabut" in part]
    assert mentions and all("tidak" in part for part in mentions), mentions
    queue = client.get("/", params={"province": "Jawa Barat"}).text
    assert f"{WAIT + 2} hari tanpa jawaban: pengaduan ke Dewan Pers" in queue
    # the public clarification may now say that the hak jawab was sent
    assert "telah menyampaikan Hak Jawab" in drafts.render(
        "clarification", store.get("articles", case) or {}, stored_settings(client)
    )

    # the outlet publishes the answer: the suggestion ends
    client.post(
        f"/report/{case}/answer",
        data={"url": "https://www.pikiran-rakyat.com/hak-jawab-kpu", "csrf_token": token(client, "/")},
    )
    page = client.get(f"/report/{case}").text
    assert 'id="next-step"' not in page and "pengaduan ke Dewan Pers" not in page.split('id="trail"')[0]
    assert "jawaban dimuat" in client.get("/", params={"province": "Jawa Barat"}).text


def test_a_letter_within_the_wait_says_so(piket: tuple[TestClient, list[dict[str, Any]]], store: Store) -> None:
    client, docs = piket
    case = str(docs[3]["id"])
    sent_on = today_wib() - timedelta(days=2)
    client.post(
        f"/report/{case}/letter",
        data={"sent_on": sent_on.isoformat(), "recipient": "Redaksi", "csrf_token": token(client, "/")},
    )
    step = client.get(f"/report/{case}").text.split('id="next-step"', 1)[1].split("</div>", 1)[0]
    assert "menunggu media memuatnya" in step and (sent_on + timedelta(days=WAIT)).isoformat() in step
    assert "surat dikirim " + sent_on.isoformat() in client.get("/", params={"province": "Jawa Barat"}).text
    # a bad answer date is a message, not silently dropped
    flash = _flash(
        client,
        client.post(
            f"/report/{case}/answer",
            data={"url": "https://x.id/a", "published_on": "2024-02-30", "csrf_token": token(client, "/")},
        ),
    )
    assert "bukan tanggal" in flash and "answer" not in (store.get("articles", case) or {})["review"]


def stored_settings(client: TestClient) -> Any:
    return client.app.state.desk.settings  # type: ignore[attr-defined]
