"""Every reason the rules can give for refusing a command, and what it means.

The checks live in :mod:`game.sim.tasks` (``_check`` and ``_check_<kind>``); this table,
kept beside them, is what the in-game help's "Why was I refused?" page shows. Each entry
is the message as the player reads it (``{name}`` where the game puts a crew member, a
module, a number) and the rule behind it (``{NUMBER}`` fields are tuning numbers, filled
in as the rules text fills them). ``tests/test_refusals.py`` reads every message the
checks can return from the source of ``tasks.py`` and fails if one is missing here (or if
an entry here is no longer a message the checks give).

Read-only data: nothing here changes what the rules decide.
"""

from __future__ import annotations

from game.sim import tuning

#: (group, message as shown, the rule behind it)
REFUSALS: tuple[tuple[str, str, str], ...] = (
    # ---- any order ------------------------------------------------------------------
    ("Any order", "the game is over ({ending})", "No orders after an ending."),
    ("Any order", "not a command", "Only the game's own commands are taken."),
    ("Any order", "unknown side '{side}'", "A command is given for the US or the Russian "
     "side."),
    ("Any order", "no crew member '{crew}'", "The crew member named does not exist."),
    ("Any order", "{crew} is {owner}: not yours to command", "You command your own side's "
     "crew only; partner crew (neutral) are won over by talk, never commanded."),
    ("Any order", "{crew} has left the station", "Crew who undocked are gone."),
    ("Any order", "{crew} is restrained", "A restrained crew member does nothing until a "
     "crewmate frees them ({FREE_S}, with no enemy present)."),
    ("Any order", "{crew} is pinned after a failed restraint until T+{time}", "A failed "
     "attacker is out of action for {PIN_S}."),
    ("Any order", "{crew} is locked in a struggle until T+{time}", "Attacker and target are "
     "locked together for the {RESTRAIN_S} of a restraint."),
    ("Force before the order", "routine: no order yet; {crew} will not {order} before "
     "{mission control}'s order arrives or {the other side} attack", "Act 1: nobody may "
     "restrain, seal a hatch or cut a system before their side's order, unless attacked."),
    ("Force before the order", "no order yet: {crew} defends your own segment but will not "
     "{order} in {module} before {mission control}'s order", "A side attacked before its "
     "order defends itself inside its own segment and its vehicle (and anywhere against an "
     "attacker pinned beside them)."),
    ("Force before the order", "{crew} refuses: stress {stress} is over {first name}'s "
     "limit {limit} (saw {n} flashes)", "Over their stress limit ({STRESS_LIMIT_BASE} + "
     "loyalty x {STRESS_LIMIT_PER_LOYALTY} / 100, the white tick on their bar) crew refuse "
     "force (but still restrain an enemy pinned beside them). Talk ({TALK_CALM_WITHIN} off "
     "within a side, not while the air is short), passes over your mission control "
     "({CONTACT_CALM} off) and quiet ({CALM_STRESS} every {CALM_S}) bring it down."),
    # ---- moving ---------------------------------------------------------------------
    ("Moving", "no module '{module}'", "The module named does not exist."),
    ("Moving", "{crew} is already in {module}", "They are there."),
    ("Moving", "no way through: hatch {hatch} is closed", "A closed hatch blocks the way: "
     "open it from beside it ({HATCH_S}), or force it if it was sealed from the other side "
     "({FORCE_S})."),
    ("Moving", "{crew} was shown out of the {segment} and may not go back in before "
     "T+{time}", "A guest shown out may not come back into that segment for "
     "{ESCORT_BAR_S} (until their side has its order)."),
    # ---- hatches --------------------------------------------------------------------
    ("Hatches", "no hatch '{hatch}'", "The hatch named does not exist."),
    ("Hatches", "{crew} is not at hatch {hatch}", "Only crew in one of the two modules a "
     "hatch joins can open or seal it."),
    ("Hatches", "hatch {hatch} is already {open or closed}", "Nothing to do."),
    ("Hatches", "cannot seal hatch {hatch} in the enemy's face (they are in {module})",
     "A hatch is never sealed with a free enemy in either module."),
    # ---- systems --------------------------------------------------------------------
    ("Systems", "no system '{system}'", "The system named does not exist."),
    ("Systems", "{system} is in {module}; {crew} is not", "Systems are cut and restored "
     "in their own module ({SYSTEM_S})."),
    ("Systems", "{the side} must hold {module} first", "Cutting a system needs your side "
     "to hold its module."),
    ("Systems", "{system} is already offline", "Nothing to cut."),
    ("Systems", "{system} is already on", "Nothing to restore."),
    ("Systems", "not with the enemy in {module}", "Restoring needs no free enemy in the "
     "module."),
    # ---- talk, restrain, free -------------------------------------------------------
    ("Talk, restrain, free", "no crew member '{target}'", "The crew member named does not "
     "exist."),
    ("Talk, restrain, free", "{crew} cannot do that to themselves", "Pick someone else."),
    ("Talk, restrain, free", "{target} has left the station", "They undocked."),
    ("Talk, restrain, free", "{target} is not in {module}", "Talk, restrain, free and "
     "escort need both in the same module."),
    ("Talk, restrain, free", "{target} is locked in a struggle", "Wait the "
     "{RESTRAIN_S} of the restraint."),
    ("Talk, restrain, free", "{target} is on your side", "Restrain the other side only."),
    ("Talk, restrain, free", "{target} is already restrained", "Nothing to do."),
    ("Talk, restrain, free", "{target} is already locked in a struggle", "One restraint "
     "at a time on anyone."),
    ("Talk, restrain, free", "{crew} refuses: bonded with {target} ({bond}; {BOND_REFUSE}+ "
     "will not restrain each other)", "Bonded crew (bond {BOND_REFUSE} or more) refuse to "
     "restrain each other."),
    ("Talk, restrain, free", "{target} is not restrained", "Nothing to free."),
    ("Talk, restrain, free", "{target} is with {the other side}", "You free your own crew "
     "and partners only."),
    ("Talk, restrain, free", "not with the enemy watching in {module}", "Freeing needs no "
     "free enemy in the module."),
    ("Talk, restrain, free", "{target} just fought off a grab: the upper hand until "
     "T+{time}", "Whoever fights off a restraint may not be grabbed again for {BRACE_S}."),
    # ---- guests ---------------------------------------------------------------------
    ("Guests", "{crew} can show guests out of your own segment only", "Escort works in "
     "your own segment."),
    ("Guests", "{target} is not a guest of the other side", "Only the other side's crew "
     "are shown out."),
    ("Guests", "{target} cannot walk out now", "Not while restrained or locked in a "
     "struggle."),
    ("Guests", "{target} refuses to be shown out: {mission control}'s orders may have "
     "come", "Once their side has its order, guests stay: a refusal is a sign that it has "
     "(they may be intruders then: self-defence after {INTRUSION_S} in your command "
     "module or vehicle)."),
    ("Guests", "they are {n} to your {m} in {module}", "Your free crew in the module must "
     "be at least as many as theirs."),
    # ---- leaving --------------------------------------------------------------------
    ("Leaving", "{crew} is not aboard a vehicle", "Board your vehicle first (L moves "
     "there)."),
    ("Leaving", "routine: no reason to abandon the station before the war begins",
     "Nobody leaves before the war begins."),
    ("Leaving", "the {vehicle} is not your vehicle", "Each side leaves in its own: Dragon "
     "(US), Soyuz (Russia)."),
    ("Leaving", "the other side has taken the {vehicle}: it will not undock for you until you "
     "take it back", "A vehicle the other side holds (taken like any module) does not undock "
     "for you: secure your way home."),
    ("Leaving", "not everyone is aboard: {names}", "Every free crew member of your side "
     "must be aboard (or the vehicle full)."),
    ("Leaving", "the {vehicle} has {n} seats", "A vehicle holds only so many."),
    ("Leaving", "{crew} will not leave with them (bond {bond}, {BOND_ESCAPE} needed)",
     "A mixed crew leaves together only when each is bonded {BOND_ESCAPE}+ with someone "
     "aboard from the other side."),
)


def refusal_lines() -> list[tuple[str, str, str]]:
    """(group, message, why) with the rule's tuning numbers filled in."""
    return [(g, msg, tuning.rule_text(tuning.Rule(g, why))) for g, msg, why in REFUSALS]
