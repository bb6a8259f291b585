"""Pounce: the three move as one pack. Before our order: wait at our border module (the
AI's staging/siege spot) and talk to whoever comes, never past bond 59 (still grabbable).
Once ordered: go wherever all of us have 50%+ (a lone enemy 3 v 1, the AI waiting at its
door among us), grab at 50%+ or any pinned enemy; with a prisoner and nothing better,
wait one module away for the lone crewmate the AI sends to free them.

An outside adversary's bot (issue 10): 52% as the US in film against the hard AI when it
was written; the AI now recounts odds within one decision, does not stage into them,
sends no lone rescuer past them and keeps out of a crowd of them at their pass (45%).
Measure it: iss-game balance --bot bots/adversary_pounce.py"""
from game.sim import api

HOME = {"us": "destiny", "ru": "zvezda"}
POST = {"us": "unity", "ru": "zarya"}
VEH = ("soyuz", "dragon")


class Bait:
    def __init__(self, side, seed):
        self.side, self.foe = side, ("ru" if side == "us" else "us")

    def goal(self, v, mine, theirs, jailed):
        me, n, lead = self.side, len(mine), mine[0]
        if any(t.module == HOME[me] or (t.task == "move" and t.target == HOME[me])
               for t in theirs if t.free):
            return HOME[me]
        if not v.may_act[me]:
            return POST[me]
        best = (0, 0, POST[me])
        for m in {t.module for t in theirs if t.free} | {HOME[self.foe]}:
            if m in VEH:
                continue
            d = sum(1 for t in theirs if t.module == m and t.free)
            home = 1 if d and v.module(m).holder == self.foe and v.may_defend[self.foe] else 0
            p = 1000 * n // (n + d + home)
            t = 0 if m == lead.module else api.move_seconds(v, lead.id, m)
            best = max(best, (p, -(999 if t is None else t), m))
        if best[0] >= 500:
            return best[2]
        if jailed:  # lie in wait next to the prisoner, on our way home
            m = jailed[0].module
            route = api.station.TREE_ROUTE[(m, HOME[me])]
            return route[0] if route else m
        return POST[me]

    def decide(self, v):
        me, out, taken = self.side, [], set()
        mine = [c for c in v.crew if c.side == me and c.free and not c.gone]
        if not mine:
            return []
        theirs = [c for c in v.crew if c.side == self.foe and not c.restrained and not c.gone]
        jailed = [c for c in v.crew if c.side == self.foe and c.restrained and not c.gone]
        dest = self.goal(v, mine, theirs, jailed)
        for c in mine:
            if c.task in ("restrain", "held", "escort"):
                continue
            here = [t for t in theirs if t.module == c.module and t.id not in taken and
                    t.task not in ("held", "restrain") and t.braced_until <= v.tick and
                    v.bond(c.id, t.id) < 60]
            if (v.may_act[me] or v.may_defend[me] and v.module(c.module).holder == me) and here:
                p, t = max((api.restrain_odds(v, c.id, t.id)[2], t) for t in here)
                if p >= 500 or t.pinned_until >= 0:
                    taken.add(t.id)
                    out.append(api.Restrain(me, c.id, t.id))
                    continue
            if c.module != dest:
                if not (c.task == "move" and c.target == dest):
                    out.append(api.Move(me, c.id, dest))
            elif c.task == "idle" and not v.may_act[me]:
                low = [t for t in here if v.bond(c.id, t.id) < 52]
                out += [api.Talk(me, c.id, low[0].id)] if low else []
        return out


def make_bot(side, seed):
    return Bait(side, seed)
