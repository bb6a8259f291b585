"""Scripted strategies: what a player might try in ten lines, which the AI must beat.

Each is a bot (``decide(view) -> list of commands``), written only against
``game.sim.api`` and the view, as a player's own bot would be. ``iss-game balance`` plays
every one of them on both sides against the hard AI over many seeds; a strategy that
wins more than 45% is a bug in the rules or the AI (issue 10). Add yours here, or pass
one with ``iss-game balance --bot FILE.py``.
"""

from __future__ import annotations

from game.sim import api

HOME = {"us": "destiny", "ru": "zvezda"}
BORDER = {"us": "pma1-unity", "ru": "zarya-pma1"}  # each side's face of the one passage
BORDER_SIDE = {"us": "unity", "ru": "zarya"}
LIFE = {"us": ("o2_tranquility", "power_ru"), "ru": ("o2_zvezda", "attitude")}
OTHER = {"us": "ru", "ru": "us"}


class Strategy:
    """Shared plumbing: who is mine, theirs, idle; go somewhere; hit at good odds."""

    name = "strategy"

    def __init__(self, side: str, seed: int):
        self.side, self.foe, self.seed = side, OTHER[side], seed

    def mine(self, v):
        return [c for c in v.crew if c.side == self.side and c.free and not c.gone]

    def theirs(self, v):
        """Their crew still in play: free, or pinned (down, and the easiest to grab)."""
        return [c for c in v.crew if c.side == self.foe and not c.restrained and not c.gone]

    def go(self, c, dest):
        if c.module == dest or c.task in ("restrain", "held") or \
                (c.task == "move" and c.target == dest):
            return []
        return [api.Move(self.side, c.id, dest)]

    def hit(self, v, c, min_permille: int):
        """Restrain the best target in c's module if the odds are at least that good."""
        if c.task != "idle":
            return []
        best = max(((api.restrain_odds(v, c.id, t.id)[2], t.id) for t in self.theirs(v)
                    if t.module == c.module and t.task not in ("held", "restrain")
                    and t.braced_until <= v.tick), default=None)
        if best and best[0] >= min_permille:
            return [api.Restrain(self.side, c.id, best[1])]
        return []

    def decide(self, view) -> list:
        return []


class DoNothing(Strategy):
    """Never give an order."""

    name = "nothing"


class RushAtStart(Strategy):
    """Everyone into the enemy's command module at tick 0; restrain at 2:1 or better."""

    name = "rush_at_start"

    def decide(self, v):
        out = []
        for c in self.mine(v):
            out += self.go(c, HOME[self.foe]) if c.task == "idle" else []
            out += self.hit(v, c, 667) if v.may_act[self.side] else []
        return out


class RushAfterOrders(Strategy):
    """Wait at home for the order, then everyone into their command module; fight at 50%."""

    name = "rush_after_orders"

    def decide(self, v):
        out = []
        for c in self.mine(v):
            dest = HOME[self.foe] if v.may_act[self.side] else HOME[self.side]
            out += self.hit(v, c, 500) if v.may_act[self.side] else []
            out += self.go(c, dest) if c.task == "idle" else []
        return out


class Turtle(Strategy):
    """Everyone into our own command module; restrain whoever comes in."""

    name = "turtle"

    def decide(self, v):
        out = []
        for c in self.mine(v):
            out += self.go(c, HOME[self.side]) if c.task == "idle" else []
            out += self.hit(v, c, 1) if v.may_act[self.side] else []
        return out


class SealBorder(Strategy):
    """Gather on our side of PMA-1 and seal the border hatch the moment we may."""

    name = "seal_border"

    def decide(self, v):
        out = []
        for i, c in enumerate(self.mine(v)):
            if i == 0 and c.module == BORDER_SIDE[self.side] and v.hatch_is_open(
                    BORDER[self.side]) and v.may_act[self.side]:
                out.append(api.CloseHatch(self.side, c.id, BORDER[self.side]))
            elif c.task == "idle":
                out += self.go(c, BORDER_SIDE[self.side] if i == 0 else HOME[self.side])
        return out


class TalkOnly(Strategy):
    """Seek out the other side and talk, talk, talk."""

    name = "talk_only"

    def decide(self, v):
        out = []
        theirs = self.theirs(v)
        for i, c in enumerate(self.mine(v)):
            if c.task != "idle" or not theirs:
                continue
            t = theirs[i % len(theirs)]
            out += [api.Talk(self.side, c.id, t.id)] if t.module == c.module else \
                self.go(c, t.module)
        return out


class RecruitThenInfiltrate(Strategy):
    """Talk each partner over (international), then all into their command module."""

    name = "recruit_then_infiltrate"

    def decide(self, v):
        out = []
        partners = [c for c in v.crew if c.agency in api.PARTNER_AGENCIES and c.side != self.side
                    and not c.gone]
        for i, c in enumerate(self.mine(v)):
            if partners and c.task == "idle":
                p = partners[i % len(partners)]
                out += [api.Talk(self.side, c.id, p.id)] if p.module == c.module else \
                    self.go(c, p.module)
            elif not partners:
                out += self.go(c, HOME[self.foe]) if c.task == "idle" else []
                out += self.hit(v, c, 667) if v.may_act[self.side] else []
        return out


class CutLifeSupport(Strategy):
    """Go to our oxygen and power systems and cut them as soon as we may; sit on them."""

    name = "cut_life_support"

    def decide(self, v):
        out = []
        systems = {s.id: s for s in v.systems}
        for i, c in enumerate(self.mine(v)):
            s = systems[LIFE[self.side][i % 2]]
            if c.module == s.module and s.on and v.may_act[self.side] and c.task == "idle":
                out.append(api.SystemOffline(self.side, c.id, s.id))
            elif c.task == "idle":
                out += self.go(c, s.module)
        return out


class CampCupola(Strategy):
    """Everyone in the Cupola, watching the war; restrain whoever comes."""

    name = "camp_cupola"

    def decide(self, v):
        out = []
        for c in self.mine(v):
            out += self.go(c, "cupola") if c.task == "idle" else []
            out += self.hit(v, c, 1) if v.may_act[self.side] else []
        return out


class EvacuateAtOnce(Strategy):
    """Everyone into our vehicle; leave the moment the rules allow."""

    name = "evacuate"

    def decide(self, v):
        out = []
        vehicle = "dragon" if self.side == "us" else "soyuz"
        mine = self.mine(v)
        for c in mine:
            if c.module == vehicle and all(x.module == vehicle for x in mine) and \
                    c.task == "idle" and v.war_begun:
                return [api.Leave(self.side, c.id)]
            out += self.go(c, vehicle) if c.task == "idle" else []
        return out


class Hunter(Strategy):
    """Once we may, hunt whoever stands alone, together; keep no guard."""

    name = "hunter"

    def decide(self, v):
        out = []
        theirs = self.theirs(v)
        mine = self.mine(v)
        if not v.may_act[self.side] or not theirs or not mine:
            return []
        counts = {}
        for t in theirs:
            counts[t.module] = counts.get(t.module, 0) + 1
        prey = min(theirs, key=lambda t: (counts[t.module], t.module in HOME.values(), t.id))
        for c in mine:
            out += self.hit(v, c, 500)
            out += self.go(c, prey.module) if c.task == "idle" else []
        return out


class Fortress(Strategy):
    """Everyone at home; once we may defend, grab whoever comes in at any odds, the pinned
    first (the best odds); free our own; strike their home once they are spent (over
    their stress limit) or we are two up."""

    name = "fortress"
    surprise = False  # strike first while they cannot know we have our order
    heal = False  # talk among ourselves to shed stress (the AI never does)

    def ready(self, v) -> bool:
        """Strike now, whatever the numbers (a subclass's own reason)."""
        return False

    def decide(self, v):
        me, out, taken = self.side, [], set()
        mine, theirs = self.mine(v), self.theirs(v)
        spent = all(t.stress > t.stress_limit for t in theirs)
        strike = v.may_act[me] and (spent or len(mine) >= len(theirs) + 2 or self.ready(v) or (
            self.surprise and not v.may_act[self.foe] and len(mine) >= len(theirs)))
        dest = HOME[self.foe] if strike else HOME[me]
        for c in mine:
            if c.task in ("restrain", "held"):
                continue
            here = [t for t in theirs if t.module == c.module]
            own = v.module(c.module).segment == v.module(HOME[me]).segment
            if v.may_act[me] or (v.may_defend[me] and own):
                hit = [t for t in here if t.id not in taken and t.braced_until <= v.tick and
                       t.task not in ("held", "restrain") and v.bond(c.id, t.id) < 60]
                if hit and c.stress <= c.stress_limit:
                    t = max(hit, key=lambda t: api.restrain_odds(v, c.id, t.id)[2])
                    taken.add(t.id)
                    out.append(api.Restrain(me, c.id, t.id))
                    continue
            jailed = [x for x in v.crew if x.side == me and x.restrained and
                      x.module == c.module]
            mates = [x for x in mine if x.module == c.module and x is not c]
            if jailed and not here and c.task != "free":
                out.append(api.Free(me, c.id, jailed[0].id))
            elif self.heal and c.stress >= 15 and mates and c.task == "idle" and \
                    c.module == dest:
                out.append(api.Talk(me, c.id, max(mates, key=lambda x: x.stress).id))
            else:
                out += self.go(c, dest)
        return out


class SurpriseStrike(Fortress):
    """The fortress, but the moment our order comes and theirs is not known, all of us
    walk into their command module and grab every one of them at once, at any odds."""

    name = "surprise_strike"
    surprise = True


class SteadyStrike(SurpriseStrike):
    """The surprise strike, and between fights our crew talk among themselves, pair by
    pair, to keep their stress (and so their will to use force) in hand."""

    name = "steady_strike"
    heal = True


class Suffocate(Fortress):
    """The adversary's best (95% as the US before rules v4): the steadied fortress, and
    once ordered it cuts the oxygen it holds and keeps the reserve low (restore under
    20 min, cut again over 30), so everyone's stress climbs but, talked down among
    ourselves, ours less; two hours of it and their crew must be spent: strike."""

    name = "suffocate"
    heal = True
    LOW_S, HIGH_S, SPENT_S = 1200, 1800, 2 * 3600

    def __init__(self, side: str, seed: int):
        super().__init__(side, seed)
        self.off_s, self.last_tick = 0, 0

    def ready(self, v) -> bool:
        return self.off_s >= self.SPENT_S

    def decide(self, v):
        if not v.oxygen_generating:
            self.off_s += v.tick - self.last_tick
        self.last_tick = v.tick
        out = super().decide(v)
        if not v.may_act[self.side]:
            return out
        busy = {c.crew for c in out}
        systems = {x.id: x for x in v.systems}
        reserve = v.oxygen_reserve_s
        mine = self.mine(v)
        far = [x for x in (systems[y] for y in LIFE[self.side]) if x.on and
               x.module != HOME[self.side]]
        runner = mine[-1] if far and reserve > self.HIGH_S and mine else None
        if runner is not None:  # the far generator: one of us goes to cut it
            out = [x for x in out if x.crew != runner.id]
            busy.discard(runner.id)
        for c in mine:
            if c.id in busy or c.task not in ("idle", "move"):
                continue
            if c is runner and c.module != far[0].module:
                out += self.go(c, far[0].module)
                continue
            here = [s for s in (systems[x] for x in LIFE[self.side]) if s.module == c.module]
            for s in here:
                if c.task != "idle":
                    break
                if not s.on and s.cut_by == self.side and reserve < self.LOW_S:
                    out.append(api.SystemRestore(self.side, c.id, s.id))
                elif s.on and reserve > self.HIGH_S and v.debris_deadline < 0:
                    out.append(api.SystemOffline(self.side, c.id, s.id))
        return out


STRATEGIES: dict[str, type[Strategy]] = {cls.name: cls for cls in (
    DoNothing, RushAtStart, RushAfterOrders, Turtle, SealBorder, TalkOnly,
    RecruitThenInfiltrate, CutLifeSupport, CampCupola, EvacuateAtOnce, Hunter,
    Fortress, SurpriseStrike, SteadyStrike, Suffocate)}


def make_strategy(name: str, side: str, seed: int):
    return STRATEGIES[name](side, seed)
