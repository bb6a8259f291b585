"""A tiny explicit PRNG (SplitMix64) whose whole state is one integer.

The game owns one; its state goes into snapshots and the checksum, so a replay that
draws one number more or less than the original is caught. Integer-only: the same
numbers on every machine and Python version.
"""

from __future__ import annotations

_MASK = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15


def mix64(z: int) -> int:
    """SplitMix64's finaliser: a well-mixed 64-bit value from any 64-bit value."""
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & _MASK
    z = (z ^ (z >> 27)) * 0x94D049BB133111EB & _MASK
    return z ^ (z >> 31)


def seed_state(seed: int, stream: str = "") -> int:
    """A starting state from a seed and a stream name (no ``hash()``: it varies per run)."""
    s = seed & _MASK
    for ch in stream.encode("utf-8"):
        s = mix64((s ^ ch) + _GOLDEN & _MASK)
    return s


class Prng:
    """SplitMix64. ``state`` is public so it can be saved and restored."""

    __slots__ = ("state",)

    def __init__(self, state: int):
        self.state = state & _MASK

    def next64(self) -> int:
        self.state = (self.state + _GOLDEN) & _MASK
        return mix64(self.state)

    def below(self, n: int) -> int:
        """Uniform integer in [0, n) (n >= 1); rejection sampling, no modulo bias."""
        if n <= 0:
            raise ValueError("n must be positive")
        limit = (1 << 64) - ((1 << 64) % n)
        while True:
            x = self.next64()
            if x < limit:
                return x % n

    def between(self, lo: int, hi: int) -> int:
        """Uniform integer in [lo, hi]."""
        return lo + self.below(hi - lo + 1)

    def chance(self, num: int, den: int) -> bool:
        """True with probability num/den (integers, exact)."""
        return self.below(den) < num

    def pick(self, seq):
        return seq[self.below(len(seq))]
