"""Choke-flee (Russia): A holds Zvezda and cuts attitude control and Elektron there (no
oxygen made anywhere once the arrays drift); B and C, sent into the US segment the moment
our order comes (theirs not yet), shuttle between dead-end modules (never idle, so never
the AI's 'lone enemy' objective). At reserve < 30 min B steps into Tranquility and C
into Destiny.

An outside adversary's bot (issue 10): 42.5% as Russia in film against the hard AI when
it was written. Its AI read "dying" whenever one of them stood in every system module
(not whether it could take one back) and boarded the Dragon beside its own guard; the AI
now counts whether it outnumbers them there (0%). The DBG/LATECUT environment variables
are its author's experiment switches (off by default).
Measure it: iss-game balance --bot bots/adversary_chokeflee.py"""
import os

from game.sim import api

DEBUG = os.environ.get("DBG")
LATECUT = os.environ.get("LATECUT")
PAIR = not os.environ.get("NOPAIR")
HIDE = {"B": ("cupola", "leonardo_pmm"), "C": ("columbus", "kibo_jpm")}
POST = {"A": "zvezda", "B": "tranquility", "C": "destiny"}


class Bot:
    def __init__(self, side, seed):
        self.side, self.foe = side, ("ru" if side == "us" else "us")
        self.roles, self.sneak, self.t0 = None, None, 0

    def decide(self, v):
        me = self.side
        mine = sorted((c for c in v.crew if c.side == me and not c.gone), key=lambda c: c.id)
        if self.roles is None:
            self.roles = {c.id: r for c, r in zip(mine, "ABC", strict=False)}
        sysd = {s.id: s for s in v.systems}
        out, taken = [], set()
        if DEBUG and v.tick % int(DEBUG) == 0:
            print(v.tick, v.oxygen_reserve_s, [(c.name.split()[0], c.module, c.task, c.free)
                                               for c in v.crew])
        if self.sneak is None and v.may_act[me]:
            self.t0 = v.tick
            self.sneak = v.orders[self.foe] < 0 and not v.may_act[self.foe] and v.act < 3
        hid = all(x.module in HIDE[self.roles[x.id]] for x in mine if self.roles[x.id] != "A")
        may_cut = v.may_act[me] and (not self.sneak or hid or v.tick - self.t0 > 900)
        armed = v.may_act[me] and (v.may_act[self.foe] or v.act >= 3)
        if LATECUT:
            may_cut = may_cut and armed
        rsv, gen = v.oxygen_reserve_s, v.oxygen_generating
        late = not gen and rsv < 1850
        debris = v.debris_deadline >= 0
        seg = {m.id: m.segment for m in v.modules}
        b_ok = any(self.roles[x.id] == "B" and x.module == "tranquility" and x.free for x in mine)
        for c in mine:
            if not c.free or c.task in ("restrain", "held", "offline", "restore"):
                continue
            here = [t for t in v.crew if t.side == self.foe and not t.restrained and
                    t.module == c.module and t.id not in taken and
                    t.task not in ("held", "restrain") and t.braced_until <= v.tick]
            if here and v.may_defend[me] and (seg[c.module] == "ROS" or
                                               any(t.pinned_until >= 0 for t in here)):
                p, t = max((api.restrain_odds(v, c.id, t.id)[2], t.id) for t in here)
                pinned = [t for t in here if t.pinned_until >= 0]
                if pinned or p >= 500:
                    t = pinned[0].id if pinned else t
                    taken.add(t)
                    out.append(api.Restrain(me, c.id, t))
                    continue
            r = self.roles[c.id]
            if r == "A":
                dest = "zvezda"
            elif late and not self.sneak and PAIR:
                # no hideout: B and C walk in as a pair (2 v 2 there: the AI pays the price
                # of failure and does not grab), and split at Unity together
                pair = [x for x in mine if self.roles[x.id] in "BC" and x.free]
                there = len(pair) == 2 and all(x.module in ("unity", "tranquility", "destiny")
                                               and x.task == "idle" or x.module == POST[
                                                   self.roles[x.id]] for x in pair)
                dest = POST[r] if there or c.module == POST[r] else "unity"
            elif late and (r == "B" or (b_ok and rsv < 1790)):
                dest = POST[r]
            elif self.sneak or c.module in HIDE[r]:
                dest = HIDE[r][0]
                if c.module in HIDE[r] and c.task == "idle":  # never idle: never hunted
                    out.append(api.Move(me, c.id, HIDE[r][1] if c.module == HIDE[r][0]
                                        else HIDE[r][0]))
                    continue
            else:
                dest = "zvezda"
            if c.module == dest and c.task == "idle":
                if r == "A":
                    att, o2 = sysd["attitude"], sysd["o2_zvezda"]
                    if debris and not att.on:
                        out.append(api.SystemRestore(me, c.id, "attitude"))
                    elif rsv < 300 and not gen and not att.on:
                        out.append(api.SystemRestore(me, c.id, "attitude"))
                    elif rsv < 300 and not gen and not o2.on:
                        out.append(api.SystemRestore(me, c.id, "o2_zvezda"))
                    elif may_cut and not debris and rsv > (2400 if armed else 6000):
                        if o2.on:
                            out.append(api.SystemOffline(me, c.id, "o2_zvezda"))
                        elif att.on:
                            out.append(api.SystemOffline(me, c.id, "attitude"))
                    elif not armed and rsv < 5500 and not gen and not att.on:
                        out.append(api.SystemRestore(me, c.id, "attitude"))
                continue
            if c.module != dest and not (c.task == "move" and c.target == dest):
                out.append(api.Move(me, c.id, dest))
        return out


def make_bot(side, seed):
    return Bot(side, seed)
