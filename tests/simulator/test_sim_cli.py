"""The ``call`` and ``explore`` commands as a user types them: options anywhere, help, pipes."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from webhooks._cli import main
from webhooks.testing.simulator._cli import BROKEN_PIPE, call_main, explore_main


@pytest.mark.parametrize("command", ["call", "explore"])
def test_help_prints_the_usage(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main([command, "--help"])
    assert exited.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: python -m webhooks {command} ")
    assert "MODULE:APP" in out
    assert "--path" in out


def test_call_options_before_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["call", "--path", "/voicemail", "--press", "#", "examples.voicemail:app"])
    lines = capsys.readouterr().out.splitlines()
    assert status == 0
    assert lines[0].startswith("[   0.0s] SAY    Please leave your message after the beep.")
    assert lines[-1].endswith("END    completed (hangup)")


def test_explore_options_before_the_app(capsys: pytest.CaptureFixture[str]) -> None:
    main(["explore", "--format", "dot", "--depth", "1", "examples.ivr:app"])
    assert capsys.readouterr().out.startswith("digraph ivr {")


def test_options_after_the_app_still_work(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["call", "examples.voicemail:app", "--path", "/voicemail", "--press", "#"]) == 0
    assert "END    completed (hangup)" in capsys.readouterr().out


class _ClosedAfter(io.StringIO):
    """An output whose reader goes away after ``lines`` lines, like ``| head -n lines``."""

    def __init__(self, lines: int) -> None:
        super().__init__()
        self.left = lines

    def write(self, text: str) -> int:
        if self.left <= 0:
            raise BrokenPipeError(32, "Broken pipe")
        self.left -= text.count("\n")
        return super().write(text)


def test_call_stops_quietly_when_the_output_is_closed() -> None:
    out = _ClosedAfter(2)
    argv = ["examples.conference:app", "--press", "1", "--press", "2"]
    assert call_main(argv, out=out) == BROKEN_PIPE
    assert len(out.getvalue().splitlines()) == 2


def test_explore_stops_quietly_when_the_output_is_closed() -> None:
    assert explore_main(["examples.ivr:app", "--depth", "1"], out=_ClosedAfter(0)) == BROKEN_PIPE


def test_call_into_a_closed_pipe_prints_no_traceback() -> None:
    proc = subprocess.Popen(
        [sys.executable, "-m", "webhooks", "call", "examples.conference:app", "--press", "1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # the reader is gone before the first line is written
    _, err = proc.communicate(timeout=60)
    assert err.decode() == ""
    assert proc.returncode == BROKEN_PIPE


def test_interactive_call_at_end_of_input_ends_the_prompt_line() -> None:
    out = io.StringIO()
    call_main(["examples.voicemail:app", "--path", "/voicemail"], stdin=io.StringIO(""), out=out)
    lines = out.getvalue().splitlines()
    assert lines[-2].startswith("? a Record is recording at Response/Record[0]")
    assert lines[-2].endswith("(keys, empty to wait, q to hang up): ")
    assert lines[-1] == "[   6.0s] END    completed (caller)"
