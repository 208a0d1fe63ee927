"""Benchmark: build + serialize and parse + validate InboundXML, against raw lxml and twilio.

Run ``python benchmarks/build.py``. Ours and each baseline are timed in alternation, a batch
of each per round; every time is the median µs per operation over the rounds and every ratio
the median of the rounds' ratios, all measured in the same run and printed as markdown
tables: build + serialize against raw lxml, the strict parse against bare
``lxml.etree.fromstring`` of the same bytes, and the lenient parse (``strict=False``) of the
same valid document against the strict one.
"""

from __future__ import annotations

import statistics
import sys
import time
import timeit
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from inboundxml import parse
from inboundxml.verbs import (
    Dial,
    Gather,
    Number,
    Pause,
    Play,
    Redirect,
    Response,
    Say,
)

try:
    from twilio.twiml.voice_response import VoiceResponse
except ImportError:  # pragma: no cover - optional benchmark dependency
    VoiceResponse = None

REPEAT = 15
AUDIO = "https://example.com/audio/hold.mp3"
NUMBERS = [f"+1555123450{i}" for i in range(5)]
ROTATION = 199  # + Response + Dial + 5 Numbers = 206 elements


def ours_small() -> bytes:
    return Response(
        Gather(
            Say("Press 1 for sales, 2 for support", voice="female"),
            Play(AUDIO),
            action="/menu",
            num_digits=1,
            timeout=5,
        ),
        Say("We did not get your answer"),
        Redirect("/voice"),
    ).to_bytes()


def lxml_small() -> bytes:
    root = etree.Element("Response")
    gather = etree.SubElement(
        root, "Gather", action="/menu", timeout="5", numDigits="1", input="dtmf"
    )
    etree.SubElement(gather, "Say", voice="female").text = "Press 1 for sales, 2 for support"
    etree.SubElement(gather, "Play").text = AUDIO
    etree.SubElement(root, "Say").text = "We did not get your answer"
    etree.SubElement(root, "Redirect").text = "/voice"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def twilio_small() -> bytes:
    response = VoiceResponse()
    gather = response.gather(action="/menu", num_digits=1, timeout=5)
    gather.say("Press 1 for sales, 2 for support", voice="female")
    gather.play(AUDIO)
    response.say("We did not get your answer")
    response.redirect("/voice")
    return str(response).encode()


def ours_large(tag: str = "", audio: str = AUDIO) -> bytes:
    children: list[Say | Play | Pause | Dial] = []
    for i in range(ROTATION):
        kind = i % 3
        if kind == 0:
            children.append(Say(f"Message {tag}number {i}", loop=1))
        elif kind == 1:
            children.append(Play(audio))
        else:
            children.append(Pause(length=1))
    children.append(Dial(*(Number(n) for n in NUMBERS), timeout=20))
    return Response(*children).to_bytes()


def lxml_large(tag: str = "", audio: str = AUDIO) -> bytes:
    root = etree.Element("Response")
    for i in range(ROTATION):
        kind = i % 3
        if kind == 0:
            etree.SubElement(root, "Say", loop="1").text = f"Message {tag}number {i}"
        elif kind == 1:
            etree.SubElement(root, "Play").text = audio
        else:
            etree.SubElement(root, "Pause", length="1")
    dial = etree.SubElement(root, "Dial", timeout="20")
    for n in NUMBERS:
        etree.SubElement(dial, "Number").text = n
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def twilio_large() -> bytes:
    response = VoiceResponse()
    for i in range(ROTATION):
        kind = i % 3
        if kind == 0:
            response.say(f"Message number {i}", loop=1)
        elif kind == 1:
            response.play(AUDIO)
        else:
            response.pause(length=1)
    dial = response.dial(timeout=20)
    for n in NUMBERS:
        dial.number(n)
    return str(response).encode()


def fresh_texts(count: int) -> list[tuple[str, str]]:
    """The arguments of ``ours_large`` and ``lxml_large`` for ``count`` documents whose texts
    are each new to every document before them."""
    return [(f"{n} ", f"{AUDIO}?n={n}") for n in range(count)]


class Paired(NamedTuple):
    """Ours and a baseline timed in alternation: median µs of each, and the median of the
    rounds' ratios (each round times ours and the baseline back to back, so a busy moment of
    the machine weighs on both sides of its ratio alike)."""

    ours: float
    baseline: float
    ratio: float


def _paired(runs: list[list[float]]) -> Paired:
    ratios = [a / b for a, b in zip(runs[0], runs[1], strict=True)]
    return Paired(statistics.median(runs[0]), statistics.median(runs[1]), statistics.median(ratios))


def paired_each_us(
    ours: Callable[..., object],
    baseline: Callable[..., object],
    inputs: Sequence[tuple[object, ...]],
) -> Paired:
    """µs per input of ``ours(*input)`` and ``baseline(*input)``, each run once on every input
    per round (so nothing is ever seen twice within a round)."""
    runs: list[list[float]] = [[], []]
    for _ in range(REPEAT):
        for index, func in enumerate((ours, baseline)):
            start = time.perf_counter()
            for args in inputs:
                func(*args)
            runs[index].append((time.perf_counter() - start) / len(inputs) * 1e6)
    return _paired(runs)


def count_elements(data: bytes) -> int:
    return sum(1 for _ in etree.fromstring(data).iter())


def median_us(func: Callable[[], object]) -> float:
    timer = timeit.Timer(func)
    number, _ = timer.autorange()
    runs = timer.repeat(repeat=REPEAT, number=number)
    return statistics.median(runs) / number * 1e6


def paired_us(ours: Callable[[], object], baseline: Callable[[], object]) -> Paired:
    """µs per call of ``ours`` and of ``baseline``: each round times one batch of each."""
    timers = [timeit.Timer(ours), timeit.Timer(baseline)]
    numbers = [timer.autorange()[0] for timer in timers]
    runs: list[list[float]] = [[], []]
    for _ in range(REPEAT):
        for index, timer in enumerate(timers):
            runs[index].append(timer.timeit(numbers[index]) / numbers[index] * 1e6)
    return _paired(runs)


def main() -> int:
    assert count_elements(ours_small()) == 6
    assert count_elements(ours_large()) == 206
    assert etree.tostring(etree.fromstring(ours_small())) == etree.tostring(
        etree.fromstring(lxml_small())
    ), "the lxml baseline must build the same tree"
    rows: list[tuple[str, Paired, float | None]] = []
    parse_rows: list[tuple[str, Paired]] = []
    lenient_rows: list[tuple[str, Paired]] = []
    cases = [
        ("IVR menu (6 elements)", ours_small, lxml_small, twilio_small),
        ("document (206 elements)", ours_large, lxml_large, twilio_large),
    ]
    for name, ours, raw, twilio in cases:
        build = paired_us(ours, raw)
        t_twilio = median_us(twilio) if VoiceResponse is not None else None
        rows.append((name, build, t_twilio))
        data = ours()
        assert parse(data).to_bytes() == data
        parse_rows.append(
            (
                name,
                paired_us(
                    lambda data=data: parse(data),  # type: ignore[misc]
                    lambda data=data: etree.fromstring(data),  # type: ignore[misc]
                ),
            )
        )
        assert parse(data, strict=False) == parse(data)
        lenient_rows.append(
            (
                name,
                paired_us(
                    lambda data=data: parse(data, strict=False),  # type: ignore[misc]
                    lambda data=data: parse(data),  # type: ignore[misc]
                ),
            )
        )

    print("## Build + serialize (validated) vs raw lxml and twilio `VoiceResponse`\n")
    print("| document | inboundxml µs | raw lxml µs | twilio µs | vs lxml | vs twilio |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, build, t_twilio in rows:
        tw = f"{t_twilio:.1f}" if t_twilio is not None else "n/a"
        tw_ratio = f"{build.ours / t_twilio:.2f}x" if t_twilio is not None else "n/a"
        print(
            f"| {name} | {build.ours:.1f} | {build.baseline:.1f} | {tw} "
            f"| {build.ratio:.2f}x | {tw_ratio} |"
        )
    new = paired_each_us(ours_large, lxml_large, fresh_texts(400))
    print("\n(each document built once, every text new to the builder: texts never seen)\n")
    print("| document | inboundxml µs | raw lxml µs | vs lxml |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| document (206 elements, texts never seen) | {new.ours:.1f} | {new.baseline:.1f} "
        f"| {new.ratio:.2f}x |"
    )
    print("\n## Parse + validate vs bare `lxml.etree.fromstring` of the same bytes\n")
    print("| document | inboundxml.parse µs | fromstring µs | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for name, timed in parse_rows:
        print(f"| {name} | {timed.ours:.1f} | {timed.baseline:.1f} | {timed.ratio:.2f}x |")

    fresh = [ours_large(*texts) for texts in fresh_texts(400)]
    assert len({parse(data).children[0].text for data in fresh}) == len(fresh)
    unseen = paired_each_us(parse, etree.fromstring, [(d,) for d in fresh])
    print("\n(each document parsed once, every text new to the parser: a document never seen)\n")
    print("| document | inboundxml.parse µs | fromstring µs | ratio |")
    print("| --- | ---: | ---: | ---: |")
    print(
        f"| document (206 elements, never seen) | {unseen.ours:.1f} | {unseen.baseline:.1f} "
        f"| {unseen.ratio:.2f}x |"
    )

    print("\n## Lenient parse (`strict=False`) vs strict parse of the same valid document\n")
    print("| document | lenient µs | strict µs | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for name, timed in lenient_rows:
        print(f"| {name} | {timed.ours:.1f} | {timed.baseline:.1f} | {timed.ratio:.2f}x |")

    print("\n## Targets\n")
    print("| target | result |")
    print("| --- | --- |")
    worst_build = max(build.ratio for _, build, _ in rows)
    worst_parse = max(timed.ratio for _, timed in parse_rows)
    worst_lenient = max(timed.ratio for _, timed in lenient_rows)
    for label, value, limit in (
        ("validated build+serialize ≤ 1.0x raw lxml (required)", worst_build, 1.0),
        ("validated build+serialize ≤ 0.5x raw lxml (goal)", worst_build, 0.5),
        ("strict parse+validate ≤ 3x bare fromstring", worst_parse, 3.0),
        ("lenient parse of a valid document ≤ 1.1x strict", worst_lenient, 1.1),
    ):
        verdict = "met" if value <= limit else "NOT met"
        print(f"| {label} | {value:.2f}x — {verdict} |")
    if VoiceResponse is None:
        print("\n(twilio is not installed: `pip install -e '.[bench]'` for that column)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
