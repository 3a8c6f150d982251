"""Reads an iCalendar feed with the independent `icalendar` library and prints its events as JSON.

Usage: /usr/bin/python3 feed_check.py FEED.ics
Output: {"events": [{"uid", "date", "end", "sequence", "summary", "description", "last_modified"}...]}
Exits 2 when the text is not a calendar the library accepts.
"""
import json
import sys

import icalendar


def main(path):
    with open(path, "rb") as f:
        calendar = icalendar.Calendar.from_ical(f.read())
    if calendar.name != "VCALENDAR":
        print("not a VCALENDAR", file=sys.stderr)
        return 2
    events = []
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        events.append({
            "uid": str(event["UID"]),
            "date": start.isoformat(),
            "end": end.isoformat(),
            "sequence": int(event.get("SEQUENCE", 0)),
            "summary": str(event.get("SUMMARY", "")),
            "description": str(event.get("DESCRIPTION", "")),
            "last_modified": event.decoded("LAST-MODIFIED").isoformat(),
        })
    json.dump({"version": str(calendar.get("VERSION")), "events": events}, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
