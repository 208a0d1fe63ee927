"""The next call runs the app's new code: modules are reloaded when their files change."""

from __future__ import annotations

import os
import sys
import textwrap
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from webhooks.phone import PhoneApp, TargetError, create_phone_app

APP = """
from inboundxml import Hangup, Response, Say
from webhooks import App, VoiceEvent
from {package} import words

app = App()

@app.voice("/voice")
async def welcome(call: VoiceEvent) -> Response:
    return Response(Say(words.GREETING + " {suffix}"), Hangup())
"""


def write(path: Path, text: str) -> None:
    """Write ``text`` and move the file's time forward, as a later edit would."""
    before = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(textwrap.dedent(text))
    later = max(before + 2_000_000_000, path.stat().st_mtime_ns)
    os.utime(path, ns=(later, later))


@pytest.fixture
def package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A throw-away package ``phoneapp_<n>`` with an app module and a module it imports."""
    name = f"phoneapp_{tmp_path.name.replace('-', '_')}"
    root = tmp_path / name
    root.mkdir()
    (root / "__init__.py").write_text("")
    write(root / "words.py", 'GREETING = "Hello"\n')
    write(root / "main.py", APP.format(package=name, suffix="one"))
    monkeypatch.syspath_prepend(str(tmp_path))
    yield root
    for module in [m for m in sys.modules if m == name or m.startswith(name + ".")]:
        del sys.modules[module]


async def greeting(client: httpx.AsyncClient) -> str:
    answer = await client.post("/api/calls", json={})
    assert answer.status_code == 201, answer.text
    text: str = answer.json()["steps"][0]["text"]
    return text


@asynccontextmanager
async def phone_for(package: Path) -> AsyncIterator[httpx.AsyncClient]:
    """An in-process client of the phone for ``package.main:app``."""
    phone: PhoneApp = create_phone_app(f"{package.name}.main:app")
    transport = httpx.ASGITransport(app=phone)
    try:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as client:
            yield client
    finally:
        phone.close()


@pytest.mark.anyio
async def test_next_call_uses_the_edited_module(package: Path) -> None:
    async with phone_for(package) as client:
        assert await greeting(client) == "Hello one"
        assert await greeting(client) == "Hello one"
        write(package / "main.py", APP.format(package=package.name, suffix="two"))
        assert await greeting(client) == "Hello two"


@pytest.mark.anyio
async def test_next_call_uses_an_edited_dependency(package: Path) -> None:
    async with phone_for(package) as client:
        assert await greeting(client) == "Hello one"
        write(package / "words.py", 'GREETING = "Good morning"\n')
        assert await greeting(client) == "Good morning one"


@pytest.mark.anyio
async def test_broken_code_is_an_error_in_the_page_until_fixed(package: Path) -> None:
    async with phone_for(package) as client:
        assert await greeting(client) == "Hello one"
        write(package / "main.py", "def broken(:\n")
        for _ in range(2):
            answer = await client.post("/api/calls", json={})
            assert answer.status_code == 422
            error = answer.json()["error"]
            assert "SyntaxError" in error["message"]
            assert "main.py" in error["details"]
        write(package / "main.py", APP.format(package=package.name, suffix="three"))
        assert await greeting(client) == "Hello three"


@pytest.mark.anyio
async def test_info_names_the_import_string(package: Path) -> None:
    async with phone_for(package) as client:
        info = (await client.get("/api/info")).json()
    assert info["app"] == f"{package.name}.main:app"
    assert info["reloads"] is True


@pytest.mark.parametrize(
    ("spec", "fragment"),
    [
        (":app", "MODULE:ATTRIBUTE"),
        ("phone_no_such_module", "cannot load"),
        ("phone_no_such_module:app", "cannot load"),
        ("examples.ivr:nothing", "no attribute 'nothing'"),
    ],
)
def test_bad_import_strings_fail_at_once(spec: str, fragment: str) -> None:
    with pytest.raises(TargetError, match=fragment):
        create_phone_app(spec)


def test_a_bare_module_means_its_app() -> None:
    from examples.ivr import app
    from webhooks.phone._target import Target

    assert Target("examples.ivr").current() is app
