"""The ISS's ground stations: the control centres whose passes carry orders and calls.

Coordinates are those of ``assets/station.json`` (key ``ground_segment``, where each is
cited: Wikipedia/Wikimapia for MCC-H, TsNIIMash for TsUP, DLR for Col-CC, JAXA for
Tsukuba, CSA for Longueuil); ``tests/test_facts.py`` holds the two to each other.

``min_elevation_deg`` is the elevation above the local horizon from which the game
counts the station as in contact: 10 degrees, the usual mask for a direct link (below
it terrain, buildings and the atmosphere make the link unreliable). In reality the US
segment talks to Houston through the TDRS relay satellites almost all the time; the game
follows the film, where orders reach the crew only on direct passes.
"""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MIN_ELEVATION_DEG = 10.0


@dataclass(frozen=True)
class GroundStation:
    """A control centre: WGS84 geodetic latitude, east longitude (degrees)."""

    id: str
    name: str  # full name, for the orbit screens
    short: str  # one word, for the HUD ("Houston")
    centre: str  # what the centre is called there ("TsUP", "Col-CC")
    lat_deg: float
    lon_deg: float
    agency: str
    side: str  # "us" or "ru": the bloc it belongs to (whose war strikes it)
    min_elevation_deg: float = DEFAULT_MIN_ELEVATION_DEG

    @property
    def label(self) -> str:
        """Place and centre, for the war's strike list: "Korolyov (TsUP)"."""
        return f"{self.short} ({self.centre})"


GROUND_STATIONS: dict[str, GroundStation] = {s.id: s for s in (
    GroundStation("houston", "Mission Control Houston (MCC-H)", "Houston", "Mission Control",
                  29.55806, -95.08833, "NASA", "us"),
    GroundStation("korolyov", "TsUP Korolyov (MCC-M)", "Korolyov", "TsUP",
                  55.912938, 37.809743, "Roscosmos", "ru"),
    GroundStation("oberpfaffenhofen", "Columbus Control Centre, Oberpfaffenhofen",
                  "Oberpfaffenhofen", "Col-CC", 48.07806, 11.2525, "ESA", "us"),
    GroundStation("tsukuba", "JAXA Tsukuba Space Center", "Tsukuba", "SSOF",
                  36.0658, 140.1298, "JAXA", "us"),
    GroundStation("longueuil", "CSA John H. Chapman Space Centre, Longueuil", "Longueuil", "CSA",
                  45.52239, -73.39582, "CSA", "us"),
)}

#: Each side's own mission control: its orders come only over this station.
MISSION_CONTROL: dict[str, str] = {"us": "houston", "ru": "korolyov"}

#: The partner agencies (the international scenario's neutral crew): neither bloc's.
PARTNER_AGENCIES: tuple[str, ...] = ("ESA", "JAXA", "CSA")

#: A partner agency's own control centre.
AGENCY_STATION: dict[str, str] = {s.agency: s.id for s in GROUND_STATIONS.values()
                                  if s.agency in PARTNER_AGENCIES}
