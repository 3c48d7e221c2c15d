#!/usr/bin/env python3
"""Reference occurrences of monthly and yearly recurring meetings, from python-dateutil's rrule.

orgraph's meeting readers expand a recurring series into its occurrences (src/ingest/sources/
meetings.ts, expandRecurrence): Google Calendar's RRULEs (RFC 5545) and Microsoft Graph's
recurrence patterns. This script writes test/fixtures/reference/recurrence/dateutil.json, the
occurrences python-dateutil gives for:

- `rrule` cases: an RRULE and a DTSTART with its UTC offset, read by the Google Workspace reader
  (test/ingest/sources/recurrence.test.ts);
- `graph` cases: a Graph patternedRecurrence (monthly and yearly; weekly with firstDayOfWeek), with the RRULE that says the same thing in RFC 5545
  terms, from which dateutil computes the occurrences. Exchange puts a dayOfMonth past a month's
  end on the month's last day, which is BYMONTHDAY=1,...,d;BYSETPOS=-1 (the last existing day
  up to d); index first..fourth / last is BYSETPOS=1..4 / -1 over the days of daysOfWeek.

- `zoned` cases: an RRULE (and EXDATEs) on a named time zone's wall clock (IANA, Python's zoneinfo),
  across changes to and from summer time: each occurrence keeps its local time of day, a local time
  the change skips is read with the offset before it and one it repeats is its first (PEP 495
  fold = 0, RFC 5545 3.3.5). Local times are chosen so that an offset an hour off moves most
  occurrences to another UTC day;
- `zonedGraph` cases: Graph patterns on a Windows or IANA recurrenceTimeZone, with the zoned RRULE
  that says the same thing (an endDate is the end of that local day).

Each occurrence is written as a UTC instant (ISO 8601, Z). dateutil, not orgraph, decides them.
Usage: python3 scripts/reference/recurrence.py   (from the repo root; under a second)
"""
import importlib.metadata
import json
import os
import platform
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import dateutil
from dateutil.rrule import rruleset, rrulestr

from common import ROOT

OUT = os.path.join(ROOT, "test", "fixtures", "reference", "recurrence")

# (name, RRULE, DTSTART with offset)
RRULES = [
    ("monthly on the start's day skips months without it", "FREQ=MONTHLY;COUNT=6", "2026-01-31T10:00:00+00:00"),
    ("second Tuesday, Paris time", "FREQ=MONTHLY;BYDAY=2TU;COUNT=5", "2026-01-13T15:00:00+01:00"),
    ("last Friday until the year's end, New York time", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20261231T235959Z", "2026-01-30T09:00:00-05:00"),
    ("first weekday of the month (BYSETPOS)", "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;COUNT=6", "2026-02-02T08:30:00+00:00"),
    ("last day of every other month", "FREQ=MONTHLY;INTERVAL=2;BYMONTHDAY=-1;COUNT=6", "2026-01-31T16:00:00+00:00"),
    ("the 1st and the 15th", "FREQ=MONTHLY;BYMONTHDAY=1,15;COUNT=7", "2026-03-01T12:00:00+00:00"),
    ("quarterly on the 15th (BYMONTH limits a monthly rule)", "FREQ=MONTHLY;BYMONTH=1,4,7,10;BYMONTHDAY=15;COUNT=5", "2026-01-15T09:00:00+00:00"),
    ("first Tuesday as BYDAY and BYMONTHDAY together", "FREQ=MONTHLY;BYDAY=TU;BYMONTHDAY=1,2,3,4,5,6,7;COUNT=4", "2026-01-06T10:00:00+00:00"),
    ("a start the rule does not pick is not an occurrence", "FREQ=MONTHLY;BYDAY=1MO;COUNT=3", "2026-01-20T10:00:00+00:00"),
    ("local day of the 31st at UTC-8 (the next UTC day)", "FREQ=MONTHLY;COUNT=4", "2026-01-31T23:30:00-08:00"),
    ("second-to-last Monday every quarter", "FREQ=MONTHLY;INTERVAL=3;BYDAY=-2MO;UNTIL=20271231T235959Z", "2026-01-19T14:00:00+00:00"),
    ("yearly on 29 February: leap years only", "FREQ=YEARLY;COUNT=3", "2024-02-29T10:00:00+00:00"),
    ("yearly in March and September on the 10th", "FREQ=YEARLY;BYMONTH=3,9;BYMONTHDAY=10;COUNT=5", "2026-03-10T10:00:00+00:00"),
    ("fourth Thursday of November", "FREQ=YEARLY;BYMONTH=11;BYDAY=4TH;COUNT=3", "2026-11-26T17:00:00+00:00"),
    ("yearly BYMONTHDAY without BYMONTH: that day of every month", "FREQ=YEARLY;BYMONTHDAY=1;COUNT=4", "2026-01-15T10:00:00+00:00"),
    ("every other year in June on the start's day", "FREQ=YEARLY;INTERVAL=2;BYMONTH=6;UNTIL=20331231T000000Z", "2026-06-05T10:00:00+00:00"),
]

# (name, Graph pattern, Graph range, RRULE of the same series, DTSTART in UTC)
GRAPH = [
    (
        "absoluteMonthly on the 31st: the last day of shorter months",
        {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 31},
        {"type": "numbered", "startDate": "2026-01-31", "numberOfOccurrences": 6},
        "FREQ=MONTHLY;BYMONTHDAY=" + ",".join(str(d) for d in range(1, 32)) + ";BYSETPOS=-1;COUNT=6",
        "2026-01-31T10:00:00+00:00",
    ),
    (
        "relativeMonthly, last Friday, until an end date",
        {"type": "relativeMonthly", "interval": 1, "daysOfWeek": ["friday"], "index": "last"},
        {"type": "endDate", "startDate": "2026-01-30", "endDate": "2026-06-30"},
        "FREQ=MONTHLY;BYDAY=FR;BYSETPOS=-1;UNTIL=20260630T235959Z",
        "2026-01-30T15:00:00+00:00",
    ),
    (
        "relativeMonthly, first weekday, every other month",
        {"type": "relativeMonthly", "interval": 2, "daysOfWeek": ["monday", "tuesday", "wednesday", "thursday", "friday"], "index": "first"},
        {"type": "numbered", "startDate": "2026-02-02", "numberOfOccurrences": 5},
        "FREQ=MONTHLY;INTERVAL=2;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1;COUNT=5",
        "2026-02-02T09:00:00+00:00",
    ),
    (
        "absoluteYearly on 29 February: the 28th in other years",
        {"type": "absoluteYearly", "interval": 1, "month": 2, "dayOfMonth": 29},
        {"type": "numbered", "startDate": "2024-02-29", "numberOfOccurrences": 3},
        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=" + ",".join(str(d) for d in range(1, 30)) + ";BYSETPOS=-1;COUNT=3",
        "2024-02-29T10:00:00+00:00",
    ),
    (
        "relativeYearly, fourth Thursday of November",
        {"type": "relativeYearly", "interval": 1, "month": 11, "daysOfWeek": ["thursday"], "index": "fourth"},
        {"type": "numbered", "startDate": "2026-11-26", "numberOfOccurrences": 3},
        "FREQ=YEARLY;BYMONTH=11;BYDAY=TH;BYSETPOS=4;COUNT=3",
        "2026-11-26T17:00:00+00:00",
    ),
    (
        "weekly every other week on Sunday and Monday, weeks from Monday (firstDayOfWeek)",
        {"type": "weekly", "interval": 2, "daysOfWeek": ["sunday", "monday"], "firstDayOfWeek": "monday"},
        {"type": "numbered", "startDate": "2026-01-04", "numberOfOccurrences": 5},
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=MO;COUNT=5",
        "2026-01-04T10:00:00+00:00",
    ),
    (
        "weekly every other week on Sunday and Monday, weeks from Sunday",
        {"type": "weekly", "interval": 2, "daysOfWeek": ["sunday", "monday"], "firstDayOfWeek": "sunday"},
        {"type": "numbered", "startDate": "2026-01-04", "numberOfOccurrences": 5},
        "FREQ=WEEKLY;INTERVAL=2;BYDAY=SU,MO;WKST=SU;COUNT=5",
        "2026-01-04T10:00:00+00:00",
    ),
]

# (name, RRULE, DTSTART local wall time, IANA zone, EXDATE local wall times)
ZONED = [
    ("weekly Tuesday 01:30 Berlin across the spring change", "FREQ=WEEKLY;COUNT=6", "2026-03-10T01:30:00", "Europe/Berlin", []),
    ("weekly Monday 10:30 Sydney (Sunday in UTC until April) across the April change", "FREQ=WEEKLY;BYDAY=MO;COUNT=6", "2026-03-23T10:30:00", "Australia/Sydney", []),
    ("daily 02:30 Berlin through the skipped hour (read with the winter offset)", "FREQ=DAILY;COUNT=5", "2026-03-27T02:30:00", "Europe/Berlin", []),
    ("daily 02:30 Berlin through the repeated hour (its first occurrence)", "FREQ=DAILY;COUNT=5", "2026-10-23T02:30:00", "Europe/Berlin", []),
    ("monthly second Tuesday 01:30 Paris for a year", "FREQ=MONTHLY;BYDAY=2TU;COUNT=12", "2026-01-13T01:30:00", "Europe/Paris", []),
    ("monthly on the 15th at 16:30 Los Angeles for a year", "FREQ=MONTHLY;COUNT=12", "2026-01-15T16:30:00", "America/Los_Angeles", []),
    ("yearly 31 March 00:30 London (a Sunday in 2030, before the change)", "FREQ=YEARLY;COUNT=6", "2026-03-31T00:30:00", "Europe/London", []),
    (
        "weekly Tuesday 01:30 Berlin until a UTC instant, less a summer-time EXDATE",
        "FREQ=WEEKLY;UNTIL=20260428T000000Z",
        "2026-03-10T01:30:00",
        "Europe/Berlin",
        ["2026-04-07T01:30:00"],
    ),
    ("weekdays 00:30 New York across the November change", "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=8", "2026-10-28T00:30:00", "America/New_York", []),
]

# (name, Graph pattern, Graph range (with recurrenceTimeZone), RRULE of the same series, DTSTART local, IANA zone)
ZONED_GRAPH = [
    (
        "weekly on Monday, AUS Eastern Standard Time (a Windows name)",
        {"type": "weekly", "interval": 1, "daysOfWeek": ["monday"], "firstDayOfWeek": "sunday"},
        {"type": "numbered", "startDate": "2026-03-23", "numberOfOccurrences": 6, "recurrenceTimeZone": "AUS Eastern Standard Time"},
        "FREQ=WEEKLY;BYDAY=MO;COUNT=6",
        "2026-03-23T10:30:00",
        "Australia/Sydney",
    ),
    (
        "absoluteMonthly on the 15th, Pacific Standard Time, until a local end date",
        {"type": "absoluteMonthly", "interval": 1, "dayOfMonth": 15},
        {"type": "endDate", "startDate": "2026-01-15", "endDate": "2026-12-15", "recurrenceTimeZone": "Pacific Standard Time"},
        None,
        "2026-01-15T16:30:00",
        "America/Los_Angeles",
    ),
    (
        "weekly on Tuesday, Europe/Berlin (an IANA name)",
        {"type": "weekly", "interval": 1, "daysOfWeek": ["tuesday"], "firstDayOfWeek": "sunday"},
        {"type": "numbered", "startDate": "2026-03-10", "numberOfOccurrences": 6, "recurrenceTimeZone": "Europe/Berlin"},
        "FREQ=WEEKLY;BYDAY=TU;COUNT=6",
        "2026-03-10T01:30:00",
        "Europe/Berlin",
    ),
]


def tzdata_version():
    """The time-zone data zoneinfo reads: the tzdata package if installed, else the system's."""
    try:
        return "tzdata " + importlib.metadata.version("tzdata")
    except importlib.metadata.PackageNotFoundError:
        with open("/usr/share/zoneinfo/tzdata.zi", encoding="utf-8") as f:
            return "system " + f.readline().strip().lstrip("# ")


def utc(d):
    return d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def zoned_occurrences(rule, local, zone, exdates=()):
    tz = ZoneInfo(zone)
    start = datetime.fromisoformat(local).replace(tzinfo=tz)
    rs = rruleset()
    rs.rrule(rrulestr(rule, dtstart=start))
    for x in exdates:
        rs.exdate(datetime.fromisoformat(x).replace(tzinfo=tz))
    return [utc(d) for d in rs]


def graph_rrule(pattern, rng, zone):
    """The zoned RRULE of a Graph monthly pattern with an end date: UNTIL is the end of the local day, in UTC."""
    end = datetime.fromisoformat(rng["endDate"] + "T23:59:59").replace(tzinfo=ZoneInfo(zone))
    return f"FREQ=MONTHLY;BYMONTHDAY={pattern['dayOfMonth']};UNTIL={end.astimezone(timezone.utc).strftime('%Y%m%dT%H%M%SZ')}"


def occurrences(rule, dtstart):
    start = datetime.fromisoformat(dtstart)
    return [d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for d in rrulestr(rule, dtstart=start)]


def main():
    os.makedirs(OUT, exist_ok=True)
    doc = {
        "tool": "python-dateutil",
        "version": dateutil.__version__,
        "python": platform.python_version(),
        "zoneinfo": tzdata_version(),
        "script": "scripts/reference/recurrence.py",
        "rrule": [{"name": n, "rrule": r, "dtstart": s, "occurrences": occurrences(r, s)} for n, r, s in RRULES],
        "graph": [
            {"name": n, "pattern": p, "range": g, "rrule": r, "start": s, "occurrences": occurrences(r, s)}
            for n, p, g, r, s in GRAPH
        ],
        "zoned": [
            {"name": n, "rrule": r, "local": s, "zone": z, "exdates": x, "occurrences": zoned_occurrences(r, s, z, x)}
            for n, r, s, z, x in ZONED
        ],
        "zonedGraph": [
            {
                "name": n,
                "pattern": p,
                "range": g,
                "rrule": r or graph_rrule(p, g, z),
                "local": s,
                "zone": z,
                "start": utc(datetime.fromisoformat(s).replace(tzinfo=ZoneInfo(z))),
                "occurrences": zoned_occurrences(r or graph_rrule(p, g, z), s, z),
            }
            for n, p, g, r, s, z in ZONED_GRAPH
        ],
    }
    with open(os.path.join(OUT, "dateutil.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(
        f"wrote {len(doc['rrule'])} RRULE, {len(doc['graph'])} Graph, {len(doc['zoned'])} zoned RRULE and "
        f"{len(doc['zonedGraph'])} zoned Graph cases to {OUT}/dateutil.json"
    )


if __name__ == "__main__":
    main()
