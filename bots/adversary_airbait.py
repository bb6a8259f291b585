"""Air bait: once ordered, cut the other side's air where we hold it, then hide more than
30 s from their way to it. The AI (defending, no order yet) sends one crew member alone to
restore it, and later one to free the one we took: we grab each in our own segment,
where a side without its order cannot answer. Then take their home.

An outside adversary's bot (issue 10): against the hard AI of rules 4 it won 88% as the
US and 70% as Russia in film, 70% / 65% in international (seeds 1-40). Both of a side's
oxygen sources can be cut from the other segment, and a side without its order could
neither strike nor answer a failed grab out there, so every way to restore its air was
bait. Rules 5 let a side answer a failed grab wherever it happens; the AI holds on at home
while the way is watched (the cutters breathe the same air), goes all together at the
very end, and does not march past a pack of them beside its way (18% / 5%, 10% / 0%).
Measure it: iss-game balance --bot bots/adversary_airbait.py"""
from game.sim import api

HOME = {"us": "destiny", "ru": "zvezda"}
LEVERS = {"us": ("power_ru", "o2_tranquility"), "ru": ("attitude", "o2_zvezda")}
HIDE = {"us": "harmony", "ru": "nauka"}
SEG = {"us": "USOS", "ru": "ROS"}


class AirBait:
    def __init__(self, side, seed):
        self.side, self.foe = side, ("ru" if side == "us" else "us")
        self.talked, self.talk_tick = set(), 0

    def decide(self, v):
        me, foe, out = self.side, self.foe, []
        mine = [c for c in v.crew if c.side == me and c.free and not c.gone]
        theirs = [c for c in v.crew if c.side == foe and not c.restrained and not c.gone]
        free_t = [t for t in theirs if t.free]
        sysd = {s.id: s for s in v.systems}
        seg = {m.id: m.segment for m in v.modules}
        levers = [sysd[x] for x in LEVERS[me]]
        taken = set()
        if v.tick - self.talk_tick >= 600:
            self.talked, self.talk_tick = set(), v.tick
        # where to be
        intruders = [t for t in free_t if seg[t.module] == SEG[me] and
                     not (t.task == "move" and seg.get(t.target) == SEG[me])]
        low_air = not v.oxygen_generating and v.oxygen_reserve_s < 900
        for i, c in enumerate(mine):
            if c.task in ("restrain", "held", "offline", "restore"):
                continue
            here = [t for t in theirs if t.module == c.module and t.id not in taken and
                    t.task not in ("held", "restrain") and t.braced_until <= v.tick and
                    v.bond(c.id, t.id) < 60]
            pinned = [t for t in here if t.pinned_until >= 0]
            if v.may_act[me] and here and (c.stress <= c.stress_limit or pinned):
                p, t = max((api.restrain_odds(v, c.id, t.id)[2], t) for t in (pinned or here))
                if p >= 500 or t.pinned_until >= 0 or \
                        (seg[c.module] == SEG[me] and not v.may_act[foe]):
                    taken.add(t.id)
                    out.append(api.Restrain(me, c.id, t.id))
                    continue
            dest = None
            if v.may_act[me]:
                cut = [s for s in levers if s.on]
                if low_air:
                    s = sysd[LEVERS[me][1]]
                    dest = s.module
                    if c.module == s.module and not s.on and not here:
                        out.append(api.SystemRestore(me, c.id, s.id))
                        continue
                elif cut and v.oxygen_reserve_s > 9000 and v.debris_deadline < 0:
                    s = cut[i % len(cut)]
                    dest = s.module
                    if c.module == s.module and c.stress <= c.stress_limit:
                        out.append(api.SystemOffline(me, c.id, s.id))
                        continue
                elif intruders:
                    dest = min(intruders,
                               key=lambda t: api.move_seconds(v, c.id, t.module) or 999).module
                    if me == "us" and dest not in ("pma1", "unity") and c.module != dest:
                        dest = "unity"  # the way home: wait for them there
                elif len(free_t) <= 1:
                    dest = HOME[foe]
                else:
                    dest = HIDE[me]
            else:
                dest = HOME[me]
            if me == "ru" and v.debris_deadline >= 0 and not sysd["attitude"].on:
                dest = "zvezda"
                if c.module == "zvezda" and not here:
                    out.append(api.SystemRestore(me, c.id, "attitude"))
                    continue
            mates = [x for x in mine if x.module == c.module and x is not c and x.task == "idle"
                     and x.id not in self.talked]
            if dest == c.module and not v.air_short and c.task == "idle" and c.stress > 20 and \
                    mates and not here and c.id not in self.talked:
                x = max(mates, key=lambda x: x.stress)
                self.talked.update((c.id, x.id))
                out.append(api.Talk(me, c.id, x.id))
                continue
            if dest and c.module != dest and not (c.task == "move" and c.target == dest):
                out.append(api.Move(me, c.id, dest))
        return out


def make_bot(side, seed):
    return AirBait(side, seed)
