# A legacy SQLite database for timing `planner migrate` as a process (docs/migration.md, "Speed and
# memory"): N year-long programs of four 13-week blocks each (364 days, 4 to 6 sessions a week), the
# legacy tables only. Run: python3 benchmarks/scripts/make-legacy-db.py 10000 /tmp/legacy-10000.db
import json, os, sqlite3, sys
from datetime import date, timedelta

count, path = int(sys.argv[1]), sys.argv[2]
if os.path.exists(path):
    os.remove(path)
templates = ["tpl-easy", "tpl-long", "tpl-intervals", "tpl-core", "tpl-tempo"]
weeks = [
    {"monday": "tpl-easy", "wednesday": ["tpl-intervals", "tpl-core"], "saturday": "tpl-long"},
    {"tuesday": "tpl-tempo", "thursday": "tpl-easy", "friday": "tpl-core", "sunday": ["tpl-long", "tpl-core"]},
    {"monday": "tpl-core", "tuesday": "tpl-easy", "thursday": "tpl-intervals", "saturday": ["tpl-long", "tpl-core"]},
]
names = ["Base", "Build", "Peak", "Taper"]
c = sqlite3.connect(path)
c.executescript("""
CREATE TABLE programs (id text PRIMARY KEY, name text NOT NULL, start_date text NULL, end_date text NULL, goal_ids text NULL, weekly_schedule text NULL);
CREATE TABLE session_templates (id text PRIMARY KEY, name text NOT NULL);
CREATE TABLE goals (id text PRIMARY KEY, name text NOT NULL);
""")
c.executemany("INSERT INTO session_templates VALUES (?, ?)", [(t, t) for t in templates])
c.execute("INSERT INTO goals VALUES ('goal-a', 'Goal A')")
rows = []
for i in range(count):
    start = date(2024, 1, 1) + timedelta(days=i % 7)
    blocks = []
    for b in range(4):
        s = start + timedelta(days=91 * b)
        blocks.append({"id": f"blk-{b}", "name": names[b], "start_date": s.isoformat(),
                       "end_date": (s + timedelta(days=90)).isoformat(), "weekly": weeks[(i + b) % len(weeks)]})
    rows.append((f"p-{i:06d}", f"Program {i}", start.isoformat(), (start + timedelta(days=363)).isoformat(),
                 '["goal-a"]', json.dumps({"version": 2, "blocks": blocks})))
c.executemany("INSERT INTO programs VALUES (?, ?, ?, ?, ?, ?)", rows)
c.commit()
print(f"{count} programs of 4 blocks (364 days) in {path}")
