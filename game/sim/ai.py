"""The AI commander for either side: a bot like any other, deciding on the StateView.

It reads only what a player sees (``StateView``, through the same ``odds`` the rules
use) and issues the same commands; the runner submits them and a refused one is shown
back to it in ``view.refusals`` (it never asks the same thing more than three times in
a row). Deterministic: its only randomness is its own SplitMix64 stream seeded from the
game seed and its side.

How it plays (``hard``):
- *Routine* (no order yet): a guard in its command module, the others near home; guests
  in its command module or vehicle (or two or more anywhere in its segment) are shown
  out when it has the numbers, unless they are marching on its command module; partner
  crew (international) are courted where the other side leads. It knows the other
  side's order only as a player does (its own passes, their use of force, a guest who
  refuses to leave), so once their mission control has had a pass since the war began,
  the cautious ones gather home, a dovish one keeping a diplomat at the border to talk.
- *Defend* (attacked before its own order): everyone home; force only in its own segment.
- *War*: as many guards as enemies are coming (their moves are in plain view), none
  while the other side cannot take anything yet; the others choose an objective (their
  command module, or a lone enemy within reach) by the odds all of them would have there,
  gather at the door and go in together. The odds it needs fall when it is ahead and in
  a long stand-off, rise when it is behind. A restrained crewmate nearby is freed (a
  trip it keeps to until it gets there). It seals home only to buy time when
  outnumbered. A spiteful side that is losing cuts the other side's oxygen or power,
  and lets go when the reserve runs low (the most spiteful never do).
- *Peace*: no force; talk across the divide away from either command module; give up
  when nobody answers for an hour (four before their order is known).
- *Flee*: when beaten (one of us left against more, a seizure it cannot break, or air
  running out it cannot restore), everyone boards the vehicle and leaves; never when
  winning.
- *Together*: when the ground is dark (or the air nearly gone), nobody is winning and a
  bond across the divide holds, that crew member heads for the Soyuz with their friend:
  both commanders read the same bond and the same signal, so they converge (for half an
  hour, once).
- Partners (international) hold its home and never strike: one who sees its side use
  force leaves it. Its crew talk each other down near their stress limit. It sends
  nobody alone past the enemy (to free a friend, to restore a system; a minute off the
  way is near, a minute and a half before its own order) and keeps out of a crowd of
  them once they may have their order. Its air cut and every way to it watched, it holds
  on at home (the cutters breathe the same air) and goes all together at the very end;
  it does not march past a pack of them as strong as its strikers beside its way.
- Always: restore what is cut where it stands, walk to life support in an emergency,
  never ask a refused thing more than three times in a row, and read a crew member's
  stress bar once they have refused for stress.

``easy`` decides every minute, attacks at any odds and piecemeal, never gathers,
escorts, seals or waits for the others, courts partners half as often, and runs earlier.
"""

from __future__ import annotations

from collections import Counter

from game.sim import odds as _odds
from game.sim import station as st
from game.sim import tuning as tn
from game.sim.commands import (
    CloseHatch,
    Escort,
    Free,
    Leave,
    Move,
    OpenHatch,
    Restrain,
    SystemOffline,
    SystemRestore,
    Talk,
)
from game.sim.crew import PARTNER_AGENCIES
from game.sim.prng import Prng, seed_state

DIFFICULTIES = ("easy", "hard")
NEUTRAL = "neutral"
HOME = {"us": "destiny", "ru": "zvezda"}
STAGING = {"us": "zarya", "ru": "unity"}  # next to the enemy's command module
SEAL = {"us": "unity-destiny", "ru": "zarya-zvezda"}  # home's hatch toward the enemy
NEAR_HOME = {"us": ("destiny", "unity", "harmony"), "ru": ("zvezda", "zarya", "nauka")}
BORDER = {"us": "unity", "ru": "zarya"}  # our side of the one passage between segments
SEGMENT = {"us": "USOS", "ru": "ROS"}
#: what each side can cut that hurts the other (its own segment's modules)
LEVERS = {"us": ("power_ru", "o2_tranquility"), "ru": ("attitude", "o2_zvezda")}
_HOME_SIDE = {side: st.side_of(h, HOME[side]) for side, h in SEAL.items()}
BUSY = ("restrain", "held", "force", "leave", "escort", "offline", "restore", "free")
RETRIES = 3
FORCE = ("restrain", "close", "offline")
MELEE_NEED = 330  # the least odds (per mille) the hard AI ever grabs at: in a melee
STEADY_AT = 15  # this near their limit (and this high), a crew member is talked down
O2_CHAIN = ("o2_zvezda", "o2_tranquility", "power_ru", "attitude")  # what the air needs
HOLD = object()  # what a crew member does now: nothing new, and nothing else either
AIR_PARTY_S = 600  # with this little air left, all of us go for it together, watched or not
EXPOSED_S = 60  # an enemy this near the way makes a lone errand bait
NEAR_S = 45  # a pack of theirs this near our way (or its end) blocks it
EXPOSED_UNARMED_S = 90  # without our order, an enemy this near the way makes an errand bait
GIVE_UP_S = 1200  # a command refused RETRIES times in a row is not asked again this long


class AI:
    """One side's commander. The runner calls ``decide(view)`` when ``view.tick >= wake``."""

    only_on_change = 120  # nothing changed: the runner need not ask again for up to 2 min

    def __init__(self, side: str, seed: int, difficulty: str = "hard"):
        if side not in ("us", "ru"):
            raise ValueError(f"unknown side '{side}'")
        if difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty '{difficulty}'")
        self.side, self.foe = side, ("ru" if side == "us" else "us")
        self.difficulty = difficulty
        self.hard = difficulty == "hard"
        self.rng = Prng(seed_state(seed, f"ai:{side}"))
        self.hawk = self.rng.below(100)
        self.dove = self.rng.below(100)
        self.spite = self.rng.below(100)
        self.nerve = self.rng.below(100)
        self.period = 10 if self.hard else 60
        #: hard, face to face with them (or a fight on): as often as a bot is asked
        self.close_period = 5 if self.hard else 60
        self.wake = 0
        self.plan = "routine"
        self.plan_since = 0
        self.guard = ""
        self.progress_tick = 0  # last tick something went our way (stand-off detection)
        self.home, self.target = HOME[side], HOME[self.foe]
        self.vehicle = st.VEHICLE_OF[side]
        self._refused: dict[tuple, list] = {}  # (crew, kind) -> [refused in a row, last tick]
        self._knows_stress: set[str] = set()  # crew whose stress refusal we have seen
        self._seen_refusals = 0
        self._view = None
        self._now = 0
        self._armed_seen = -1
        self._foe_talked = -10**9  # last tick we saw one of them talking to one of us
        self._last: dict[str, tuple] = {}  # crew -> (kind, target) last asked
        self._signature: tuple = ()
        self._talked: dict[tuple, int] = {}  # (crew, other) -> tick we last had them talk
        self._together_tried = False
        self.escape: tuple[str, int] | None = None  # (our crew member, since) leaving together
        self._busy: set[str] = set()
        self._moving: dict[str, int] = {}  # crew -> tick their current move was ordered
        self._missions: dict[str, tuple[str, int]] = {}  # crew -> (module, give up at tick)
        self._air_goal = ""  # the system our air party goes to restore
        self._memo_view = None  # the view the facts in _memo were read from
        self._memo: dict = {}
        self._holder = ((), {})  # (view.modules, module -> holder): kept while unchanged
        self._hatch = ((), {})  # (view.hatches, hatch -> open)

    # ---- top level -----------------------------------------------------------------------

    def decide(self, view) -> list:
        """Commands for this moment (submitted by the caller, in order)."""
        self.wake = view.tick + self.period
        self._view = view
        self._learn_refusals(view)
        me, foe = self.side, self.foe
        crew = view.crew
        mine = [c for c in crew if c.side == me and c.free]
        if not mine:
            return []
        theirs = [c for c in crew if c.side == foe and c.free]
        if view.fights or any(t.module == c.module for t in theirs for c in mine):
            self.wake = view.tick + self.close_period
        if self._holder[0] is not view.modules:  # (views share parts that did not change)
            self._holder = (view.modules, {m.id: m.holder for m in view.modules})
        if self._hatch[0] is not view.hatches:
            self._hatch = (view.hatches, {h.id: h.open for h in view.hatches})
        holder, hatch = self._holder[1], self._hatch[1]
        down = [c for c in crew if c.side == foe and not c.gone and not c.restrained and
                c.pinned_until >= 0]
        ctx = _Ctx(view, holder, hatch, mine, theirs, down)
        self._update_plan(view, ctx)
        guard = next((c for c in mine if c.id == self.guard), None)
        if guard is None or guard.module in st.VEHICLES:
            guard = min(mine, key=lambda c: (st.TREE_SECONDS[(c.module, self.home)],
                                             st.MODULE_INDEX[c.module]))
            self.guard = guard.id
        order = [guard] + [c for c in mine if c is not guard]
        out: list = []
        busy: set[str] = set()
        self._busy = set(c.target for c in view.crew if c.task in ("offline", "restore"))
        self._queued: dict[str, list[int]] = {}  # module -> [our grabs, their crew grabbed]
        for i, c in enumerate(order):
            cmd = self._act(ctx, c, i, order, busy)
            if cmd is None or cmd is HOLD or self._same_as_now(c, cmd) or self._given_up(c, cmd):
                continue
            self._last[c.id] = _key(cmd)
            out.append(cmd)
        return out

    # ---- refusals: never ask the same thing more than RETRIES times in a row --------------

    def _learn_refusals(self, view) -> None:
        new = [r for r in view.refusals if r.side == self.side]
        if len(new) < self._seen_refusals:
            self._seen_refusals = 0
        for r in new[self._seen_refusals:]:
            last = self._last.get(r.crew)
            if "refuses to be shown out" in r.reason:
                self._armed_seen = r.tick  # a guest who will not leave: they have orders
            if " refuses: stress " in r.reason:
                self._knows_stress.add(r.crew)  # now we read their stress bar first
            if last is not None and last[0] == r.kind:
                k = (r.crew, r.kind)
                n = self._refused.setdefault(k, [0, r.tick])
                n[0], n[1] = n[0] + 1, r.tick
        self._seen_refusals = len(new)
        self._now = view.tick
        for c in view.crew:  # a command that went through ends its run of refusals
            if c.side == self.side and (c.id, c.task) in self._refused:
                del self._refused[(c.id, c.task)]

    def _pinned(self, crew_id: str) -> bool:
        return any(c.id == crew_id and c.pinned_until >= 0 for c in self._view.crew)

    def _foe_defends(self, view) -> bool:
        """May they defend themselves (no surprise, their home counts), as we know it? The
        hard AI also reckons with an order it cannot see yet: once their mission control
        has had a pass since it could have sent one, it counts on no surprise (it once
        walked into a fortress that had just heard its order, and lost the melee)."""
        return view.may_defend[self.foe] or self._foe_armed(view) or \
            (self.hard and self._foe_may_have_order(view))

    def _foe_may_have_order(self, view) -> bool:
        """Their mission control has had a pass since the war began and it could have sent
        their order (the passes are public, the order is not)."""
        return bool(view.strikes) and \
            view.last_contact[self.foe] >= view.strikes[0].tick + tn.ORDER_DELAY_S[0]

    def _foe_armed(self, view) -> bool:
        """May they use force, as far as we know (the view, or a guest who said so)?"""
        return view.may_act[self.foe] or self._armed_seen >= 0

    def _given_up(self, c, cmd) -> bool:
        """Refused RETRIES times in a row lately, or (for force) a crew member whose stress
        we have learned to read is over the limit: do not ask."""
        if cmd.kind in FORCE and c.id in self._knows_stress and c.stress > c.stress_limit \
                and not (cmd.kind == "restrain" and self._pinned(cmd.target)):
            return True  # (securing a pinned enemy is not refused for stress)
        k = (c.id, cmd.kind)
        n = self._refused.get(k)
        if n is None:
            return False
        if self._now - n[1] > GIVE_UP_S:
            del self._refused[k]
            return False
        return n[0] >= RETRIES

    # ---- the plan ------------------------------------------------------------------------

    def _set_plan(self, plan: str, tick: int) -> None:
        if plan != self.plan:
            self.plan, self.plan_since = plan, tick

    def _update_plan(self, view, ctx) -> None:
        me = self.side
        t = view.tick
        n_me, n_foe = len(ctx.mine), len(ctx.theirs)
        signature = (n_me, n_foe, ctx.holder[self.home], ctx.holder[self.target],
                     sum(1 for c in view.crew if c.restrained))
        if signature != self._signature:
            self.progress_tick, self._signature = t, signature
        if self.escape is None and self._together_time(view, ctx):
            self.escape = (self._bonded_pair(view, ctx)[1].id, t)
        if not view.may_act[me]:
            self._set_plan("defend" if view.may_defend[me] else "routine", t)
            return
        seizing = view.seize_side == self.foe
        # able: not restrained (a pinned crew member is back on their feet in a minute)
        able = sum(1 for c in view.crew if c.side == me and not c.gone and not c.restrained)
        able_foe = sum(1 for c in view.crew if c.side == self.foe and not c.gone and
                       not c.restrained)
        losing = able <= 1 < able_foe or \
            (seizing and view.seize_due - t < 240 and not self._can_break_seize(ctx))
        dying = not view.oxygen_generating and view.oxygen_reserve_s < 1800 and \
            not self._can_restore_o2(ctx)
        winning = able > able_foe or view.seize_side == me
        if self.plan != "flee" and not winning and (
                losing and self.nerve < (55 if self.hard else 85) or
                dying and self.nerve < 50):
            self._set_plan("flee", t)
            return
        if self.plan == "flee":
            return
        if self.plan in ("routine", "defend"):  # the order (or the dark) just came
            hit = self._hit_lately(view)
            peace_odds = self.dove * (2 if view.trust >= 45 else 1) * \
                (2 if t - self._foe_talked < 1800 else 1) // (3 if hit else 1)
            war_odds = self.hawk + (60 if not self._foe_armed(view) else 20) + \
                (40 if self.hard else 0)
            roll = self.rng.below(peace_odds + war_odds + 1)
            self._set_plan("peace" if roll < peace_odds else "war", t)
        if any(c.side == self.foe and c.task == "talk" and c.target in ctx.mine_ids
               for c in view.crew):
            self._foe_talked = t
        if self.plan == "peace":
            patience = 3600 if self._foe_armed(view) else 2 * 3600
            unanswered = t - self.plan_since > patience and t - self._foe_talked > patience
            hopeful = view.trust >= 60 and self._foe_talked > 0  # they have talked to us
            if (self._hit_lately(view) and self.hawk > 20) or (unanswered and not hopeful) or \
                    (t - self.plan_since > 1800 and view.trust < 40):
                self._set_plan("war", t)
        elif self.plan == "war":
            if view.trust >= 70 and self.dove > 60 and not self._hit_lately(view) and \
                    not winning and t - self._foe_talked < 1800:
                self._set_plan("peace", t)

    def _read(self, view) -> dict:
        """Facts of ``view`` alone (and of our side), read once: the AI asks for them for
        each crew member of each decision, and they cannot change within it."""
        if self._memo_view is not view:
            self._memo_view, self._memo = view, {}
        return self._memo

    def _hit_lately(self, view, grabs_only: bool = False) -> bool:
        """Did the enemy use force on us in the last ten minutes (from the trust ledger)?
        ``grabs_only``: a restraint, not a seal or a cut (a melee is under way)."""
        memo = self._read(view)
        key = "hit_grabs" if grabs_only else "hit"
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = self._hit_in_ledger(view, grabs_only)
        return hit

    def _hit_in_ledger(self, view, grabs_only: bool) -> bool:
        names = {c.name for c in view.crew if c.side == self.foe}
        for ch in view.trust_ledger:
            if view.tick - ch.tick >= 600 or ch.delta >= 0:
                continue
            who = ch.reason.split(" tried")[0]
            if not grabs_only:
                who = who.split(" sealed")[0].split(" cut")[0]
            if who in names:
                return True
        return False

    def _together_time(self, view, ctx) -> bool:
        """The grey ending: the ground is dark (or the air is running out), nobody is
        winning, and a bond across the divide holds. Both commanders read the same."""
        if self._together_tried or self.dove < 40 or self._hit_lately(view):
            return False
        dying = not view.oxygen_generating and view.oxygen_reserve_s < 1800
        if not dying and (view.act < 3 or view.seize_side or
                          abs(len(ctx.mine) - len(ctx.theirs)) > 1):
            return False
        return self._bonded_pair(view, ctx) is not None

    def _bonded_pair(self, view, ctx):
        """The strongest bond across the divide (ties: by crew ids, the same for both)."""
        best = None
        for a in ctx.mine:
            for b in ctx.theirs:
                v = view.bond(a.id, b.id)
                key = (v, *sorted((a.id, b.id)))
                if v >= tn.BOND_ESCAPE and (best is None or key > best[0]):
                    best = (key, a, b)
        return None if best is None else (best[0][0], best[1], best[2])

    def _can_break_seize(self, ctx) -> bool:
        return any(st.TREE_SECONDS[(c.module, self.target)] < 200 or
                   st.TREE_SECONDS[(c.module, self.home)] < 200 for c in ctx.mine)

    def _can_restore_o2(self, ctx) -> bool:
        """Can we get the air back: something that stops it is unguarded, or guarded by
        fewer of them than we are (with our order)? (We once fled a lone enemy on each
        system, beside our own guard.)"""
        view = ctx.view
        off = [s for s in view.systems if s.id in O2_CHAIN and not s.on]
        if not off:
            return True
        for s in off:
            d = ctx.theirs_at[s.module]
            if d == 0 or (view.may_act[self.side] and len(ctx.mine) > d):
                return True
        return False

    @staticmethod
    def _same_as_now(c, cmd) -> bool:
        kind = cmd.kind
        if kind == "move":
            return c.task == "move" and c.target == cmd.to
        if kind == "open":
            return c.task in ("open", "force") and c.target == cmd.hatch
        return c.task == kind and c.target == _key(cmd)[1]

    # ---- one crew member ---------------------------------------------------------------

    def _act(self, ctx, c, i, order, busy):
        if c.task in BUSY:
            return None  # let it finish
        view = ctx.view
        plan = self.plan
        here_foes = [t for t in ctx.theirs if t.module == c.module]
        here_down = [t for t in ctx.down if t.module == c.module]
        if self.escape is not None and self.escape[0] == c.id:
            return self._together(ctx, c)
        if plan == "flee":
            return self._flee(ctx, c, order)
        if plan in ("war", "defend") or (view.may_act[self.side] and plan != "peace"
                                          and (here_foes or here_down)):
            cmd = self._fight(ctx, c, here_foes + here_down, busy)
            if cmd is not None:
                return cmd
        if self.hard and plan != "war" and self._outnumbered_at_their_pass(ctx, c, here_foes):
            return self._go(ctx, c, self.home, urgent=True)
        mission = self._missions.get(c.id)
        if mission is not None:  # a trip under way (to free a friend, to fix a system)
            dest, until = mission
            if c.module == dest or view.tick > until or \
                    any(t.module == dest for t in ctx.theirs):
                del self._missions[c.id]
            else:
                return self._go(ctx, c, dest, urgent=True)
        cmd = self._free_friend(ctx, c, here_foes)
        if cmd is not None:
            return cmd
        cmd = self._life_support(ctx, c, here_foes)
        if cmd is not None:
            return cmd
        cmd = self._steady(ctx, c, busy) if self.hard else None
        if cmd is not None:
            return cmd
        if plan == "routine":
            return self._routine(ctx, c, i, order, busy)
        if plan == "defend":
            return self._go(ctx, c, self.home, urgent=True)
        if plan == "peace":
            return self._peace(ctx, c, i, busy)
        return self._war(ctx, c, i, order, busy)

    def _fight(self, ctx, c, here_foes, busy):
        view = ctx.view
        if _partner(c):
            return None  # a partner who uses force leans away from us, and leaves us
        if st.SEGMENT[c.module] != SEGMENT[self.side] and any(
                _partner(x) and x.module == c.module for x in ctx.mine):
            return None  # nor do we strike before our partners' eyes: they would leave us
        if not view.may_act[self.side] and st.SEGMENT[c.module] != SEGMENT[self.side] and \
                c.module != self.vehicle:
            # without an order we defend our own segment, and elsewhere only against an
            # attacker pinned beside us
            here_foes = [t for t in here_foes if t.pinned_until >= 0]
        best = None
        defends = self._foe_defends(view)
        for t in here_foes:
            if t.id in busy or t.task in ("held", "restrain") or \
                    view.bond(c.id, t.id) >= tn.BOND_REFUSE or t.braced_until > view.tick:
                continue
            a, d, p = _odds.restrain_odds(view.crew, c, t, ctx.holder[c.module], not defends)
            # the grabs we are starting in this very decision lock both in them: the odds
            # they leave (each grab was once weighed on the same snapshot, 40% became 25%)
            ours, theirs = self._queued.get(c.module, (0, 0))
            if ours or theirs:
                p = _odds.chance(max(0, a - ours), max(0, d - theirs))
            if best is None or p > best[0]:
                best = (p, t)
        if best is None:
            return None
        p, t = best
        if self.hard:
            # the price of failure: pinned, and open to their answer at these odds (not
            # counted against a surprise, which is struck by all of us at once)
            _a, _d, cp = _odds.counter_odds(view.crew, c, t, ctx.holder[c.module])
            dear = cp >= 500 and defends
            if p < self._need(ctx) + (100 if dear else 0):
                return None
        cmd = Restrain(self.side, c.id, t.id)
        if self._given_up(c, cmd):
            return None
        busy.add(t.id)
        q = self._queued.setdefault(c.module, [0, 0])
        q[0] += 1
        q[1] += t.pinned_until < 0  # a pinned one counted for nothing already
        return cmd

    def _need(self, ctx) -> int:
        """The odds (per mille) worth a restraint: lower when we outnumber them (our
        crewmates cover a failure), higher when they outnumber us; lower in a long
        stand-off."""
        ahead = len(ctx.mine) - len(ctx.theirs)
        need = (500 if self.hawk > 60 else 550) - 100 * ahead
        if self._stand_off(ctx.view):
            need -= 100
        if not self._foe_defends(ctx.view):
            need = min(need, 450)  # a surprise does not come back: their home will count
        if self._hit_lately(ctx.view, grabs_only=True):
            return MELEE_NEED  # a melee: whoever waits is grabbed (ours cover a failure)
        return max(350, min(650, need))

    def _stand_off(self, view) -> bool:
        """Nothing has moved our way for an hour. (Counting only from our order closed a
        gap an adversary used, but took the first-ordered side's edge under 55%.)"""
        return view.tick - self.progress_tick > 3600

    def _outnumbered_at_their_pass(self, ctx, c, here_foes) -> bool:
        """Among more of them than of us, when they may have their order (their mission
        control has had its pass) or will at their next pass, two minutes off: get out
        (the orbit is public; a dove once talked on among them until they grabbed her)."""
        view = ctx.view
        if not here_foes or st.SEGMENT[c.module] == SEGMENT[self.side] and \
                c.module != BORDER[self.side]:
            return False
        return len(here_foes) > ctx.mine_at[c.module] and self._their_order_near(view)

    def _crowded(self, ctx, c, dest: str) -> bool:
        """Would ``c`` be among more of them than of us at ``dest`` when they may have
        their order, so that ``_outnumbered_at_their_pass`` sends them straight back? (A
        diplomat once walked from home to a crowded border and back every 20 s for
        three hours, and the pace of the game stalled on it.)"""
        if not self.hard or c.module == dest:
            return False
        return ctx.theirs_at[dest] > 1 + ctx.mine_at[dest] and \
            self._their_order_near(ctx.view)

    def _their_order_near(self, view) -> bool:
        """They may have their order, or may within two minutes (their next pass)."""
        soon = 0 <= view.next_contact[self.foe] - view.tick <= 120 and view.war_begun
        return soon or (self.hard and self._foe_may_have_order(view))

    def _exposed(self, ctx, c, dest: str) -> bool:
        """Would ``c`` alone, on the way to ``dest`` (or there), pass within reach of an
        enemy who may use force? A lone errand there is the bait it was left for."""
        if not self.hard or not self._foe_defends(ctx.view):
            return False
        # without our order we cannot strike first out there: whoever can reach the way
        # while we walk it is in reach (an adversary waited 40 s off it, in Harmony)
        reach = EXPOSED_S if ctx.view.may_act[self.side] else EXPOSED_UNARMED_S
        return _near_way(ctx.theirs_at, c.module, dest, reach)

    def _watched(self, ctx, dest: str) -> bool:
        """Is the way from our home to ``dest`` within ``EXPOSED_UNARMED_S`` of one of
        theirs? (An adversary cut our air and waited beside the way to it.)"""
        return _near_way(ctx.theirs_at, self.home, dest, EXPOSED_UNARMED_S)

    def _free_friend(self, ctx, c, here_foes):
        if here_foes:
            return None
        view = ctx.view
        for x in view.crew:
            if x.restrained and x.side == self.side and not x.gone and x.module == c.module:
                return Free(self.side, c.id, x.id)
        if self.hard:  # go to a restrained crewmate nearby if no enemy sits with them
            for x in view.crew:
                if x.restrained and x.side == self.side and not x.gone and \
                        not any(t.module == x.module for t in ctx.theirs) and \
                        st.TREE_SECONDS[(c.module, x.module)] < 120 and \
                        not self._exposed(ctx, c, x.module) and \
                        not any(y.id in self._missions and self._missions[y.id][0] ==
                                x.module for y in ctx.mine):
                    self._missions[c.id] = (x.module, view.tick + 300)
                    return self._go(ctx, c, x.module, urgent=True)
        return None

    def _steady(self, ctx, c, busy):
        """A crew member near their stress limit with a crewmate beside them and no enemy
        near talks it down (``TALK_CALM_WITHIN``, once a pair per ``TALK_REPEAT_S``, not
        while the air is short): a side that did this and the AI that did not once parted
        by 60 points of stress, and with them the will to use force."""
        view = ctx.view
        if c.stress < max(STEADY_AT, c.stress_limit - STEADY_AT) or c.id in busy or \
                view.air_short:
            return None
        if any(st.TREE_SECONDS[(t.module, c.module)] <= 60 for t in ctx.theirs):
            return None
        mates = [x for x in ctx.mine if x.module == c.module and x is not c and
                 x.task == "idle" and x.id not in busy and
                 view.tick - self._talked.get(_pair(c.id, x.id), -10**9) >= tn.TALK_REPEAT_S]
        if not mates:
            return None
        x = max(mates, key=lambda x: (x.stress, x.id))
        cmd = Talk(self.side, c.id, x.id)
        if self._given_up(c, cmd):
            return None
        busy.update((c.id, x.id))
        self._talked[_pair(c.id, x.id)] = view.tick
        return cmd

    def _own_lever(self, s) -> bool:
        """A system our side cut on purpose (held as a lever, not restored by us)."""
        return s.cut_by == self.side and s.id in LEVERS[self.side]

    def _life_support(self, ctx, c, here_foes):
        """Restore what is cut where we stand; in an emergency (oxygen, debris) walk to it;
        at our own levers: cut or let go."""
        view = ctx.view
        lever = self._lever(ctx, c)
        if lever is not None:
            return lever
        memo = self._read(view)
        off = memo.get("off")
        if off is None:
            off = memo["off"] = [s for s in view.systems if not s.on and not self._own_lever(s)]
        if not off:
            return None
        for s in off:
            if s.module == c.module and not here_foes and s.id not in self._busy:
                self._busy.add(s.id)
                return SystemRestore(self.side, c.id, s.id)
        urgent = (not view.oxygen_generating and view.oxygen_reserve_s < 2 * 3600) or \
            (view.debris_deadline >= 0 and not _working(view, "attitude"))
        if not urgent:
            return None
        targets = [s for s in off if not any(t.module == s.module for t in ctx.theirs)]
        # not alone past them: a lone errand that passes within reach of an enemy is the
        # bait they cut it for (the strikers go together: ``_objective``)
        safe = [s for s in targets if not self._exposed(ctx, c, s.module)]
        if not safe:
            # every way there is watched: the cutters breathe the same air, so hold on
            # at home; go all together only at the very end
            last = not view.oxygen_generating and view.oxygen_reserve_s < AIR_PARTY_S
            return self._air_party(ctx, c, off) if self.hard and last else None
        targets = safe
        s = min(targets, key=lambda s: st.TREE_SECONDS[(c.module, s.module)])
        nearest = min(ctx.mine, key=lambda x: st.TREE_SECONDS[(x.module, s.module)])
        if nearest.id != c.id:
            return None
        self._missions[c.id] = (s.module, view.tick + 600)
        return self._go(ctx, c, s.module, urgent=True)

    def _air_party(self, ctx, c, off):
        """The air is running out and the way to what they cut is watched: all of us go,
        together. We gather at our border, then walk in as one, so a grab meets all of us
        and a failed one is answered (an adversary took a lone restorer, then the one sent
        to free them, then the home they left: 88% of its games)."""
        # one goal until it is restored (a goal that changed as they moved about in front
        # of us had us walk in and out for hours)
        goal = next((s for s in off if s.id == self._air_goal), None)
        s = goal or min(off, key=lambda s: (st.TREE_SECONDS[(self.home, s.module)], s.id))
        self._air_goal = s.id
        party = [x for x in ctx.mine if not _partner(x)]
        if c not in party or c.module == s.module:
            return None
        gather = BORDER[self.side]
        way = {gather, s.module, *st.TREE_ROUTE[(gather, s.module)]}
        dest = s.module if all(x.module in way for x in party) else gather
        if c.module == dest:
            return HOLD  # wait here for the others (the plan would call us home)
        return self._go(ctx, c, dest, urgent=True) or HOLD  # (or keep walking)

    def _lever(self, ctx, c):
        """A spiteful side that is losing cuts what the other side needs (oxygen, power)
        where it holds the module; it lets go (restores) once the reserve runs low, it
        is winning, or it wants peace. The most spiteful never let go."""
        view = ctx.view
        memo = self._read(view)
        levers = memo.get("levers")
        if levers is None:  # module -> our levers there
            levers = memo["levers"] = {}
            for s in view.systems:
                if s.id in LEVERS[self.side]:
                    levers.setdefault(s.module, []).append(s)
        here = levers.get(c.module)
        if not here or any(t.module == c.module for t in ctx.theirs):
            return None
        losing = len(ctx.mine) < len(ctx.theirs)
        want_cut = self.plan == "war" and self.spite >= 60 and losing and view.trust < 60 and \
            ctx.holder[c.module] == self.side
        for s in here:
            if s.id in self._busy:
                continue
            if s.on and want_cut and view.oxygen_reserve_s >= 2 * 3600:
                self._busy.add(s.id)
                return SystemOffline(self.side, c.id, s.id)
            if not s.on and s.cut_by == self.side and (
                    not want_cut or view.oxygen_reserve_s < 4500) and self.spite < 88:
                self._busy.add(s.id)
                return SystemRestore(self.side, c.id, s.id)
        return None

    # ---- routine ---------------------------------------------------------------------------

    def _routine(self, ctx, c, i, order, busy):
        view = ctx.view
        me, _foe = self.side, self.foe
        memo = self._read(view)
        if "guests" not in memo:
            memo["guests"] = [t for t in ctx.theirs if st.SEGMENT[t.module] == SEGMENT[me]]
            memo["coming"] = sum(1 for t in ctx.theirs if t.task == "move" and
                                 t.target == self.home)
        guests, coming = memo["guests"], memo["coming"]
        if self.hard and guests and not self._foe_armed(view) and not coming:
            unwelcome = [t for t in guests if t.module in (self.home, self.vehicle)] or \
                (guests if len(guests) >= 2 else [])
            for t in unwelcome:
                if t.module == c.module and t.id not in busy and \
                        not self._given_up(c, Escort(me, c.id, t.id)):
                    if ctx.mine_at[c.module] >= ctx.theirs_at[c.module]:
                        busy.add(t.id)
                        return Escort(me, c.id, t.id)
            if unwelcome and i < 2:
                m = unwelcome[0].module
                ours = sum(1 for x in ctx.mine if st.TREE_SECONDS[(x.module, m)] <= 60)
                if ours >= ctx.theirs_at[m]:
                    return self._go(ctx, c, m, urgent=True)
        if self._foe_armed(view) or any(t.module == self.home for t in guests) or \
                (self.hard and (coming > i or self._wary(view))):
            if self.dove > 50 and i == len(order) - 1 >= 2 and not coming:
                # the diplomat: one stays at the border to talk, the others gather home
                talk = self._talk_across(ctx, c, busy, near=True)
                if talk is not None:
                    return talk
                if not self._crowded(ctx, c, BORDER[me]):
                    return self._go(ctx, c, BORDER[me])
            return self._go(ctx, c, self.home, urgent=True)
        partner = self._court_partner(ctx, c, busy)
        if partner is not None:
            return partner
        if i == 0:
            return self._go(ctx, c, self.home)
        if self.dove > 50 and i >= 1 and view.war_begun:
            return self._talk_across(ctx, c, busy)
        if self.hard and (st.TREE_SECONDS[(c.module, self.home)] > 60 or
                          c.module == st.CUPOLA and view.war_begun):
            return self._go(ctx, c, NEAR_HOME[me][i % 3])
        return None

    def _wary(self, view) -> bool:
        """Their mission control has had a pass since the war began: they may well have
        their order (the orbit is public; the order is not). The cautious gather home."""
        return self.nerve < 80 and self._foe_may_have_order(view)

    def _court_partner(self, ctx, c, busy):
        """International: talk to a partner the other side is winning over, or any."""
        view = ctx.view
        partners = [x for x in view.crew if x.agency in PARTNER_AGENCIES and not x.gone
                    and not x.restrained and x.side != self.foe]
        if not partners or (not self.hard and self.rng.below(2)):
            return None
        if self.side == "us":
            def gap(x):
                return x.lean_ru - x.lean_us
        else:
            def gap(x):
                return x.lean_us - x.lean_ru
        partners.sort(key=lambda x: (-gap(x), st.TREE_SECONDS[(c.module, x.module)]))
        for x in partners:
            if x.id in busy or x.task in ("held", "restrain") or \
                    (x.side == self.side and gap(x) < -40):
                continue
            if x.module == c.module:
                if self._given_up(c, Talk(self.side, c.id, x.id)):
                    continue
                busy.add(x.id)
                return Talk(self.side, c.id, x.id)
            if st.TREE_SECONDS[(c.module, x.module)] < 150:
                busy.add(x.id)
                return self._go(ctx, c, x.module)
        return None

    def _talk_across(self, ctx, c, busy, near: bool = False):
        """Talk with someone across the divide, away from either command module (``near``:
        only with someone in this very module)."""
        if c.task == "talk":
            return None
        tick = ctx.view.tick
        quiet = 0 if self.plan == "peace" else tn.TALK_REPEAT_S
        others = [x for x in ctx.theirs if x.id not in busy and x.task not in ("held",)
                  and tick - self._talked.get((c.id, x.id), -10**9) >= quiet]
        for x in others:
            if x.module == c.module and not self._given_up(c, Talk(self.side, c.id, x.id)):
                busy.add(x.id)
                self._talked[(c.id, x.id)] = tick
                return Talk(self.side, c.id, x.id)
        if near:
            return None
        crowd = self._their_order_near(ctx.view)  # then not in among more of them
        others = [x for x in others if x.module not in (self.target, self.home)
                  and x.module not in st.VEHICLES and x.task != "move" and
                  not (crowd and ctx.theirs_at[x.module] > 1)]
        if not others:
            return None
        x = min(others, key=lambda x: st.TREE_SECONDS[(c.module, x.module)])
        busy.add(x.id)
        return self._go(ctx, c, x.module)

    # ---- peace -------------------------------------------------------------------------

    def _peace(self, ctx, c, i, busy):
        if i == 0:
            return self._go(ctx, c, self.home)
        partner = self._court_partner(ctx, c, busy)
        if partner is not None:
            return partner
        if c.module == self.target:
            return self._go(ctx, c, STAGING[self.side])
        return self._talk_across(ctx, c, busy)

    # ---- war -----------------------------------------------------------------------------

    def _war(self, ctx, c, i, order, busy):
        view = ctx.view
        me = self.side
        n_me, n_foe = len(order), len(ctx.theirs)
        lost_home = ctx.holder[self.home] != me
        guards = 0 if lost_home else self._guards(ctx, order)
        if i < guards:
            if c.module != self.home:
                return self._go(ctx, c, self.home, urgent=True)
            if self.hard and self._should_seal(ctx, order) and ctx.hatch[SEAL[me]]:
                return CloseHatch(me, c.id, SEAL[me])
            return None
        if _partner(c):
            # a partner leaves a side it sees strike (LEAN_FORCE_SEEN) and then counts for
            # the defence: partners hold our home, they are no strikers
            return self._go(ctx, c, self.home)
        strikers = [x for x in order[guards:] if not _partner(x)]
        if not strikers:
            return None
        goal, p, held_by = self._objective(ctx, strikers, lost_home)
        if c.module == goal:
            return None  # hold it, and fight when the odds come (chosen above)
        stand_off = self._stand_off(view)
        # all of them at home, and we no more: storming it loses the melee to their home;
        # besiege it and wait for them to come out (a turtle holds out to a draw)
        fortress = goal == self.target and len(strikers) <= n_foe and \
            all(t.module == goal for t in ctx.theirs)
        need = self._need(ctx) + self._dear(ctx, len(strikers), held_by)
        # ... nor walk into more of them on the way (they wait at our door for us), nor
        # past a pack of them as strong as we are beside the way or the goal (one waited
        # a module off an empty command module and took us on the way in)
        packs = [m for m, k in ctx.theirs_at.items() if m != goal and k >= len(strikers)]
        blocked = _near_way(packs, c.module, goal, NEAR_S)
        if self.hard and (n_me < n_foe or p < need or fortress or blocked) and not lost_home:
            return self._siege(ctx, c, busy)
        if self.hard and goal == self.target:
            stage = STAGING[me]
            if c.module != stage:
                return self._go(ctx, c, stage)
            ready = sum(1 for x in strikers if x.module in (stage, goal))
            if ready < len(strikers) and (not stand_off or not self._foe_defends(view)):
                return None  # wait for the others at the door: a surprise is struck together
        return self._go(ctx, c, goal)

    def _guards(self, ctx, order) -> int:
        """How many stay in our command module: enough for who is coming (their moves are
        in plain view), one at least; everyone if they are in or we are fewer."""
        if not self.hard:
            return 1
        home = self.home
        if any(t.module == home for t in ctx.theirs) or len(order) < len(ctx.theirs):
            return len(order)
        if not self._foe_armed(ctx.view):
            return 0  # they cannot take anything yet: everyone may strike
        coming = sum(1 for t in ctx.theirs if (t.task == "move" and t.target == home) or
                     (st.TREE_SECONDS[(t.module, home)] <= 30 and
                      not self._stand_off(ctx.view)))
        return max(1, coming)

    def _objective(self, ctx, strikers, lost_home):
        """Where the strikers go: their command module (or ours, if lost), a lone enemy we
        can take (one we are not too bonded with to grab: else we sat beside them for
        good), or a system they cut while no oxygen is made; with the odds all of them
        there would have, and the number of theirs there."""
        n = len(strikers)
        first = self.home if lost_home else self.target
        view = ctx.view
        options = [first] + [t.module for t in ctx.theirs if t.task == "idle" and
                             t.module not in st.VEHICLES and
                             any(view.bond(x.id, t.id) < tn.BOND_REFUSE for x in strikers) and
                             min((st.TREE_SECONDS[(x.module, t.module)] for x in strikers),
                                 default=999) <= 60]
        # the air: a system they cut is worth going for, together, while no oxygen is made
        # (not while a way to it is watched, but at the very end: they breathe it too)
        air = [] if view.oxygen_generating else \
            [s.module for s in view.systems if not s.on and s.cut_by == self.foe and
             (view.oxygen_reserve_s < AIR_PARTY_S or not self._watched(ctx, s.module))]
        need = self._need(ctx) if air else 0
        best = None
        for m in dict.fromkeys(options + air):
            d = ctx.theirs_at[m]
            home = tn.HOME_DEFENCE if ctx.holder[m] != self.side and d and \
                self._foe_defends(view) else 0
            p = _odds.chance(n, d + home)
            key = (m in air and p >= need + self._dear(ctx, n, d), p, m == first)
            if best is None or key > best[0]:
                best = (key, m, d)
        return best[1], best[0][1], best[2]

    def _dear(self, ctx, n: int, d: int) -> int:
        """What the odds must also pay for going in: if our first grab fails, their ``d``
        answer our pinned one against our other ``n - 1`` (``counter_odds``); at 50% or
        worse for us, 100 per mille more (the same price ``_fight`` asks on the spot)."""
        if not d or not self._foe_defends(ctx.view):
            return 0
        return 100 if _odds.chance(d, n - 1) >= 500 else 0

    def _siege(self, ctx, c, busy):
        """Too few to storm: stay near the door, court the partners."""
        partner = self._court_partner(ctx, c, busy)
        if partner is not None:
            return partner
        return self._go(ctx, c, NEAR_HOME[self.side][1])

    def _should_seal(self, ctx, order) -> bool:
        """Seal home only to buy time: outnumbered, all of us home-side, them outside."""
        inside = _HOME_SIDE[self.side]
        return len(ctx.theirs) > len(ctx.mine) and all(x.module in inside for x in order) and \
            not any(t.module in inside for t in ctx.theirs)

    # ---- leaving -------------------------------------------------------------------------

    def _flee(self, ctx, c, order):
        v = self.vehicle
        if c.module == v:
            aboard = [x for x in ctx.view.crew if x.free and x.module == v]
            if all(x.module == v for x in ctx.mine) or len(aboard) >= st.VEHICLES[v][1]:
                return Leave(self.side, c.id)
            return None
        return self._go(ctx, c, v)

    def _together(self, ctx, c):
        """Our bonded crew member heads for the Soyuz and leaves with their friend from
        across the divide once both are aboard; given up after half an hour."""
        view = ctx.view
        pair = self._bonded_pair(view, ctx)
        if pair is None or pair[1].id != c.id or view.tick - self.escape[1] > 1800 or \
                self._hit_lately(view):
            self.escape, self._together_tried = None, True
            return self._go(ctx, c, self.home) if c.module in st.VEHICLES else None
        friend = pair[2]
        if c.module != "soyuz":
            return self._go(ctx, c, "soyuz", urgent=True)
        aboard = [x for x in view.crew if x.free and x.module == "soyuz"]
        if friend.module == "soyuz" and all(
                any(view.bond(x.id, y.id) >= tn.BOND_ESCAPE for y in aboard if y.side != x.side)
                for x in aboard):
            return Leave(self.side, c.id)
        return None

    # ---- movement ------------------------------------------------------------------------

    def _go(self, ctx, c, dest, urgent: bool = False):
        """Move towards ``dest``, opening (or forcing) the first closed hatch in the way.
        A move under way is not turned round for a whim: only for something urgent, or
        once it has run a while (no dithering between two goals)."""
        if c.module == dest or (c.task == "move" and c.target == dest):
            return None
        tick = ctx.view.tick
        if c.task == "move" and not urgent and tick - self._moving.get(c.id, -10**9) < 90:
            return None
        h = st.first_closed_hatch(c.module, dest, ctx.hatch.__getitem__)
        if not h:
            if c.barred and c.barred_until > tick and not ctx.view.may_act[self.side] and \
                    any(st.SEGMENT[m] == c.barred for m in st.TREE_ROUTE[(c.module, dest)]):
                return None
            self._moving[c.id] = tick
            return Move(self.side, c.id, dest)
        a, b = st.HATCH_ENDS[h]
        if c.module in (a, b):
            return OpenHatch(self.side, c.id, h)
        near = a if st.TREE_SECONDS[(c.module, a)] < st.TREE_SECONDS[(c.module, b)] else b
        if near == c.module:
            return None
        self._moving[c.id] = tick
        return Move(self.side, c.id, near)


class _Ctx:
    __slots__ = ("view", "holder", "hatch", "mine", "theirs", "mine_ids", "down", "mine_at",
                 "theirs_at")

    def __init__(self, view, holder, hatch, mine, theirs, down=()):
        self.view, self.holder, self.hatch = view, holder, hatch
        self.mine, self.theirs = mine, theirs
        self.mine_ids = {c.id for c in mine}
        self.down = list(down)  # theirs pinned after a failed grab: open to a counter-grab
        # how many free crew of each side stand in each module (asked per crew member)
        self.mine_at = Counter(c.module for c in mine)
        self.theirs_at = Counter(c.module for c in theirs)


def _near_way(where, start: str, dest: str, reach: int) -> bool:
    """Is any of the modules ``where`` (of theirs) within ``reach`` seconds of the way from
    ``start`` to ``dest``, its end included?"""
    way = (*st.TREE_ROUTE[(start, dest)], dest)
    return any(st.TREE_SECONDS[(m, w)] <= reach for m in where for w in way)


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


def _partner(c) -> bool:
    """A partner agency's crew member (on our side for now, and only while we are good)."""
    return c.agency in PARTNER_AGENCIES


def _key(cmd) -> tuple[str, str]:
    for f in ("to", "hatch", "system", "target"):
        v = getattr(cmd, f, None)
        if v is not None:
            return cmd.kind, v
    return cmd.kind, ""


def _working(view, sys_id: str) -> bool:
    return next(s.working for s in view.systems if s.id == sys_id)
