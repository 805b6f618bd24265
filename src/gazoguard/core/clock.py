"""Times as people read them: in the configured time zone (default Japan time), with the zone shown.

Stored times are UTC (naive datetimes from the database are UTC). ``zoneinfo`` reads the system's tz data or
the pinned ``tzdata`` package, so Asia/Tokyo is known offline on any machine.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

DEFAULT_TZ = "Asia/Tokyo"


@lru_cache(maxsize=16)
def zone(name: str = DEFAULT_TZ) -> ZoneInfo:
    """The zone called ``name``; an unknown name is a ValueError naming it (a setting typo must not pass silently)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"unknown time zone {name!r} (an IANA name such as Asia/Tokyo)") from None


def localise(moment: dt.datetime, tz: str = DEFAULT_TZ) -> dt.datetime:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(zone(tz))


def local_time(moment: dt.datetime | None, tz: str = DEFAULT_TZ, *, seconds: bool = False) -> str:
    """``2026-12-04 22:17 JST``: the wall-clock time in ``tz`` and the zone's abbreviation (or offset)."""
    if moment is None:
        return "—"
    here = localise(moment, tz)
    name = here.tzname() or here.strftime("UTC%z")
    return here.strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M") + f" {name}"


def local_date(moment: dt.datetime | None, tz: str = DEFAULT_TZ) -> str:
    return "—" if moment is None else localise(moment, tz).strftime("%Y-%m-%d")
