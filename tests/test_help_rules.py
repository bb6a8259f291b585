"""The in-game help (F1) shows the rules generated from the tuning table, every one in
full: a test per rule that the help's text is the rule's sentence with the table's
numbers, drawn whole (wrapped, never cut); and every refusal reason is on its page."""

import re

import pygame
import pytest

from game.sim.api import REFUSALS, rule_lines, tuning
from game.view.app import App
from game.view.screens.help import HelpScreen, refusal_rows, rules_by_topic, shown_message

RULES = rule_lines()
_FIELD = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


@pytest.fixture(scope="module")
def help_screen():
    app = App(headless=True)
    h = HelpScreen(page="rules")
    app.push(h)
    return app, h


def _topic_index(h, topic):
    return [t for t, _s in h.topics].index(topic)


@pytest.mark.parametrize("i", range(len(tuning.RULES)),
                         ids=[f"{r.topic}-{n}" for n, r in enumerate(tuning.RULES)])
def test_the_help_shows_this_rule_with_the_tuning_numbers(help_screen, i):
    app, h = help_screen
    rule = tuning.RULES[i]
    topic, sentence = RULES[i]
    assert topic == rule.topic
    # the help holds the sentence the table makes ...
    k = _topic_index(h, topic)
    assert sentence in h.topics[k][1]
    # ... with every number the rule cites, as the tuning table has it now
    nums = tuning.numbers()
    for name in _FIELD.findall(rule.text):
        shown = tuning._show(name, nums[name])
        assert shown in sentence, (name, shown)
    assert "{" not in sentence
    # ... and draws it whole: its wrapped lines join back into the sentence
    h.topic = k
    h.draw(app.surface, 0.0)
    drawn = " ".join(h.drawn)
    assert sentence in drawn, "cut or missing on the rules page"


def test_every_rule_is_in_the_help_once_in_order():
    flat = [(t, s) for t, ss in rules_by_topic() for s in ss]
    assert flat == RULES


def test_the_rules_page_lines_are_the_sentences_in_full(help_screen):
    app, h = help_screen
    for k, (_topic, sentences) in enumerate(h.topics):
        h.topic = k
        h.draw(app.surface, 0.0)
        lines = [ln for ln in h.rule_lines_wrapped(k, 600)]
        text = " ".join(ln for ln in lines if ln)
        for s in sentences:
            assert s in text
        for ln in lines:
            assert h.f.size(ln)[0] <= 600 and "..." not in ln.replace("Alexey...", "")


def test_the_refusals_page_has_every_reason(help_screen):
    app, h = help_screen
    rows = refusal_rows()
    assert len([r for r in rows if r[0] != "Before the rules are asked"]) == len(REFUSALS)
    h.page = "refusals"
    text = []
    h.scroll = 0
    while True:  # scroll through the page as a player would
        h.draw(app.surface, 0.0)
        text += h.drawn
        if h.scroll >= h._max_scroll:
            break
        h.handle_event(pygame.event.Event(pygame.KEYDOWN, key=pygame.K_PAGEDOWN, mod=0,
                                          unicode=""))
    joined = " ".join(text)
    for _g, msg, _why in rows:
        first = shown_message(msg).split()[:3]
        assert " ".join(first) in joined, msg
    assert "<crew> is restrained" in joined
    assert f"{tuning.BOND_REFUSE}+ will not restrain each other" in joined
