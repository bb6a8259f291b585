"""Adversarial play-test bot (the exploration version of strategies.Fortress/SurpriseStrike/
SteadyStrike). Fortress at home; restrain whoever comes in at odds >= THR per mille; free
our own; talk among ourselves when stress >= HEAL; strike their home when they are spent
or we are two up, and also (MODE=1) whenever we may act and their order is not known,
(MODE=3) the same but only if we are not outnumbered, (MODE=2) always once we may act.
PERIOD: decide only on ticks divisible by it; RECRUIT=1: court partners before the orders.
Best: MODE=3 (the defaults THR=1, HEAL=15). Measure: bots/adv/measure.py bots/adv/medic.py"""
import os
from game.sim import api

HOME = {"us": "destiny", "ru": "zvezda"}
OTHER = {"us": "ru", "ru": "us"}
THR = int(os.environ.get("THR", "1"))
HEAL = int(os.environ.get("HEAL", "15"))
MODE = int(os.environ.get("MODE", "3"))
PERIOD = int(os.environ.get("PERIOD", "5"))
RECRUIT = int(os.environ.get("RECRUIT", "0"))


class Bot:
    def __init__(self, side, seed):
        self.side, self.foe = side, OTHER[side]

    def decide(self, v):
        if v.tick % PERIOD:
            return []
        me = self.side
        mine = [c for c in v.crew if c.side == me and c.free and not c.gone]
        theirs = [c for c in v.crew if c.side == self.foe and c.free and not c.gone]
        able = [t for t in theirs if t.stress <= t.stress_limit]
        attack = v.may_act[me] and (not able or len(mine) >= len(theirs) + 2 or MODE == 2 or
                                    (MODE == 1 and not v.may_act[self.foe]) or
                                    (MODE == 3 and not v.may_act[self.foe] and len(mine) >= len(theirs)))
        dest = HOME[self.foe] if attack else HOME[me]
        out, taken = [], set()
        partners = [x for x in v.crew if x.agency in ("ESA", "JAXA", "CSA") and x.side != me
                    and not x.gone and not x.restrained]
        for i, c in enumerate(mine):
            if c.task in ("restrain", "held"):
                continue
            here = [t for t in theirs if t.module == c.module]
            own = v.module(c.module).segment == v.module(HOME[me]).segment
            if (v.may_act[me] or (v.may_defend[me] and own)) and c.stress <= c.stress_limit:
                best = max(((api.restrain_odds(v, c.id, t.id)[2], t.id) for t in here
                            if t.pinned_until < 0 and t.task not in ("held", "restrain")
                            and t.id not in taken and v.bond(c.id, t.id) < 60), default=None)
                if best and best[0] >= THR:
                    taken.add(best[1])
                    out.append(api.Restrain(me, c.id, best[1]))
                    continue
            jailed = [x for x in v.crew if x.side == me and x.restrained and x.module == c.module]
            if jailed and not here and c.task != "free":
                out.append(api.Free(me, c.id, jailed[0].id))
                continue
            if RECRUIT and partners and i > 0 and not v.may_defend[me] and c.task == "idle":
                p = partners[i % len(partners)]
                out.append(api.Talk(me, c.id, p.id) if p.module == c.module else
                           api.Move(me, c.id, p.module))
                continue
            mate = [x for x in mine if x.module == c.module and x.id != c.id]
            if c.stress >= HEAL and mate and c.task == "idle" and c.module == dest:
                out.append(api.Talk(me, c.id, max(mate, key=lambda x: x.stress).id))
                continue
            if c.module != dest and not (c.task == "move" and c.target == dest):
                out.append(api.Move(me, c.id, dest))
        return out


def make_bot(side, seed):
    return Bot(side, seed)
