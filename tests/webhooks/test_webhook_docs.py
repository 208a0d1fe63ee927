"""The README works from the package index, and the docs say what the code does."""

from __future__ import annotations

import re
import tomllib

from webhook_support import REPO

from webhooks._server import DEFAULT_MAX_HEADER_SIZE, DEFAULT_REQUEST_TIMEOUT
from webhooks.sessions import DEFAULT_MAX_SESSIONS

README = (REPO / "README.md").read_text(encoding="utf-8")
OPERATIONS = (REPO / "docs" / "operations.md").read_text(encoding="utf-8")


def test_readme_links_are_absolute_and_point_at_the_project() -> None:
    """PyPI renders the README away from the repository: relative links would be broken."""
    urls = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["urls"]
    links = re.findall(r"\]\(([^)]+)\)", README)
    assert links
    for link in links:
        assert link.startswith("https://"), link
    repository = urls["Repository"].removeprefix("https://github.com/")
    project_links = [link for link in links if repository in link]
    assert len(project_links) >= 6


def test_readme_names_the_system_packages_of_the_test_command() -> None:
    for package in ("redis-server", "chromium", "chromium-driver"):
        assert f"`{package}`" in README
    assert "apt-get install redis-server chromium chromium-driver" in README


def test_every_guide_is_in_the_site_navigation() -> None:
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    for page in sorted((REPO / "docs").rglob("*.md")):
        entry = re.escape(str(page.relative_to(REPO / "docs")))
        assert re.search(rf":\s+{entry}$", config, re.MULTILINE), page.name
    assert "mkdocstrings" in config
    assert "font: false" in config  # builds offline


def test_the_operations_guide_gives_the_defaults_the_code_has() -> None:
    assert f"{DEFAULT_MAX_HEADER_SIZE // 1024} KiB (`--max-header-size`)" in OPERATIONS
    assert f"{DEFAULT_REQUEST_TIMEOUT:g} s (`--request-timeout`)" in OPERATIONS
    assert f"{DEFAULT_MAX_SESSIONS:,} (`MemoryStore(max_sessions=...)`)" in OPERATIONS
