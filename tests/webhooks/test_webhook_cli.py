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
        (":app", "expected MODULE or MODULE:ATTRIBUTE"),
        ("no_such_module_here:app", "cannot import"),
        ("examples.ivr:nothing", "has no attribute 'nothing'"),
        ("examples.rest_client", "has no attribute 'app'"),
    ],
)
def test_load_app_fails_with_one_line(target: str, message: str) -> None:
    with pytest.raises(SystemExit, match=message):
        _cli.load_app(target)


def test_a_module_alone_means_its_app() -> None:
    from examples.ivr import app

    assert _cli.load_app("examples.ivr") is app
    assert _cli.app_target("examples.ivr") == "examples.ivr:app"


def serve_options(monkeypatch: pytest.MonkeyPatch, *argv: str) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **options: seen.update(app=app, **options))
    args = _cli.build_parser().parse_args(["serve", *argv])
    assert _cli_serve.run_serve(args) == 0
    return seen


def test_serve_passes_the_options_to_uvicorn(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = serve_options(monkeypatch, "examples.redis_sessions", "--port", "9123", "--workers", "3")
    assert seen["app"] == "examples.redis_sessions:app"  # an import string, for the workers
    assert (seen["host"], seen["port"], seen["workers"]) == ("127.0.0.1", 9123, 3)
    assert seen["http"] == "webhooks._server_httptools:GuardedHttpToolsProtocol"
    assert seen["loop"] == "uvloop"
    assert seen["h11_max_incomplete_event_size"] == 16 * 1024
    assert seen["access_log"] is False  # the app logs one line per webhook, token-free
    assert seen["log_config"]["loggers"]["webhooks"]["level"] == "INFO"
    assert seen["limit_concurrency"] is None
    assert (
        serve_options(monkeypatch, "examples.ivr", "--limit-concurrency", "500")[
            "limit_concurrency"
        ]
        == 500
    )


def test_serve_reload_runs_the_import_string(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = serve_options(monkeypatch, "examples.ivr", "--reload")
    assert seen["app"] == "examples.ivr:app"
    assert seen["reload"] is True


def test_serve_prints_the_routes_at_startup(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    serve_options(monkeypatch, "examples.ivr:app")
    err = capsys.readouterr().err
    assert "webhook routes of examples.ivr:app:" in err
    assert ["/menu", "gather", "examples.ivr.menu"] in [line.split() for line in err.splitlines()]


def test_serve_sets_the_connection_bounds_for_every_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WEBHOOKS_REQUEST_TIMEOUT", "")
    monkeypatch.setenv("WEBHOOKS_MAX_HEADER_SIZE", "")
    seen = serve_options(
        monkeypatch, "examples.ivr", "--request-timeout", "3.5", "--max-header-size", "8192"
    )
    assert seen["h11_max_incomplete_event_size"] == 8192
    from webhooks._server import guard_settings

    assert guard_settings() == (3.5, 8192)


def test_serve_refuses_several_workers_with_in_memory_sessions(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr("uvicorn.run", lambda app, **options: pytest.fail("must not start"))
    args = _cli.build_parser().parse_args(["serve", "examples.ivr", "--workers", "2"])
    with pytest.raises(SystemExit, match=r"MemoryStore.*RedisStore"):
        _cli_serve.run_serve(args)


def test_routes_lists_each_route_with_its_kind_and_handler() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "webhooks", "routes", "examples.ivr"],
        cwd=REPO, capture_output=True, text=True, check=True,
    )  # fmt: skip
    rows = [line.split() for line in out.stdout.splitlines()]
    assert rows[:4] == [
        ["/voice", "voice", "examples.ivr.welcome"],
        ["/menu", "gather", "examples.ivr.menu"],
        ["/sales", "gather", "examples.ivr.sales"],
        ["/status", "status", "examples.ivr.call_status"],
    ]


def test_routes_never_prints_a_url_token(monkeypatch: pytest.MonkeyPatch) -> None:
    from inboundxml import Response
    from webhooks import App, VoiceEvent
    from webhooks._cli_routes import format_routes

    app = App(token="s3cr3t-token")

    @app.voice("/voice")
    def voice(call: VoiceEvent) -> Response:
        return Response()

    lines = format_routes(app)
    assert len(lines) == 1
    assert "s3cr3t" not in lines[0]


def test_schema_subcommand_writes_every_event_schema(tmp_path: Path) -> None:
    assert _cli.main(["schema", str(tmp_path)]) == 0
    assert {p.stem for p in tmp_path.glob("*.json")} == set(event_json_schemas())


def test_serve_works_without_httptools() -> None:
    """httptools is an optional speed-up: a plain install serves with h11."""
    probe = (
        "import runpy, sys\n"
        "sys.modules['httptools'] = None  # as if it were not installed\n"
        "from webhooks import _cli_serve, _server\n"
        "print(_server.PROTOCOLS['h11'])\n"
        "sys.argv = ['webhooks', '--help']\n"
        "runpy.run_module('webhooks', run_name='__main__')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120, cwd=REPO
    )
    assert done.returncode == 0, done.stderr
    assert "webhooks._server:GuardedH11Protocol" in done.stdout
    assert "serve" in done.stdout
    assert "unavailable" not in done.stderr
