"""The simulator's house rules: one verb table, that runs every verb of the spec, and an SMS
reply that runs only messages and redirects (the rules of every package are checked in
``tests/test_house.py``)."""

from __future__ import annotations

from inboundxml.spec import ELEMENTS
from webhooks.testing.simulator._table import MESSAGING, VOICE, not_in_sms


def test_the_voice_table_runs_every_child_of_response() -> None:
    assert set(VOICE.handlers) == set(ELEMENTS["Response"].children)


def test_every_element_of_the_spec_is_the_root_a_verb_or_a_noun_of_a_verb() -> None:
    nouns = {child for verb in VOICE.handlers for child in ELEMENTS[verb].children}
    assert len(ELEMENTS) == 23
    assert set(ELEMENTS) == {"Response"} | set(VOICE.handlers) | nouns


def test_an_sms_reply_runs_only_messages_and_redirects() -> None:
    assert set(MESSAGING.handlers) == set(VOICE.handlers)
    running = {tag for tag, handler in MESSAGING.handlers.items() if handler is not not_in_sms}
    assert running == {"Sms", "Mms", "Redirect"}
