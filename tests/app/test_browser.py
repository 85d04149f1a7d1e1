"""The app in a real browser: served on localhost, every page clicked, screenshots saved.

Skips with the reason when Chromium or Playwright is missing. Screenshots go
to docs/screenshots/ (set KG_SCREENSHOTS to write elsewhere); the graph is
built from data/samples into a temporary file, never into data/graph.
"""
from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# (url path, file name, the page's title as shown)
PAGES = [
    ("", "01_dashboard.png", "总览"),
    ("queries?q=units_by_activity&p_category=读书班", "02_queries.png", "查询"),
    ("ask", "03_ask.png", "提问"),
    ("explorer", "04_explorer.png", "图谱"),
    ("documents", "05_documents.png", "文档"),
    ("data", "06_data.png", "数据"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_server(url: str, proc: subprocess.Popen, deadline: float) -> None:
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}: {proc.stdout.read()}")
        try:
            with urllib.request.urlopen(url + "_stcore/health", timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError("streamlit did not answer on " + url)


@pytest.fixture(scope="module")
def served_app(repo, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium fonts-noto-cjk); browser test skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    port = _free_port()
    env = {**os.environ, "KG_GRAPH": str(tmp_path_factory.mktemp("graph") / "graph.pickle"),
           "KG_CORPUS": str(repo / "data" / "samples")}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
        cwd=repo, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = f"http://127.0.0.1:{port}/"
    try:
        _wait_for_server(url, proc, time.monotonic() + 60)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def _wait_until_idle(page, timeout_ms: int = 120_000) -> None:
    page.wait_for_selector('[data-testid="stApp"]', timeout=timeout_ms)
    page.wait_for_function(
        """() => {
            const app = document.querySelector('[data-testid="stApp"]');
            return app && app.getAttribute('data-test-script-state') !== 'running'
                   && !document.querySelector('[data-testid="stStatusWidget"] [data-testid="stStatusWidgetRunningIcon"]')
                   && document.querySelector('h1');
        }""", timeout=timeout_ms)
    page.wait_for_timeout(1500)  # let Vega finish drawing the charts


def _screenshot_whole_page(page, path: Path) -> None:
    # Streamlit scrolls inside its main block, so a "full page" shot would stop at the
    # window: grow the window to the content's height first.
    height = page.evaluate(
        """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stMainBlockContainer"]']
              .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": 1440, "height": min(max(int(height) + 40, 1000), 6000)})
    page.wait_for_timeout(1200)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": 1440, "height": 1000})


def test_click_through_every_page(served_app, repo):
    from playwright.sync_api import sync_playwright

    out = Path(os.environ.get("KG_SCREENSHOTS", repo / "docs" / "screenshots"))
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            page.goto(served_app, wait_until="domcontentloaded")
            _wait_until_idle(page)
            for path, name, title in PAGES:
                if path and "?" not in path:
                    page.get_by_role("link", name=title).first.click()  # through the navigation, as a user would
                else:
                    page.goto(served_app + path, wait_until="domcontentloaded")
                _wait_until_idle(page)
                if title == "提问":  # ask a question the way an analyst would: one click on an example
                    page.get_by_role("button", name="哪些单位开展了读书班？").click()
                    page.get_by_text("系统运行的查询").wait_for(timeout=60_000)
                    _wait_until_idle(page)
                assert page.locator("h1").first.inner_text().strip() == title
                assert page.locator('[data-testid="stException"]').count() == 0, f"{title}: the page raised"
                _screenshot_whole_page(page, out / name)
            assert not errors, errors
        finally:
            browser.close()
