#!/usr/bin/env python3
"""crash.py — crash safety of healgrid's storage, driven by crash.sh.

A stream of `healgrid checkin` processes, one after another, each writing
its own day with values derived from its sequence number.  Each process is
sent SIGKILL at a random moment of its life (uniform over the time a
check-in usually takes, so kills land in start-up, the write, the commit
and the checkpoint on close alike) unless it has already exited.  Then:

  - PRAGMA integrity_check is ok, and healgrid itself opens the file;
  - every check-in whose process exited 0 is present with its values;
  - every killed check-in is either absent or present whole (atomic);
  - nothing else is in the table.

A second stream kills `healgrid treatment add` while it creates a new
database: afterwards the path holds either nothing or a healgrid database
that opens, never a half-made file, and the half-made PATH.new-PID a kill
leaves behind is gone after the next command.

Output is TAP; counts of kills and rows verified are TAP diagnostics.
usage: crash.py HEALGRID TMPDIR
"""
import datetime
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

MIN_KILLS = 200          # enough kills to reach every phase of a write
ENOUGH_KILLS = 1000      # stop early once this many kills are in
MIN_CREATE_KILLS = 30
BUDGET_S = 30            # the check-in stream stops here once it has MIN_KILLS,
HARD_LIMIT_S = 150       # and here in any case (a machine under heavy load)
TREATMENTS = 60          # x 90 days: 5400 days to write
WINDOW = 90
REWRITE = 0.3            # share of check-ins that correct an earlier day
SIGNS = ["warmth", "pus", "crusting", "spreading", "pain", "fever",
         "blisters", "rash", "dark-patches", "light-patches", "bumps", "lines"]
SYMPTOMS = ["redness", "swelling", "bruising", "bleeding"]

healgrid, tmp = sys.argv[1], sys.argv[2]
db = os.path.join(tmp, "crash.db")
rng = random.Random(int(os.environ.get("CRASH_SEED", "6")))
n = 0
failed = 0


def ok(cond, what, *detail):
    global n, failed
    n += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n, what))
    if not cond:
        failed += 1
        for d in detail:
            print("#   " + str(d).replace("\n", "\n#   "))
    sys.stdout.flush()
    return cond


def diag(text):
    print("# " + text)
    sys.stdout.flush()


def hg(*args, dbpath=db):
    return subprocess.run([healgrid, "--db", dbpath] + list(args),
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True)


# A check-in is (slot, fields): slot = (treatment id, day); fields maps
# "redness".."bleeding" to 0-3 or None (unrated), "signs" to a bit set and
# "note" to text.  A new day gives every field; a correction gives a few,
# and healgrid merges it into what is stored.
def new_checkin(seq, slot):
    f = {name: rng.choice([None, 0, 1, 2, 3]) for name in SYMPTOMS}
    f["signs"] = rng.getrandbits(len(SIGNS)) & rng.getrandbits(len(SIGNS))
    # Notes of varied length, some spilling into overflow pages.
    f["note"] = "check-in %d " % seq + "é" * rng.randrange(900)
    return slot, f


def correction(seq, slot):
    full = new_checkin(seq, slot)[1]
    keys = rng.sample(sorted(full), rng.randrange(1, len(full) + 1))
    return slot, {k: full[k] for k in keys}


def argv_of(ci):
    (tid, day), f = ci
    a = ["checkin", "--treatment", str(tid), "--day", str(day)]
    for name in SYMPTOMS:
        if name in f:
            a += ["--" + name, "-" if f[name] is None else str(f[name])]
    if "signs" in f:
        a += ["--sign", ",".join(s for i, s in enumerate(SIGNS) if f["signs"] >> i & 1)]
    if "note" in f:
        a += ["--note", f["note"]]
    return a


# A new day's signs are not assessed (NULL) until a check-in gives them.
EMPTY = (None, None, None, None, None, "")


def apply(state, f):
    """The stored row after check-in fields f is merged into state."""
    row = list(state if state is not None else EMPTY)
    for i, name in enumerate(SYMPTOMS + ["signs", "note"]):
        if name in f:
            row[i] = f[name]
    # A day left with nothing recorded (no sign, whether or not assessed)
    # is removed, not stored empty.
    nothing = row[:4] == [None] * 4 and not row[4] and row[5] == ""
    return None if nothing else tuple(row)


def run_killed(argv, hi):
    """Start healgrid argv, SIGKILL it after a random delay in [0, hi).
    Returns (killed, returncode, seconds alive, stderr)."""
    start = time.monotonic()
    p = subprocess.Popen([healgrid, "--db", db] + argv,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + rng.uniform(0, hi)
    while p.poll() is None:
        now = time.monotonic()
        if now >= deadline:
            p.send_signal(signal.SIGKILL)
            break
        time.sleep(min(0.0005, deadline - now))
    rc = p.wait()
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    return rc == -signal.SIGKILL, rc, time.monotonic() - start, err


# ---- set up: treatments whose 90 days all lie before today ----------------
for t in range(TREATMENTS):
    date = (datetime.date(2026, 1, 1) + datetime.timedelta(days=2 * t)).isoformat()
    r = hg("treatment", "add", "--date", date, "--window", str(WINDOW),
           "--note", "treatment %d" % (t + 1))
    if r.returncode != 0:
        ok(False, "set up treatment %d" % (t + 1), r.stderr)
        print("1..%d" % n)
        sys.exit(1)
ok(True, "set up %d treatments of %d days" % (TREATMENTS, WINDOW))

free_slots = [(t + 1, d) for t in range(TREATMENTS) for d in range(WINDOW)]
rng.shuffle(free_slots)
used_slots = []
# What each day may hold now: one state after an acknowledged check-in,
# two (before, after) after a killed one, and so on.
possible = {}
acked, killed, errors = [], [], []


def next_checkin(seq):
    if used_slots and (rng.random() < REWRITE or not free_slots):
        return correction(seq, rng.choice(used_slots))
    slot = free_slots.pop()
    used_slots.append(slot)
    return new_checkin(seq, slot)


history = {}   # slot -> [(seq, fields, outcome)] in the order they ran


def record(ci, outcome):
    slot, f = ci
    history.setdefault(slot, []).append((seq, f, outcome))
    states = possible.get(slot, {None})
    after = {apply(s, f) for s in states}
    possible[slot] = after if outcome == "acked" else states | after


# ---- calibrate: how long one check-in takes on this machine --------------
seq = 0
times = []
for _ in range(8):
    ci = next_checkin(seq)
    start = time.monotonic()
    r = hg(*argv_of(ci))
    times.append(time.monotonic() - start)
    if r.returncode != 0:
        errors.append("calibration check-in %d: %s" % (seq, r.stderr.strip()))
    record(ci, "acked")
    acked.append(seq)
    seq += 1
typical = sorted(times)[len(times) // 2]
diag("a check-in takes about %.1f ms here" % (typical * 1000))

# ---- the stream -----------------------------------------------------------
# Every 10th check-in runs without a kill: it measures how long a check-in
# takes now (the machine may be busy), so the kills keep spreading over a
# whole process life rather than drifting towards its start.
recent = times[:]
t0 = time.monotonic()
def stream_done():
    spent = time.monotonic() - t0
    if len(killed) >= ENOUGH_KILLS and len(acked) >= ENOUGH_KILLS // 2:
        return True
    return spent >= HARD_LIMIT_S or (spent >= BUDGET_S and len(killed) >= MIN_KILLS)


while not stream_done() and free_slots:
    ci = next_checkin(seq)
    hi = 1.3 * sorted(recent)[len(recent) // 2]
    was_killed, rc, alive, err = run_killed(argv_of(ci), hi if seq % 10 else 1e9)
    if was_killed:
        killed.append(seq)
        record(ci, "killed")
    elif rc == 0:
        acked.append(seq)
        record(ci, "acked")
        if seq % 10 == 0:
            recent = (recent + [alive])[-15:]
    else:
        errors.append("check-in %d exited %d: %s" % (seq, rc, err.strip()))
        record(ci, "killed")   # a failure must change nothing, or all
    seq += 1
elapsed = time.monotonic() - t0
diag("%d check-ins started in %.1f s: %d killed, %d exited 0, %d failed"
     % (seq, elapsed, len(killed), len(acked), len(errors)))
ok(len(killed) >= MIN_KILLS, "at least %d kills (%d)" % (MIN_KILLS, len(killed)))
ok(not errors, "no check-in that ran to its end failed", *errors[:5])

# ---- verify ---------------------------------------------------------------
r = hg("show", "--treatment", "1")
ok(r.returncode == 0, "healgrid opens the file after %d kills" % len(killed), r.stderr)
con = sqlite3.connect(db)
integrity = [row[0] for row in con.execute("PRAGMA integrity_check")]
ok(integrity == ["ok"], "PRAGMA integrity_check is ok", *integrity[:5])
fk = con.execute("PRAGMA foreign_key_check").fetchall()
ok(not fk, "PRAGMA foreign_key_check finds nothing", *fk[:5])
rows = {}
for tid, day, red, sw, br, bl, signs, note in con.execute(
        "SELECT treatment_id, day, redness, swelling, bruising, bleeding, signs, note"
        " FROM checkin"):
    rows[(tid, day)] = (red, sw, br, bl, signs, note)
con.close()

bad, sure = [], 0
for slot, states in sorted(possible.items()):
    got = rows.pop(slot, None)
    if got not in states:
        bad.append("day %r: got %r, want one of %r" % (slot, got, sorted(states, key=str)))
    elif len(states) == 1:
        sure += 1
stray = sorted(rows)

# Each acknowledged check-in, field by field: what it wrote is there unless
# a later check-in of the same day wrote that field again.
FIELDS = SYMPTOMS + ["signs", "note"]
ack_verified = ack_superseded = 0
ack_bad = []
con = sqlite3.connect(db)
for slot, writes in history.items():
    got = con.execute("SELECT redness, swelling, bruising, bleeding, signs, note FROM checkin"
                      " WHERE treatment_id = ? AND day = ?", slot).fetchone()
    if got is None:         # an absent day reads as a day with nothing recorded
        got = (None, None, None, None, 0, "")   # (signs none, as a removed day had)
    for i, (s, f, outcome) in enumerate(writes):
        if outcome != "acked":
            continue
        later = set(k for _, g, _ in writes[i + 1:] for k in g)
        mine = [k for k in f if k not in later]
        if not mine:
            ack_superseded += 1
        elif got is not None and all(got[FIELDS.index(k)] == f[k] for k in mine):
            ack_verified += 1
        else:
            ack_bad.append("check-in %d (day %r): wrote %r, the day holds %r"
                           % (s, slot, {k: f[k] for k in mine}, got))
con.close()
ok(not ack_bad, "every check-in that exited 0 is present with its values"
   " (%d verified, %d wholly corrected later)" % (ack_verified, ack_superseded), *ack_bad[:5])

diag("kills survived: %d; rows verified: %d check-ins that exited 0 found with"
     " their values (%d more wholly corrected later); %d days checked against"
     " every outcome their killed check-ins allow"
     % (len(killed), ack_verified, ack_superseded, len(possible)))
ok(not bad, "every day holds what its acknowledged check-ins wrote, and a killed"
   " check-in is there whole or not at all (%d days)" % len(possible), *bad[:5])
ok(not stray, "no row that no check-in wrote", *stray[:5])

# ---- kills while a new database is being created --------------------------
create_kills = create_ok = stale_seen = 0
half_made = []
stale_kept = []
recent = []
for i in range(400):
    if create_kills >= MIN_CREATE_KILLS and create_ok >= MIN_CREATE_KILLS:
        break
    d = os.path.join(tmp, "create%d" % i)
    os.mkdir(d)
    path = os.path.join(d, "h.db")
    # Every 4th creation runs to its end to measure how long one takes.
    hi = 1.3 * sorted(recent)[len(recent) // 2] if i % 4 and recent else 1e9
    start = time.monotonic()
    p = subprocess.Popen([healgrid, "--db", path, "treatment", "add", "--date", "2026-11-01"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = start + rng.uniform(0, hi)
    while p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
    rc = p.wait()
    if rc == -signal.SIGKILL:
        create_kills += 1
    elif rc == 0:
        create_ok += 1
        if i % 4 == 0:
            recent = (recent + [time.monotonic() - start])[-9:]
    left = [f for f in os.listdir(d) if f.startswith("h.db.new-")]
    if left:
        stale_seen += 1
    if os.path.exists(path):
        r = hg("treatment", "list", dbpath=path)
        if r.returncode != 0:
            half_made.append("%s: %s" % (path, r.stderr.strip()))
        elif rc == 0 and "2026-11-01" not in r.stdout:
            half_made.append("%s: the treatment added is missing" % path)
    else:
        if rc == 0:
            half_made.append("%s: exited 0 but no file" % path)
        # The next command: it creates the database, and clears the debris.
        hg("treatment", "add", "--date", "2026-11-02", dbpath=path)
    left = [f for f in os.listdir(d) if f.startswith("h.db.new-")]
    if left:
        stale_kept.append("%s: %s" % (d, " ".join(left)))
diag("database creation: %d killed, %d completed" % (create_kills, create_ok))
ok(create_kills >= MIN_CREATE_KILLS,
   "at least %d kills during creation (%d)" % (MIN_CREATE_KILLS, create_kills))
ok(not half_made, "a killed creation leaves nothing or a whole database", *half_made[:5])
diag("killed creations that left PATH.new-PID behind: %d" % stale_seen)
ok(stale_seen > 0, "some kills left a half-made PATH.new-PID (%d)" % stale_seen)
ok(not stale_kept, "the next command removes a dead process's PATH.new-PID", *stale_kept[:5])

# ---- kills during an import: all rows or none ------------------------------
MIN_IMPORT_KILLS = 20
IMPORT_ROWS = 3000
csv_path = os.path.join(tmp, "import.csv")
with open(csv_path, "w", newline="") as f:
    f.write("treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,"
            "bruising,bleeding,signs,note\r\n")
    for i in range(IMPORT_ROWS):
        t, day = divmod(i, 60)
        start = datetime.date(2025, 1, 1) + datetime.timedelta(days=t)
        f.write("%s,home,,imported %d,,%d,%s,%d,,1,,pus,row %d\r\n"
                % (start.isoformat(), t, day, (start + datetime.timedelta(days=day)).isoformat(),
                   i % 4, i))
base = os.path.join(tmp, "import-base.db")
r = hg("treatment", "add", "--date", "2026-11-01", dbpath=base)
with open(base, "rb") as f:
    base_bytes = f.read()


def imported_rows(path):
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM checkin c JOIN treatment t"
                           " ON t.id = c.treatment_id WHERE t.area LIKE 'imported %'"
                           ).fetchone()[0]
    finally:
        con.close()


import_kills = import_ok = 0
partial_imports = []
recent = []
for i in range(200):
    if import_kills >= MIN_IMPORT_KILLS and import_ok >= 5:
        break
    path = os.path.join(tmp, "import%d.db" % i)
    with open(path, "wb") as f:
        f.write(base_bytes)
    hi = 1.3 * sorted(recent)[len(recent) // 2] if i % 4 and recent else 1e9
    start = time.monotonic()
    p = subprocess.Popen([healgrid, "--db", path, "import", csv_path],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = start + rng.uniform(0, hi)
    while p.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    if p.poll() is None:
        p.send_signal(signal.SIGKILL)
    rc = p.wait()
    err = p.stderr.read().decode("utf-8", "replace")
    p.stderr.close()
    got = imported_rows(path)
    if rc == -signal.SIGKILL:
        import_kills += 1
        if got not in (0, IMPORT_ROWS):
            partial_imports.append("%s: killed import left %d of %d rows" % (path, got, IMPORT_ROWS))
    elif rc == 0:
        import_ok += 1
        if i % 4 == 0:
            recent = (recent + [time.monotonic() - start])[-9:]
        if got != IMPORT_ROWS:
            partial_imports.append("%s: import exited 0 with %d rows" % (path, got))
    else:
        partial_imports.append("%s: import exited %d: %s" % (path, rc, err.strip()))
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.unlink(path + suffix)
diag("import of %d rows: %d killed, %d completed" % (IMPORT_ROWS, import_kills, import_ok))
ok(import_kills >= MIN_IMPORT_KILLS,
   "at least %d kills during an import (%d)" % (MIN_IMPORT_KILLS, import_kills))
ok(not partial_imports, "a killed import leaves all rows or none", *partial_imports[:5])

print("1..%d" % n)
sys.exit(1 if failed else 0)
