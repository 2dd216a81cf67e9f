"""Alerts against the real search node, a real SMTP server (aiosmtpd) and a real HTTP webhook receiver."""

from __future__ import annotations

import email
import email.policy
import json
import socket
import threading
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, cast

import pytest
from aiosmtpd.controller import Controller

from pantau.alerts import watchlists
from pantau.alerts.deliver import deliver, retry_failed
from pantau.alerts.triggers import ops_alert, plan_alerts, volume_spikes
from pantau.config import Settings, parse_channels
from pantau.errors import ConfigError
from pantau.records import AlertRecord, IndexedArticle
from pantau.store import templates
from pantau.store.bulk import index_documents
from pantau.store.client import Store
from tests.articles import article, indexed
from tests.conftest import make_settings

# --- receivers --------------------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Mailbox:
    """An SMTP server on 127.0.0.1 that keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:  # noqa: N802, ARG002  # aiosmtpd names the hook and passes these
        msg = email.message_from_bytes(envelope.content, policy=email.policy.default)
        self.messages.append(cast(EmailMessage, msg))
        return "250 OK"

    def url(self) -> str:
        return f"mailto://127.0.0.1:{self.port}?from=pantau@kpu.test&to=piket@kpu.test&format=text"

    def bodies(self) -> list[str]:
        return [str(cast(Any, m.get_body(preferencelist=("plain",))).get_content()) for m in self.messages]


class Webhook:
    """An HTTP receiver on 127.0.0.1; answers with the queued statuses first, then 200."""

    def __init__(self) -> None:
        self.received: list[dict[str, Any]] = []
        self.statuses: list[int] = []
        self.attempts = 0
        hook = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                payload = json.loads(self.rfile.read(length) or b"{}")
                hook.attempts += 1
                status = hook.statuses.pop(0) if hook.statuses else 200
                if status == 200:
                    hook.received.append(payload)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/hook"


@pytest.fixture
def mailbox() -> Iterator[Mailbox]:
    box = Mailbox()
    box.controller.start()
    yield box
    box.controller.stop()


@pytest.fixture
def webhook() -> Iterator[Webhook]:
    hook = Webhook()
    hook.thread.start()
    yield hook
    hook.server.shutdown()
    hook.server.server_close()


def alert_settings(store: Store, channels: str, **alerts: str) -> Settings:
    env = {f"PANTAU_ALERTS_{k.upper()}": v for k, v in alerts.items()}
    env.setdefault("PANTAU_ALERTS_RETRY_BACKOFF", "0.01")
    return make_settings(
        PANTAU_SEARCH_URL=store.info.url,
        PANTAU_SEARCH_INDEX_PREFIX=store.settings.search.index_prefix,
        PANTAU_ALERTS_CHANNELS=channels,
        **env,
    )


# --- documents --------------------------------------------------------------------------------------------------

FLAG = {
    "rule": "voting_date",
    "severity": "high",
    "evidence": "Pemungutan suara Pilkada Sumatera Selatan digelar pada 28 November 2024.",
    "fact": "Pemungutan suara Pilkada serentak 2024 dilaksanakan Rabu, 27 November 2024.",
    "source": "PKPU 2/2024",
}


def flagged(n: int, story: str, outlet: str = "Tribun Sumsel", flag: dict[str, Any] | None = None) -> dict[str, Any]:
    doc = article(n, story_id=story, outlet=outlet, flags=[flag or FLAG])
    doc["title"] = f"Pilkada Sumsel digelar 28 November, berita {n}"
    doc["regions"] = [{"province": "Sumatera Selatan", "regency": "Kota Palembang", "code": "16.71"}]
    return doc


def index(store: Store, docs: list[dict[str, Any]]) -> None:
    result = index_documents(store, "articles", docs)
    assert result.indexed == len(docs)
    store.refresh("articles")


def ledger(store: Store) -> list[AlertRecord]:
    store.refresh("alerts")
    hits = store.search("alerts", {"size": 100, "query": {"match_all": {}}})["hits"]["hits"]
    return [AlertRecord.from_dict(h["_source"]) for h in hits]


# --- tests ------------------------------------------------------------------------------------------------------


def test_one_alert_per_story_per_channel_by_email_and_webhook(store: Store, mailbox: Mailbox, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"piket={mailbox.url()}, tim={webhook.url()}")
    copies = [
        flagged(1, "story-a", "Tribun Sumsel"),
        flagged(2, "story-a", "Sumeks"),
        flagged(3, "story-a", "Antara Sumsel"),
    ]
    quiet = article(4, story_id="story-b")
    index(store, [*copies, quiet])

    report = deliver(store, plan_alerts(store, indexed([*copies, quiet]), settings), settings)

    assert (report.planned, report.sent, report.failed) == (2, 2, 0)
    assert len(mailbox.messages) == 1 and len(webhook.received) == 1
    mail = mailbox.messages[0]
    assert mail["Subject"] == f"[Pantau] Perlu klarifikasi: {copies[0]['title']}"
    body = mailbox.bodies()[0]
    for expected in (
        "Media: Tribun Sumsel",
        "Wilayah: Kota Palembang, Sumatera Selatan",
        f'Kutipan berita: "{FLAG["evidence"]}"',
        f"Fakta resmi: {FLAG['fact']}",
        "Sumber fakta: PKPU 2/2024",
        "Juga dimuat oleh: Antara Sumsel, Sumeks",
        f"Tautan: {copies[0]['canonical_url']}",
        "tingkat: tinggi",
    ):
        assert expected in body
    hook = webhook.received[0]
    assert hook["title"] == mail["Subject"] and FLAG["evidence"] in hook["message"]

    records = {r.channel: r for r in ledger(store)}
    assert set(records) == {"piket", "tim"}
    assert all(r.status == "sent" and r.attempts == 1 and r.sent_at for r in records.values())
    assert records["piket"].channel_kind == "mailto" and records["tim"].channel_kind == "json"
    assert records["tim"].story_id == "story-a" and records["tim"].rule == "voting_date"
    assert all("127.0.0.1" not in json.dumps(r.to_dict()) for r in records.values())  # URLs stay out of the index

    # A re-run, and a fourth copy of the same story arriving later, alert nobody.
    again = deliver(store, plan_alerts(store, indexed(copies), settings), settings)
    late = flagged(5, "story-a", "Detik Sumbagsel")
    index(store, [late])
    later = deliver(store, plan_alerts(store, indexed([late]), settings), settings)
    assert again.planned == later.planned == 0
    assert len(mailbox.messages) == 1 and len(webhook.received) == 1
    assert len(ledger(store)) == 2


def test_min_severity_and_new_rule_on_same_story(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", min_severity="medium")
    low = flagged(1, "story-low", flag={**FLAG, "rule": "official_title_minor", "severity": "low"})
    medium = flagged(2, "story-a", flag={**FLAG, "rule": "candidate_count", "severity": "medium"})
    index(store, [low, medium])
    report = deliver(store, plan_alerts(store, indexed([low, medium]), settings), settings)
    assert report.sent == 1
    assert [r.rule for r in ledger(store)] == ["candidate_count"]
    # The same story gets a second alert for a different rule.
    other_rule = flagged(3, "story-a")
    report = deliver(store, plan_alerts(store, indexed([other_rule]), settings), settings)
    assert report.sent == 1 and len(webhook.received) == 2


def test_a_flag_below_min_confidence_pages_no_one_but_stays_indexed_as_perlu_dicek(
    store: Store, webhook: Webhook
) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", min_confidence="0.7")
    unsure = flagged(1, "story-unsure", flag={**FLAG, "confidence": 0.6, "reason": "tahun ditebak"})
    sure = flagged(2, "story-sure", flag={**FLAG, "confidence": 0.9})
    index(store, [IndexedArticle.from_dict(d).to_index_doc() for d in (unsure, sure)])  # as the flow indexes
    report = deliver(store, plan_alerts(store, indexed([unsure, sure]), settings), settings)
    assert report.sent == 1 and [r.article_id for r in ledger(store)] == [sure["id"]]
    store.refresh("articles")
    hits = store.search("articles", {"query": {"range": {"max_confidence": {"lt": 0.7}}}})["hits"]["hits"]
    assert [h["_id"] for h in hits] == [unsure["id"]]  # the "perlu dicek" view: flagged, below the alert threshold
    with pytest.raises(ConfigError, match="MIN_CONFIDENCE"):
        alert_settings(store, f"tim={webhook.url()}", min_confidence="1.5")


def test_channel_failing_then_recovering_is_retried_within_the_run(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", max_attempts="3")
    webhook.statuses = [500, 500]
    doc = flagged(1, "story-a")
    index(store, [doc])
    sleeps: list[float] = []
    report = deliver(store, plan_alerts(store, indexed([doc]), settings), settings, sleep=sleeps.append)
    assert (report.sent, report.failed) == (1, 0)
    assert webhook.attempts == 3 and len(webhook.received) == 1
    assert sleeps == [0.01, 0.02]  # exponential backoff
    (record,) = ledger(store)
    assert (record.status, record.attempts, record.error) == ("sent", 3, None)


def test_channel_down_is_recorded_failed_and_sent_by_retry_failed(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", max_attempts="2", retry_after="300")
    webhook.statuses = [503, 503]
    doc = flagged(1, "story-a")
    index(store, [doc])
    report = deliver(store, plan_alerts(store, indexed([doc]), settings), settings)
    assert (report.sent, report.failed) == (0, 1)
    (record,) = ledger(store)
    assert (record.status, record.attempts) == ("failed", 2)
    assert record.error and "503" in record.error

    # Too fresh to retry in the same run; a later run sends it, keeping the attempt count.
    assert retry_failed(store, settings).planned == 0
    later = datetime.now(UTC) + timedelta(minutes=10)
    retried = retry_failed(store, settings, now=later)
    assert (retried.planned, retried.sent) == (1, 1)
    (record,) = ledger(store)
    assert (record.status, record.attempts, record.error) == ("sent", 3, None)
    assert len(webhook.received) == 1
    assert retry_failed(store, settings, now=later).planned == 0  # nothing left over


def test_unreachable_and_unconfigured_channels_are_recorded_not_lost(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    dead = f"json://127.0.0.1:{free_port()}/hook"
    settings = alert_settings(store, f"mati={dead}", max_attempts="2")
    doc = flagged(1, "story-a")
    index(store, [doc])
    report = deliver(store, plan_alerts(store, indexed([doc]), settings), settings)
    assert report.failed == 1
    (record,) = ledger(store)
    assert record.status == "failed" and record.attempts == 2 and "connection" in (record.error or "").lower()
    # The channel is renamed in the config: the failed alert is reported as unconfigured, still kept.
    renamed = alert_settings(store, f"tim={webhook.url()}", max_attempts="2")
    retry_failed(store, renamed, now=datetime.now(UTC) + timedelta(hours=1))
    (record,) = ledger(store)
    assert record.status == "failed" and "not configured" in (record.error or "")


def test_many_alerts_fold_into_one_digest(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", digest_threshold="2")
    docs = [flagged(n, f"story-{n}") for n in range(1, 5)]
    index(store, docs)
    report = deliver(store, plan_alerts(store, indexed(docs), settings), settings)
    assert (report.planned, report.sent, report.digested) == (5, 1, 4)
    (message,) = webhook.received
    assert message["title"] == "[Pantau] Ringkasan 4 peringatan"
    for doc in docs:
        assert doc["title"] in message["message"]
    records = ledger(store)
    (digest,) = [r for r in records if r.trigger == "digest"]
    members = [r for r in records if r.trigger == "flag"]
    assert digest.status == "sent" and len(members) == 4
    assert {m.status for m in members} == {"digested"} and {m.digest_id for m in members} == {digest.id}


def test_rate_limit_holds_alerts_until_the_hour_has_room(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", rate_limit_per_hour="2", digest_threshold="10")
    first = [flagged(1, "story-1"), flagged(2, "story-2")]
    index(store, first)
    assert deliver(store, plan_alerts(store, indexed(first), settings), settings).sent == 2
    second = [flagged(3, "story-3"), flagged(4, "story-4")]
    index(store, second)
    held = deliver(store, plan_alerts(store, indexed(second), settings), settings)
    assert (held.sent, held.held) == (0, 2) and len(webhook.received) == 2
    # Still within the hour: nothing goes.
    assert retry_failed(store, settings).sent == 0
    # An hour later there is room for both (two messages, as they fit the limit and the digest threshold).
    released = retry_failed(store, settings, now=datetime.now(UTC) + timedelta(minutes=61))
    assert released.sent == 2 and len(webhook.received) == 4
    assert {r.status for r in ledger(store)} == {"sent"}


def test_more_alerts_than_the_hour_has_room_for_fold_into_a_digest(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", rate_limit_per_hour="3", digest_threshold="10")
    first = [flagged(1, "story-1"), flagged(2, "story-2")]
    index(store, first)
    deliver(store, plan_alerts(store, indexed(first), settings), settings)
    second = [flagged(n, f"story-{n}") for n in (3, 4, 5)]
    index(store, second)
    report = deliver(store, plan_alerts(store, indexed(second), settings), settings)
    assert (report.sent, report.digested) == (1, 3)
    assert webhook.received[-1]["title"] == "[Pantau] Ringkasan 3 peringatan"


def test_watchlist_match_is_delivered(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}")
    watchlists.add_watchlist(store, settings, "Politik uang Palembang", '"politik uang" Palembang', severity="high")
    match = article(1, story_id="story-m", title="Bawaslu temukan dugaan politik uang di Palembang")
    other = article(2, story_id="story-o")
    index(store, [match, other])
    report = deliver(store, plan_alerts(store, indexed([match, other]), settings), settings)
    assert report.sent == 1
    (message,) = webhook.received
    assert message["title"] == f'[Pantau] Pantauan "Politik uang Palembang": {match["title"]}'
    assert "tingkat: tinggi" in message["message"]
    (record,) = ledger(store)
    assert (record.trigger, record.watchlist_id, record.article_id) == (
        "watchlist",
        "politik-uang-palembang",
        match["id"],
    )


def test_volume_spike_per_province(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(
        store,
        f"tim={webhook.url()}",
        spike_window_hours="24",
        spike_baseline_windows="7",
        spike_factor="3",
        spike_min_count="10",
    )
    now = datetime(2024, 11, 27, 18, 0, tzinfo=UTC)
    docs: list[dict[str, Any]] = []

    def add(province: str, hours_ago: float, count: int) -> None:
        for _ in range(count):
            n = len(docs)
            when = now - timedelta(hours=hours_ago, minutes=n % 50)
            docs.append(
                article(
                    n,
                    url=f"https://contoh.id/berita/{n}",
                    id=f"spike-{n}",
                    outlet=f"Outlet {n % 3}",
                    published_at=when.isoformat(),
                    province=[province],
                )
            )

    for day in range(1, 8):  # baseline: 2 a day for Jawa Barat, 4 a day for Sumatera Selatan
        add("Jawa Barat", 24 * day + 3, 2)
        add("Sumatera Selatan", 24 * day + 3, 4)
    add("Jawa Barat", 3, 12)  # 12 >= 3 x 2 and >= 10: a spike
    add("Sumatera Selatan", 3, 11)  # 11 < 3 x 4: busy, but no spike
    add("Bali", 3, 6)  # nothing before, but fewer than 10
    index(store, docs)

    planned = volume_spikes(store, settings, now)
    assert [(r.trigger, r.province) for r in planned] == [("spike", "Jawa Barat")]
    assert "Jumlah berita 24 jam terakhir: 12" in (planned[0].message or "")
    assert "Rata-rata per 24 jam sebelumnya: 2.0" in (planned[0].message or "")
    assert deliver(store, planned, settings).sent == 1
    assert webhook.received[0]["title"] == "[Pantau] Lonjakan pemberitaan Pilkada: Jawa Barat"
    assert volume_spikes(store, settings, now + timedelta(hours=1)) == []  # same window: once


def test_ops_alert_goes_to_ops_channels_once_per_period(store: Store, webhook: Webhook, mailbox: Mailbox) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()} ops={mailbox.url()}", ops_to="ops", ops_repeat_hours="6")
    now = datetime(2024, 11, 27, 7, 0, tzinfo=UTC)
    planned = ops_alert(store, settings, "crawl gagal", {"outlet": "Tribun Sumsel", "error": "HTTP 503"}, now=now)
    assert [r.channel for r in planned] == ["ops"]
    assert deliver(store, planned, settings).sent == 1
    assert mailbox.messages[0]["Subject"] == "[Pantau] Gangguan sistem: crawl gagal"
    assert "outlet: Tribun Sumsel" in mailbox.bodies()[0] and not webhook.received
    assert ops_alert(store, settings, "crawl gagal", {}, now=now + timedelta(hours=1)) == []
    assert len(ops_alert(store, settings, "crawl gagal", {}, now=now + timedelta(hours=7))) == 1


def test_channel_settings_format() -> None:
    channels = parse_channels(
        "piket=mailto://127.0.0.1:25?to=a@kpu.go.id,b@kpu.go.id&from=p@kpu.go.id, tim=json://10.0.0.5/hook\n"
        "tg=tgram://123:abc/-100200"
    )
    assert channels == {
        "piket": "mailto://127.0.0.1:25?to=a@kpu.go.id,b@kpu.go.id&from=p@kpu.go.id",
        "tim": "json://10.0.0.5/hook",
        "tg": "tgram://123:abc/-100200",
    }
    with pytest.raises(ConfigError, match="NAME=APPRISE_URL"):
        parse_channels("json://10.0.0.5/hook")
    with pytest.raises(ConfigError, match="twice"):
        parse_channels("a=json://x/1 a=json://x/2")
    with pytest.raises(ConfigError, match="unknown channels: ops"):
        make_settings(PANTAU_ALERTS_CHANNELS="tim=json://x/1", PANTAU_ALERTS_OPS_TO="ops")
    with pytest.raises(ConfigError, match="MIN_SEVERITY"):
        make_settings(PANTAU_ALERTS_MIN_SEVERITY="urgent")
    settings = make_settings(PANTAU_ALERTS_CHANNELS="tim=json://x/1?token=rahasia")
    assert settings.redacted()["alerts"]["channels"] == "***"


def test_a_channel_down_costs_its_backoff_once_per_run_not_once_per_alert(store: Store, webhook: Webhook) -> None:
    templates.setup(store)
    settings = alert_settings(store, f"tim={webhook.url()}", max_attempts="2", digest_threshold="10")
    webhook.statuses = [503] * 10
    docs = [flagged(n, f"story-{n}") for n in range(3)]
    index(store, docs)
    report = deliver(store, plan_alerts(store, indexed(docs), settings), settings)
    assert (report.sent, report.failed) == (0, 3)
    assert 10 - len(webhook.statuses) == 2  # two attempts for the first alert, none for the other two
    records = sorted(ledger(store), key=lambda r: r.attempts)
    assert [r.attempts for r in records] == [0, 0, 2]
    assert all("not attempted" in (r.error or "") for r in records[:2])
    webhook.statuses = []
    later = datetime.now(UTC) + timedelta(minutes=10)
    assert retry_failed(store, settings, now=later).sent == 3
    assert len(webhook.received) == 3
