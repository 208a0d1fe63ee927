"""``python -m webhooks``: the subcommand registry, ``serve`` and ``schema``."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from webhook_support import REPO

from webhooks import _cli, _cli_serve
from webhooks.events import event_json_schemas


def test_help_lists_the_builtin_subcommands() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "webhooks", "--help"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "serve" in out.stdout
    assert "schema" in out.stdout


def test_subcommands_register_from_their_own_modules() -> None:
    calls: list[str] = []

    def run_hello(args: argparse.Namespace) -> int:
        calls.append("ran")
        return 3

    @_cli.command("hello")
    def add_hello(parsers: Any) -> None:
        parsers.add_parser("hello").set_defaults(func=run_hello)

    try:
        assert _cli.main(["hello"]) == 3
    finally:
        del _cli._COMMANDS["hello"]
    assert calls == ["ran"]


def test_a_command_module_that_fails_to_import_costs_only_its_commands(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    real = importlib.import_module

    def import_module(name: str) -> Any:
        if name == "webhooks.phone._cli":
            raise ImportError("cannot import name 'Missing' from 'somewhere'")
        return real(name)

    monkeypatch.setattr(importlib, "import_module", import_module)
    monkeypatch.delitem(_cli._COMMANDS, "phone", raising=False)
    parser = _cli.build_parser()
    warning = capsys.readouterr().err
    assert "webhooks.phone._cli are unavailable: ImportError: cannot import name 'Missing'" in (
        warning
    )
    assert "unavailable: webhooks.phone._cli" in parser.format_help()
    args = parser.parse_args(["serve", "examples.ivr:app"])
    assert args.command == "serve"
    with pytest.raises(SystemExit):
        parser.parse_args(["phone", "examples.ivr:app"])


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("examples.ivr", "expected MODULE:ATTRIBUTE"),
        ("no_such_module_here:app", "cannot import"),
        ("examples.ivr:nothing", "has no attribute 'nothing'"),
    ],
)
def test_load_app_fails_with_one_line(target: str, message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        _cli.load_app(target)


def test_serve_passes_the_options_to_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: seen.update(app=app, **options))
    args = _cli.build_parser().parse_args(
        ["serve", "examples.ivr:app", "--port", "9123", "--workers", "3"]
    )
    assert _cli_serve.run_serve(args) == 0
    assert seen["app"] == "examples.ivr:app"  # an import string, as uvicorn needs for workers
    assert (seen["host"], seen["port"], seen["workers"]) == ("127.0.0.1", 9123, 3)
    assert seen["http"] == "httptools"
    assert seen["loop"] == "uvloop"
    assert seen["access_log"] is True


def test_serve_hides_the_access_log_of_an_app_with_a_url_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: seen.update(options))
    from webhooks import App

    monkeypatch.setattr(sys.modules["examples.ivr"], "secret_app", App(token="t0k"), raising=False)
    _cli_serve.run_serve(argparse.Namespace(
        app="examples.ivr:secret_app", host="127.0.0.1", port=1, workers=1,
        log_level="info", access_log=None,
    ))  # fmt: skip
    assert seen["access_log"] is False


def test_schema_subcommand_writes_every_event_schema(tmp_path: Path) -> None:
    assert _cli.main(["schema", str(tmp_path)]) == 0
    assert {p.stem for p in tmp_path.glob("*.json")} == set(event_json_schemas())
