"""The AI commander for either side: it issues the same commands a player can.

Deterministic: its only randomness is its own SplitMix64 stream seeded from the game
seed and its side, and it reads the game only through the same facts the UI shows.
It never touches the game's state; every decision goes through ``Game.submit`` (and a
refused command is simply dropped, as a player's would be).

Each AI has a temperament drawn from the seed: ``hawk`` (appetite for force), ``dove``
(appetite for talk), ``spite`` (will cut life support when losing) and ``nerve``
(how long before running for the vehicle). When its order arrives it chooses *war* or
*peace* with odds hawk : dove; peace turns to war if the other side attacks and it has
the stomach for it; war turns to peace if trust climbs; a losing side may *flee*.

Act 2 pacing (the orders arrive hours apart, as the real passes fall):
- a side bent on war first sits on its order, *poised* (routine posture), for 15 min per
  point of hawk below 90 (a hawk of 90+ strikes at once); it strikes when that runs out,
  when it is attacked, when the other side's order arrives, or in act 3;
- a side that has not heard its order but saw the other side's arrive closes ranks: its
  crew gather in their own command module;
- a side at peace never walks into the other side's command module (no seizing by
  stealth while talking): it waits next door.

Difficulty:
- ``easy``: decides every 90 s, restrains whatever the odds, never seals hatches,
  walks into the enemy's command module piecemeal.
- ``hard``: decides every 15 s, restrains only when not outnumbered, positions crew
  before the order arrives, seals its command module behind its attackers, frees
  captured crewmates, and gathers before storming.
"""

from __future__ import annotations

from game.sim import station as st
from game.sim.commands import (
    CloseHatch,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.sim.crew import NEUTRAL
from game.sim.prng import Prng, seed_state

DIFFICULTIES = ("easy", "hard")
_HOME = {"us": "destiny", "ru": "zvezda"}
_STAGING = {"us": "zarya", "ru": "unity"}  # next to the enemy's command module
_SEAL = {"us": "unity-destiny", "ru": "zarya-zvezda"}  # home's hatch toward the enemy
_HOME_SIDE = {side: st.side_of(h, _HOME[side]) for side, h in _SEAL.items()}
_CUT = {"us": ("power_ru", "o2_tranquility"), "ru": ("attitude", "o2_zvezda")}
POISE_HAWK = 90  # hawks at or above this strike as soon as the order arrives
POISE_PER_HAWK_S = 900  # otherwise they wait 15 min per point below it
_ROUTINE = {"us": ("destiny", "harmony", "unity", "columbus", "kibo_jpm", "tranquility"),
            "ru": ("zvezda", "zarya", "nauka", "poisk", "rassvet", "zvezda")}


class AI:
    """One side's commander. Call ``decide(game)`` when ``game.tick >= ai.wake``."""

    def __init__(self, side: str, seed: int, difficulty: str = "hard"):
        if side not in ("us", "ru"):
            raise ValueError(f"unknown side '{side}'")
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty '{difficulty}'")
        self.side, self.enemy = side, ("ru" if side == "us" else "us")
        self.difficulty = difficulty
        self.hard = difficulty == "hard"
        self.rng = Prng(seed_state(seed, f"ai:{side}"))
        self.hawk = self.rng.below(100)
        self.dove = self.rng.below(100)
        self.spite = self.rng.below(100)
        self.nerve = self.rng.below(100)
        # how long the crew sit on the order before striking while the other side has not
        # heard its own: none for a hawk, hours for the reluctant
        self.deliberation = max(0, POISE_PER_HAWK_S * (POISE_HAWK - self.hawk))
        self.poised_until = 0
        self.period = 15 if self.hard else 90
        self.wake = 0
        self.plan = "routine"
        self.guard = ""
        self.home, self.target = _HOME[side], _HOME[self.enemy]
        self.vehicle = st.VEHICLE_OF[side]

    def temperament(self) -> dict:
        return {"hawk": self.hawk, "dove": self.dove, "spite": self.spite, "nerve": self.nerve,
                "difficulty": self.difficulty}

    # ---- top level -----------------------------------------------------------------------

    def decide(self, game) -> list:
        """Commands for this moment (submitted by the caller, in order)."""
        self.wake = game.tick + self.period
        crew = game.crew
        mine = [c for c in crew if c.side == self.side and c.free]
        if not mine:
            return []
        theirs = [c for c in crew if c.side == self.enemy and c.free]
        self._update_plan(game, mine, theirs)
        # the guard (index 0) is whoever is nearest home when the fighting starts; it stays
        # the guard until restrained
        guard = next((c for c in mine if c.id == self.guard), None)
        if guard is None:
            guard = min(mine, key=lambda c: (st.TREE_SECONDS[(c.module, self.home)],
                                             st.MODULE_INDEX[c.module]))
            self.guard = guard.id
        mine = [guard] + [c for c in mine if c is not guard]
        out: list = []
        busy_targets: set[str] = set()
        for i, c in enumerate(mine):
            cmd = self._act(game, c, i, mine, theirs, busy_targets)
            if cmd is not None and not self._same_as_now(c, cmd):
                out.append(cmd)
        return out

    def _update_plan(self, game, mine, theirs) -> None:
        side = self.side
        if not game.may_act(side):
            self.plan = "routine"
            return
        attacked = game.was_attacked(side)
        if self.plan == "routine":
            roll = self.rng.below(self.hawk * 5 // 4 + self.dove + 1)
            self.plan = "war" if roll < self.hawk * 5 // 4 or self.dove < 20 else "peace"
            if self.plan == "war" and not attacked:
                self.plan, self.poised_until = "poised", game.tick + self.deliberation
        if self.plan == "poised" and (attacked or game.tick >= self.poised_until or
                                      game.order_tick(self.enemy) >= 0 or game.act >= 3):
            self.plan = "war"
        seize_side, seize_due = game.seize
        seizing = seize_side == self.enemy
        oxygen_low = game.oxygen_reserve_s < 3600 and not game.oxygen_generating
        losing = (len(mine) < len(theirs) and (len(mine) <= 1 or seizing)) or \
            (len(mine) <= len(theirs) and seizing and game.tick + 300 > seize_due)
        if self.plan != "flee" and (losing and self.nerve < 70 or oxygen_low and self.nerve < 40):
            self.plan = "flee"
        elif self.plan == "peace" and attacked and self.hawk > 25:
            self.plan = "war"
        elif self.plan == "war" and game.trust >= 70 and self.dove > 55:
            self.plan = "peace"

    @staticmethod
    def _same_as_now(c, cmd) -> bool:
        kind = cmd.kind
        if kind == "move":
            return c.task == "move" and c.target == cmd.to
        if kind == "open":
            return c.task in ("open", "force") and c.target == cmd.hatch
        tgt = getattr(cmd, "target", None) or getattr(cmd, "hatch", None) or \
            getattr(cmd, "system", None)
        return c.task == kind and c.target == tgt

    # ---- one crew member ---------------------------------------------------------------------

    def _act(self, game, c, i, mine, theirs, busy):
        if c.task in ("restrain", "free", "leave", "offline", "restore", "force", "close"):
            return None  # let it finish
        plan = self.plan
        here_enemies = [t for t in theirs if t.module == c.module]
        if plan == "flee":
            return self._flee(game, c, mine, here_enemies)
        if plan == "war" and here_enemies:
            cmd = self._fight(c, mine, here_enemies, busy)
            if cmd is not None:
                return cmd
        cmd = self._free_friend(game, c, here_enemies)
        if cmd is not None:
            return cmd
        cmd = self._survive(game, c, here_enemies)
        if cmd is not None:
            return cmd
        if plan in ("routine", "poised"):
            return self._routine(game, c, i, mine)
        if plan == "peace":
            return self._peace(game, c, i, busy)
        return self._war(game, c, i, mine, theirs)

    def _fight(self, c, mine, here_enemies, busy):
        att = sum(1 for x in mine if x.module == c.module)
        dfn = len(here_enemies)
        if self.hard and (att < dfn or att == dfn and self.hawk < 50):
            return None
        for t in here_enemies:
            if t.id not in busy:
                busy.add(t.id)
                return Restrain(self.side, c.id, t.id)
        return None

    def _free_friend(self, game, c, here_enemies):
        if here_enemies or (not self.hard and self.rng.below(3)):
            return None
        for x in game.crew:
            if x.restrained and x.side == self.side and not x.gone and x.module == c.module:
                return Free(self.side, c.id, x.id)
        return None

    def _survive(self, game, c, here_enemies):
        """Bring a cut system back when standing next to it and it is safe to."""
        if here_enemies or self.plan == "war" and self.spite > 60:
            return None
        for sys_id in st.SYSTEM_IDS:
            if st.SYSTEM_MODULE[sys_id] == c.module and not game.system_on(sys_id):
                return SystemRestore(self.side, c.id, sys_id)
        return None

    def _routine(self, game, c, i, mine):
        if game.order_tick(self.enemy) >= 0 and not game.may_act(self.side):
            return self._go(game, c, self.home)  # they have heard something: close ranks
        if self.hard and self.hawk > 40:
            dest = self.home if i == 0 else _STAGING[self.side] if i == 1 else None
            if dest:
                return self._go(game, c, dest)
        if self.dove > 60 and i == len(mine) - 1:
            return self._talk_to_someone(game, c, set())
        if c.task == "idle" and (c.module == st.CUPOLA or self.rng.below(8) == 0):
            return self._go(game, c, self.rng.pick(_ROUTINE[self.side]))
        return None

    def _peace(self, game, c, i, busy):
        if i == 0 and game.holder(self.home) == self.side:
            return self._go(game, c, self.home)  # someone minds the store
        # no taking their command module in peace: talk to them anywhere else
        if c.module == self.target and c.task != "talk" and \
                not any(x.free and x.side == self.enemy and x.module == c.module
                        for x in game.crew):
            return self._go(game, c, _STAGING[self.side])
        cmd = self._talk_to_someone(game, c, busy)
        if isinstance(cmd, Move) and cmd.to == self.target:
            return self._go(game, c, _STAGING[self.side])
        return cmd

    def _talk_to_someone(self, game, c, busy):
        if c.task == "talk":
            return None
        others = [x for x in game.crew if x.side in (self.enemy, NEUTRAL) and not x.gone]
        neutrals = [x for x in others if x.side == NEUTRAL]
        pool = neutrals or others
        for x in pool:
            if x.module == c.module and x.id not in busy:
                busy.add(x.id)
                return Talk(self.side, c.id, x.id)
        if not pool:
            return None
        x = pool[(st.MODULE_INDEX[c.module] + len(busy)) % len(pool)]
        busy.add(x.id)
        return self._go(game, c, x.module)

    def _war(self, game, c, i, mine, theirs):
        side = self.side
        # win over partner crew first if any are near: numbers decide everything
        # guard the home command module; everyone else takes the enemy's
        if i == 0:
            if c.module != self.home:
                return self._go(game, c, self.home)
            if game.holder(self.home) == side:
                if self.spite > 60 and game.tick > game.order_tick(side) + 600:
                    for sys_id in _CUT[side]:
                        if st.SYSTEM_MODULE[sys_id] == c.module and game.system_on(sys_id):
                            return SystemOffline(side, c.id, sys_id)
                inside = _HOME_SIDE[side]
                if self.hard and game.hatch_open(_SEAL[side]) and \
                        all(x.module not in inside for x in mine[1:]):
                    return CloseHatch(side, c.id, _SEAL[side])
            return None
        if self.hard and self.rng.below(2) == 0:
            neutral = [x for x in game.crew if x.side == NEUTRAL and not x.gone]
            if neutral:
                return self._talk_to_someone(game, c, set())
        defenders = sum(1 for t in theirs if t.module == self.target)
        attackers = [x for x in mine[1:]]
        if self.hard and defenders >= 1 and c.module == _STAGING[side]:
            gathered = sum(1 for x in attackers if x.module == _STAGING[side])
            if gathered < min(len(attackers), defenders + 1):
                return None  # wait for the others
        if self.hard and defenders >= 1 and c.module != _STAGING[side] and \
                c.module != self.target:
            return self._go(game, c, _STAGING[side])
        if c.module == self.target:
            if game.holder(self.target) == side and self.spite > 60:
                for sys_id in _CUT[side]:
                    if st.SYSTEM_MODULE[sys_id] == c.module and game.system_on(sys_id):
                        return SystemOffline(side, c.id, sys_id)
            return None
        return self._go(game, c, self.target)

    def _flee(self, game, c, mine, here_enemies):
        v = self.vehicle
        if c.module == v:
            if all(x.module == v for x in mine) or \
                    sum(1 for x in game.crew if x.free and x.module == v) >= st.VEHICLES[v][1]:
                return Leave(self.side, c.id)
            return None
        if here_enemies and self.hard:
            return self._go(game, c, v)
        return self._go(game, c, v)

    # ---- movement ------------------------------------------------------------------------

    def _go(self, game, c, dest):
        """Move towards ``dest``, opening (or forcing) the first closed hatch in the way."""
        if c.module == dest:
            return None
        if c.task == "move" and c.target == dest:
            return None
        if st.path(c.module, dest, game.hatch_open) is not None:
            return Move(self.side, c.id, dest)
        here = c.module
        for nxt in st.route_ignoring_hatches(c.module, dest):
            h = st.HATCH_BETWEEN[(here, nxt)]
            if not game.hatch_open(h):
                if here == c.module:
                    return OpenHatch(self.side, c.id, h)
                return Move(self.side, c.id, here)
            here = nxt
        return None
