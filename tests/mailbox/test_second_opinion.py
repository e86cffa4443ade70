"""The learned second opinion on abuse: it reproduces its trainer, is fitted on the corpora
in the repository, only ever adds a flag, and says so in the reason.

The message below is invented for these tests; none is taken from a corpus.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from mailbox.triage import Incoming
from mailbox.triage.classify import triage, triage_by_rules
from mailbox.triage.corpus import read_corpus
from mailbox.triage.model import Correspondence
from mailbox.triage.second_opinion import (
    WEIGHTS,
    only_learned,
    probability,
    second_opinion,
    weights,
)
from tests.mailbox.triage_helpers import QUAY_ROAD, QUAY_ROAD_WRITTEN, triage_quay_road

CORPORA = Path(__file__).resolve().parent / "corpus"
SHIPPED = json.loads(WEIGHTS.read_text(encoding="utf-8"))

# Knows the officer's family and routine, and proposes to meet them: a veiled threat in
# words no flag rule holds.
VEILED = ("Pass this to Debbie in parking. Saw her Sunday at the garden centre with her two "
          "little lads, half eleven. Lovely boys. She should think about them when she is "
          "handing out fines to families. Maybe I will say hello next time.")


def test_the_runtime_gives_the_probabilities_scikit_learn_gave() -> None:
    checks = SHIPPED["checks"]
    t = weights().threshold
    assert any(c["p"] >= t for c in checks) and any(c["p"] < t for c in checks)
    for check in checks:
        assert probability(check["text"]) == pytest.approx(check["p"], abs=1e-4), check["text"]


def test_the_weights_were_fitted_on_the_corpora_in_the_repository() -> None:
    """An edited or added corpus needs `bench/train_second_opinion.py` run again."""
    fitted = {c["corpus"]: c["sha256"] for c in SHIPPED["trained_on"]}
    here = {p.stem: hashlib.sha256(p.read_bytes()).hexdigest() for p in CORPORA.glob("*.jsonl")}
    assert {k: fitted.get(k) for k in here} == here


def test_abuse_the_rules_miss_is_flagged_and_the_reason_says_who_flagged_it() -> None:
    message = Incoming("T-1", QUAY_ROAD_WRITTEN, "sam@example.net", "RE: Fine", VEILED)
    by_rules, _ = triage_by_rules(message, QUAY_ROAD)
    decision = triage(message, QUAY_ROAD)
    assert not by_rules.abusive
    assert decision.abusive
    assert (decision.action, decision.category) == (by_rules.action, by_rules.category)
    assert decision.hits[-1].rule == "learned-abuse"
    assert decision.hits[-1].evidence in VEILED
    assert decision.reason.startswith(by_rules.reason)
    assert "possibly abusive towards staff (p=0." in decision.reason
    assert decision.reason.endswith("The manager is asked to read it and judge.")
    assert only_learned(decision.hits) and not only_learned(by_rules.hits)


# Criticism of staff and insults at third parties that the rules rightly leave alone, but
# the model (which reads words, not whom they are aimed at) puts to the manager. Pinned so
# a retrain that fixes one shows up (strict: an unexpected pass fails), and so the count of
# such questions is on record; the manager is asked "may be abusive", nothing is recorded.
KNOWN_FALSE_QUESTIONS = [
    "Your appeals officer should be sacked for refusing it.",
    "I hope your officer realises how bad this decision is.",
    "The appeals officer is a decent woman who made a bad call on Quay Road.",
    "Your officer made a remark about my accent, which I found hurtful.",
    "I know where your parking office is; I have queued there twice.",
    "It would be a shame if my car got wrecked again by your pothole.",
    "I am British and I was born here, and the officer should be deciding my appeal fairly.",
    "Would you put your kids in a flat like that?",
]


@pytest.mark.xfail(strict=True, reason="the second opinion reads words, not their target")
@pytest.mark.parametrize("body", KNOWN_FALSE_QUESTIONS)
def test_criticism_of_staff_is_not_put_to_the_manager(body: str) -> None:
    assert not triage_quay_road(body).abusive


def test_the_second_opinion_never_changes_where_an_email_goes() -> None:
    """Over every corpus in the repository: same action, category, new sentences and rule
    hits; a flag may be added, never taken away."""
    added = 0
    for path in sorted(CORPORA.glob("*.jsonl")):
        for case in read_corpus(path):
            context = case.context
            for item in case.incoming:
                by_rules, sentences = triage_by_rules(item.message, context)
                decision = second_opinion(by_rules, sentences)
                assert decision.action == by_rules.action
                assert decision.category == by_rules.category
                assert decision.new_sentences == by_rules.new_sentences
                assert decision.hits[: len(by_rules.hits)] == by_rules.hits
                assert decision.abusive >= by_rules.abusive
                added += decision.abusive and not by_rules.abusive
                m = item.message
                seen = Correspondence(m.date, m.sender, m.subject, m.body)
                context = replace(context, history=(*context.history, seen))
    # Fitted on these corpora, the model adds few flags to them; a flood means a broken file.
    assert 0 < added < 40


def test_the_weights_match_a_refit() -> None:
    """Only where scikit-learn is installed (training needs it, Forewarn does not)."""
    pytest.importorskip("sklearn")
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
    import train_second_opinion as trainer

    paths = trainer.corpora()
    by_corpus = {p.stem: trainer.read(p) for p in paths}
    emails = [e for p in paths for e in by_corpus[p.stem]]
    t = trainer.threshold(emails, trainer.leave_one_out(by_corpus, sorted(by_corpus)))
    fresh = trainer.weights_file(emails, trainer.fit(emails), t, paths)
    assert trainer.same(SHIPPED, fresh) == []
