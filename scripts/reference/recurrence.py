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

Each occurrence is written as a UTC instant (ISO 8601, Z). dateutil, not orgraph, decides them.
Usage: python3 scripts/reference/recurrence.py   (from the repo root; under a second)
"""
import json
import os
import platform
from datetime import datetime, timezone

import dateutil
from dateutil.rrule import rrulestr

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


def occurrences(rule, dtstart):
    start = datetime.fromisoformat(dtstart)
    return [d.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") for d in rrulestr(rule, dtstart=start)]


def main():
    os.makedirs(OUT, exist_ok=True)
    doc = {
        "tool": "python-dateutil",
        "version": dateutil.__version__,
        "python": platform.python_version(),
        "script": "scripts/reference/recurrence.py",
        "rrule": [{"name": n, "rrule": r, "dtstart": s, "occurrences": occurrences(r, s)} for n, r, s in RRULES],
        "graph": [
            {"name": n, "pattern": p, "range": g, "rrule": r, "start": s, "occurrences": occurrences(r, s)}
            for n, p, g, r, s in GRAPH
        ],
    }
    with open(os.path.join(OUT, "dateutil.json"), "w", encoding="utf-8") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {len(doc['rrule'])} RRULE and {len(doc['graph'])} Graph cases to {OUT}/dateutil.json")


if __name__ == "__main__":
    main()
