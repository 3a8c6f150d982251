# Not a benchmark of the library (those are BenchmarkDotNet classes in benchmarks/Planner.Benchmarks):
# the one-off experiment behind docs/migration.md "Speed and memory" (why the ids are ordered): raw SQLite INSERTs of 10,000
# year-long programs (about 6.6 M rows, the shape and indexes of program_days and scheduled_sessions),
# 100 programs per transaction, with random (UUID v4) keys or ordered ones. Prints the time at every
# 600,000 rows. Run: python3 benchmarks/scripts/sqlite-key-order.py random|ordered  (writes to the temp folder)
import sqlite3, uuid, time, sys, os, tempfile
mode = sys.argv[1]  # random | ordered
folder = os.path.join(tempfile.gettempdir(), "keyexp")
os.makedirs(folder, exist_ok=True)
path = os.path.join(folder, f"{mode}.db")
if os.path.exists(path): os.remove(path)
c = sqlite3.connect(path, isolation_level=None)
c.execute("PRAGMA journal_mode=WAL"); c.execute("PRAGMA synchronous=NORMAL")
c.execute('CREATE TABLE d(id TEXT NOT NULL PRIMARY KEY, block_id TEXT NOT NULL, date TEXT NOT NULL, stamp TEXT NOT NULL)')
c.execute('CREATE UNIQUE INDEX ud ON d(block_id, date)')
c.execute('CREATE TABLE s(id TEXT NOT NULL PRIMARY KEY, day_id TEXT NOT NULL, tpl TEXT NOT NULL, pos INTEGER NOT NULL, done INTEGER NOT NULL, stamp TEXT NOT NULL)')
c.execute('CREATE INDEX it ON s(tpl)'); c.execute('CREATE UNIQUE INDEX us ON s(day_id,pos)')
n = 0; seq = 0
def key():
    global seq; seq += 1
    return str(uuid.uuid4()) if mode == 'random' else f"{seq:032x}"
t0 = time.time(); rows = 0; mark = 600_000
for prog in range(10_000):
    if prog % 100 == 0: c.execute("BEGIN")
    blk = key()
    days = []; sess = []
    for dd in range(365):
        did = key(); days.append((did, blk, f"2024-{dd:03d}", "x"))
        if dd % 7 != 6: sess.append((key(), did, f"tpl{dd%20}", 0, 0, "x"))
    c.executemany("INSERT INTO d VALUES (?,?,?,?)", days)
    c.executemany("INSERT INTO s VALUES (?,?,?,?,?,?)", sess)
    rows += len(days) + len(sess)
    if prog % 100 == 99: c.execute("COMMIT")
    if rows >= mark:
        print(f"{mode} {rows} rows {time.time()-t0:.1f}s", flush=True); mark += 600_000
print(mode, "total", time.time()-t0)
