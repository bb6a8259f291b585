"""Every number of the rules, once, and the sentences that tell the player about them.

The rules modules (``tasks``, ``control``, ``world``, ``war``, ``crew``) read their numbers
from here and nowhere else; the in-game help, the HUD's explanations and the README's
rules section are generated from :data:`RULES` (``rule_lines()``), and
``tests/test_sim_tuning.py`` checks that every number here appears in a rule the player
can read. A name says its unit: ``_S`` mission seconds, ``_M_S`` metres per second,
``_DEG`` degrees; a bare name is a count or points on a 0-100 scale.

Change a number here and the rules, the help and the README change with it (and the
golden replays in ``tests/test_sim_golden.py`` fail until ``RULES_VERSION`` is bumped).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass

#: Version of the rules, the numbers and the data they read (cities.csv, game.facts). A
#: replay records it and can only be re-simulated by a build with the same value.
RULES_VERSION = 5

# ---- time -------------------------------------------------------------------------------
DEFAULT_MAX_TICKS = 54_000  # a game's length: 15 h of mission time (ten orbits)

# ---- moving -----------------------------------------------------------------------------
SPEED_M_S = 0.5  # crew float through a module at this speed
HATCH_S = 5  # to pass through, open or close a hatch
FORCE_S = 120  # to force a hatch sealed from the other side (the forcer ends up through)
SEAL_TRUST = -5  # sealing a hatch against the other side

# ---- asking a guest to leave (before the orders) ----------------------------------------
ESCORT_S = 20
ESCORT_BAR_S = 900  # the escorted crew member may not come back into that segment
ESCORT_TRUST = -2

INTRUSION_S = 60  # crew with orders this long in your command module or vehicle: self-defence

# ---- force ------------------------------------------------------------------------------
RESTRAIN_S = 30  # the attempt: attacker and target are locked together meanwhile
HOME_DEFENCE = 1  # defenders in a module their side holds count one more (not if surprised:
#                   their side may not use force yet)
PARTNER_DEFENCE = 1  # a neutral partner present counts for whoever is attacked
PIN_S = 60  # a failed attacker is pinned (out of action) this long
BRACE_S = 30  # ... and the one who fought them off may not be grabbed again this long
RESTRAIN_TRUST = -15
RESTRAIN_STRESS = 5  # for the attacker
RESTRAINED_STRESS = 15  # for the one restrained
PINNED_STRESS = 10
FREE_S = 60  # a crewmate frees a restrained crew member (no enemy present)

# ---- talking ----------------------------------------------------------------------------
TALK_S = 60
TALK_TRUST = 4  # across the divide, the first talk of a pair in TALK_REPEAT_S
TALK_TRUST_REPEAT = 1  # ... and each talk of that pair after it, until TALK_REPEAT_S passed
TALK_REPEAT_S = 600
TALK_BOND = 8  # a talk across the divide brings the two closer
TALK_LOYALTY = -2  # both across the divide doubt their orders a little ...
TALK_LOYALTY_FLOOR = 50  # ... but talk alone never takes loyalty below this (the war can)
TALK_CALM_ACROSS = 5  # stress off both, across the divide
TALK_CALM_WITHIN = 10  # stress off both, within a side ...
AIR_SHORT_S = 5400  # ... but not while the air is short: no oxygen made, or less reserve

# ---- partner crew (international) -------------------------------------------------------
LEAN_PER_TALK = 10  # a side's talk moves a partner toward it (once per TALK_REPEAT_S)
JOIN_AT = 60  # lean at which a partner joins a side, once the war has begun ...
JOIN_MARGIN = 30  # ... and only if they lean that much more toward it than the other
LEAVE_AT = 30  # a joined partner whose lean falls below this goes neutral again
LEAN_FORCE_SEEN = -15  # a partner who sees a side use force leans away from it
AGENCY_CALM = 10  # each pass over a partner's own agency: their leans fade by this
PARTNER_CALL_TRUST = 2  # ... and the agency's call for calm lifts trust

# ---- bonds between named crew -----------------------------------------------------------
BOND_REFUSE = 60  # at or above: they will not restrain each other
BOND_ESCAPE = 50  # at or above: they may leave together in a vehicle (the grey ending)
BOND_FORCE = -25  # one of them uses force on the other

# ---- leaving ----------------------------------------------------------------------------
LEAVE_S = 60  # to undock a vehicle

# ---- systems and life support -----------------------------------------------------------
SYSTEM_S = 30  # to take a system offline or restore it
CUT_TRUST = -10
POWER_DRIFT_S = 1800  # attitude control off this long: the arrays drift, power is low
O2_RESERVE_S = 3 * 3600  # the station's oxygen reserve with no generator working
O2_STRESS = 5  # stress on everyone aboard each O2_STRESS_S while the reserve runs down
O2_STRESS_S = 1200
DEBRIS_WINDOW_S = 2700  # from a debris warning to the cloud's arrival

# ---- control ----------------------------------------------------------------------------
CAPTURE_S = 60  # one side alone in a module this long takes it (once it may use force)
SEIZE_S = 600  # hold both command modules this long, no enemy inside: the station is yours

# ---- trust and truce --------------------------------------------------------------------
TRUST_START = 50
TRUCE_AT = 80
TRUCE_S = 600

# ---- the ground -------------------------------------------------------------------------
ORDER_STRESS = 20
CONTACT_CALM = 10  # each later pass over your mission control eases your crew's stress

# ---- the war ----------------------------------------------------------------------------
FIRST_SALVO_S = (600, 1200)  # the war begins 10-20 min in, where the station can see it
FIRST_SALVO_LATEST_S = 3 * 3600  # ... or at the first moment after that it can (at most 3 h)
ORDER_DELAY_S = (300, 900)  # each mission control sends its order this long after
MISSION_CONTROL_STRIKE_S = (5 * 3600, 9 * 3600)
AFTER_ORDER_PASS_S = (1200, 3600)  # ... but never sooner than this after its order's pass
PARTNER_CENTRE_STRIKE_S = (4 * 3600, 10 * 3600)
ASAT_S = (2 * 3600, 8 * 3600)  # an anti-satellite test: a debris warning
GLOW_DEG = 35.0  # a night flash this far from the sub-satellite point lights the horizon
FLASH_TRUST = -2
FLASH_NIGHT_TRUST = -4
FLASH_STRESS = 3  # stress of a witnessed flash, per point of its magnitude (1-3) ...
CUPOLA_FLASH_X = 3  # ... seen from the Cupola, times this
NIGHT_FLASH_X = 2  # and on the night side, times this
GLOW_STRESS = 2
OWN_BLOC_LOYALTY = 2  # seeing your own side's cities burn hardens you
OTHER_BLOC_LOYALTY = -2  # seeing what your side did to theirs makes you doubt

# ---- stress -----------------------------------------------------------------------------
STRESS_LIMIT_BASE = 25  # over BASE + loyalty * PER_LOYALTY / 100 a crew member refuses force
STRESS_LIMIT_PER_LOYALTY = 40
CALM_S = 1800  # every this long without a fight aboard ...
CALM_STRESS = 2  # ... everyone's stress eases this much


@dataclass(frozen=True)
class Rule:
    """One sentence of the rules a player reads; ``{NAME}`` fields are numbers above."""

    topic: str
    text: str


RULES: tuple[Rule, ...] = (
    Rule("Acts", "Act 1, routine: nobody may use force (restrain, seal a hatch, cut a "
         "system) until their side's order arrives or the ground goes dark. A side that is "
         "attacked before its order may defend itself, inside its own segment and its "
         "vehicle, and anywhere against an attacker pinned beside them. Act 2, orders. "
         "Act 3, dark: both mission controls are struck; anyone may use force anywhere."),
    Rule("Orders", "The war begins {FIRST_SALVO_S} in, where the station can see it (at "
         "the latest {FIRST_SALVO_LATEST_S}). Each mission control sends its order "
         "{ORDER_DELAY_S} later; it reaches the crew at the next pass of the ISS over that "
         "mission control, so the real orbit decides who hears first."),
    Rule("Orders", "An order is secret: it adds {ORDER_STRESS} stress to that side's crew, "
         "and the other side learns of it only from its own mission control (at its own "
         "order's pass, or any pass after), when that side first uses force, or when the "
         "ground goes dark."),
    Rule("Passes", "Every later pass over your own mission control: your crew's stress "
         "eases by {CONTACT_CALM}, and the ground restores, remotely, the systems of your "
         "segment the other side cut, where no free enemy stands."),
    Rule("Passes", "Mission controls are struck {MISSION_CONTROL_STRIKE_S} in, never sooner "
         "than {AFTER_ORDER_PASS_S} after their pass with the order; partner centres "
         "{PARTNER_CENTRE_STRIKE_S} in. A struck centre is silent."),
    Rule("Moving", "Crew float at {SPEED_M_S} through modules and take {HATCH_S} at each "
         "hatch. A closed hatch blocks; forcing one sealed from the other side takes "
         "{FORCE_S} and the forcer ends up through it."),
    Rule("Hatches", "Sealing a hatch is force: {HATCH_S}, never with a free enemy in "
         "either module, {SEAL_TRUST} trust."),
    Rule("Guests", "Before the orders you may ask a guest to leave: a crew member of the "
         "other side in your segment, whose side has no order yet, is shown back to their "
         "own segment in {ESCORT_S} if your free crew there are at least as many as theirs. "
         "They may not come back into your segment for {ESCORT_BAR_S}. {ESCORT_TRUST} trust."),
    Rule("Guests", "Crew whose side may use force who stay {INTRUSION_S} in your command "
         "module or your vehicle are intruders: your side may defend itself against them "
         "(force in your own segment), with or without an order."),
    Rule("Force", "Restrain: {RESTRAIN_S}, attacker and target locked together. The odds are "
         "fixed when it starts: attackers / (attackers + defenders), counting the crew "
         "of each side in the module who are free (not restrained, not pinned) and not "
         "locked in another struggle; defenders in a module their side holds count "
         "{HOME_DEFENCE} more, unless taken by surprise (their side may not use force at "
         "all yet), and a neutral partner present counts {PARTNER_DEFENCE} for the defence."),
    Rule("Force", "A failed attacker is pinned for {PIN_S}: out of action, no defender, and "
         "open to be restrained by anyone present (their free crewmates there still defend "
         "them); the one who fought them off has the upper hand for {BRACE_S}: not to be "
         "grabbed again meanwhile. A restrained crew member is freed by a crewmate in "
         "{FREE_S} with no enemy present."),
    Rule("Force", "A restraint attempt costs {RESTRAIN_TRUST} trust, {RESTRAIN_STRESS} "
         "stress to the attacker; {RESTRAINED_STRESS} to the one restrained, "
         "{PINNED_STRESS} to one pinned."),
    Rule("Control", "One side's free crew alone in a module for {CAPTURE_S} take it, once "
         "that side may use force (never in act 1)."),
    Rule("Control", "Hold Destiny and Zvezda, the two command modules, with no free enemy "
         "inside either, for {SEIZE_S}: the station is yours."),
    Rule("Talk", "Talk: {TALK_S}. Across the divide: stress off both {TALK_CALM_ACROSS}; "
         "{TALK_TRUST} trust, bond {TALK_BOND} and loyalty {TALK_LOYALTY} for both, never "
         "below {TALK_LOYALTY_FLOOR} by talk (a pair that talked in the last "
         "{TALK_REPEAT_S}: {TALK_TRUST_REPEAT} trust only). Within a side: stress off both "
         "{TALK_CALM_WITHIN}, once a pair per {TALK_REPEAT_S}. No talk calms anyone while "
         "the air is short (no oxygen made, or a reserve under {AIR_SHORT_S})."),
    Rule("Truce", "Trust starts at {TRUST_START}. A truce holds when trust stays at "
         "{TRUCE_AT} or more for {TRUCE_S} once both sides have their orders and each has "
         "talked across the divide since; any force breaks it."),
    Rule("Bonds", "Named crew have bonds across the divide (Gordon and Weronika, Kira and "
         "Alexey...). At {BOND_REFUSE} or more they refuse to restrain each other; force "
         "between them costs {BOND_FORCE}."),
    Rule("Bonds", "A vehicle may leave with crew of both sides aboard when every one of "
         "them has a bond of {BOND_ESCAPE} or more with someone aboard from the other side: "
         "they leave together."),
    Rule("Stress", "A crew member refuses force when their stress is over "
         "{STRESS_LIMIT_BASE} + loyalty x {STRESS_LIMIT_PER_LOYALTY} / 100 (the white tick "
         "on their bar), but still restrains an enemy pinned beside them. Every {CALM_S} "
         "without a fight aboard, stress eases {CALM_STRESS}."),
    Rule("War", "A flash inside the station's horizon adds {FLASH_STRESS} stress per point of "
         "its magnitude (1-3) to everyone aboard, times {CUPOLA_FLASH_X} in the Cupola and "
         "{NIGHT_FLASH_X} at night; trust "
         "{FLASH_TRUST} ({FLASH_NIGHT_TRUST} at night). A night flash within {GLOW_DEG} "
         "lights the horizon: {GLOW_STRESS} stress."),
    Rule("War", "A witnessed strike on your own side's city: loyalty {OWN_BLOC_LOYALTY}; one "
         "your side struck: loyalty {OTHER_BLOC_LOYALTY}."),
    Rule("Systems", "Take a system offline or restore it: {SYSTEM_S} in its module. Cutting "
         "needs your side to hold the module and costs {CUT_TRUST} trust; restoring needs "
         "no free enemy there. Elektron (Zvezda) runs on the US power feed (Destiny); "
         "attitude control off for {POWER_DRIFT_S} leaves the arrays off the Sun: power low, "
         "no feed and no US oxygen until it is back."),
    Rule("Oxygen", "With no oxygen generator working the station's {O2_RESERVE_S} reserve "
         "runs down, {O2_STRESS} stress to all every {O2_STRESS_S}; at zero the station is "
         "lost. While a generator works it refills as fast."),
    Rule("Debris", "An anti-satellite test {ASAT_S} in sends a debris cloud: "
         "{DEBRIS_WINDOW_S} later attitude control must be working for the avoidance burn, "
         "or the station is lost."),
    Rule("Partners", "Partner crew (international) start neutral. A side's talk moves a "
         "partner {LEAN_PER_TALK} toward it; seeing a side use force, {LEAN_FORCE_SEEN}; "
         "each pass over their own agency fades both leans by {AGENCY_CALM} and lifts "
         "trust {PARTNER_CALL_TRUST}. Once the war has begun they join a side at "
         "{JOIN_AT} if they lean {JOIN_MARGIN} more toward it, and go neutral again below "
         "{LEAVE_AT}."),
    Rule("Leaving", "Leave: {LEAVE_S} to undock, from inside your own vehicle once the war "
         "has begun, with every "
         "free crew member of your side aboard (or the vehicle full) and no enemy aboard "
         "that is not bonded: the other side keeps the station. A vehicle the other side "
         "has taken (like any module) does not undock for you: secure your way home."),
    Rule("Time", "A game lasts {DEFAULT_MAX_TICKS} of mission time; then it is a "
         "stalemate."),
)


def duration(seconds: int) -> str:
    """Mission seconds in words: "30 s", "10 min", "1 h 30 min", "4 h"."""
    s = int(seconds)
    if s < 120 and s % 60:
        return f"{s} s"
    if s < 3600:
        return f"{s // 60} min" if s % 60 == 0 else f"{s // 60} min {s % 60} s"
    h, m = divmod(s // 60, 60)
    return f"{h} h" if m == 0 else f"{h} h {m} min"


def _show(name: str, value) -> str:
    if name.endswith("_M_S"):
        return f"{value:g} m/s"
    if name.endswith(("_S", "_TICKS")):
        if isinstance(value, tuple):
            lo, hi = value
            a, b = duration(lo), duration(hi)
            ua, ub = a.split()[-1], b.split()[-1]
            if ua == ub and len(a.split()) == 2 and len(b.split()) == 2:
                return f"{a.split()[0]}-{b}"
            return f"{a} to {b}"
        return duration(value)
    if name.endswith("_DEG"):
        return f"{value:g} degrees"
    if name.endswith("_X"):
        return f"x{value}"
    if isinstance(value, int) and value > 0 and name.endswith(("_TRUST", "_BOND", "_LOYALTY")) \
            and "_PER_" not in name:
        return f"+{value}"
    return f"{value:g}" if isinstance(value, float) else str(value)


_FIELD = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def numbers() -> dict[str, object]:
    """Every tuning number by name (what the rule sentences may cite)."""
    mod = sys.modules[__name__]
    return {k: v for k, v in vars(mod).items()
            if k.isupper() and not k.startswith("_") and isinstance(v, (int, float, tuple))
            and not isinstance(v, bool) and k not in ("RULES", "RULES_VERSION")}


def rule_text(rule: Rule) -> str:
    """A rule's sentence with its numbers filled in, in the units their names say."""
    nums = numbers()
    return _FIELD.sub(lambda m: _show(m.group(1), nums[m.group(1)]), rule.text)


def rule_lines() -> list[tuple[str, str]]:
    """(topic, sentence) for every rule, in order: the in-game help and the README."""
    return [(r.topic, rule_text(r)) for r in RULES]


def rules_markdown() -> str:
    """The README's rules section (``python -m game.sim.tuning`` prints it)."""
    out, topic = [], None
    for t, text in rule_lines():
        if t != topic:
            out.append(f"- **{t}.** {text}")
            topic = t
        else:
            out.append(f"  {text}")
    return "\n".join(out) + "\n"


if __name__ == "__main__":  # pragma: no cover - the README generator
    print(rules_markdown(), end="")
