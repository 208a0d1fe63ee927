"""The simulator reads the app's documents as the platform does: warnings are logged, the call
goes on; ``Simulator(strict=True)`` makes them fail."""

from __future__ import annotations

from pathlib import Path

import pytest
from sim_apps import docs_app

from inboundxml import check
from webhooks.testing import Dialed, Recorded, SimNotification, Simulator, Spoke

WARNED = '<Record action="" maxLength="5"/><Say>Thanks, goodbye</Say>'
"""The shape of a document the live platform played: an empty ``action`` (11100, a warning);
the Record runs in the background (its default) while the Say plays."""

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "reference" / "corpus"


def test_a_warned_document_plays_and_its_warning_is_a_notification() -> None:
    sim = Simulator(docs_app({"/voice": WARNED}))
    call = sim.call("/voice")
    assert call.said == ["Thanks, goodbye"]
    assert call.status == "completed"
    warnings = [n for n in call.notifications if n.level == "warning"]
    assert [n.code for n in warnings] == [11100]
    assert warnings[0].url.endswith("/voice")
    assert "action" in warnings[0].message


def test_strict_simulator_fails_the_warned_document() -> None:
    sim = Simulator(docs_app({"/voice": WARNED}), strict=True)
    call = sim.call("/voice")
    assert "Thanks, goodbye" not in call.said
    assert call.said == ["An error has occurred"]
    assert [(n.code, n.level) for n in call.notifications] == [(11100, "error")]


def test_strict_can_be_set_per_simulator_and_default_is_lenient() -> None:
    assert Simulator(docs_app({})).strict is False
    sim = Simulator(docs_app({}), strict=True)
    assert sim.strict is True


def test_an_untyped_value_falls_back_to_the_documented_default() -> None:
    """``background="maybe"`` is kept as written (12200); the default (``true``) applies."""
    sim = Simulator(docs_app({"/voice": '<Record background="maybe"/><Say>Hello</Say><Hangup/>'}))
    call = sim.call("/voice")
    assert call.said == ["Hello"]
    assert [r.background for r in call.transcript if isinstance(r, Recorded)] == [True]
    assert [(n.code, n.level) for n in call.notifications] == [(12200, "warning")]


def test_a_verb_code_fails_the_document_when_that_verb_runs() -> None:
    """13xxx/14xxx codes are raised by the verb's handler: what comes before it still runs."""
    doc = '<Say>Before</Say><Gather numDigits="-1"/><Say>After</Say>'
    call = Simulator(docs_app({"/voice": doc})).call("/voice")
    assert call.said == ["Before", "An error has occurred"]
    assert [(n.code, n.level) for n in call.notifications] == [(13314, "error")]
    assert call.status == "completed"


def test_a_verb_code_goes_to_the_fallback_url() -> None:
    doc = '<Say>Before</Say><Gather numDigits="-1"/><Say>After</Say>'
    sim = Simulator(docs_app({"/voice": doc, "/fb": "<Say>Fallback</Say>"}))
    call = sim.call("/voice", fallback_url="/fb")
    assert call.said == ["Before", "Fallback"]
    assert [n.code for n in call.notifications] == [13314, 12105]


def test_unknown_elements_are_skipped_and_reported() -> None:
    sim = Simulator(docs_app({"/voice": "<Speak>x</Speak><Say>Still here</Say><Hangup/>"}))
    call = sim.call("/voice")
    assert call.said == ["Still here"]
    assert [(n.code, n.level) for n in call.notifications] == [(12200, "warning")]


def test_errors_still_stop_the_document_in_the_lenient_reading() -> None:
    sim = Simulator(docs_app({"/voice": "<Response><Say>unclosed</Response>"}))
    call = sim.call("/voice")
    assert call.said == ["An error has occurred"]
    assert [(n.code, n.level) for n in call.notifications] == [(12100, "error")]


def test_a_bcp47_language_is_spoken_like_its_platform_code() -> None:
    sim = Simulator(docs_app({"/voice": '<Say voice="man" language="en-US">Hi</Say>'}))
    call = sim.call("/voice")
    spoken = [step for step in call.transcript if isinstance(step, Spoke)]
    assert [(s.text, s.voice, s.language) for s in spoken] == [("Hi", "male", "en")]
    assert call.notifications == []


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the reference corpus is not beside this clone")
def test_the_corpus_dial_music_document_plays_with_a_warning() -> None:
    """Document 044 (``dialMusic="dial music"``) is one the vendor's own users served."""
    [path] = CORPUS.glob("044-*.xml")
    body = path.read_text()
    assert {p.severity for p in check(body)} == {"warning"}
    sim = Simulator(docs_app({"/voice": body}))
    call = sim.call("/voice")
    assert [leg.target for leg in call.legs] == ["username@domain.com"]
    call.wait(30)
    assert any(isinstance(step, Dialed) for step in call.transcript)
    assert "Welcome to Avaya CPaaS!" in call.said
    warned = [n for n in call.notifications if n.level == "warning"]
    assert [n.code for n in warned] == [12200, 12200, 12200]  # dialMusic, confirmSound, digits
    assert all(isinstance(n, SimNotification) for n in call.notifications)
