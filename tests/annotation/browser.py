"""A real headless Chromium (through selenium and chromedriver) for the review page tests.

Tests that use the ``chromium`` fixture are skipped, with the reason, when selenium,
Chromium or chromedriver is missing; CI installs Debian's ``chromium`` and
``chromium-driver``. One browser serves the whole session (starting one takes ~2 s);
``page`` gives each test an empty localStorage and a fresh download folder.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
DRIVER_NAMES = ("chromedriver",)
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--window-size=1400,1000",
)


def _which(names: tuple[str, ...], env: str) -> str | None:
    if os.environ.get(env):
        return os.environ[env]
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    return None


def find_chromium() -> tuple[str, str] | str:
    """``(browser, driver)`` paths, or the reason the browser tests cannot run."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    browser = _which(CHROMIUM_NAMES, "KAMER_CHROMIUM")
    driver = _which(DRIVER_NAMES, "KAMER_CHROMEDRIVER")
    if browser is None:
        return "no chromium on PATH (apt-get install chromium, or set KAMER_CHROMIUM)"
    if driver is None:
        return (
            "no chromedriver on PATH (apt-get install chromium-driver, or set KAMER_CHROMEDRIVER)"
        )
    return browser, driver


@pytest.fixture(scope="session")
def chromium(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """A headless Chromium WebDriver with its own profile and download folder."""
    found = find_chromium()
    if isinstance(found, str):
        pytest.skip(found)
    browser, driver_path = found
    os.environ.setdefault("SE_OFFLINE", "true")  # selenium must not fetch drivers
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(driver_path))
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


class Page:
    """One loaded HTML file in the shared browser, with helpers for the tests."""

    def __init__(self, driver: Any, downloads: Path) -> None:
        self.driver = driver
        self.downloads = downloads

    def open(self, path: Path) -> None:
        self.driver.get(path.resolve().as_uri())
        self.wait_for(lambda: self.js("return document.documentElement.dataset.ready") == "true")

    def js(self, script: str, *args: Any) -> Any:
        return self.driver.execute_script(script, *args)

    def errors(self) -> list[str]:
        """Severe console messages (script errors) since the last call."""
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def wait_for(self, test: Callable[[], Any], timeout: float = 10.0) -> Any:
        deadline = time.monotonic() + timeout
        while True:
            value = test()
            if value:
                return value
            if time.monotonic() > deadline:
                raise AssertionError("timed out waiting for the page")
            time.sleep(0.05)

    def downloaded(self, name: str, timeout: float = 10.0) -> Path:
        path = self.downloads / name
        self.wait_for(lambda: path.is_file() and path.stat().st_size > 0, timeout)
        return path


@pytest.fixture
def page(chromium: Any, tmp_path: Path) -> Iterator[Page]:
    """The shared browser with an empty localStorage and downloads going to tmp_path."""
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    chromium.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    p = Page(chromium, downloads)
    yield p
    # a page keeps its corrections in localStorage: the next test starts clean
    if chromium.current_url.startswith("file:"):
        p.js("localStorage.clear(); sessionStorage.clear();")
    chromium.get("about:blank")
    chromium.get_log("browser")
