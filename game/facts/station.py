"""The real station: its pressurized modules, the hatches between them, where its
systems are, and the vehicles docked to it (configuration of 2024-2025).

Source: ``assets/station.json``, a compiled fact sheet that cites a public source for
every module (lengths from NASA/Boeing figures via worldspaceflight.com, connections
from NASA's element pages); ``tests/test_facts.py`` checks these tables against it. They
are written out here rather than read from the file at run time so that a game's rules
never change because an asset was edited (the replays' ``RULES_VERSION`` pins them).

Modelling choices on top of the facts, each visible to the player:
- The three Pressurized Mating Adapters are modules (short passages): PMA-1 joins the
  segments (Unity aft - Zarya forward), PMA-2 carries the Crew Dragon port (IDA-2,
  Harmony forward), PMA-3 the spare IDSS port (Harmony zenith).
- The ways home are modules too: a Soyuz docked at Rassvet nadir (as Soyuz MS-24 was,
  September 2023) and a Crew Dragon at IDA-2 on PMA-2. Their lengths are the habitable
  length (Soyuz orbital + descent module about 5.2 m; Crew Dragon capsule about 4.4 m).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Module:
    id: str
    name: str
    segment: str  # "USOS", "ROS" or "vehicle"
    length_m: float


MODULES: tuple[Module, ...] = (
    Module("unity", "Unity", "USOS", 5.47),
    Module("destiny", "Destiny", "USOS", 8.5),
    Module("harmony", "Harmony", "USOS", 7.2),
    Module("tranquility", "Tranquility", "USOS", 6.706),
    Module("cupola", "Cupola", "USOS", 1.5),
    Module("quest", "Quest", "USOS", 5.5),
    Module("columbus", "Columbus", "USOS", 6.871),
    Module("kibo_jpm", "Kibo", "USOS", 11.2),
    Module("kibo_elm_ps", "Kibo ELM-PS", "USOS", 4.2),
    Module("leonardo_pmm", "Leonardo", "USOS", 6.6),
    Module("beam", "BEAM", "USOS", 4.01),
    Module("pma1", "PMA-1", "USOS", 1.86),
    Module("pma2", "PMA-2", "USOS", 1.86),
    Module("pma3", "PMA-3", "USOS", 1.86),
    Module("dragon", "Crew Dragon", "vehicle", 4.4),
    Module("zvezda", "Zvezda", "ROS", 13.1),
    Module("zarya", "Zarya", "ROS", 12.56),
    Module("poisk", "Poisk", "ROS", 4.9),
    Module("rassvet", "Rassvet", "ROS", 6.0),
    Module("nauka", "Nauka", "ROS", 13.12),
    Module("prichal", "Prichal", "ROS", 4.91),
    Module("soyuz", "Soyuz", "vehicle", 5.2),
)

#: Every hatch joins two modules; its id is "a-b" in this order. The station is a tree:
#: PMA-1 is the one passage between the segments.
HATCHES: tuple[tuple[str, str], ...] = (
    ("pma1", "unity"), ("zarya", "pma1"), ("zarya", "zvezda"), ("zarya", "rassvet"),
    ("zvezda", "poisk"), ("zvezda", "nauka"), ("nauka", "prichal"), ("unity", "destiny"),
    ("unity", "quest"), ("unity", "tranquility"), ("destiny", "harmony"),
    ("harmony", "columbus"), ("harmony", "kibo_jpm"), ("harmony", "pma2"), ("harmony", "pma3"),
    ("tranquility", "cupola"), ("tranquility", "leonardo_pmm"), ("tranquility", "beam"),
    ("kibo_jpm", "kibo_elm_ps"), ("rassvet", "soyuz"), ("pma2", "dragon"),
)


@dataclass(frozen=True)
class Vehicle:
    id: str  # its module id
    side: str  # whose way home it is
    capacity: int  # seats
    port: str  # the module it is docked to


#: Soyuz: three seats. Crew Dragon: flown with four seats to the ISS (it has seven).
VEHICLES: tuple[Vehicle, ...] = (
    Vehicle("soyuz", "ru", 3, "rassvet"),
    Vehicle("dragon", "us", 4, "pma2"),
)


@dataclass(frozen=True)
class System:
    id: str
    module: str
    name: str


#: The systems the game models, where they are (station.json ``station_systems``):
#: the US arrays feed the Russian segment through the power interface (commanded from
#: Destiny, the US command-and-control module); Zvezda holds the thrusters that give
#: the whole station attitude control and reboost, and the Elektron oxygen generator;
#: Tranquility holds the US Oxygen Generation System.
SYSTEMS: tuple[System, ...] = (
    System("power_ru", "destiny", "US power feed to the Russian segment"),
    System("attitude", "zvezda", "Attitude control and reboost thrusters"),
    System("o2_zvezda", "zvezda", "Elektron oxygen generator"),
    System("o2_tranquility", "tranquility", "Oxygen Generation System"),
)

#: Command and control: the US C&C computers are in Destiny, the Russian DMS-R in Zvezda.
CONTROL_MODULES: tuple[str, ...] = ("destiny", "zvezda")

#: The Cupola: seven windows straight down at the Earth.
CUPOLA = "cupola"
