"""Open the HTML report in headless Chromium: renders, charts present, no console errors, no network."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_reporting import make_analysis

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory):
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (pip install selenium)")
    if not (Path(CHROMIUM).exists() and Path(DRIVER).exists()):
        pytest.skip("headless Chromium not available: install the Debian packages chromium and chromium-driver")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={tmp_path_factory.mktemp('chrome-profile')}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    try:
        drv = webdriver.Chrome(service=Service(DRIVER), options=opts)
    except Exception as exc:  # e.g. a driver/browser version mismatch
        pytest.skip(f"could not start headless Chromium: {exc}")
    yield drv
    drv.quit()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from biaslens.reporting import report

    analysis, arts = make_analysis({"wire": 12, "tabloid / daily": 11, "../tiny": 3}, evil=True)
    out = tmp_path_factory.mktemp("browser-report")
    report(analysis, out, n_boot=100, sources=arts)
    return out


def _network_requests(drv) -> list[str]:
    urls = []
    for entry in drv.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return [u for u in urls if not u.startswith(("data:", "file:", "about:"))]


@pytest.mark.parametrize("page", ["index.html", "evidence"])
def test_page_renders_offline_without_errors(driver, site: Path, page: str) -> None:
    path = site / "index.html" if page == "index.html" else sorted((site / "articles").glob("*.html"))[0]
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get(path.as_uri())
    assert driver.execute_script("return document.readyState") == "complete"
    console = [e for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert console == []
    assert _network_requests(driver) == []
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert [r for r in resources if not r.startswith(("data:", "file:"))] == []
    assert driver.execute_script("return window.__xss === undefined && !document.querySelector('img[src=x]')")
    if page == "index.html":
        imgs = driver.execute_script(
            "return Array.from(document.querySelectorAll('img.chart')).map(i => [i.complete, i.naturalWidth])")
        assert len(imgs) >= 3 and all(ok and w > 100 for ok, w in imgs)
        assert driver.find_element("id", "comparison-table").is_displayed()
    else:
        assert driver.execute_script("return document.querySelectorAll('.line').length") > 3


def test_table_sorts_on_click(driver, site: Path) -> None:
    driver.get((site / "index.html").as_uri())
    col = driver.execute_script(
        "return Array.from(document.querySelectorAll('#comparison-table thead th')).findIndex(t => t.textContent.trim() == 'body_words')")
    assert col > 1
    header = driver.find_elements("css selector", "#comparison-table thead th")[col]
    values = lambda: driver.execute_script(  # noqa: E731
        f"return Array.from(document.querySelectorAll('#comparison-table tbody tr')).map(r => Number(r.cells[{col}].dataset.v))")
    header.click()
    assert values() == sorted(values())
    header.click()
    assert values() == sorted(values(), reverse=True)
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []


def test_family_selector_shows_one_table(driver, site: Path) -> None:
    driver.get((site / "index.html").as_uri())
    nav = driver.find_element("id", "family-selector")
    assert nav.is_displayed()
    tables = driver.find_elements("css selector", ".fam-table")
    assert len(tables) >= 2 and [t.is_displayed() for t in tables].count(True) == 1  # key columns only
    button = nav.find_elements("css selector", "button")[-1]
    button.click()
    target = driver.find_element("id", button.get_attribute("data-show"))
    assert target.is_displayed() and not driver.find_element("id", "comparison-table").is_displayed()
    assert button.get_attribute("aria-pressed") == "true"
    assert [e for e in driver.get_log("browser") if e["level"] == "SEVERE"] == []
