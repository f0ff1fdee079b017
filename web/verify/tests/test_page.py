"""The verification page (issue 14) in a real browser: Debian's Chromium driven by Selenium
through chromedriver. Serves web/verify/ on loopback with fixture lists (scripts/test-verify-page.sh
makes them), opens the page with each payload in the URL fragment and checks what it shows.

Run by scripts/test-verify-page.sh (which builds the page and the fixtures): EGOV_PAGE_DIR is the
built page, EGOV_FIXTURES the fixtures of the fresh list, EGOV_STALE_FIXTURES those of the stale
one, EGOV_SCREENSHOT where the phone-width screenshot goes.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import re
import shutil
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

PAGE = os.environ["EGOV_PAGE_DIR"]
FIXTURES = os.environ["EGOV_FIXTURES"]
STALE = os.environ["EGOV_STALE_FIXTURES"]
PORT = int(os.environ.get("EGOV_PAGE_PORT", "8731"))
STALE_PORT = PORT + 1


class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # noqa: D401 - keep the test output readable
        pass


def serve(fixtures: str, port: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    root = tempfile.mkdtemp(prefix="egov-page-")
    shutil.copytree(PAGE, root, dirs_exist_ok=True)
    for f in ("trust-list.json", "config.json"):
        shutil.copy(os.path.join(fixtures, f), os.path.join(root, f))
    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, root


@pytest.fixture(scope="module")
def servers():
    fresh, _ = serve(FIXTURES, PORT)
    stale, _ = serve(STALE, STALE_PORT)
    yield
    fresh.shutdown()
    stale.shutdown()


@pytest.fixture()
def browser(servers):
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=360,780",
              "--disable-dev-shm-usage"):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    d = webdriver.Chrome(options=opts, service=Service("/usr/bin/chromedriver"))
    yield d
    d.quit()


def payloads(fixtures: str) -> dict[str, str]:
    with open(os.path.join(fixtures, "payloads.json"), encoding="utf-8") as f:
        loaded: dict[str, str] = json.load(f)
    return loaded


def open_page(d, port: int, fragment: str) -> None:
    d.get(f"http://127.0.0.1:{port}/#{fragment}" if fragment else f"http://127.0.0.1:{port}/")
    WebDriverWait(d, 20).until(lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")


def state(d) -> tuple[str, str]:
    res = d.find_element(By.ID, "result")
    return res.get_attribute("data-state"), d.find_element(By.ID, "state").text


@pytest.mark.parametrize("case, expected, words", [
    ("valid", "verified", "Đã xác thực"),
    ("tampered", "signature_invalid", "Chữ ký không hợp lệ"),
    ("unknown", "key_unknown", "Không kiểm tra được chữ ký"),
    ("revoked", "key_revoked", "thu hồi"),
    ("malformed", "malformed", "không phải ký hiệu"),
])
def test_conv_03_page_shows_each_state(browser, case, expected, words):
    open_page(browser, PORT, payloads(FIXTURES)[case])
    s, text = state(browser)
    assert s == expected, text
    assert words in text, text


def test_conv_03_page_says_why_in_the_page_s_language(browser):
    # The reason a mark failed comes from egov in both languages (Failure.reason_vi).
    open_page(browser, PORT, payloads(FIXTURES)["tampered"])
    detail = browser.find_element(By.ID, "detail").text
    assert detail == "chữ ký không hợp lệ: ký hiệu đã bị sửa đổi hoặc giả mạo", detail
    browser.find_element(By.ID, "lang").click()
    detail = browser.find_element(By.ID, "detail").text
    assert detail and "ký" not in detail, detail


def broken_fixtures(trust_list: str | None) -> str:
    """The fresh fixtures with the trust list replaced by `trust_list` (None: the page's
    configuration damaged instead)."""
    root = tempfile.mkdtemp(prefix="egov-page-broken-")
    shutil.copytree(FIXTURES, root, dirs_exist_ok=True)
    path = os.path.join(root, "trust-list.json")
    if trust_list is None:
        with open(os.path.join(root, "config.json"), "w", encoding="utf-8") as f:
            f.write("not json")
    else:
        with open(path, "w", encoding="utf-8") as f:
            f.write(trust_list)
    return root


def test_core_06_page_says_why_it_cannot_check_in_the_page_s_language(browser):
    # An operator's mistake (a trust list that is not one) is said in the page's language too.
    server, _ = serve(broken_fixtures('{"list": {}, "signatures": "none"}'), PORT + 2)
    try:
        open_page(browser, PORT + 2, payloads(FIXTURES)["valid"])
        s, text = state(browser)
        assert s == "error", text
        # The state in words, the reason below it, the code apart for support staff.
        assert text == "Không kiểm tra được", text
        detail = browser.find_element(By.ID, "detail").text
        assert "danh sách" in detail and "list" not in detail.replace("trust_list", ""), detail
        code = browser.find_element(By.ID, "code").text
        assert code.startswith("Mã lỗi (cho bộ phận hỗ trợ): trust_list."), code
        browser.find_element(By.ID, "lang").click()
        detail_en = browser.find_element(By.ID, "detail").text
        assert detail_en and detail_en != detail and "danh sách" not in detail_en, detail_en
        assert browser.find_element(By.ID, "state").text == "Cannot check"
    finally:
        server.shutdown()
    # A page whose configuration does not load says so, not a browser's exception alone.
    server, _ = serve(broken_fixtures(None), PORT + 3)
    try:
        open_page(browser, PORT + 3, payloads(FIXTURES)["valid"])
        s, text = state(browser)
        assert s == "error", text
        assert text == "Không kiểm tra được", text
        detail = browser.find_element(By.ID, "detail").text
        assert detail == "không tải được cấu hình hoặc danh sách tin cậy của trang", detail
        assert browser.find_element(By.ID, "code").text.startswith("Mã lỗi (cho bộ phận hỗ trợ): ")
    finally:
        server.shutdown()


def test_conv_03_page_shows_a_stale_list(browser):
    open_page(browser, STALE_PORT, payloads(STALE)["valid"])
    s, text = state(browser)
    assert s == "list_stale", text
    assert "quá hạn cập nhật" in text
    assert "quá hạn cập nhật" in browser.find_element(By.ID, "lists").text
    # The list's time as Vietnamese writes it, not ISO 8601.
    lists = browser.find_element(By.ID, "lists").text
    assert re.search(r"phát hành \d{2}:\d{2} ngày \d{2}/\d{2}/\d{4}", lists), lists


def test_conv_03_page_lines_holder_and_english_toggle(browser):
    open_page(browser, PORT, payloads(FIXTURES)["valid"])
    lines = [li.text for li in browser.find_elements(By.CSS_SELECTOR, "#lines li")]
    assert lines[0] == "Thông điệp dữ liệu được chuyển đổi từ văn bản giấy"
    assert "Cốc Lếu" in lines[-1]
    assert "Ủy ban nhân dân phường Cốc Lếu (000.01.37.H37)" in browser.find_element(By.ID, "facts").text
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "vi"
    browser.find_element(By.ID, "lang").click()
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert browser.find_element(By.ID, "state").text.startswith("Verified")
    assert browser.find_element(By.ID, "title").text == "Check a conversion mark"


def test_conv_03_page_checks_a_picked_file_locally(browser):
    open_page(browser, PORT, payloads(FIXTURES)["valid"])
    pick = browser.find_element(By.ID, "pick")
    pick.send_keys(os.path.join(FIXTURES, "content.bin"))
    WebDriverWait(browser, 10).until(lambda x: x.find_element(By.ID, "file-result").text)
    assert browser.find_element(By.ID, "file-result").get_attribute("data-state") == "verified"
    pick.send_keys(os.path.join(FIXTURES, "other.bin"))
    WebDriverWait(browser, 10).until(
        lambda x: x.find_element(By.ID, "file-result").get_attribute("data-state") == "content_mismatch")


def test_conv_03_page_without_payload_says_what_to_do(browser):
    open_page(browser, PORT, "")
    s, text = state(browser)
    assert s == "no_payload"
    assert "mã QR" in text


def test_conv_03_page_sends_no_payload_and_works_offline(browser):
    fragment = payloads(FIXTURES)["valid"]
    digits = fragment.split(":", 1)[1]
    open_page(browser, PORT, fragment)
    # Every request the browser made: none carries the payload (the fragment stays local).
    urls = []
    for entry in browser.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg["method"] == "Network.requestWillBeSent":
            request = dict(msg["params"]["request"])
            urls.append(request["url"])
            # DevTools notes the document's fragment beside its URL (`urlFragment`); it is not
            # part of what goes over the wire: the URL, the headers, the body.
            request.pop("urlFragment", None)
            assert digits[:40] not in json.dumps(request), request
    assert any(u.endswith(".wasm") for u in urls), urls
    # Offline after the first load: the service worker serves the page, the script and the wasm.
    WebDriverWait(browser, 10).until(
        lambda x: x.execute_script("return navigator.serviceWorker.controller !== null") or
        x.execute_script("return navigator.serviceWorker.ready.then(() => true)"))
    browser.refresh()
    WebDriverWait(browser, 10).until(lambda x: x.execute_script("return !!navigator.serviceWorker.controller"))
    browser.execute_cdp_cmd("Network.enable", {})
    browser.execute_cdp_cmd("Network.emulateNetworkConditions", {
        "offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    open_page(browser, PORT, payloads(FIXTURES)["revoked"])
    assert state(browser)[0] == "key_revoked", "a new fragment in the same tab is checked"
    browser.refresh()  # a full load, offline: from the service worker's cache
    WebDriverWait(browser, 20).until(
        lambda x: x.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    assert state(browser)[0] == "key_revoked"


def luminance(rgb: list[float]) -> float:
    def ch(c: float) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (ch(c) for c in rgb[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


@pytest.mark.parametrize("case", ["valid", "revoked", "unknown"])
def test_conv_03_page_contrast_and_phone_width(browser, case):
    open_page(browser, PORT, payloads(FIXTURES)["valid" if case == "valid" else case])
    pairs = browser.execute_script("""
      const rgb = (s) => s.match(/[\\d.]+/g).map(Number);
      const bg = (el) => { for (; el; el = el.parentElement) { const c = getComputedStyle(el).backgroundColor;
        if (!c.startsWith('rgba(0, 0, 0, 0)')) return c; } return 'rgb(255, 255, 255)'; };
      return [...document.querySelectorAll('h1, h2, p, li, dt, dd, button')]
        .filter((e) => e.offsetParent !== null && e.textContent.trim())
        .map((e) => [e.id || e.tagName, rgb(getComputedStyle(e).color), rgb(bg(e))]);
    """)
    assert pairs
    for name, fg, bgc in pairs:
        l1, l2 = sorted((luminance(fg), luminance(bgc)), reverse=True)
        ratio = (l1 + 0.05) / (l2 + 0.05)
        assert ratio >= 4.5, (name, fg, bgc, ratio)
    width = browser.execute_script("return document.documentElement.scrollWidth")
    inner = browser.execute_script("return window.innerWidth")
    assert width <= inner, (width, inner)
    shot = os.environ.get("EGOV_SCREENSHOT")
    if case == "valid" and shot:
        browser.save_screenshot(shot)


def test_conv_03_shared_vectors_in_the_browser(browser):
    """testdata/vectors/trustlist.json through the WebAssembly `call`, in Chromium."""
    with open(os.path.join(os.path.dirname(__file__), "..", "..", "..", "testdata", "vectors",
                           "trustlist.json"), encoding="utf-8") as f:
        doc = json.load(f)
    open_page(browser, PORT, "")
    cases = [c for c in doc["cases"] if c["op"] in ("trustlist.verify", "trustlist.check_mark")]
    results = browser.execute_async_script("""
      const [cases, done] = arguments;
      import('./pkg/egov_wasm.js').then(async (m) => {
        await m.default();
        done(cases.map((c) => JSON.parse(m.call(c.op, JSON.stringify(c.args)))));
      });
    """, cases)

    def matches(e, g):
        if isinstance(e, dict):
            return isinstance(g, dict) and all(k in g and matches(v, g[k]) for k, v in e.items())
        if isinstance(e, list):
            return isinstance(g, list) and len(e) == len(g) and all(map(matches, e, g))
        return e == g

    assert len(cases) >= 20
    for c, got in zip(cases, results):
        if "error" in c["expect"]:
            assert got.get("error") == c["expect"]["error"], (c["id"], got)
        else:
            assert "error" not in got and matches(c["expect"]["ok"], got), (c["id"], got)
