"""The desk in a real browser: Debian's chromium driven by Selenium through /usr/bin/chromedriver (never a browser
download), against the desk served by uvicorn on the real search node with demo-like cases.

It logs in, filters the queue, opens a report, moves it to ditinjau, writes and saves a hak jawab draft and checks
the audit entries; a second test ends the session while a draft is being written and finds the text kept through
the login. On the way the first takes two screenshots (into a temporary folder; `PANTAU_DESK_SCREENSHOTS=docs`
writes the ones README shows, docs/desk-queue.png and docs/desk-report.png).
Without chromium the test is skipped, unless PANTAU_REQUIRE_BROWSER=1 (CI sets it: `.ci/run` installs chromium).
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import pytest

from pantau.desk import audit
from pantau.desk.app import create_app
from pantau.desk.users import UserStore
from pantau.store.client import Store
from tests.deskdata import DATE_FLAG, seed
from tests.deskserver import serving
from tests.test_desk import desk_settings

T = TypeVar("T")

if TYPE_CHECKING:
    from selenium.webdriver.remote.webelement import WebElement

ROOT = Path(__file__).resolve().parents[1]
# the screenshots README's "The desk" shows, as this test writes them (PANTAU_DESK_SCREENSHOTS=docs: into ROOT/docs)
QUEUE_SHOT, REPORT_SHOT = "desk-queue.png", "desk-report.png"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1366,900",
)


@pytest.fixture
def browser() -> Iterator[object]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        if os.environ.get("PANTAU_REQUIRE_BROWSER") == "1":
            pytest.fail("chromium and chromium-driver are required (apt-get install -y chromium chromium-driver)")
        pytest.skip("chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    with tempfile.TemporaryDirectory(prefix="pantau-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        driver.set_page_load_timeout(60)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def served(store: Store, tmp_path: Path) -> Iterator[tuple[str, Store]]:
    settings = desk_settings(store, tmp_path)
    UserStore.of(settings).add("piket-sumsel", "piket", "piket-sumsel-2024")
    seed(store)
    with serving(create_app(settings, store)) as base:
        yield base, store


def _ready(driver: object) -> None:
    """Wait until the current document has finished loading."""
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(driver, WebDriver)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def _find(driver: object, by: str, value: str) -> WebElement:
    """Find an element in the fully loaded current document."""
    from selenium.webdriver.remote.webdriver import WebDriver

    assert isinstance(driver, WebDriver)
    _ready(driver)
    return driver.find_element(by, value)


def _settled(driver: object, action: Callable[[], T]) -> T:
    """Run `action` (lookups and typing) on the fully loaded current document, again with fresh lookups when
    chromedriver reports that it raced a document swap (stale element, "does not belong to the document")."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    for attempt in range(3):
        _ready(driver)
        try:
            return action()
        except WebDriverException as error:
            racing = "does not belong to the document" in str(error) or isinstance(
                error, StaleElementReferenceException
            )
            if not racing or attempt == 2:
                raise
    raise AssertionError("unreachable")


def _gone(page: WebElement) -> Callable[[object], bool]:
    """Whether `page` (the old document's html element) has left the window. chromedriver says so either as a stale
    element or, while the new document replaces it, as "Node with given id does not belong to the document";
    selenium's own staleness_of knows only the first."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException

    def check(_driver: object) -> bool:
        try:
            page.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
        return False

    return check


def _go(driver: object, by: str, value: str) -> None:
    """Click a link or button and wait until the next page has replaced this one and finished loading.

    The element is looked up in the loaded document just before the click; a click that races a document swap
    (chromedriver: stale element, or "Node with given id does not belong to the document") is retried with a
    fresh lookup as long as the page has not changed yet, so a slow CI machine cannot make the test flaky.
    """
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import WebDriverWait

    assert isinstance(driver, WebDriver)
    for attempt in range(3):
        _ready(driver)
        page = driver.find_element(By.TAG_NAME, "html")
        try:
            driver.find_element(by, value).click()
        except WebDriverException as error:
            swapped = "does not belong to the document" in str(error)
            racing = swapped or isinstance(error, StaleElementReferenceException)
            if not racing or attempt == 2:
                raise
            if _gone(page)(driver):
                break  # the click went through before the error: the page is already changing
            continue
        break
    WebDriverWait(driver, 30).until(_gone(page))
    _ready(driver)


def test_readme_shows_the_screenshots_this_test_takes() -> None:
    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## The desk", 1)[1].split("\n## ", 1)[0]
    shown = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", section)
    assert shown == [f"docs/{QUEUE_SHOT}", f"docs/{REPORT_SHOT}"]
    for path in shown:
        assert (ROOT / path).read_bytes().startswith(b"\x89PNG"), path


def test_an_officer_reviews_a_report_and_drafts_the_hak_jawab(
    browser: object, served: tuple[str, Store], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import Select

    driver: WebDriver = browser  # type: ignore[assignment]
    base, store = served
    wanted = os.environ.get("PANTAU_DESK_SCREENSHOTS")
    docs = ROOT / wanted if wanted else tmp_path  # README's: PANTAU_DESK_SCREENSHOTS=docs (relative to the checkout)
    docs.mkdir(parents=True, exist_ok=True)

    driver.get(base + "/")
    assert "/login" in driver.current_url
    driver.find_element(By.NAME, "username").send_keys("piket-sumsel")
    driver.find_element(By.NAME, "password").send_keys("piket-sumsel-2024")
    _go(driver, By.CSS_SELECTOR, "form button[type=submit]")
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Antrean")

    Select(driver.find_element(By.NAME, "province")).select_by_visible_text("Sumatera Selatan")
    _go(driver, By.CSS_SELECTOR, "#filters button[type=submit]")
    assert "province=Sumatera+Selatan" in driver.current_url
    rows = driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")
    assert len(rows) == 2
    assert all("3 media" in row.text for row in rows)
    driver.save_screenshot(str(docs / QUEUE_SHOT))

    _go(driver, By.PARTIAL_LINK_TEXT, "berita 1")
    assert driver.find_element(By.CSS_SELECTOR, "#body mark").text == DATE_FLAG.evidence
    article_id = driver.current_url.rstrip("/").rsplit("/", 1)[-1]
    Select(driver.find_element(By.NAME, "status")).select_by_value("ditinjau")
    driver.find_element(By.NAME, "note").send_keys("Tanggal pemungutan suara keliru; siapkan hak jawab.")
    _go(driver, By.CSS_SELECTOR, "#review-form button[type=submit]")
    assert driver.find_element(By.ID, "status").text == "ditinjau"
    assert "Status ditinjau dicatat untuk 1 berita" in driver.find_element(By.CLASS_NAME, "flash").text
    driver.save_screenshot(str(docs / REPORT_SHOT))

    _go(driver, By.ID, "draft-link")
    letter = _find(driver, By.ID, "hak_jawab")
    assert "Hak Jawab atas pemberitaan" in letter.get_attribute("value")  # type: ignore[operator]
    letter.send_keys("\nCatatan piket: lampirkan salinan PKPU 2/2024.")
    _go(driver, By.ID, "save-draft")
    assert "Draf disimpan." in driver.find_element(By.CLASS_NAME, "flash").text
    saved = (store.get("articles", article_id) or {})["review"]
    assert saved["status"] == "ditinjau"
    assert saved["drafts"]["hak_jawab"].rstrip().endswith("lampirkan salinan PKPU 2/2024.")

    driver.get(f"{base}/report/{article_id}")
    trail = driver.find_element(By.ID, "trail").text
    assert "piket-sumsel · draft · ok" in trail
    assert "piket-sumsel · review · ok · baru -> ditinjau" in trail
    entries = audit.entries(store, article_id)
    assert [(e["action"], e["user"]) for e in entries] == [("draft", "piket-sumsel"), ("review", "piket-sumsel")]
    assert entries[1]["before"]["status"] == "baru" and entries[1]["after"]["status"] == "ditinjau"


def test_a_draft_written_while_the_session_ends_is_kept_through_the_login(
    browser: object, served: tuple[str, Store]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver

    driver: WebDriver = browser  # type: ignore[assignment]
    base, store = served
    driver.get(base + "/")
    driver.find_element(By.NAME, "username").send_keys("piket-sumsel")
    driver.find_element(By.NAME, "password").send_keys("piket-sumsel-2024")
    _go(driver, By.CSS_SELECTOR, "form button[type=submit]")
    _go(driver, By.PARTIAL_LINK_TEXT, "berita 2")
    article_id = driver.current_url.rstrip("/").rsplit("/", 1)[-1]
    _go(driver, By.ID, "draft-link")
    _find(driver, By.ID, "hak_jawab").send_keys("\nTambahan piket yang belum disimpan.")
    driver.delete_all_cookies()  # the session ends while the officer writes
    _go(driver, By.ID, "save-draft")
    assert "/report/" in driver.current_url  # the login page answers the post itself: nothing was saved
    assert driver.find_element(By.TAG_NAME, "h1").text == "Masuk"
    kept = driver.find_element(By.ID, "kept_hak_jawab").get_attribute("value") or ""
    assert kept.rstrip().endswith("Tambahan piket yang belum disimpan.")
    assert "drafts" not in (store.get("articles", article_id) or {})["review"]
    driver.find_element(By.NAME, "username").send_keys("piket-sumsel")
    driver.find_element(By.NAME, "password").send_keys("piket-sumsel-2024")
    _go(driver, By.CSS_SELECTOR, "form button[type=submit]")
    assert "BELUM disimpan" in driver.find_element(By.ID, "draft-error").text
    letter = _find(driver, By.ID, "hak_jawab").get_attribute("value") or ""
    assert letter.rstrip().endswith("Tambahan piket yang belum disimpan.")
    assert "drafts" not in (store.get("articles", article_id) or {})["review"]
    _go(driver, By.ID, "save-draft")
    assert "Draf disimpan." in driver.find_element(By.CLASS_NAME, "flash").text
    saved = (store.get("articles", article_id) or {})["review"]["drafts"]
    assert saved["hak_jawab"].rstrip().endswith("Tambahan piket yang belum disimpan.")
    assert saved["saved_by"] == "piket-sumsel"


@pytest.fixture
def demo_served(prefect_server: None, store: Store, tmp_path: Path) -> Iterator[tuple[str, Store]]:
    """The desk on the demo's own data: `pantau demo`'s run (sample outlets crawled, processed, indexed and
    alerted through the Prefect `monitor` flow) on the session's search node, then the desk on its indices."""
    from pantau.devtools.demo import demo_desk_settings, run_demo
    from tests.deskserver import free_port

    base = desk_settings(store, tmp_path)
    summary = run_demo(base)
    assert summary["flagged"] >= 3, summary
    port = free_port()
    settings = demo_desk_settings(base, f"http://127.0.0.1:{port}")
    UserStore.of(settings).add("demo", "admin", "demo-password-2024", replace=True)
    demo_store = Store.connect(settings)
    try:
        with serving(create_app(settings, demo_store), port) as url:
            yield url, demo_store
    finally:
        from pantau.store.templates import drop_all

        drop_all(demo_store)


def test_on_the_demos_data_an_officer_filters_reviews_drafts_and_finds_the_audit_entries(
    browser: object, demo_served: tuple[str, Store]
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.remote.webdriver import WebDriver
    from selenium.webdriver.support.ui import Select

    driver: WebDriver = browser  # type: ignore[assignment]
    base, store = demo_served
    driver.get(base + "/")
    _settled(driver, lambda: driver.find_element(By.NAME, "username").send_keys("demo"))
    _settled(driver, lambda: driver.find_element(By.NAME, "password").send_keys("demo-password-2024"))
    _go(driver, By.CSS_SELECTOR, "form button[type=submit]")
    all_rows = _settled(
        driver, lambda: len(driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr a[href^='/report/']"))
    )
    assert all_rows >= 3

    def pick_province() -> str:
        province = Select(driver.find_element(By.NAME, "province"))
        choice = next(o.get_attribute("value") for o in province.options if o.get_attribute("value"))
        province.select_by_value(str(choice))
        return str(choice)

    choice = _settled(driver, pick_province)
    _go(driver, By.CSS_SELECTOR, "#filters button[type=submit]")
    rows = _settled(driver, lambda: [row.text for row in driver.find_elements(By.CSS_SELECTOR, "#queue tbody tr")])
    assert 1 <= len(rows) <= all_rows and all(choice in row for row in rows)
    assert all(" media" in row for row in rows)  # each row's story size

    _go(driver, By.CSS_SELECTOR, "#queue tbody tr a[href^='/report/']")
    article_id = driver.current_url.rstrip("/").rsplit("/", 1)[-1]
    doc = store.get("articles", article_id) or {}
    assert _settled(driver, lambda: driver.find_element(By.ID, "title").text) == doc["title"]
    assert _settled(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "#body mark"))  # the evidence found
    _settled(driver, lambda: Select(driver.find_element(By.NAME, "status")).select_by_value("ditinjau"))
    _settled(driver, lambda: driver.find_element(By.NAME, "note").send_keys("Diperiksa pada data demo."))
    _go(driver, By.CSS_SELECTOR, "#review-form button[type=submit]")
    assert _settled(driver, lambda: driver.find_element(By.ID, "status").text) == "ditinjau"

    _go(driver, By.ID, "draft-link")
    assert doc["title"] in _settled(driver, lambda: _find(driver, By.ID, "hak_jawab").get_attribute("value") or "")
    _settled(driver, lambda: _find(driver, By.ID, "hak_jawab").send_keys("\nCatatan: data demo."))
    _go(driver, By.ID, "save-draft")
    assert "Draf disimpan." in _settled(driver, lambda: driver.find_element(By.CLASS_NAME, "flash").text)
    driver.get(f"{base}/report/{article_id}")
    trail = _settled(driver, lambda: driver.find_element(By.ID, "trail").text)
    assert "demo · draft · ok" in trail and "demo · review · ok · baru -> ditinjau" in trail
    entries = audit.entries(store, article_id)
    assert [(e["action"], e["user"]) for e in entries] == [("draft", "demo"), ("review", "demo")]
