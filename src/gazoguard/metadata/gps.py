"""GPS positions from the EXIF GPS IFD and from XMP ``exif:GPSLatitude`` strings."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from gazoguard.metadata.values import as_float, as_text

GPS_LAT_REF, GPS_LAT, GPS_LON_REF, GPS_LON = 1, 2, 3, 4
GPS_ALT_REF, GPS_ALT, GPS_TIME, GPS_DATE = 5, 6, 7, 29


@dataclass(frozen=True)
class Position:
    lat: float
    lon: float
    altitude: float | None = None
    timestamp: str | None = None

    @property
    def text(self) -> str:
        return f"{self.lat:.4f}, {self.lon:.4f}"

    @property
    def is_null_island(self) -> bool:
        """0, 0 is what some devices write when they have no fix."""
        return abs(self.lat) < 1e-6 and abs(self.lon) < 1e-6

    def attrs(self, source: str) -> dict[str, Any]:
        out: dict[str, Any] = {"lat": round(self.lat, 6), "lon": round(self.lon, 6), "source": source}
        if self.altitude is not None:
            out["altitude"] = round(self.altitude, 1)
        if self.timestamp:
            out["timestamp"] = self.timestamp
        if self.is_null_island:
            out["placeholder"] = True
        return out


def has_coordinate_tags(gps_ifd: Mapping[int, Any]) -> bool:
    return GPS_LAT in gps_ifd and GPS_LON in gps_ifd


def position_from_ifd(gps_ifd: Mapping[int, Any]) -> Position | None:
    """The position in a GPS IFD, or ``None`` when latitude or longitude is missing or not a valid number."""
    if not has_coordinate_tags(gps_ifd):
        return None
    lat = _degrees(gps_ifd.get(GPS_LAT), gps_ifd.get(GPS_LAT_REF), "S", 90.0)
    lon = _degrees(gps_ifd.get(GPS_LON), gps_ifd.get(GPS_LON_REF), "W", 180.0)
    if lat is None or lon is None:
        return None
    return Position(lat, lon, _altitude(gps_ifd), _timestamp(gps_ifd))


def _degrees(value: Any, ref: Any, negative_ref: str, limit: float) -> float | None:
    parts = value if isinstance(value, (tuple, list)) else (value,)
    numbers = [as_float(p) for p in parts[:3]]
    if not numbers or any(n is None for n in numbers):
        return None
    degrees = sum(n / 60**i for i, n in enumerate(numbers))  # type: ignore[operator]
    if any(n < 0 for n in numbers[1:]) or not 0 <= abs(degrees) <= limit:  # type: ignore[operator]
        return None
    if (as_text(ref) or "").upper().startswith(negative_ref):
        degrees = -abs(degrees)
    return degrees


def _altitude(gps_ifd: Mapping[int, Any]) -> float | None:
    altitude = as_float(gps_ifd.get(GPS_ALT))
    if altitude is None or abs(altitude) > 100_000:
        return None
    ref = gps_ifd.get(GPS_ALT_REF)
    below = ref in (1, b"\x01") or (isinstance(ref, bytes) and ref[:1] == b"\x01")
    return -altitude if below else altitude


def _timestamp(gps_ifd: Mapping[int, Any]) -> str | None:
    date = as_text(gps_ifd.get(GPS_DATE))
    time_parts = gps_ifd.get(GPS_TIME)
    clock = None
    if isinstance(time_parts, (tuple, list)) and len(time_parts) == 3:
        hms = [as_float(p) for p in time_parts]
        if all(v is not None and v >= 0 for v in hms):
            h, m, s = hms  # type: ignore[misc]
            clock = f"{int(h):02d}:{int(m):02d}:{int(s):02d}"
    if not date and not clock:
        return None
    return " ".join(p for p in (date, clock) if p) + " UTC"


_XMP_COORD = re.compile(r"^\s*(\d{1,3})(?:,(\d{1,2}(?:\.\d+)?))?(?:,(\d{1,2}(?:\.\d+)?))?\s*([NSEW])\s*$", re.I)
_XMP_DECIMAL = re.compile(r"^\s*([+-]?\d{1,3}(?:\.\d+)?)\s*$")


def xmp_coordinate(text: str, is_lat: bool) -> float | None:
    """``"43,28.0469N"``, ``"43,28,2.8N"`` or a signed decimal, as decimal degrees."""
    limit = 90.0 if is_lat else 180.0
    m = _XMP_COORD.match(text)
    if m:
        deg, minutes, seconds, ref = m.groups()
        value = float(deg) + float(minutes or 0) / 60 + float(seconds or 0) / 3600
        if ref.upper() in ("S", "W"):
            value = -value
    else:
        d = _XMP_DECIMAL.match(text)
        if not d:
            return None
        value = float(d.group(1))
    return value if abs(value) <= limit else None
