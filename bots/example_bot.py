"""An example bot for iss-game: copy it, change it, play it.

    iss-game sim --seed 7 --us bot:bots/example_bot.py --ru ai:hard
    iss-game sim --seeds 1-40 --json --us bot:bots/example_bot.py   # how often does it win?
    iss-game balance --bot bots/example_bot.py                      # against the hard AI

A bot file defines ``make_bot(side, seed)`` returning an object with
``decide(view) -> list`` of commands from ``game.sim.api``. The game calls ``decide`` every
5 mission seconds with the read-only ``StateView`` of your side: your crew, where
everyone is, the hatches, the systems, trust, the fights under way, what the ground has
told you. The other side's order is secret until your side learns of it, exactly as
for a human player. Your commands are checked like a player's; a refused one is in
``view.refusals`` the next time. Raise, return nonsense or take over a second and the
game stops with one line naming this file.

This one plays "the steward": a guard stays in the command module; before the order
the others talk across the divide (trust, bonds); once it may use force it picks off
whoever stands alone where the odds (as the rules will count them) are 60% or better,
and anyone standing by a cut system brings it back.
"""

from game.sim import api

HOME = {"us": "destiny", "ru": "zvezda"}


class Steward:
    def __init__(self, side: str, seed: int):
        self.side = side
        self.foe = "ru" if side == "us" else "us"

    def decide(self, view):
        mine = [c for c in view.crew if c.side == self.side and c.free]
        theirs = [c for c in view.crew if c.side == self.foe and c.free]
        out = []
        for i, c in enumerate(mine):
            if c.task != "idle":
                continue  # let it finish
            broken = [s for s in view.systems if not s.on and s.module == c.module]
            if broken and not any(t.module == c.module for t in theirs):
                out.append(api.SystemRestore(self.side, c.id, broken[0].id))
            elif i == 0:
                if c.module != HOME[self.side]:
                    out.append(api.Move(self.side, c.id, HOME[self.side]))
            elif view.may_act[self.side]:
                out += self.hunt(view, c, theirs)
            else:
                out += self.talk(c, theirs)
        return out

    def hunt(self, view, c, theirs):
        here = [t for t in theirs if t.module == c.module and t.task == "idle"]
        for t in here:
            _attackers, _defenders, permille = api.restrain_odds(view, c.id, t.id)
            if permille >= 600:
                return [api.Restrain(self.side, c.id, t.id)]
        alone = [t for t in theirs if sum(x.module == t.module for x in theirs) == 1
                 and t.module not in ("soyuz", "dragon")]
        if alone and not here:
            near = min(alone, key=lambda t: api.move_seconds(view, c.id, t.module) or 10**6)
            return [api.Move(self.side, c.id, near.module)]
        return []

    def talk(self, c, theirs):
        here = [t for t in theirs if t.module == c.module]
        if here:
            return [api.Talk(self.side, c.id, here[0].id)]
        away = [t for t in theirs if t.module != HOME[self.foe] and t.task != "move"]
        return [api.Move(self.side, c.id, away[0].module)] if away else []


def make_bot(side, seed):
    return Steward(side, seed)
