"""The clarification desk over HTTP (Starlette's TestClient) on the real node: roles, CSRF refusal, the login rate
limit, /healthz, the queue and report pages, review actions, drafts, the outlet's answer and the audit trail."""

from __future__ import annotations

import io
import json
import re
import socket
import stat
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from pantau.alerts import messages
from pantau.cli.main import main
from pantau.config import Settings
from pantau.desk import audit, cases, csrf, drafts, queue_filters
from pantau.desk.app import create_app
from pantau.desk.deadline import add_months, window
from pantau.desk.ratelimit import LoginLimiter
from pantau.desk.routes import POST_PATHS
from pantau.desk.sessions import COOKIE
from pantau.desk.users import UserStore
from pantau.ops.review import http_url, save_review_part
from pantau.records import IndexedArticle
from pantau.store.client import EngineInfo, Store
from tests.conftest import make_settings
from tests.deskdata import DATE_FLAG, TITLE_FLAG, seed
from tests.deskserver import serving

PASSWORDS = {"vera": "viewer-pass-123", "piet": "piket-pass-123", "ada": "admin-pass-123"}
ROLES = {"vera": "viewer", "piet": "piket", "ada": "admin"}
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def desk_settings(store: Store, tmp_path: Path, **extra: str) -> Settings:
    return make_settings(
        PANTAU_SEARCH_URL=store.settings.search_url,
        PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix,
        PANTAU_PATHS_VAR_DIR=str(tmp_path / "var"),
        PANTAU_DESK_USERS_FILE=str(tmp_path / "users.json"),
        PANTAU_DESK_SIGNATORY_NAME="Rina Wulandari",
        PANTAU_DESK_SIGNATORY_TITLE="Kepala Biro Humas",
        **extra,
    )


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def desk(store: Store, tmp_path: Path, clock: Clock) -> Iterator[tuple[TestClient, Settings, list[dict[str, Any]]]]:
    settings = desk_settings(store, tmp_path)
    users = UserStore.of(settings)
    for name, role in ROLES.items():
        users.add(name, role, PASSWORDS[name])
    docs = seed(store)
    app = create_app(settings, store, limiter=LoginLimiter(3, 60.0, clock))
    with TestClient(app, follow_redirects=False) as client:
        yield client, settings, docs


def token(client: httpx.Client, path: str = "/login") -> str:
    found = CSRF.search(client.get(path).text)
    assert found, f"no csrf_token on {path}"
    return found.group(1)


def login(client: TestClient, name: str, password: str | None = None) -> Any:
    return client.post(
        "/login",
        data={"username": name, "password": password or PASSWORDS[name], "csrf_token": token(client), "next": "/"},
    )


def doc_id(docs: list[dict[str, Any]], n: int) -> str:
    return str(docs[n - 1]["id"])


# --- units ------------------------------------------------------------------------------------------------------


def test_two_month_window() -> None:
    assert add_months(date(2024, 12, 31), 2) == date(2025, 2, 28)
    assert add_months(date(2024, 11, 20), 2) == date(2025, 1, 20)
    today = date(2025, 1, 10)
    assert window("2024-11-20T09:00:00+07:00", today).state == "closing"
    assert window("2024-11-20T09:00:00+07:00", today).days_left == 10
    assert window("2024-12-20T09:00:00+07:00", today).state == "open"
    assert window("2024-11-01T09:00:00+07:00", today).state == "closed"
    assert window(None, today).state == "unknown"
    # a late-evening UTC time is the next day in WIB
    assert window("2024-11-19T20:00:00+00:00", today).published == date(2024, 11, 20)


def test_highlight_marks_the_evidence_ignoring_case_and_spacing() -> None:
    body = "Awal.  Pemungutan suara\nPilkada digelar 28 November. Akhir."
    pieces = cases.highlight(body, ["pemungutan suara pilkada digelar 28 November.", "tidak ada"])
    assert [p for p in pieces if p[1]] == [("Pemungutan suara\nPilkada digelar 28 November.", True)]
    assert "".join(p[0] for p in pieces) == body


def test_queue_filters_drop_values_that_do_not_fit() -> None:
    f = queue_filters.QueueFilters.parse(
        {"severity": "x", "min_confidence": "7", "since": "kemarin", "status": "?", "page": "-3"}
    )
    assert (f.severity, f.min_confidence, f.since, f.status, f.page) == ("", "1", "", "terbuka", 1)


def test_letters_carry_what_the_regulation_requires() -> None:
    settings = make_settings(PANTAU_DESK_SIGNATORY_NAME="Rina Wulandari")
    doc = IndexedArticle.of(
        IndexedArticle(
            url="https://sumeks.co/pilkada/2024/berita-2",
            outlet="Sumeks",
            title="Pilkada Sumsel digelar 28 November",
            published_at="2024-11-20T09:07:00+07:00",
            flags=[DATE_FLAG],
        )
    ).to_dict()
    letter = drafts.render("hak_jawab", doc, settings, today=date(2024, 11, 22))
    for needed in (
        "Hak Jawab",
        "Sumeks",
        "20 November 2024",
        "Pilkada Sumsel digelar 28 November",
        "https://sumeks.co/pilkada/2024/berita-2",
        f'"{DATE_FLAG.evidence}"',
        DATE_FLAG.fact,
        "PKPU 2/2024",
        "Undang-Undang Nomor 40 Tahun 1999 tentang Pers",
        "Pasal 5 ayat (2)",
        "9/Peraturan-DP/X/2008",
        "proporsional",
        "ditautkan pada berita semula",
        "Rina Wulandari",
        "Tembusan:\n1. Dewan Pers",
    ):
        assert needed in letter, needed
    # never a takedown request: the only mention of removal says it is not asked for
    mentions = [part for part in re.split(r"[.;(]", letter) if "cabut" in part]
    assert mentions and all("tidak" in part for part in mentions), mentions
    assert "tidak meminta pemberitaan tersebut dicabut" in letter
    post = drafts.render("clarification", doc, settings)
    assert "tidak sesuai fakta" in post
    assert "hoaks" not in post.lower()


def test_letters_keep_one_line_per_part_with_and_without_a_source() -> None:
    settings = make_settings()
    unsourced = TITLE_FLAG.to_dict() | {"source": None}
    doc = {
        "outlet": "Sumeks",
        "title": "Judul",
        "url": "https://sumeks.co/x",
        "published_at": None,
        "flags": [DATE_FLAG.to_dict(), unsourced],
    }
    letter = drafts.render("hak_jawab", doc, settings, today=date(2024, 11, 22))
    expected = "\n".join(
        [
            "Bagian pemberitaan yang kami tanggapi dan fakta yang benar:",
            "1. Dalam pemberitaan tertulis:",
            f'   "{DATE_FLAG.evidence}"',
            f"   Fakta yang benar: {DATE_FLAG.fact}",
            "   Dasar/bukti: PKPU 2/2024",
            "2. Dalam pemberitaan tertulis:",
            f'   "{TITLE_FLAG.evidence}"',
            f"   Fakta yang benar: {TITLE_FLAG.fact}",
            "",
            "Sehubungan dengan hal tersebut, kami memohon agar:",
        ]
    )
    assert expected in letter
    assert "Tanggal terbit : (tanggal tidak diketahui)\n" in letter
    post = drafts.render("clarification", doc, settings, today=date(2024, 11, 22))
    assert post.startswith(
        "\n".join(
            [
                "KLARIFIKASI KOMISI PEMILIHAN UMUM REPUBLIK INDONESIA",
                "",
                'Pemberitaan Sumeks berjudul "Judul" memuat informasi yang tidak sesuai fakta.',
                f'- Dalam berita tertulis: "{DATE_FLAG.evidence}"',
                f"  Faktanya: {DATE_FLAG.fact} (sumber: PKPU 2/2024)",
                f'- Dalam berita tertulis: "{TITLE_FLAG.evidence}"',
                f"  Faktanya: {TITLE_FLAG.fact}",
                "",
                "Berita yang dimaksud: https://sumeks.co/x",
                "",
            ]
        )
    )
    assert "((" not in post
    dated = drafts.render("clarification", doc | {"published_at": "2024-11-20T09:07:00+07:00"}, settings)
    assert 'berjudul "Judul" (20 November 2024) memuat' in dated


def test_the_clarification_says_the_hak_jawab_was_sent_only_when_it_was_recorded() -> None:
    settings = make_settings()
    doc = {"outlet": "Sumeks", "title": "Judul", "url": "https://sumeks.co/x", "flags": [DATE_FLAG.to_dict()]}
    advice = "Masyarakat diimbau merujuk informasi resmi tahapan Pilkada dari KPU."
    for review in (None, {"status": "ditinjau"}, {"status": "ditinjau", "drafts": {"hak_jawab": "Surat\n"}}):
        post = drafts.render("clarification", doc | {"review": review}, settings)
        assert "Hak Jawab" not in post and "\n" + advice + "\n" in post, review
    answered = {"status": "ditinjau", "answer": {"url": "https://sumeks.co/hak-jawab-kpu"}}
    post = drafts.render("clarification", doc | {"review": answered}, settings)
    assert (
        "\nKomisi Pemilihan Umum Republik Indonesia telah menyampaikan Hak Jawab kepada redaksi Sumeks sesuai "
        "Undang-Undang Nomor 40 Tahun 1999 tentang Pers. " + advice + "\n"
    ) in post


def test_alert_messages_link_to_the_desk() -> None:
    doc = IndexedArticle(url="https://sumeks.co/pilkada/2024/berita-2", outlet="Sumeks", title="Judul")
    fields = messages.article_fields(doc, DATE_FLAG, desk_url="https://pantau.kpu.go.id/desk/")
    _, body = messages.render("flag", fields)
    assert f"Buka di meja klarifikasi: https://pantau.kpu.go.id/desk/report/{doc.id}" in body
    _, without = messages.render("flag", messages.article_fields(doc, DATE_FLAG))
    assert "meja klarifikasi" not in without


def test_user_add_reads_the_password_from_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: Any) -> None:
    users_file = tmp_path / "desk" / "users.json"
    monkeypatch.setenv("PANTAU_DESK_USERS_FILE", str(users_file))
    monkeypatch.setattr("sys.stdin", io.StringIO("rahasia-panjang-1\n"))
    assert main(["desk", "user", "add", "siti", "--role", "piket", "--password-stdin"]) == 0
    text = users_file.read_text(encoding="utf-8")
    assert "rahasia-panjang-1" not in text
    assert json.loads(text)["users"]["siti"]["password_hash"].startswith("$argon2")
    assert stat.S_IMODE(users_file.stat().st_mode) == 0o600
    store = UserStore(users_file)
    assert store.authenticate("siti", "rahasia-panjang-1") is not None
    assert store.authenticate("siti", "salah-sandi-123") is None
    monkeypatch.setattr("sys.stdin", io.StringIO("pendek\n"))
    assert main(["desk", "user", "add", "budi", "--role", "viewer", "--password-stdin"]) == 1
    assert main(["desk", "user", "add", "budi", "--role", "viewer"]) == 1  # no password on the command line
    assert "at least" in capsys.readouterr().err


# --- over HTTP --------------------------------------------------------------------------------------------------


def test_healthz_answers_without_login(desk: Any) -> None:
    client, _, _ = desk
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "engine": "up"}


def test_healthz_answers_fast_and_blocks_nothing_while_the_engine_is_down(tmp_path: Path) -> None:
    with socket.socket() as sock:  # a port nothing listens on
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    # every engine request retries with backoff (~1 + 2 + 4 s) before it gives up
    settings = make_settings(
        PANTAU_SEARCH_URL=dead,
        PANTAU_SEARCH_BACKOFF_INITIAL="1.0",
        PANTAU_SEARCH_BACKOFF_MAX="4",
        PANTAU_PATHS_VAR_DIR=str(tmp_path / "var"),
        PANTAU_DESK_USERS_FILE=str(tmp_path / "users.json"),
    )
    UserStore.of(settings).add("piet", "piket", PASSWORDS["piet"])
    store = Store(settings, EngineInfo("opensearch", "2.19.0", "dead", dead))
    with serving(create_app(settings, store)) as base, httpx.Client(base_url=base, timeout=60) as slow:
        form = token(slow)
        data = {"username": "piet", "password": PASSWORDS["piet"], "csrf_token": form, "next": "/"}
        done: list[int] = []
        # a login whose audit entry waits for the engine in a worker thread
        waiting = threading.Thread(target=lambda: done.append(slow.post("/login", data=data).status_code))
        waiting.start()
        time.sleep(0.3)
        with httpx.Client(base_url=base, timeout=60) as other:
            started = time.monotonic()
            health: list[httpx.Response] = []
            checking = threading.Thread(target=lambda: health.append(other.get("/healthz")))
            checking.start()
            time.sleep(0.2)
            with httpx.Client(base_url=base, timeout=60) as third:
                assert third.get("/login").status_code == 200
            assert time.monotonic() - started < 2.0  # neither the check nor the slow login held this page up
            checking.join(timeout=10)
            assert time.monotonic() - started < 2.5
        assert health[0].status_code == 503
        body = health[0].json()
        assert (body["status"], body["engine"]) == ("unavailable", "down") and body["reason"]
        assert dead not in body["reason"]  # the engine's address is not told to anyone who asks
        waiting.join(timeout=30)
        assert done == [303]  # the login itself does not fail because the audit trail is unreachable


def test_pages_need_a_login_and_the_right_role(desk: Any) -> None:
    client, _, docs = desk
    first = doc_id(docs, 1)
    response = client.get("/")
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")
    logged_in = login(client, "vera")
    assert logged_in.status_code == 303
    cookie = logged_in.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie
    assert client.get("/").status_code == 200
    assert client.get(f"/report/{first}").status_code == 200
    assert client.get(f"/report/{first}/draft").status_code == 403
    assert client.get("/users").status_code == 403
    refused = client.post(f"/report/{first}/review", data={"status": "ditinjau", "csrf_token": token(client, "/")})
    assert refused.status_code == 403
    assert client.get(f"/report/{first}").text.count('id="status">baru<') == 1

    client.post("/logout", data={"csrf_token": token(client, "/")})
    assert client.get("/").status_code == 303
    assert login(client, "piet").status_code == 303
    assert client.get(f"/report/{first}/draft").status_code == 200
    added = client.post(
        "/watchlists", data={"name": "uang", "query_string": "politik uang", "csrf_token": token(client, "/")}
    )
    assert added.status_code == 403
    client.post("/logout", data={"csrf_token": token(client, "/")})
    assert login(client, "ada").status_code == 303
    added = client.post(
        "/watchlists", data={"name": "uang", "query_string": '"politik uang"', "csrf_token": token(client, "/")}
    )
    assert added.status_code == 303
    assert "politik uang" in client.get("/watchlists").text
    assert client.get("/users").status_code == 200


def test_every_form_is_refused_without_its_csrf_token(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first = doc_id(docs, 1)
    login(client, "ada")
    good = token(client, "/")
    assert all(CSRF.findall(client.get(path).text) for path in ("/", f"/report/{first}", f"/report/{first}/draft"))
    for path in POST_PATHS:
        url = path.replace("{article_id}", first).replace("{wid}", "uang")
        for data in ({}, {"csrf_token": "x" * 64}, {"csrf_token": good + "0"}):
            response = client.post(url, data={**data, "status": "ditinjau", "username": "ada", "password": "x"})
            assert response.status_code == 403, (url, data)
    # a token from another session is refused too
    other = TestClient(client.app, follow_redirects=False)
    other_token = token(other)
    assert (
        client.post(f"/report/{first}/review", data={"status": "ditinjau", "csrf_token": other_token}).status_code
        == 403
    )
    assert (store.get("articles", first) or {})["review"]["status"] == "baru"


def test_logins_are_rate_limited(desk: Any, clock: Clock) -> None:
    client, _, _ = desk
    for _ in range(3):
        assert login(client, "piet", "salah-sandi-000").status_code == 401
    blocked = login(client, "piet")  # even the right password, while blocked
    assert blocked.status_code == 429
    assert int(blocked.headers["Retry-After"]) > 0
    assert "Terlalu banyak percobaan" in blocked.text
    clock.now += 61
    assert login(client, "piet").status_code == 303


def test_queue_filters_and_story_size(desk: Any) -> None:
    client, _, docs = desk
    login(client, "vera")
    page = client.get("/").text
    assert page.count('href="/report/') == 4  # the four flagged reports; the copy without a flag is not a case
    assert "3 media" in page  # the Sumsel story is carried by three outlets
    jabar = client.get("/", params={"province": "Jawa Barat"}).text
    assert jabar.count('href="/report/') == 2
    assert doc_id(docs, 4) in jabar
    sure = client.get("/", params={"min_confidence": "0.9"}).text
    assert doc_id(docs, 4) not in sure
    assert sure.count('href="/report/') == 3
    assert client.get("/", params={"rule": "official_title_chair"}).text.count('href="/report/') == 1
    assert client.get("/", params={"status": "diklarifikasi"}).text.count('href="/report/') == 0


def test_report_review_of_the_whole_story_and_its_audit_trail(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first, second, unflagged = doc_id(docs, 1), doc_id(docs, 2), doc_id(docs, 3)
    login(client, "piet")
    page = client.get(f"/report/{first}").text
    assert f"<mark>{DATE_FLAG.evidence}</mark>" in page
    assert DATE_FLAG.fact in page and "PKPU 2/2024" in page
    assert "Sumeks" in page  # another copy of the story
    response = client.post(
        f"/report/{first}/review",
        data={"status": "ditinjau", "note": "Hubungi redaksi", "whole_story": "1", "csrf_token": token(client, "/")},
    )
    assert response.status_code == 303
    assert "untuk 2 berita" in client.get(response.headers["location"]).text
    for article in (first, second):
        review = (store.get("articles", article) or {})["review"]
        assert (review["status"], review["updated_by"], review["note"]) == ("ditinjau", "piet", "Hubungi redaksi")
    assert "review" not in (store.get("articles", unflagged) or {})
    trail = audit.entries(store, first)
    assert [(e["user"], e["role"], e["action"], e["outcome"]) for e in trail] == [("piet", "piket", "review", "ok")]
    assert trail[0]["before"]["status"] == "baru" and trail[0]["after"]["status"] == "ditinjau"
    # the transitions are those of `pantau review`: diklarifikasi needs a clarification URL
    refused = client.post(f"/report/{first}/review", data={"status": "diklarifikasi", "csrf_token": token(client, "/")})
    assert "needs --clarification-url" in client.get(refused.headers["location"]).text
    assert audit.entries(store, first)[0]["outcome"] == "refused"


def test_a_copy_without_a_flag_is_never_reviewed_drafted_or_answered(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first, unflagged = doc_id(docs, 1), doc_id(docs, 3)
    # a copy that already has a review object (as an earlier desk gave one when a draft was saved on it)
    save_review_part(store, unflagged, "drafts", {"hak_jawab": "lama\n", "saved_by": "piet"})
    login(client, "piet")
    page = client.get(f"/report/{unflagged}").text
    assert 'id="not-flagged"' in page and 'id="review-form"' not in page and 'id="draft-link"' not in page
    assert "terapkan ke semua salinan cerita yang ditandai (2 berita)" in client.get(f"/report/{first}").text
    response = client.post(
        f"/report/{first}/review",
        data={"status": "ditinjau", "whole_story": "1", "csrf_token": token(client, "/")},
    )
    assert "untuk 2 berita" in client.get(response.headers["location"]).text
    assert (store.get("articles", unflagged) or {})["review"]["status"] == "baru"  # not touched
    assert audit.entries(store, unflagged) == []
    refused = client.get(f"/report/{unflagged}/draft")
    assert refused.status_code == 409 and "tidak ditandai" in refused.text
    assert client.get(f"/report/{unflagged}/draft/hak_jawab.txt").status_code == 409
    csrf_token = token(client, "/")
    for action, data in (
        ("review", {"status": "ditinjau"}),
        ("draft", {"hak_jawab": "Surat baru", "clarification": "Klarifikasi"}),
        ("answer", {"url": "https://sumsel.antaranews.com/jawaban"}),
    ):
        response = client.post(f"/report/{unflagged}/{action}", data={**data, "csrf_token": csrf_token})
        assert response.status_code == 303, action
        assert "tidak ditandai" in client.get(response.headers["location"]).text, action
    review = (store.get("articles", unflagged) or {})["review"]
    assert review["status"] == "baru" and review["drafts"]["hak_jawab"] == "lama\n" and "answer" not in review
    assert audit.entries(store, unflagged) == []


def test_only_http_links_become_links(desk: Any, store: Store) -> None:
    client, _, docs = desk
    second = doc_id(docs, 2)
    bad = {"url": "javascript:alert(1)", "canonical_url": " JavaScript:alert(2)"}
    store.request("POST", f"/{store.name('articles')}/_update/{second}", body={"doc": bad}, params={"refresh": "true"})
    # links stored by older code or by hand: the desk's own forms refuse them
    save_review_part(store, second, "answer", {"url": "data:text/html,<script>alert(3)</script>", "recorded_by": "x"})
    review = (store.get("articles", second) or {})["review"]
    review["clarification_url"] = "javascript:alert(4)"
    store.request(
        "POST",
        f"/{store.name('articles')}/_update/{second}",
        body={"doc": {"review": review}},
        params={"refresh": "true"},
    )
    login(client, "piet")
    for path in (f"/report/{second}", f"/report/{second}/draft"):
        page = client.get(path).text
        hrefs = re.findall(r'href="([^"]*)"', page)
        assert all(h.startswith(("/", "http://", "https://")) for h in hrefs), (path, hrefs)
        assert "<script>" not in page
    page = client.get(f"/report/{second}").text
    assert '<span class="url-text">JavaScript:alert(2)</span>' in page
    assert '<span class="url-text">javascript:alert(4)</span>' in page
    assert '<span class="url-text">data:text/html,&lt;script&gt;alert(3)&lt;/script&gt;</span>' in page
    first = client.get(f"/report/{doc_id(docs, 1)}").text
    assert (
        '<a href="https://palembang.tribunnews.com/pilkada/2024/berita-1" rel="noreferrer noopener">berita asli</a>'
        in first
    )
    assert http_url("https://x.id/a?b=1") == "https://x.id/a?b=1"
    for value in (
        "javascript:alert(1)",
        "data:,x",
        "//x.id/a",
        "/relatif",
        "https:/x",
        "http://x.id/a b",
        "http://[::1",
    ):
        assert http_url(value) is None, value


def test_drafts_are_saved_downloaded_printed_and_the_answer_recorded(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first, old, closing = doc_id(docs, 1), doc_id(docs, 5), doc_id(docs, 4)
    login(client, "piet")
    form = client.get(f"/report/{first}/draft").text
    assert "Hak Jawab atas pemberitaan" in form and "Rina Wulandari" in form
    assert 'id="window-warning"' not in form
    assert "sudah lewat" in client.get(f"/report/{old}/draft").text
    assert "Kirim segera" in client.get(f"/report/{closing}/draft").text
    letter = "Surat hak jawab yang sudah disunting <b>tebal</b>\n"
    saved = client.post(
        f"/report/{first}/draft",
        data={"hak_jawab": letter, "clarification": "Klarifikasi singkat.", "csrf_token": token(client, "/")},
    )
    assert saved.status_code == 303
    review = (store.get("articles", first) or {})["review"]
    assert review["drafts"]["hak_jawab"] == letter
    assert review["drafts"]["saved_by"] == "piet"
    assert review["status"] == "baru"  # saving a draft never moves the status
    assert "&lt;b&gt;tebal&lt;/b&gt;" in client.get(f"/report/{first}/draft").text  # escaped when shown
    text = client.get(f"/report/{first}/draft/hak_jawab.txt")
    assert text.text == letter
    assert text.headers["content-disposition"].startswith("attachment;")
    assert text.headers["content-type"].startswith("text/plain")
    assert "Klarifikasi singkat." in client.get(f"/report/{first}/draft/clarification/print").text
    answered = client.post(
        f"/report/{first}/answer",
        data={
            "url": "https://palembang.tribunnews.com/hak-jawab-kpu",
            "published_on": "2024-11-25",
            "csrf_token": token(client, "/"),
        },
    )
    assert answered.status_code == 303
    answer = (store.get("articles", first) or {})["review"]["answer"]
    assert (answer["url"], answer["published_on"]) == ("https://palembang.tribunnews.com/hak-jawab-kpu", "2024-11-25")
    stored = IndexedArticle.from_dict(store.get("articles", first) or {})  # the record reads the desk's fields
    assert stored.review and stored.review.drafts and stored.review.answer
    assert stored.review.answer.published_on == "2024-11-25"
    actions = [e["action"] for e in audit.entries(store, first)]
    assert actions == ["answer", "draft"]
    # a second answer replaces the first one as a whole: the date it does not give is not kept from the first
    client.post(
        f"/report/{first}/answer",
        data={"url": "https://palembang.tribunnews.com/ralat", "note": "ralat", "csrf_token": token(client, "/")},
    )
    answer = (store.get("articles", first) or {})["review"]["answer"]
    assert (answer["url"], answer["note"], "published_on" in answer) == (
        "https://palembang.tribunnews.com/ralat",
        "ralat",
        False,
    )
    assert "2024-11-25" not in client.get(f"/report/{first}").text
    assert (store.get("articles", first) or {})["review"]["drafts"]["hak_jawab"] == letter  # the rest is kept
    assert (
        client.post(
            f"/report/{first}/answer", data={"url": "javascript:alert(1)", "csrf_token": token(client, "/")}
        ).status_code
        == 303
    )
    assert (store.get("articles", first) or {})["review"]["answer"]["url"].startswith("https://")


def test_a_draft_longer_than_the_limit_is_refused_never_cut(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first = doc_id(docs, 1)
    login(client, "piet")
    long_letter = "Surat panjang. " + "x" * drafts.MAX_CHARS + " akhir surat"
    response = client.post(
        f"/report/{first}/draft",
        data={"hak_jawab": long_letter, "clarification": "Klarifikasi.", "csrf_token": token(client, "/")},
    )
    assert response.status_code == 422
    assert 'id="draft-error"' in response.text and "terlalu panjang" in response.text
    assert f"paling banyak {drafts.MAX_CHARS}" in response.text
    assert long_letter in response.text  # the officer's text stays in the form, whole
    assert "drafts" not in (store.get("articles", first) or {})["review"]
    assert audit.entries(store, first) == []
    exact = "y" * drafts.MAX_CHARS
    saved = client.post(
        f"/report/{first}/draft", data={"hak_jawab": exact, "clarification": "", "csrf_token": token(client, "/")}
    )
    assert saved.status_code == 303
    assert (store.get("articles", first) or {})["review"]["drafts"]["hak_jawab"] == exact + "\n"


def test_a_draft_saved_meanwhile_by_someone_else_is_not_overwritten(desk: Any, store: Store) -> None:
    client, _, docs = desk
    first = doc_id(docs, 1)
    based_on = re.compile(r'name="based_on" value="([^"]*)"')
    login(client, "piet")
    other = TestClient(client.app, follow_redirects=False)
    login(other, "ada")
    mine = based_on.findall(client.get(f"/report/{first}/draft").text)
    theirs = based_on.findall(other.get(f"/report/{first}/draft").text)
    assert mine == theirs == [""]  # nothing saved yet
    saved = other.post(
        f"/report/{first}/draft",
        data={"hak_jawab": "Versi Ada", "clarification": "", "based_on": "", "csrf_token": token(other, "/")},
    )
    assert saved.status_code == 303
    form = {"hak_jawab": "Versi Piet <i>", "clarification": "Klarifikasi Piet", "csrf_token": token(client, "/")}
    refused = client.post(f"/report/{first}/draft", data={**form, "based_on": mine[0]})
    assert refused.status_code == 409
    assert "disimpan oleh ada sementara Anda menyunting" in refused.text
    assert "Versi Piet &lt;i&gt;" in refused.text and "Klarifikasi Piet" in refused.text  # kept in the form
    drafts_now = (store.get("articles", first) or {})["review"]["drafts"]
    assert (drafts_now["hak_jawab"], drafts_now["saved_by"]) == ("Versi Ada\n", "ada")
    assert [(e["user"], e["outcome"]) for e in audit.entries(store, first)] == [("piet", "refused"), ("ada", "ok")]
    # saving again from the refused form replaces the other's draft knowingly
    again = client.post(f"/report/{first}/draft", data={**form, "based_on": based_on.findall(refused.text)[0]})
    assert again.status_code == 303
    assert (store.get("articles", first) or {})["review"]["drafts"]["hak_jawab"] == "Versi Piet <i>\n"
    # and the other's old form is now the stale one
    stale = other.post(
        f"/report/{first}/draft",
        data={"hak_jawab": "Lagi", "clarification": "", "based_on": theirs[0], "csrf_token": token(other, "/")},
    )
    assert stale.status_code == 409 and "disimpan oleh piet" in stale.text


def test_logout_ends_the_session_on_the_server(desk: Any, store: Store) -> None:
    client, settings, docs = desk
    first = doc_id(docs, 1)
    login(client, "piet")
    kept = str(client.cookies.get(COOKIE))  # a copy of the cookie, as someone could keep it
    replayed = {"Cookie": f"{COOKIE}={kept}"}
    other = TestClient(client.app, follow_redirects=False)  # the same account on another device
    login(other, "piet")
    assert client.get("/").status_code == 200
    client.post("/logout", data={"csrf_token": token(client, "/")})
    stranger = TestClient(client.app, follow_redirects=False)
    assert stranger.get("/", headers=replayed).status_code == 303
    # a form sent with the old cookie and its own valid csrf token is refused too
    desk_state = client.app.state.desk  # type: ignore[attr-defined]
    sid = desk_state.codec.load(kept).sid
    refused = stranger.post(
        f"/report/{first}/review",
        data={"status": "ditinjau", "csrf_token": csrf.token_for(desk_state.key, sid)},
        headers=replayed,
    )
    assert refused.status_code == 303 and refused.headers["location"] == "/login"
    assert (store.get("articles", first) or {})["review"]["status"] == "baru"
    assert other.get("/").status_code == 303  # logging out ends every session of the account
    # a new password ends the sessions too
    login(client, "piet")
    assert client.get("/").status_code == 200
    UserStore.of(settings).add("piet", "piket", "sandi-baru-12345", replace=True)
    assert client.get("/").status_code == 303
    assert "session_key" not in client.get("/login").text


def test_a_removed_account_loses_its_session_and_nothing_secret_is_shown(desk: Any) -> None:
    client, settings, _ = desk
    login(client, "ada")
    assert client.get("/audit").status_code == 200
    for path in ("/", "/audit", "/users", "/health", "/watchlists"):
        page = client.get(path)
        assert page.status_code == 200, path
        assert "argon2" not in page.text and PASSWORDS["ada"] not in page.text
        assert "script-src" not in page.headers["content-security-policy"]  # no scripts at all
    UserStore.of(settings).remove("ada")
    assert client.get("/").status_code == 303
