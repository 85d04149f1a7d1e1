"""The app in a real browser: served on localhost, every page clicked, screenshots saved.

It runs on the samples (and on the seed corpus when the screenshots are
made again) and fails on what a new user would see first: a traceback, an English Streamlit
default string ("Upload", "Press Enter to apply", "Choose an option"…), a
hash-like name ([0-9a-f]{12,}) in the visible text, or a request leaving
localhost (the app must work offline, icons included). The same words and
names on the seed corpus (real reports, hash-named files) are checked
without a browser in every run, in tests/app/test_app_shared.py: a second
browser run over it cost a tenth of the suite's time.

Skips with the reason when Chromium or Playwright is missing.
``KG_SCREENSHOTS=docs/screenshots`` regenerates the committed screenshots,
every page whole; a plain run takes none (they were a third of its time)
except of a failure, and leaves the work tree clean. The graph is built from
data/samples into a temporary file, never into data/graph.

Every wait is on a page state, never on the clock: the server's health
endpoint before the first visit, then a page counts as ready when Streamlit
says its script is not running, the heading is the expected page's, no
element of an earlier run is left (``data-stale``), every chart has drawn
and all of that held for several polls in a row. The first visit is a deep
link, so a fresh server must serve the whole app (menu in Chinese) for it.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
import re
from pathlib import Path
from urllib.parse import quote, urlparse

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = os.environ.get("KG_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TITLES = ["总览", "查询", "提问", "图谱", "文档", "数据"]
SHOTS = dict(zip(TITLES, ["01_dashboard.png", "02_queries.png", "03_ask.png", "04_explorer.png",
                          "05_documents.png", "06_data.png"]))
# Deep links a user follows from a shared URL: ad-hoc Cypher (nodes drawn as a graph, Neo4j's type(r)),
# the explorer on a unit named by its alias.
EXTRA = [
    ("提问", "ask?tab=" + quote("Cypher 查询") + "&cypher="
     + quote("MATCH (o:Organization)-[r:ECHOES]->(s:Slogan) RETURN o, type(r) AS rel, s LIMIT 25"), "03b_cypher.png"),
    ("图谱", "explorer?node=" + quote("Organization:市妇联"), "04b_explorer_alias.png"),
]
ALIAS_HEADING = "单位：市妇女联合会"  # the explorer's heading once ?node=Organization:市妇联 resolves
# Streamlit's own English, which a Chinese page must not show (material icon names are not text).
ENGLISH = re.compile(r"\b(Upload|Browse files|Drag and drop|per file|Press Enter|Choose an option|Choose options|"
                     r"No results|Running|Please wait|Deploy|Made with Streamlit|Select all|Clear all|Show more|"
                     r"Show less|Download as CSV|View fullscreen|Add option|No options|Search)\b")
HASH_LIKE = re.compile(r"[0-9a-f]{12,}")
VISIBLE_TEXT_JS = """() => {
    const parts = [];
    for (const sel of ['[data-testid="stSidebar"]', '[data-testid="stMain"]']) {
        const root = document.querySelector(sel);
        if (!root) continue;
        const copy = root.cloneNode(true);
        copy.querySelectorAll('[data-testid="stIconMaterial"], [data-testid="stCode"], textarea, style, script')
            .forEach(e => e.remove());
        document.body.appendChild(copy);  // innerText needs layout: measure the copy, then drop it
        parts.push(copy.innerText);
        copy.remove();
    }
    return parts.join('\\n');
}"""
DEEP_LINK = "queries?q=units_by_activity&p_category=读书班"
EXAMPLE_QUESTION = "哪些单位开展了读书班？"
# Generous: two cores shared by several jobs; the first visit builds the graph.
FIRST_VISIT_MS = 240_000
STEP_MS = 120_000
WIDTH, HEIGHT = 1440, 1000

READY_JS = """([title, polls]) => {
    const app = document.querySelector('[data-testid="stApp"]');
    const h1 = document.querySelector('[data-testid="stMain"] h1');
    const charts = [...document.querySelectorAll('[data-testid="stVegaLiteChart"]')];
    const ready = !!app && !!h1
        && app.getAttribute('data-test-script-state') === 'notRunning'
        && app.getAttribute('data-test-connection-state') === 'CONNECTED'
        && h1.innerText.trim() === title
        && !document.querySelector('[data-stale="true"], [data-testid="stSkeleton"], [data-testid="stSpinner"]')
        && charts.every(c => c.querySelector('canvas, svg.marks'));
    window.__kgReadyPolls = ready ? (window.__kgReadyPolls || 0) + 1 : 0;
    return window.__kgReadyPolls >= polls;
}"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _log_tail(log: Path, n: int = 30) -> str:
    try:
        return "\n".join(log.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
    except OSError:
        return "(no server log)"


def _serve(repo: Path, env: dict, log: Path, deadline: float) -> tuple[subprocess.Popen, str]:
    """Start streamlit on a free port and wait for its health endpoint; a port taken meanwhile gets another."""
    for _ in range(3):
        port = _free_port()
        with log.open("a", encoding="utf-8") as out:
            proc = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true",
                 "--server.port", str(port), "--server.address", "127.0.0.1",
                 "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                cwd=repo, env=env, stdout=out, stderr=subprocess.STDOUT)
        url = f"http://127.0.0.1:{port}/"
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(url + "_stcore/health", timeout=5) as r:
                    if r.status == 200:
                        return proc, url
            except OSError:
                time.sleep(0.25)
        if proc.poll() is None:
            proc.kill()
            break
    raise RuntimeError(f"streamlit did not become healthy; its log ends:\n{_log_tail(log)}")


# The seed corpus (../shared/corpus: hash-named files, relative unit names) only when the committed
# screenshots are made again: its words and names are checked without a browser in test_app_shared.py.
CORPORA = ["samples", "seed"] if os.environ.get("KG_SCREENSHOTS") else ["samples"]


@pytest.fixture(scope="module", params=CORPORA)
def served_app(request, repo, tmp_path_factory):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium fonts-noto-cjk); browser test skipped")
    pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    corpus = repo / "data" / "samples"
    if request.param == "seed":
        corpus = request.getfixturevalue("shared_dir") / "corpus"
    tmp = tmp_path_factory.mktemp("browser")
    log = tmp / "streamlit.log"
    env = {**os.environ, "KG_GRAPH": str(tmp / "graph.pickle"), "KG_CORPUS": str(corpus)}
    proc, url = _serve(repo, env, log, time.monotonic() + 120)
    try:
        yield url, log, request.param
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _wait_ready(page, title: str, timeout_ms: int = STEP_MS) -> None:
    page.wait_for_function(READY_JS, arg=[title, 3], polling=200, timeout=timeout_ms)


def _screenshot_whole_page(page, title: str, path: Path) -> None:
    # Streamlit scrolls inside its main block, so a "full page" shot would stop at the
    # window: grow the window to the content's height first, then let the charts redraw.
    height = page.evaluate(
        """() => Math.max(...['[data-testid="stMain"]', '[data-testid="stMainBlockContainer"]']
              .map(s => document.querySelector(s)).filter(Boolean).map(e => e.scrollHeight))""")
    page.set_viewport_size({"width": WIDTH, "height": min(max(int(height) + 40, HEIGHT), 6000)})
    page.evaluate("() => document.fonts.ready.then(() => new Promise(r => requestAnimationFrame(() => r())))")
    _wait_ready(page, title)
    page.screenshot(path=str(path), full_page=True)
    page.set_viewport_size({"width": WIDTH, "height": HEIGHT})


def _check_page(page, title: str) -> None:
    assert page.locator('[data-testid="stException"]').count() == 0, f"{title}: the page raised"
    text = page.evaluate(VISIBLE_TEXT_JS)
    english = sorted(set(ENGLISH.findall(text)))
    assert not english, f"{title}: English Streamlit strings on the page: {english}"
    hashes = sorted(set(HASH_LIKE.findall(text)))
    assert not hashes, f"{title}: hash-like names in the visible text: {hashes[:5]}"


def test_click_through_every_page(served_app):
    from playwright.sync_api import sync_playwright

    url, log, corpus = served_app
    shots = os.environ.get("KG_SCREENSHOTS")
    out = Path(shots) / corpus if shots else None
    if out:
        out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT}, locale="zh-CN")
            page.set_default_timeout(STEP_MS)
            errors: list[str] = []
            page.on("pageerror", lambda e: errors.append(str(e)))
            outside: list[str] = []

            def local_only(route):  # offline: anything not on this machine is refused and reported
                if urlparse(route.request.url).hostname in ("127.0.0.1", "localhost"):
                    route.continue_()
                else:
                    outside.append(route.request.url)
                    route.abort()

            page.route(re.compile(r"^https?://"), local_only)
            try:
                page.goto(url + DEEP_LINK, wait_until="domcontentloaded")
                _wait_ready(page, "查询", FIRST_VISIT_MS)
                nav = page.get_by_test_id("stSidebarNav")
                for title in TITLES:
                    assert nav.get_by_role("link", name=title).count() == 1, f"menu lacks {title}"
                assert page.get_by_text("开展了“读书班”").count() >= 1, "the deep link's parameter was not used"
                for title in ["查询"] + [t for t in TITLES if t != "查询"]:
                    if title != "查询":
                        nav.get_by_role("link", name=title).click()
                        _wait_ready(page, title)
                    if title == "提问":  # ask a question the way an analyst would: one click on an example
                        page.get_by_role("button", name=EXAMPLE_QUESTION).click()
                        page.get_by_text("系统运行的查询").wait_for()
                        _wait_ready(page, title)
                    _check_page(page, title)
                    if out:
                        _screenshot_whole_page(page, title, out / SHOTS[title])
                for title, link, shot in EXTRA:
                    page.goto(url + link, wait_until="domcontentloaded")
                    _wait_ready(page, title)
                    _check_page(page, title)
                    if out:
                        _screenshot_whole_page(page, title, out / shot)
                # The last page is the alias link: its centre must be the unit 市妇联 names, on both corpora
                # (the samples name 市妇女联合会 as 市妇联 too), not the default view with a warning.
                headings = [h.strip() for h in page.locator('[data-testid="stMain"] h3').all_inner_texts()]
                assert ALIAS_HEADING in headings, f"the explorer's alias link (市妇联) did not resolve: {headings}"
                assert page.get_by_text("不在当前图谱中").count() == 0, "the alias link fell back to the default view"
            except Exception as err:
                page.screenshot(path=str(log.with_name("failure.png")))
                raise AssertionError(f"{err}\nscreenshot: {log.with_name('failure.png')}\n"
                                     f"server log ends:\n{_log_tail(log)}") from err
            assert not errors, errors
            assert not outside, f"requests left localhost: {outside[:5]}"
        finally:
            browser.close()
