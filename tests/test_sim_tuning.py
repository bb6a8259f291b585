"""One table of rules: every number in game.sim.tuning reaches the player.

The help overlay and the README's rules section are generated from ``tuning.RULES``;
these tests fail if a number has no sentence, a sentence names no number that exists,
the help shows something else, or the README's section is stale.
"""

import re
from pathlib import Path

from game.sim import tuning as tn

README = Path(__file__).resolve().parents[1] / "README.md"


def test_every_number_is_in_a_rule_the_player_reads():
    cited = set()
    for rule in tn.RULES:
        cited |= set(re.findall(r"\{([A-Z][A-Z0-9_]*)\}", rule.text))
    numbers = set(tn.numbers())
    assert cited <= numbers, cited - numbers
    assert numbers - cited == set(), f"numbers no rule tells the player: {numbers - cited}"


def test_sentences_carry_the_numbers_in_their_units():
    text = " ".join(t for _topic, t in tn.rule_lines())
    assert "{" not in text and "}" not in text
    assert f"{tn.duration(tn.RESTRAIN_S)}" in text and "30 s" in text
    assert "10 min" in text and "0.5 m/s" in text and "3 h" in text
    assert tn.duration(90) == "90 s" and tn.duration(600) == "10 min"
    assert tn.duration(5400) == "1 h 30 min" and tn.duration(4 * 3600) == "4 h"


def test_each_rule_says_what_its_numbers_are(monkeypatch):
    """Change a number and the sentence changes with it: the text is not a copy."""
    def capture_rule():
        return next(t for _topic, t in tn.rule_lines() if "take it" in t)

    before = capture_rule()
    monkeypatch.setattr(tn, "CAPTURE_S", 75)
    after = capture_rule()
    assert "for 75 s take it" in after and before != after


def test_the_readme_rules_section_is_the_generated_one():
    text = README.read_text()
    start = text.index("<!-- rules:begin -->") + len("<!-- rules:begin -->\n")
    end = text.index("<!-- rules:end -->")
    assert text[start:end] == tn.rules_markdown(), (
        "README's rules are stale: regenerate them with `python -m game.sim.tuning`")
