#!/usr/bin/env python3
"""sweep.py — the fault-injection sweep, driven by run.sh.

For each command in SWEEPS, healgrid runs once per fault point N, with
shim.so preloaded: in the "alloc" sweeps the N-th allocation fails, in the
"write" sweeps every write and fsync to a file from the N-th on fails with
ENOSPC.  The points are all of them, 1 up to the first N the run never
reaches (the shim counts them in a run without faults first).  Adding a
command is adding a line to SWEEPS.

Each run starts from the same saved database and must end in one of:
  - exit 0 and exactly what a run without faults does (the same output;
    for a command that writes, the same rows afterwards);
  - exit 1 with one line on stderr, and every row saved before the run
    still there (the run's own change all or nothing).
Anything else is counted: a crash (a signal, an exit status other than 0
or 1, a hang), a loss (the database does not pass `healgrid check` with the
real binary, or rows saved before are changed or gone, or a change half
made, or a backup file half written), a silent failure (exit 0 with a
different result, exit 1 without a message).

Prints, per sweep, the points tried and the count of each outcome, then
one TAP line per sweep and one per extra check (creation and backup on a
file system without hard links).
The UI sweeps run healgrid without a command in a pseudo-terminal (TERM
xterm, 80x24), wait for it to draw, and type Enter 2 1 0 0 Enter q: open
today's day of the current treatment, rate it, save, quit; the photo
sweep types i (today's photo drawn in the terminal), then q q, and fails
only GLib's allocations (chafa's), since GLib aborts on one.  Besides the
outcomes above, a UI that switched to the alternate screen must switch
back before it ends (the terminal restored); when not, that is a crash.

usage: sweep.py HEALGRID SHIM TMPDIR MKIMG
environment: FAULT_WORKERS (runs at once, default the number of CPUs);
FAULT_ONLY="NAME KIND" runs that one sweep (FAULT_ONLY="checkin alloc").
"""
import concurrent.futures
import datetime
import hashlib
import fcntl
import os
import re
import select
import shutil
import sqlite3
import struct
import subprocess
import sys
import termios
import time

healgrid, shim, tmp = sys.argv[1], os.path.abspath(sys.argv[2]), sys.argv[3]
mkimg = sys.argv[4]
WORKERS = int(os.environ.get("FAULT_WORKERS", os.cpu_count() or 2))
TIMEOUT_S = 30
# Columns whose value depends on when a run happened, not on what it did.
CLOCK_COLUMNS = {"updated", "added"}

env = {k: v for k, v in os.environ.items()
       if k not in ("HEALGRID_DB", "XDG_DATA_HOME", "NO_COLOR", "LD_PRELOAD")
       and not k.startswith("HG_FAULT_")}
env.update(TZ="UTC", HEALGRID_TODAY="2026-11-10", LC_ALL="C", HOME=tmp)

n_tap = 0
n_failed = 0


def tap(cond, what, *detail):
    global n_tap, n_failed
    n_tap += 1
    print(("ok %d - %s" if cond else "not ok %d - %s") % (n_tap, what))
    if not cond:
        n_failed += 1
        for d in detail:
            print("#   " + str(d).replace("\n", "\n#   "))
    sys.stdout.flush()


def hg(args, db, extra_env=None, cwd=None):
    e = dict(env)
    if extra_env:
        e.update(extra_env)
    return subprocess.run([healgrid, "--db", db] + args, env=e, cwd=cwd,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=TIMEOUT_S)


# The UI: what it is typed, and how its terminal is told apart.
UI = "(the UI)"
UI_KEYS = b"\r2100\rq"             # Enter 2 1 0 0 Enter q
# A UI that says a failure on its screen and stays (the day form kept, so
# nothing typed is lost) is then told: y (quit without saving), q.
UI_THEN = b"yq"
UI_TIMEOUT_S = 10
# The photo screen: i on today's day, which holds a photo, drawn with
# chafa; then q (back to the grid), q.  Its sweep fails GLib's allocations
# only (kind "glib"): GLib aborts when one fails, where healgrid must
# still give the terminal back and exit 1 with its line.
UI_PHOTO = "(the UI, a photo shown)"
UI_PHOTO_KEYS, UI_PHOTO_THEN = b"i", b"qq"
UIS = (UI, UI_PHOTO)
# What a UI that stayed must have said on its screen about the failure.
UI_ERRORS = (b"out of memory", b"disk full", b"cannot read or write")
SMCUP, RMCUP = b"\x1b[?1049h", b"\x1b[?1049l"   # xterm's alternate screen, on and off


class Ran:
    def __init__(self, returncode, stdout, stderr):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def hg_ui(db, extra_env=None, stderr_on_tty=False, keys=UI_KEYS, then=UI_THEN):
    """healgrid's UI in a pseudo-terminal: once it has drawn (its output
    quiet for 30 ms), the keys are typed; stderr is a pipe, so its message
    stays apart from the screen (stderr_on_tty: the terminal, as for a
    person).  stdout is what reached the terminal."""
    e = dict(env, TERM="xterm")
    if extra_env:
        e.update(extra_env)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    try:
        p = subprocess.Popen([healgrid, "--db", db], stdin=slave, stdout=slave,
                             stderr=slave if stderr_on_tty else subprocess.PIPE, env=e,
                             start_new_session=True)
    finally:
        os.close(slave)
    screen, sent, t0 = b"", 0, time.monotonic()
    last = t0
    try:
        while True:
            ready, _, _ = select.select([master], [], [], 0.01)
            now = time.monotonic()
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:         # EIO: the terminal's last user has gone
                    data = b""
                if not data:
                    break
                screen += data
                last = now
            elif p.poll() is not None:
                break
            if ((sent == 0 and ((screen and now - last > 0.03) or now - t0 > 3))
                    or (sent == 1 and now - last > 0.5)):
                try:
                    os.write(master, keys if sent == 0 else then)
                except OSError:
                    pass
                sent += 1
            if now - t0 > UI_TIMEOUT_S:
                p.kill()
                p.wait()
                raise subprocess.TimeoutExpired(healgrid, UI_TIMEOUT_S)
        err = p.stderr.read() if p.stderr else b""
        r = Ran(p.wait(), screen, err)
        r.stayed = sent > 1
        return r
    finally:
        if p.stderr:
            p.stderr.close()
        os.close(master)


def run_cmd(args, db, extra_env=None):
    if args == UI_PHOTO:
        return hg_ui(db, extra_env, keys=UI_PHOTO_KEYS, then=UI_PHOTO_THEN)
    return hg_ui(db, extra_env) if args == UI else hg(args, db, extra_env)


def rows_sum(path):
    """A checksum of every row of every table (not of the pages), leaving
    out the columns that only say when a row was saved."""
    con = sqlite3.connect("file:%s?mode=ro" % path, uri=True)
    try:
        h = hashlib.sha256()
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_schema WHERE type = 'table'"
            " AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        for t in tables:
            cols = [r[1] for r in con.execute("PRAGMA table_info(%s)" % t)
                    if r[1] not in CLOCK_COLUMNS]
            sel = ", ".join('quote("%s")' % c for c in cols)
            rows = sorted(con.execute('SELECT %s FROM "%s"' % (sel, t)))
            h.update(repr((t, cols, rows)).encode())
        return h.hexdigest()
    finally:
        con.close()


# ---- the saved database every run starts from ----------------------------
base = os.path.join(tmp, "base.db")
seed = os.path.join(tmp, "seed.csv")
with open(seed, "w", newline="") as f:
    f.write("treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,"
            "bruising,bleeding,signs,note\r\n")
    for t, (td, area) in enumerate([("2026-10-01", "face"), ("2026-10-20", "neck"),
                                    ("2026-11-01", "face")]):
        y, m, d = map(int, td.split("-"))
        start = datetime.date(y, m, d)
        for day in range(0, 10 if t < 2 else 8, 1):
            date = start + datetime.timedelta(days=day)
            r = max(0, 3 - day // 2)
            f.write("%s,professional,1.0,%s,%s,%d,%s,%d,%d,,%s,%s,%s\r\n" % (
                td, area, "dark-skin" if t == 1 else "", day, date.isoformat(), r,
                max(0, r - 1), "0" if day else "1", "warmth;pain" if day == 3 else "",
                "\"day %d, \"\"fine\"\"\"" % day if day % 3 == 0 else ""))
r = hg(["import", seed], base)
if r.returncode != 0:
    print("Bail out! cannot make the saved database: %s" % r.stderr.decode())
    sys.exit(1)
# Every kind of row: skin type, temperature and care, a photo, an action
# for a flag, a medicine, the profile.
photo = os.path.join(tmp, "small.jpg")
subprocess.run([mkimg, "jpeg", photo, "64", "48"], check=True)
for args in (["treatment", "edit", "1", "--skin-type", "IV"],
             ["checkin", "--treatment", "1", "--day", "4", "--temp", "37.2",
              "--care", "sunscreen,actives", "--photo", photo],
             ["action", "add", "--treatment", "1", "--date", "2026-10-05",
              "--text", "saw the clinic", "--by", "clinician", "--for", "infection@3"],
             ["medicine", "add", "--treatment", "1", "--name", "cefalexin",
              "--dose", "500 mg", "--from", "2026-10-05", "--days", "7"],
             ["profile", "--name", "Ann Example", "--born", "1990-04-02"],
             # today's day of the current treatment, for the photo screen
             ["checkin", "--treatment", "3", "--day", "9", "--photo", photo]):
    r = hg(args, base)
    if r.returncode != 0:
        print("Bail out! cannot make the saved database: %s: %s" % (
            " ".join(args), r.stderr.decode()))
        sys.exit(1)
base_sum = rows_sum(base)

imp = os.path.join(tmp, "import.csv")
with open(imp, "w", newline="") as f:
    f.write("treatment_date,device,depth_mm,area,risks,day,date,redness,swelling,"
            "bruising,bleeding,signs,note\r\n"
            "2026-11-01,professional,1.0,face,,8,2026-11-09,0,0,0,,,\"after, \"\"all\"\"\"\r\n"
            "2026-11-01,professional,1.0,face,,9,2026-11-10,0,,,,,\r\n"
            "2026-09-01,home,0.5,hands,,0,2026-09-01,2,1,0,0,pus,a new treatment\r\n"
            "2026-09-01,home,0.5,hands,,1,2026-09-02,1,1,0,0,,\r\n")

# Fault kinds: "alloc" (every allocation counted), "glib" (only GLib's,
# HG_FAULT_FROM), "write".
ALLOC_KINDS = ("alloc", "glib")
FROM = {"glib": {"HG_FAULT_FROM": "libglib"}}
# GLib allocates a few thousand times to draw one photo, and every failure
# ends the same way (GLib aborts): its sweep tries every STRIDE-th point
# (and the first and last ones), not each.
STRIDE = {"glib": int(os.environ.get("FAULT_GLIB_STRIDE", "20"))}
# name, fault kind, arguments ({out}: a file the command writes)
SWEEPS = [
    ("checkin", "alloc", ["checkin", "--treatment", "2", "--day", "12", "--redness", "2",
                          "--sign", "pus", "--note", "worse again"]),
    ("import", "alloc", ["import", imp]),
    ("export", "alloc", ["export"]),
    ("report --all", "alloc", ["report", "--all"]),
    ("check", "alloc", ["check"]),
    ("ui", "alloc", UI),
    ("ui photo", "glib", UI_PHOTO),
    ("checkin --photo", "alloc", ["checkin", "--treatment", "3", "--day", "5",
                                  "--photo", photo]),
    ("action add", "alloc", ["action", "add", "--treatment", "2", "--date", "2026-10-24",
                             "--text", "saw GP, cefalexin", "--by", "clinician",
                             "--for", "infection@3"]),
    ("flags resolve", "alloc", ["flags", "resolve", "--treatment", "3", "infection@3",
                                "--text", "cold compress", "--by", "self",
                                "--date", "2026-11-05"]),
    ("medicine add", "alloc", ["medicine", "add", "--treatment", "2", "--name", "valaciclovir",
                               "--dose", "500 mg twice a day", "--days", "5"]),
    ("backup", "write", ["backup", "{out}"]),
    ("checkin", "write", ["checkin", "--treatment", "2", "--day", "12", "--redness", "2",
                          "--sign", "pus", "--note", "worse again"]),
    ("import", "write", ["import", imp]),
    ("ui", "write", UI),
    ("checkin --photo", "write", ["checkin", "--treatment", "3", "--day", "5",
                                  "--photo", photo]),
    ("action add", "write", ["action", "add", "--treatment", "2", "--date", "2026-10-24",
                             "--text", "saw GP, cefalexin", "--by", "clinician",
                             "--for", "infection@3"]),
    ("flags resolve", "write", ["flags", "resolve", "--treatment", "3", "infection@3",
                                "--text", "cold compress", "--by", "self",
                                "--date", "2026-11-05"]),
    ("medicine add", "write", ["medicine", "add", "--treatment", "2", "--name", "valaciclovir",
                               "--dose", "500 mg twice a day", "--days", "5"]),
    # a new database made while the disk fills up
    ("treatment add", "write", ["treatment", "add", "--date", "2026-11-01"]),
]
if os.environ.get("FAULT_ONLY"):
    SWEEPS = [s for s in SWEEPS if "%s %s" % (s[0], s[1]) == os.environ["FAULT_ONLY"]]
# Sweeps that start where no database exists yet.
NEW_DATABASE = {"treatment add"}
ABSENT = "no database"


def args_for(args, out):
    return args if args in UIS else [a.replace("{out}", out) for a in args]


def one_run(sweep, n, ref):
    """Run point n of a sweep; returns (outcome, detail)."""
    name, kind, args = sweep
    d = os.path.join(tmp, "run-%s-%s-%d" % (name.replace(" ", "_"), kind, n))
    os.mkdir(d)
    db = os.path.join(d, "h.db")
    out = os.path.join(d, "out.file")
    if name not in NEW_DATABASE:
        shutil.copyfile(base, db)
        os.chmod(db, 0o600)
    before = ABSENT if name in NEW_DATABASE else base_sum
    hit = os.path.join(d, "hit")
    fault = {"LD_PRELOAD": shim, "HG_FAULT_HIT": hit,
             "HG_FAULT_ALLOC" if kind in ALLOC_KINDS else "HG_FAULT_WRITE": str(n)}
    fault.update(FROM.get(kind, {}))
    try:
        r = run_cmd(args_for(args, out), db, fault)
        rc, so, se = r.returncode, r.stdout, r.stderr.decode(errors="replace")
    except subprocess.TimeoutExpired:
        shutil.rmtree(d, ignore_errors=True)
        return "crash", "N=%d: hang" % n, True, ""
    reached = os.path.exists(hit)
    # Who made the allocation that failed (the shim writes its object's
    # file name): ncurses does not check all of its own allocations, so a
    # crash after one of those failed is the library's, counted apart.
    failed_in = open(hit).read() if reached else ""
    in_curses = kind == "alloc" and re.search(r"lib(ncursesw?|tinfo)\.so", failed_in)
    problems = []
    outcome = None
    if rc < 0 and in_curses:
        outcome = "library crash"
        problems.append("exit %d after an allocation of %s failed" % (rc, failed_in))
    elif rc < 0 or rc not in (0, 1):
        outcome = "crash"
        problems.append("exit %d" % rc)
    elif args in UIS and so.rfind(SMCUP) > so.rfind(RMCUP):
        outcome = "crash"
        problems.append("exit %d with the terminal left in the alternate screen" % rc)
    elif rc == 1:
        lines = se.splitlines()
        # ncurses says its own "Out of memory" and exits 1 when one of its
        # allocations fails: a message, if not in healgrid's words.
        said = lines and (lines[-1].startswith("healgrid: ") or
                          (in_curses and lines[-1].endswith("Out of memory")))
        if not said:
            outcome = "silent"
            problems.append("exit 1 without a message")
    # The database, with the real binary and no fault.
    c = hg(["check"], db) if os.path.exists(db) else None
    if c is None:
        if rc == 0 or before != ABSENT:
            outcome = "loss"
            problems.append("no database after the run")
    elif c.returncode != 0 or c.stdout.strip() != b"ok":
        outcome = "loss"
        problems.append("check: exit %d: %s %s" % (c.returncode, c.stdout.decode()[:200],
                                                  c.stderr.decode()[:200]))
    else:
        s = rows_sum(db)
        allowed = {before, ref["after"]} if rc != 0 else {ref["after"]}
        if rc != 0 and before == ABSENT:
            allowed.add(ref["empty"])
        if s not in allowed:
            if s in (before, ref["after"]):
                outcome = outcome or "silent"
                problems.append("exit 0 but the change is not saved")
            else:
                outcome = "loss"
                problems.append("rows changed: neither as before nor as after the command")
    if rc == 0 and kind == "alloc" and name in ("export", "report --all", "check") and so != ref["stdout"]:
        outcome = outcome or "silent"
        problems.append("exit 0 with different output")
    if name == "backup":
        if rc == 0:
            if not os.path.exists(out) or rows_sum(out) != base_sum:
                outcome = outcome or "silent"
                problems.append("exit 0 but the backup is missing or different")
        elif os.path.exists(out):
            outcome = outcome or "loss"
            problems.append("a failed backup left %s" % out)
    # Nothing half made stays behind a run that exited (a killed one's is
    # removed by the next open: tests/reliability/stale.sh).
    debris = [f for f in os.listdir(d) if ".tmp-" in f or ".new-" in f]
    if debris:
        outcome = outcome or "loss"
        problems.append("left behind: %s" % " ".join(debris))
    said = b""
    if args == UI and getattr(r, "stayed", False):
        said = next((m for m in UI_ERRORS if m in so.replace(b"\x1b", b"")), b"")
        if rc == 0 and not said:
            outcome = outcome or "silent"
            problems.append("the UI stayed without saying why")
        elif rc == 0 and outcome == "silent" and problems == ["exit 0 but the change is not saved"]:
            # it said so on its screen, and kept nothing half-made
            outcome, problems = None, []
    if outcome is None:
        outcome = "ok" if rc == 0 and not said else "failed cleanly"
    shutil.rmtree(d, ignore_errors=True)
    detail = "N=%d: %s (stderr: %s)" % (n, "; ".join(problems), se.strip()[:3000]) if problems else ""
    message = se.strip().splitlines()[-1].replace(d + "/", "") if rc and se.strip() else ""
    if said and rc == 0:
        message = "(on the UI's screen, which stayed) %s" % said.decode()
    return outcome, detail, reached, message


def reference(sweep):
    """A run without faults: its output, the rows after, and how many
    points of each kind it passes."""
    name, kind, args = sweep
    d = os.path.join(tmp, "ref-%s-%s" % (name.replace(" ", "_"), kind))
    os.mkdir(d)
    db = os.path.join(d, "h.db")
    if name not in NEW_DATABASE:
        shutil.copyfile(base, db)
    cnt = os.path.join(d, "count")
    r = run_cmd(args_for(args, os.path.join(d, "out.file")), db,
                dict({"LD_PRELOAD": shim, "HG_FAULT_COUNT": cnt}, **FROM.get(kind, {})))
    if r.returncode != 0:
        return None
    allocs, writes = map(int, open(cnt).read().split())
    # A database made but left empty (the command's write failed after the
    # creation) is a whole database holding nothing: allowed.
    empty = os.path.join(d, "empty.db")
    shutil.copyfile(db, empty)
    con = sqlite3.connect(empty)
    for (t,) in con.execute("SELECT name FROM sqlite_schema WHERE type = 'table'"
                            " AND name NOT LIKE 'sqlite_%'").fetchall():
        con.execute('DELETE FROM "%s"' % t)
    con.commit()
    con.close()
    ref = {"stdout": r.stdout, "after": rows_sum(db), "empty": rows_sum(empty),
           "points": allocs if kind in ALLOC_KINDS else writes}
    shutil.rmtree(d, ignore_errors=True)
    return ref


OUTCOMES = ["ok", "failed cleanly", "crash", "loss", "silent", "library crash"]
results = []
t_all = time.monotonic()
for sweep in SWEEPS:
    name, kind, args = sweep
    t0 = time.monotonic()
    ref = reference(sweep)
    if ref is None:
        tap(False, "%s (%s faults): runs without faults" % (name, kind))
        continue
    counts = dict.fromkeys(OUTCOMES, 0)
    details = []
    messages = {}
    unreached = 0
    with concurrent.futures.ThreadPoolExecutor(WORKERS) as pool:
        points = list(range(1, ref["points"] + 1))
        if kind in STRIDE:
            points = sorted(set(points[::STRIDE[kind]] + points[:5] + points[-5:]))
        for outcome, detail, reached, msg in pool.map(lambda n: one_run(sweep, n, ref), points):
            counts[outcome] += 1
            if msg:
                messages[msg] = messages.get(msg, 0) + 1
            unreached += not reached
            if detail:
                details.append(detail)
    # Past the last counted point: on until a run never reaches its point.
    n = ref["points"]
    while True:
        n += 1
        outcome, detail, reached, _ = one_run(sweep, n, ref)
        if not reached:
            break
        counts[outcome] += 1
        if detail:
            details.append(detail)
        if n > ref["points"] + 1000:
            details.append("the runs do not end: still reaching point %d" % n)
            counts["crash"] += 1
            break
    tried = len(points) + n - 1 - ref["points"]
    took = time.monotonic() - t0
    bad = counts["crash"] + counts["loss"] + counts["silent"]
    results.append((sweep, tried, counts, took, bad, details, unreached))
    print("# %-13s %-5s faults: %5d points in %5.1f s: %d ok, %d failed cleanly,"
          " %d crashes, %d losses, %d silent failures" % (
              name, kind, tried, took, counts["ok"], counts["failed cleanly"],
              counts["crash"], counts["loss"], counts["silent"]))
    if counts["library crash"]:
        print("#   %d crashes inside ncurses after one of its own allocations failed"
              " (not counted as healgrid's):" % counts["library crash"])
        for d in details:
            if "after an allocation of" in d:
                print("#     " + d)
    for msg, k in sorted(messages.items(), key=lambda kv: -kv[1]):
        print("#   %5d x %s" % (k, msg))
    sys.stdout.flush()

for sweep, tried, counts, took, bad, details, unreached in results:
    name, kind, _ = sweep
    tap(bad == 0 and tried > 0,
        "%s, %s faults: %d points, %d crashes, %d losses, %d silent failures" % (
            name, kind, tried, counts["crash"], counts["loss"], counts["silent"]),
        *details[:8])

# ---- file systems without hard links ---------------------------------------
for level, what in ((1, "without hard links"), (2, "without hard links or RENAME_NOREPLACE")):
    d = os.path.join(tmp, "nolink%d" % level)
    os.mkdir(d)
    db = os.path.join(d, "h.db")
    nolink = {"LD_PRELOAD": shim, "HG_FAULT_NOLINK": str(level)}
    r = hg(["treatment", "add", "--date", "2026-11-01"], db, nolink)
    c = hg(["treatment", "list"], db)
    left = [f for f in os.listdir(d) if ".new-" in f]
    tap(r.returncode == 0 and b"2026-11-01" in c.stdout and not left,
        "a database is created on a file system %s" % what,
        "exit %d: %s; list: %s; left: %s" % (r.returncode, r.stderr.decode().strip(),
                                             c.stdout.decode().strip(), left))
    b = hg(["backup", os.path.join(d, "copy.db")], db, nolink)
    b2 = hg(["backup", os.path.join(d, "copy.db")], db, nolink)
    tap(b.returncode == 0 and rows_sum(os.path.join(d, "copy.db")) == rows_sum(db)
        and b2.returncode == 2 and b"file exists" in b2.stderr,
        "backup on a file system %s: made, and never over an existing file" % what,
        "first: exit %d %s; second: exit %d %s" % (b.returncode, b.stderr.decode().strip(),
                                                   b2.returncode, b2.stderr.decode().strip()))

# ---- out of memory in the UI, said where it stays ----------------------------
# With stderr on the terminal, as for a person: when an allocation of
# healgrid's own fails while the UI holds the alternate screen, the line
# "healgrid: out of memory" comes after the terminal left it (written on
# the alternate screen, it would vanish with it).
d = os.path.join(tmp, "ui-oom")
os.mkdir(d)
cnt = os.path.join(d, "count")
db = os.path.join(d, "h.db")
shutil.copyfile(base, db)
hg_ui(db, {"LD_PRELOAD": shim, "HG_FAULT_COUNT": cnt})
points = int(open(cnt).read().split()[0]) if os.path.exists(cnt) else 0
seen, lost = 0, []
for n in range(1, points + 1, max(1, points // 200)):
    hit = os.path.join(d, "hit%d" % n)
    shutil.copyfile(base, db)
    r = hg_ui(db, {"LD_PRELOAD": shim, "HG_FAULT_ALLOC": str(n), "HG_FAULT_HIT": hit},
              stderr_on_tty=True)
    said = r.stdout.rfind(b"healgrid: out of memory")
    if r.returncode != 1 or said < 0 or r.stdout.rfind(SMCUP, 0, said) < 0:
        continue                # not while the UI held the screen
    seen += 1
    if r.stdout.rfind(RMCUP) > said:
        lost.append("N=%d (%s): the line was written on the alternate screen" % (
            n, open(hit).read() if os.path.exists(hit) else "?"))
tap(seen > 0 and not lost,
    "out of memory in the UI: the line comes after the terminal is given back"
    " (%d runs out of memory on the alternate screen)" % seen, *lost[:8])

print("# fault sweep took %.0f s with %d workers" % (time.monotonic() - t_all, WORKERS))
print("1..%d" % n_tap)
sys.exit(1 if n_failed else 0)
