"""Sessions that end while an officer works, and the client address behind a reverse proxy, on the real node.

A draft posted after its session ended (the cookie expired, the session was ended elsewhere, or the form comes
from an older session) is never lost: nothing is saved, the text is on the login page, and after the login it is
back in the draft form, still unsaved, until the officer saves it. X-Forwarded-For is believed only from
`[desk] trusted_proxies`: the login rate limit and the audit trail then key on the officer's address."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.testclient import TestClient

from pantau.desk import audit, draft_pages
from pantau.desk.app import create_app
from pantau.desk.client_address import client_address
from pantau.desk.ratelimit import LoginLimiter
from pantau.desk.users import UserStore
from pantau.errors import ConfigError
from pantau.store.client import Store
from tests.conftest import make_settings
from tests.deskdata import seed
from tests.deskserver import serving
from tests.test_desk import CSRF, desk_settings, login, token

PASSWORD = "piket-pass-123"
LETTER = "Surat hak jawab yang ditulis lama sekali <b>tanpa</b> disimpan.\nBaris kedua."
KEPT = re.compile(r'<textarea name="kept_(\w+)"[^>]*>(.*?)</textarea>', re.DOTALL)


def _app(store: Store, tmp_path: Path, **extra: str) -> tuple[Any, list[dict[str, Any]]]:
    settings = desk_settings(store, tmp_path, **extra)
    UserStore.of(settings).add("piet", "piket", PASSWORD)
    docs = seed(store)
    return create_app(settings, store, limiter=LoginLimiter(3, 60.0)), docs


@pytest.fixture
def desk(store: Store, tmp_path: Path) -> Iterator[tuple[TestClient, list[dict[str, Any]]]]:
    app, docs = _app(store, tmp_path)
    with TestClient(app, follow_redirects=False) as client:
        yield client, docs


def _draft_form(client: TestClient, case: str) -> dict[str, str]:
    page = client.get(f"/report/{case}/draft").text
    based_on = re.search(r'name="based_on" value="([^"]*)"', page)
    found = CSRF.search(page)
    assert based_on and found
    return {
        "hak_jawab": LETTER,
        "clarification": "Klarifikasi singkat.",
        "based_on": based_on.group(1),
        "csrf_token": found.group(1),
    }


def _login_with_kept(client: TestClient, page: str, password: str = PASSWORD) -> Any:
    """Submit the login form of `page` as a browser would: its hidden fields and kept texts, plus the account."""
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', page))
    fields = {k: html.unescape(v) for k, v in fields.items()}
    fields.update({f"kept_{kind}": html.unescape(text) for kind, text in KEPT.findall(page)})
    return client.post("/login", data={**fields, "username": "piet", "password": password})


def _no_draft_saved(store: Store, case: str) -> None:
    assert "drafts" not in (store.get("articles", case) or {})["review"]
    assert [e for e in audit.entries(store, case) if e["action"] == "draft"] == []


def _kept_back(client: TestClient, store: Store, case: str, refused: Any) -> None:
    """The refused post shows the login page with the text; logging in brings it back into the form; saving it
    saves it."""
    assert refused.status_code == 401
    assert draft_pages.SESSION_ENDED.split(".")[0] in html.unescape(refused.text)
    kept = {kind: html.unescape(text) for kind, text in KEPT.findall(refused.text)}
    assert kept == {"hak_jawab": LETTER + "\n", "clarification": "Klarifikasi singkat.\n"}
    _no_draft_saved(store, case)
    wrong = _login_with_kept(client, refused.text, "salah-sandi-000")  # a typo keeps the text too
    assert wrong.status_code == 401 and KEPT.findall(wrong.text) == KEPT.findall(refused.text)
    stale = client.post("/login", data={"kept_hak_jawab": LETTER, "csrf_token": "x" * 40, "username": "piet"})
    assert stale.status_code == 403 and html.escape(LETTER, quote=False) in stale.text  # a stale login form too
    back = _login_with_kept(client, wrong.text)
    assert back.status_code == 200
    assert draft_pages.KEPT_MESSAGE in html.unescape(back.text)
    assert html.escape(LETTER, quote=False) in back.text  # in the draft form, escaped
    _no_draft_saved(store, case)  # still not saved: the officer checks it first
    form = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', back.text))
    saved = client.post(
        f"/report/{case}/draft",
        data={"hak_jawab": LETTER, "clarification": "Klarifikasi singkat.", **form},
    )
    assert saved.status_code == 303
    drafts_now = (store.get("articles", case) or {})["review"]["drafts"]
    assert (drafts_now["hak_jawab"], drafts_now["saved_by"]) == (LETTER + "\n", "piet")


def test_a_draft_posted_after_the_cookie_is_gone_comes_back_after_login(
    desk: tuple[TestClient, list[dict[str, Any]]], store: Store
) -> None:
    client, docs = desk
    case = str(docs[0]["id"])
    login(client, "piet", PASSWORD)
    form = _draft_form(client, case)
    client.cookies.clear()  # the browser dropped the expired cookie
    _kept_back(client, store, case, client.post(f"/report/{case}/draft", data=form))


def test_a_draft_posted_after_a_logout_elsewhere_comes_back_after_login(
    desk: tuple[TestClient, list[dict[str, Any]]], store: Store
) -> None:
    client, docs = desk
    case = str(docs[0]["id"])
    login(client, "piet", PASSWORD)
    form = _draft_form(client, case)
    UserStore.of(client.app.state.desk.settings).end_sessions("piet")  # type: ignore[attr-defined]
    _kept_back(client, store, case, client.post(f"/report/{case}/draft", data=form))


def test_a_draft_from_an_older_session_is_offered_back_in_the_new_one(
    desk: tuple[TestClient, list[dict[str, Any]]], store: Store
) -> None:
    client, docs = desk
    case = str(docs[0]["id"])
    login(client, "piet", PASSWORD)
    form = _draft_form(client, case)  # a tab opened in the old session
    client.post("/logout", data={"csrf_token": token(client, "/")})
    login(client, "piet", PASSWORD)  # signed in again in another tab
    refused = client.post(f"/report/{case}/draft", data=form)
    assert refused.status_code == 403  # the old form's token is not this session's: refused, but not lost
    assert draft_pages.KEPT_MESSAGE in html.unescape(refused.text)
    assert html.escape(LETTER, quote=False) in refused.text
    _no_draft_saved(store, case)
    # a refused form without any text is the usual bare refusal
    bare = client.post(f"/report/{case}/draft", data={"csrf_token": form["csrf_token"]})
    assert bare.status_code == 403 and "csrf_token" in bare.text


def test_a_draft_posted_after_the_session_expired_comes_back_after_login(store: Store, tmp_path: Path) -> None:
    # Long enough that logging in and opening the form fit in it on a loaded machine; then the officer writes for
    # longer than the whole session, so it has surely ended when the draft is posted.
    lifetime = 8.0
    app, docs = _app(store, tmp_path, PANTAU_DESK_SESSION_HOURS=str(lifetime / 3600))
    case = str(docs[0]["id"])
    with serving(app) as base, httpx.Client(base_url=base, follow_redirects=False) as client:
        login(client, "piet", PASSWORD)  # type: ignore[arg-type]
        form = _draft_form(client, case)  # type: ignore[arg-type]
        time.sleep(lifetime + 1.5)
        refused = client.post(f"/report/{case}/draft", data=form)
        _kept_back(client, store, case, refused)  # type: ignore[arg-type]


# --- the client address behind a reverse proxy ----------------------------------------------------------------


def test_forwarded_for_is_read_only_from_trusted_proxies() -> None:
    proxies = make_settings(PANTAU_DESK_TRUSTED_PROXIES="127.0.0.1, 10.0.0.0/8, ::1").desk.proxy_networks
    assert client_address("203.0.113.9", ["198.51.100.1"], proxies) == "203.0.113.9"  # not a proxy: ignored
    assert client_address("127.0.0.1", [], proxies) == "127.0.0.1"
    assert client_address("127.0.0.1", ["198.51.100.1"], proxies) == "198.51.100.1"
    # what the client wrote itself (left) is never believed; the nearest untrusted hop is the client
    assert client_address("127.0.0.1", ["6.6.6.6, 198.51.100.1, 10.1.2.3"], proxies) == "198.51.100.1"
    assert client_address("127.0.0.1", ["6.6.6.6", "198.51.100.1"], proxies) == "198.51.100.1"  # two headers
    assert client_address("127.0.0.1", ["10.0.0.5, 10.0.0.6"], proxies) == "10.0.0.5"  # all proxies: the first
    assert client_address("127.0.0.1", ["198.51.100.1, bukan-alamat"], proxies) == "127.0.0.1"  # malformed: stop
    assert client_address("::ffff:127.0.0.1", ["198.51.100.1"], proxies) == "198.51.100.1"
    assert client_address("::1", ["[2001:db8::7]:443"], proxies) == "2001:db8::7"
    assert client_address("127.0.0.1", ["198.51.100.1:5123"], proxies) == "198.51.100.1"
    assert client_address("127.0.0.1", ["198.51.100.1"], ()) == "127.0.0.1"  # default: no proxy trusted


def test_trusted_proxies_from_the_config_file_and_the_environment(tmp_path: Path) -> None:
    assert make_settings().desk.trusted_proxies == []
    config = tmp_path / "pantau.toml"
    config.write_text('[desk]\ntrusted_proxies = ["192.168.1.10", "fd00::/8"]\n', encoding="utf-8")
    from_file = make_settings(PANTAU_CONFIG=str(config)).desk
    assert [str(n) for n in from_file.proxy_networks] == ["192.168.1.10/32", "fd00::/8"]
    assert make_settings(PANTAU_CONFIG=str(config), PANTAU_DESK_TRUSTED_PROXIES="10.0.0.1").desk.trusted_proxies == [
        "10.0.0.1"
    ]
    with pytest.raises(ConfigError, match=r"PANTAU_DESK_TRUSTED_PROXIES: 'proxy\.lan' is not an IP address"):
        make_settings(PANTAU_DESK_TRUSTED_PROXIES="10.0.0.1,proxy.lan")
    config.write_text('[desk]\ntrusted_proxies = "10.0.0.1"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="must be a list"):
        make_settings(PANTAU_CONFIG=str(config))


def _fail_logins(client: httpx.Client, forwarded: str, name: str, times: int) -> list[int]:
    codes = []
    for _ in range(times):
        csrf_token = CSRF.search(client.get("/login").text)
        assert csrf_token
        response = client.post(
            "/login",
            data={"username": name, "password": "salah-sandi-000", "csrf_token": csrf_token.group(1)},
            headers={"X-Forwarded-For": forwarded},
        )
        codes.append(response.status_code)
    return codes


@pytest.mark.parametrize("trusted", [False, True])
def test_the_login_limit_keys_on_the_forwarded_address_only_behind_a_trusted_proxy(
    store: Store, tmp_path: Path, trusted: bool
) -> None:
    extra = {"PANTAU_DESK_TRUSTED_PROXIES": "127.0.0.1"} if trusted else {}
    app, _ = _app(store, tmp_path, **extra)
    with serving(app) as base, httpx.Client(base_url=base, follow_redirects=False) as client:
        # one officer behind the proxy mistypes three times (the limit is 3 per address within a minute)
        assert _fail_logins(client, "6.6.6.6, 203.0.113.5", "siti", 3) == [401, 401, 401]
        assert _fail_logins(client, "203.0.113.5", "budi", 1) == [429]  # that address is blocked, any account
        # another officer behind the same proxy: blocked too when the proxy's address is the key
        assert _fail_logins(client, "203.0.113.6", "budi", 1) == ([401] if trusted else [429])
        entries = [e for e in audit.entries(store, size=10) if e["action"] == "login"]
    assert {e["client"] for e in entries} == ({"203.0.113.5", "203.0.113.6"} if trusted else {"127.0.0.1"})
