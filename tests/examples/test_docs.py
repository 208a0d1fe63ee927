"""The Python blocks of README.md and docs/*.md run as written, in order, one namespace per page.

A block whose first line is a comment saying it talks to the platform (``# Talks to the
platform``) needs a real account and is only compiled. The generated element reference shows
one expression per element; its blocks run after ``from inboundxml import *``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from webhook_support import REPO

PAGES = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]
BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
LIVE = "# Talks to the platform"


def python_blocks(page: Path) -> list[tuple[int, str]]:
    """``(first line number, code)`` of every fenced Python block of ``page``."""
    text = page.read_text(encoding="utf-8")
    return [(text.count("\n", 0, m.start(1)) + 1, m.group(1)) for m in BLOCK.finditer(text)]


def test_the_pages_have_python_blocks() -> None:
    counts = {page.name: len(python_blocks(page)) for page in PAGES}
    assert counts["README.md"] >= 6
    assert counts["webhooks.md"] >= 3
    assert counts["simulator.md"] >= 1


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_python_blocks_run_as_written(
    page: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CPAAS_ACCOUNT_SID", "AC" + "0" * 32)
    monkeypatch.setenv("CPAAS_AUTH_TOKEN", "token")
    namespace: dict[str, object] = {"__name__": f"docs_{page.stem}"}
    if page.name == "reference.md":
        exec("from inboundxml import *", namespace)  # noqa: S102
    for line, code in python_blocks(page):
        compiled = compile("\n" * (line - 1) + code, str(page), "exec")
        if not code.startswith(LIVE):
            exec(compiled, namespace)  # noqa: S102
    capsys.readouterr()


def test_readme_error_examples_print_what_the_comments_say(
    capsys: pytest.CaptureFixture[str],
) -> None:
    (_, code) = next(b for b in python_blocks(REPO / "README.md") if "num_digits=-4" in b[1])
    exec(code, {})  # noqa: S102
    printed = capsys.readouterr().out.splitlines()
    commented = re.findall(r"print\(.*\)\s+# (.*)", code)
    assert len(printed) == len(commented)
    for line, comment in zip(printed, commented, strict=True):
        assert line.startswith(comment.removesuffix("..."))
