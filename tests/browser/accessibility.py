"""axe-core (bundled by axe-playwright-python) against the page as the browser shows it."""

from axe_playwright_python.sync_playwright import Axe

WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
_axe = Axe()


def axe_violations(page) -> list[str]:
    """Every WCAG 2.2 A/AA violation on the page, as readable lines (empty when clean)."""
    results = _axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_22_AA}})
    lines = []
    for violation in results.response["violations"]:
        targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
        lines.append(f"{page.url}: {violation['id']} ({violation['impact']}): {targets}")
    return lines


def overflows_horizontally(page) -> bool:
    """True when the page is wider than the viewport (WCAG 1.4.10 reflow at 320 px)."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
