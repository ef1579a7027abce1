"""Headless Chromium (Debian's, at /usr/bin/chromium) driven by Playwright against a live server.

Playwright may not download browsers here, so it launches the system Chromium. Screenshots go to
test-artifacts/ for people to look at."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def migration_data(transactional_db) -> None:
    """Put back what the data migrations made (groups, permissions, guide pages, county notes).

    A transactional test empties every table when it ends, and Django's serialized copy cannot
    be relied on here: Playwright's event loop swaps the context that holds the connection."""
    from django.apps import apps
    from django.db import migrations
    from django.db.migrations.loader import MigrationLoader

    ours = ("expunge_portal", "eligibility", "forms_filler")
    loader = MigrationLoader(None, ignore_no_migrations=True)
    plan = dict.fromkeys(
        key for leaf in loader.graph.leaf_nodes() for key in loader.graph.forwards_plan(leaf)
    )
    for key in plan:
        migration = loader.disk_migrations.get(key)
        if migration is None or not type(migration).__module__.startswith(ours):
            continue
        for operation in migration.operations:
            if isinstance(operation, migrations.RunPython):
                operation.code(apps, None)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/install-chromium")
    # pytest-django's live server and Playwright's sync API share the main thread.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page_factory(browser, live_server):
    """new_page(viewport, locale) -> a page whose relative URLs go to the live server."""
    contexts = []

    def new_page(viewport: dict[str, int] = DESKTOP, locale: str = "en-US"):
        context = browser.new_context(
            viewport=viewport, locale=locale, base_url=live_server.url, ignore_https_errors=True
        )
        contexts.append(context)
        return context.new_page()

    yield new_page
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
