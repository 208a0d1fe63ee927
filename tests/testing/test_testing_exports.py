"""``webhooks.testing`` re-exports the simulator's public names, including its step types."""

from __future__ import annotations

import typing

import webhooks.testing as package
from webhooks.testing import simulator
from webhooks.testing.simulator._model import Step


def test_dial_leg_pressed_and_sent_digits_import_from_the_package() -> None:
    from webhooks.testing import DialLeg, Pressed, SentDigits

    assert DialLeg is simulator.DialLeg
    assert Pressed is simulator.Pressed
    assert SentDigits is simulator.SentDigits
    assert {"DialLeg", "Pressed", "SentDigits"} <= set(package.__all__)


def test_every_public_class_of_the_simulator_module_is_re_exported() -> None:
    """``CallPlatform`` is a protocol for fake platforms, documented where it is defined."""
    for name in set(simulator.__all__) - {"CallPlatform"}:
        assert name in package.__all__, name
        assert getattr(package, name) is getattr(simulator, name), name


def test_every_transcript_step_type_is_exported() -> None:
    for kind in typing.get_args(Step):
        assert kind.__name__ in package.__all__, kind.__name__
        assert getattr(package, kind.__name__) is kind
        assert kind.__doc__, kind.__name__


def test_all_stays_one_sorted_list_of_existing_names() -> None:
    assert package.__all__ == sorted(package.__all__)
    assert len(package.__all__) == len(set(package.__all__))
    for name in package.__all__:
        assert hasattr(package, name), name
