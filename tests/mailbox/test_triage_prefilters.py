"""The abuse readings' prefilters (`literals.Guarded`) never turn away a sentence their
pattern matches.

A guard is a necessary condition: the required strings are read from the parsed pattern, and
the pattern runs only when one of them is in the sentence. These tests check that claim three
ways: against sentences written from every lexicon entry and every alternative of every
guarded pattern, against the corpora's own sentences, and for the case folding it relies on.
"""

from __future__ import annotations

import importlib
import json
import re
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mailbox.triage import literals, standing
from mailbox.triage.lexicon.standing import GROUPS
from mailbox.triage.literals import Guarded, folded, required

_parser: Any = importlib.import_module("re._parser")
_c: Any = importlib.import_module("re._constants")

_MODULES = ("standing", "remarks", "rules.discrimination", "rules.harassment", "intimidation",
            "menace", "rules.insult", "rules.threat", "rules.profanity", "people")
_CORPORA = Path(__file__).resolve().parent / "corpus"


def _guards() -> list[tuple[str, Guarded]]:
    found: list[tuple[str, Guarded]] = [(f"standing.{g}", p) for g, p in standing._patterns()]
    for name in _MODULES:
        module = importlib.import_module(f"mailbox.triage.{name}")
        for attr, value in vars(module).items():
            values = value if isinstance(value, tuple) else (value,)
            found += [(f"{name}.{attr}[{i}]", v) for i, v in enumerate(values)
                      if isinstance(v, Guarded)]
    return found


def _examples(items: Any, limit: int = 3000) -> list[str]:
    """Strings covering each alternative of a parsed pattern once (not every combination):
    each part takes each of its forms while the other parts keep their first."""
    parts = [_forms(op, av) for op, av in items]
    first = [p[0] if p else "" for p in parts]
    out = ["".join(first)]
    for i, forms in enumerate(parts):
        for form in forms[1:]:
            out.append("".join(first[:i]) + form + "".join(first[i + 1:]))
            if len(out) >= limit:
                return out
    return out


def _forms(op: Any, av: Any) -> list[str]:
    if op is _c.LITERAL:
        return [chr(av)]
    if op is _c.IN:
        return [_one_of(av)]
    if op is _c.ANY:
        return ["x"]
    if op is _c.SUBPATTERN:
        return _examples(av[3])
    if op is _c.ATOMIC_GROUP:
        return _examples(av)
    if op is _c.BRANCH:
        return [e for arm in av[1] for e in _examples(arm)]
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _, sub = av
        forms = [e * max(low, 1) for e in _examples(sub)]
        return ([""] if low == 0 else []) + forms
    if op is _c.AT and av is _c.AT_BOUNDARY:
        return [" ", ""]  # a word's edge: a space makes one wherever it falls
    return [""]  # zero width, or a back reference


def _one_of(items: Any) -> str:
    negate = any(o is _c.NEGATE for o, _ in items)
    if negate:
        excluded = {chr(v) for o, v in items if o is _c.LITERAL}
        return next(ch for ch in "xq zk" if ch not in excluded)
    for o, v in items:
        if o is _c.LITERAL:
            return chr(v)
        if o is _c.RANGE:
            return chr(v[0])
        if o is _c.CATEGORY:
            return {"CATEGORY_DIGIT": "1", "CATEGORY_SPACE": " "}.get(str(v), "x")
    return "x"


def _matched_examples(pattern: re.Pattern[str]) -> Iterator[str]:
    for example in _examples(_parser.parse(pattern.pattern, pattern.flags)):
        for text in (example, f"Well {example} then.", example.upper(), example.title()):
            if pattern.search(text):
                yield text


def test_every_standing_entry_passes_its_groups_guard() -> None:
    """Each idiom of `lexicon.standing`, written out in each of its alternatives, gets past
    the guard of its group's pattern wherever that pattern matches it."""
    guards = dict(standing._patterns())
    entries = unmatched = 0
    for group, phrases in GROUPS.items():
        guard = guards[group]
        for entry in standing._entries(phrases):
            entries += 1
            sentences = list(_matched_examples(re.compile(rf"\b({entry})", re.I)))
            unmatched += not sentences
            for sentence in sentences:
                if guard.pattern.search(sentence):
                    assert guard.may_match(sentence), (group, entry, sentence)
    assert entries >= 65 and unmatched == 0  # the examples do reach the entries


def test_every_alternative_of_a_guarded_pattern_passes_its_guard() -> None:
    """Each guarded pattern, written out in each of its alternatives, gets past its guard."""
    guards = _guards()
    unreached = []
    for name, guard in guards:
        sentences = list(_matched_examples(guard.pattern))
        unreached += [name] if not sentences else []
        for sentence in sentences:
            assert guard.may_match(sentence), (name, sentence)
    assert len(guards) > 60 and len(unreached) <= 3, unreached


def _corpus_sentences() -> list[str]:
    texts: set[str] = set()
    for path in sorted(_CORPORA.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                _strings(json.loads(line), texts)
    return sorted(t for text in texts for t in re.split(r"(?<=[.!?])\s+|\n+", text) if t)


def _strings(value: object, out: set[str]) -> None:
    if isinstance(value, str):
        out.add(value)
    elif isinstance(value, dict):
        for v in value.values():
            _strings(v, out)
    elif isinstance(value, list):
        for v in value:
            _strings(v, out)


def test_guards_pass_every_corpus_sentence_their_pattern_matches() -> None:
    sentences = _corpus_sentences()
    assert len(sentences) > 1000
    for name, guard in _guards():
        for sentence in sentences:
            if guard.pattern.search(sentence):
                assert guard.may_match(sentence), (name, sentence)


def test_folding_finds_every_character_a_case_blind_pattern_matches() -> None:
    """`re.I` matches "ı", "İ", "ſ" and the Kelvin sign to ASCII letters; `folded` must too."""
    everything = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    for ch in sorted(set(string.printable) | literals._CASELESS):
        for other in set(re.findall(re.escape(ch), everything, re.I)):
            assert folded(f"a{other}b") == f"a{ch.lower()}b", (ch, other)


def test_required_strings_of_small_patterns() -> None:
    assert required(re.compile(r"\bminc(e|es|ed)( about)?", re.I)) == {"mince"}
    assert required(re.compile(r"(should|ought to) be at home")) is not None
    assert required(re.compile(r"\w+ing\b")) == {"ing"}
    assert required(re.compile(r"\w+\b")) is None
    assert required(re.compile(r"(a|bc)?x")) == {"x"}
    assert required(re.compile(r"(foo|\w+)bar")) == {"bar"}


def test_a_guarded_pattern_answers_as_the_pattern() -> None:
    guard = literals.guarded(r"\b(saw|seen) (his|her) (kids|car)\b", re.I)
    for text in ("I SAW her car.", "I saw nothing", "Seen his kids", "ſaw her car"):
        assert bool(guard.search(text)) == bool(guard.pattern.search(text))
        assert [m.span() for m in guard.finditer(text)] == [
            m.span() for m in guard.pattern.finditer(text)]
        assert guard.sub("X", text) == guard.pattern.sub("X", text)
