#!/usr/bin/env python3
"""engine_ref.py — a reference implementation of healgrid's warning engine,
written from the man page's words (WARNING RULES, FLAGS), not from
src/engine/rules.c, and a randomised comparison with the real engine.

Random recoveries (treatment, check-ins with unrated ratings and signs or
care not assessed, actions by clinicians and by the person) go to
tests/unit/engine_dump, which runs rules_eval, rules_day and
rules_tracking_end over them; this script works out the same facts by
itself and prints TAP: one line per recovery.

    engine_ref.py DUMP_PROGRAM [--cases N] [--seed S]
"""
import random
import re
import subprocess
import sys

SIGNS = ["warmth", "pus", "crusting", "spreading", "pain", "fever", "blisters", "rash",
         "dark-patches", "light-patches", "bumps", "lines", "lips-airway", "eye",
         "unwell", "nonstop-bleeding", "airway", "numb-mouth", "lips"]
RISKS = ["active-infection", "active-acne", "bleeding-disorder", "blood-thinners",
         "cold-sores", "keloids", "isotretinoin", "dark-skin", "pregnancy",
         "weak-immunity", "metal-allergy", "cancer-treatment"]
CARE = ["sunscreen", "sun", "actives", "makeup"]
LEVELS = ["emergency", "urgent", "doctor", "watch"]     # most serious first
EMERGENCY, URGENT, DOCTOR, WATCH = 0, 1, 2, 3
UNRATED = -1
FACE_WORDS = {"face", "facial", "forehead", "cheek", "cheeks", "nose", "chin", "lip",
              "lips", "mouth", "perioral", "eye", "eyes", "eyelid", "eyelids",
              "periorbital", "temple", "temples", "jaw", "jawline"}
EYE_WORDS = {"eye", "eyes", "eyelid", "eyelids", "periorbital"}

# The table: rule, kind, level, in the man page's order.
TABLE = [
    ("airway", "reaction", EMERGENCY), ("numbing", "reaction", EMERGENCY),
    ("eye", "eye", EMERGENCY), ("unwell", "illness", EMERGENCY),
    ("bleeding-nonstop", "bleeding", EMERGENCY),
    ("spreading-fever", "infection", EMERGENCY), ("lips", "reaction", URGENT),
    ("rash-early", "reaction", URGENT), ("pus", "infection", URGENT),
    ("spreading", "infection", URGENT), ("fever", "infection", URGENT),
    ("fever-alone", "illness", DOCTOR), ("blisters", "cold-sore", URGENT),
    ("infection-signs", "infection", URGENT), ("bleeding-heavy", "bleeding", URGENT),
    ("spreading-early", "reaction", DOCTOR), ("crusting", "infection", DOCTOR),
    ("warmth-pain", "infection", DOCTOR), ("redness-rising", "infection", DOCTOR),
    ("swelling-rising", "infection", DOCTOR), ("redness-late", "healing", DOCTOR),
    ("swelling-late", "healing", DOCTOR), ("lines", "healing", DOCTOR),
    ("bleeding-late", "bleeding", DOCTOR), ("bleeding-risk", "bleeding", DOCTOR),
    ("bruising-heavy", "bleeding", DOCTOR), ("rash", "reaction", DOCTOR),
    ("bumps", "reaction", DOCTOR), ("dark-patches", "pigment", DOCTOR),
    ("light-patches", "pigment", DOCTOR), ("redness-lingering", "healing", WATCH),
    ("bleeding-spotting", "bleeding", WATCH), ("bruising-lingering", "bleeding", WATCH),
    ("dark-patches-early", "pigment", WATCH), ("light-patches-early", "pigment", WATCH),
    ("actives-early", "care", WATCH), ("sun-early", "care", WATCH),
    ("makeup-early", "care", WATCH),
]
ORDER = {r: i for i, (r, _, _) in enumerate(TABLE)}


class Treatment:
    def __init__(self, date, device, depth, risks, skin, area):
        self.date, self.device, self.depth = date, device, depth
        self.risks, self.skin, self.area = set(risks), skin, area
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", area)}
        self.face = bool(words & FACE_WORDS)
        self.eye = bool(words & EYE_WORDS)
        self.darker = skin >= 4 or "dark-skin" in self.risks
        self.cancer = "cancer-treatment" in self.risks
        self.weak = self.cancer or "weak-immunity" in self.risks
        if depth > 0:
            self.D = 3 if depth <= 0.5 else 5 if depth <= 1.5 else 7
        else:
            self.D = 3 if device == 1 else 5

    def kind(self, rule):
        if rule == "crusting" and self.face and "cold-sores" in self.risks:
            return "cold-sore"
        return dict((r, k) for r, k, _ in TABLE)[rule]


class Checkin:
    def __init__(self, day, ratings, signs, temp, care):
        self.day = day
        self.red, self.swe, self.bru, self.ble = ratings
        self.signs = signs          # a set, or None: not assessed
        self.temp = temp            # tenths of a degree, 0: none
        self.care = care            # a set, or None


def judge(t, c, prev):
    """{rule: (state, level, trigger signs)} for one check-in; state is
    'yes', 'no' or 'unknown'.  prev: the most recent earlier rating of
    each symptom (or UNRATED)."""
    out = {}
    d = c.day
    sa = c.signs is not None
    signs = c.signs or set()
    care_known = c.care is not None
    care = c.care or set()
    fever = "fever" in signs or c.temp >= 380
    fever_sign = {"fever"} & signs

    def sign_rule(rule, names, in_range, level=None):
        hit = set(names) & signs if in_range else set()
        if not in_range:
            state = "no"
        elif not sa:
            state = "unknown"
        else:
            state = "yes" if hit else "no"
        out[rule] = (state, level if level is not None else base(rule), hit)

    def rating_rule(rule, values, in_range, test, level=None):
        if not in_range:
            state = "no"
        elif all(v == UNRATED for v in values):
            state = "unknown"
        else:
            state = "yes" if test() else "no"
        out[rule] = (state, level if level is not None else base(rule), set())

    def base(rule):
        return dict((r, l) for r, _, l in TABLE)[rule]

    up = URGENT if (t.eye or t.weak) else DOCTOR
    sign_rule("airway", ["airway", "lips-airway"], True)
    sign_rule("numbing", ["numb-mouth"], d <= 1)
    sign_rule("eye", ["eye"], True)
    sign_rule("unwell", ["unwell"], True)
    sign_rule("bleeding-nonstop", ["nonstop-bleeding"], True)
    # spreading-fever reads the sign spreading: it needs the signs
    if d < 1:
        out["spreading-fever"] = ("no", EMERGENCY, set())
    elif not sa:
        out["spreading-fever"] = ("unknown", EMERGENCY, set())
    else:
        hit = fever and "spreading" in signs
        out["spreading-fever"] = ("yes" if hit else "no", EMERGENCY,
                                  ({"spreading"} | fever_sign) if hit else set())
    sign_rule("lips", ["lips"], True, WATCH if (d <= 1 and t.face) else URGENT)
    sign_rule("rash-early", ["rash"], d <= 1)
    sign_rule("pus", ["pus"], True)
    sign_rule("spreading", ["spreading"], d >= 1)
    skin = bool(signs & {"warmth", "pus", "crusting", "spreading", "pain", "blisters"}) \
        or (c.red != UNRATED and c.red >= 2) or (c.swe != UNRATED and c.swe >= 2)
    fever_known = sa or c.temp != 0
    with_skin = d <= 7 or skin
    for rule, want in (("fever", True), ("fever-alone", False)):
        if rule == "fever":
            level = EMERGENCY if t.cancer else URGENT
        else:
            level = EMERGENCY if t.cancer else URGENT if t.weak else DOCTOR
        if not fever_known:
            out[rule] = ("unknown", level, set())
        else:
            hit = fever and with_skin == want
            out[rule] = ("yes" if hit else "no", level, fever_sign if hit else set())
    sign_rule("blisters", ["blisters"], True)
    rating_rule("bleeding-heavy", [c.ble], d >= 1, lambda: c.ble == 3)
    sign_rule("spreading-early", ["spreading"], d == 0)
    cold_sore = t.face and "cold-sores" in t.risks
    sign_rule("crusting", ["crusting"], True, URGENT if cold_sore else up)
    # warmth-pain: pain from day 1, warmth from day 2 once 2d > D
    wp = set()
    if d >= 1 and "pain" in signs:
        wp.add("pain")
    if d >= 2 and 2 * d > t.D and "warmth" in signs:
        wp.add("warmth")
    if d < 1:
        out["warmth-pain"] = ("no", up, set())
    elif not sa:
        out["warmth-pain"] = ("unknown", up, set())
    else:
        out["warmth-pain"] = ("yes" if wp else "no", up, wp)

    def rises(v, p):
        return v != UNRATED and v >= 2 and p != UNRATED and v > p
    rating_rule("redness-rising", [c.red], d >= 2, lambda: rises(c.red, prev[0]), up)
    rating_rule("swelling-rising", [c.swe], d >= 3, lambda: rises(c.swe, prev[1]), up)
    parts = ["warmth-pain", "redness-rising", "swelling-rising"]
    if not cold_sore:
        parts.append("crusting")
    yes = sum(out[p][0] == "yes" for p in parts)
    maybe = sum(out[p][0] == "unknown" for p in parts)
    if yes >= 2:
        out["infection-signs"] = ("yes", URGENT, set())
    elif yes + maybe >= 2:
        out["infection-signs"] = ("unknown", URGENT, set())
    else:
        out["infection-signs"] = ("no", URGENT, set())
    rating_rule("redness-late", [c.red], d > t.D, lambda: c.red >= 2)
    rating_rule("swelling-late", [c.swe], d > t.D, lambda: c.swe >= 2)
    sign_rule("lines", ["lines"], d >= 7)
    rating_rule("bleeding-late", [c.ble], d >= 2,
                lambda: c.ble >= 2 or (c.ble == 1 and d >= 4))
    risky = bool(t.risks & {"bleeding-disorder", "blood-thinners"})
    rating_rule("bleeding-risk", [c.ble, c.bru], d >= 1 and risky,
                lambda: c.ble >= 2 or c.bru >= 2)
    rating_rule("bruising-heavy", [c.bru], True, lambda: c.bru == 3)
    sign_rule("rash", ["rash"], d >= 2)
    sign_rule("bumps", ["bumps"], True)
    sign_rule("dark-patches", ["dark-patches"], d >= 7)
    sign_rule("light-patches", ["light-patches"], d >= 7)
    rating_rule("redness-lingering", [c.red], d >= 10, lambda: c.red == 1)
    rating_rule("bleeding-spotting", [c.ble], d in (2, 3), lambda: c.ble == 1)
    rating_rule("bruising-lingering", [c.bru], d >= 10, lambda: c.bru >= 1)
    sign_rule("dark-patches-early", ["dark-patches"], d < 7, DOCTOR if t.darker else WATCH)
    sign_rule("light-patches-early", ["light-patches"], d < 7)
    for rule, item, last in (("actives-early", "actives", 7), ("sun-early", "sun", 14),
                             ("makeup-early", "makeup", 2)):
        if d >= last:
            out[rule] = ("no", WATCH, set())
        elif not care_known:
            out[rule] = ("unknown", WATCH, set())
        else:
            out[rule] = ("yes" if item in care else "no", WATCH, set())
    assert len(out) == len(TABLE)
    return out


class Flag:
    def __init__(self, kind, day):
        self.kind, self.day = kind, day
        self.id = "%s@%d" % (kind, day)
        self.days = []              # [(day, {rule: level})] matching days
        self.settled = None         # the day it settled by
        self.clear = 0
        self.actions = []

    def rules(self):
        return {r for _, m in self.days for r in m}

    def level_on(self, day):
        levels = [lvl for d, m in self.days if d <= day for lvl in m.values()]
        return min(levels) if levels else None

    def span_holds(self, day):
        return day >= self.day and (self.settled is None or day <= self.settled)


def build(t, checkins):
    """The flags, each day's judgement, and the last day any rule matched."""
    prev = [UNRATED] * 4
    flags, active, judged, last_match = [], {}, {}, -1
    for c in checkins:
        j = judge(t, c, prev)
        judged[c.day] = j
        by_kind = {}
        for rule, (state, level, _) in j.items():
            if state == "yes":
                by_kind.setdefault(t.kind(rule), {})[rule] = level
                last_match = c.day
        kinds = sorted({k for _, k, _ in TABLE} | {"cold-sore"})
        for kind in kinds:
            f = active.get(kind)
            if kind in by_kind:
                if f is None:
                    f = Flag(kind, c.day)
                    flags.append(f)
                    active[kind] = f
                f.days.append((c.day, by_kind[kind]))
                f.clear = 0
            elif f is not None:
                if all(j[r][0] != "unknown" for r in f.rules()):
                    f.clear += 1
                    if f.clear == 3:
                        f.settled = c.day
                        del active[kind]
        for i, v in enumerate((c.red, c.swe, c.bru, c.ble)):
            if v != UNRATED:
                prev[i] = v
    return flags, judged, last_match


def attach(t, flags, actions):
    """actions: [(id, day, by, kind, refday)]; by 0 unrecorded, 1 clinician, 2 self."""
    for a in actions:
        aid, aday, by, kind, refday = a
        pick = None
        for want in (refday, aday):
            for f in flags:
                if f.kind == kind and f.span_holds(want):
                    pick = f
                    break
            if pick:
                break
        if pick and a not in pick.actions:
            pick.actions.append(a)
    for f in flags:
        f.actions.sort(key=lambda a: (a[1], a[0]))


def covering(f):
    """The actions that cover f, in date order."""
    out = []
    for a in f.actions:
        aday, by = a[1], a[2]
        if aday < f.day or (f.settled is not None and aday > f.settled):
            continue
        if by == 2 and f.level_on(aday) <= URGENT:
            continue            # self care does not cover a serious problem
        out.append(a)
    return out


def backs(t, f):
    """[(action, day it came back or None)] for each covering action."""
    cov = covering(f)
    out = []
    for i, a in enumerate(cov):
        aday = a[1]
        nxt = cov[i + 1][1] if i + 1 < len(cov) else None
        base = f.level_on(aday)
        seen = {r for d, m in f.days if d <= aday for r in m}
        came = None
        for d, m in f.days:
            if d <= aday or (nxt is not None and d >= nxt):
                continue
            serious = {r for r, lvl in m.items() if lvl <= URGENT}
            if f.level_on(d) < base or (serious - seen) or \
               (f.kind == "infection" and serious and d >= aday + 3):
                came = d
                break
        out.append((a, came))
    return out


def status_on(t, f, x):
    """(status, since) of flag f on day x."""
    if f.settled is not None and f.settled <= x:
        return "settled", f.settled
    hist = [(a, b) for a, b in backs(t, f) if a[1] <= x]
    if not hist:
        return "open", f.day
    a, b = hist[-1]
    if b is not None and b <= x:
        return "open", b
    start = hist[0][0][1]
    for i in range(len(hist) - 1):
        if hist[i][1] is not None:
            start = hist[i + 1][0][1]
    return "in-care", start


def alert_on(t, f, d):
    days = [dd for dd, _ in f.days]
    if d not in days:
        return None
    if d == f.day:
        return "new"
    if any(b == d for _, b in backs(t, f)):
        return "back"
    before = [dd for dd in days if dd < d]
    rose = f.level_on(d) < f.level_on(before[-1])
    if rose and status_on(t, f, d - 1)[0] == "open" and \
       not any(a[1] == d for a in covering(f)):
        return "worse"
    return None


def evaluate(t, checkins, actions):
    flags, judged, last_match = build(t, checkins)
    attach(t, flags, actions)
    lines = []
    for f in flags:
        status, since = status_on(t, f, 10 ** 6)
        findings = {}
        for d, m in f.days:
            for r, lvl in m.items():
                lo, first, last = findings.get(r, (WATCH + 1, d, d))
                findings[r] = (min(lo, lvl), first, d)
        fl = ",".join("%s:%s:%d:%d" % (r, LEVELS[v[0]], v[1], v[2]) for r, v in
                      sorted(findings.items(), key=lambda kv: (kv[1][1], kv[0])))
        seen = int(any(a[2] != 2 for a in f.actions))
        acts = ",".join(str(a[0]) for a in f.actions) or "-"
        lines.append("F %s %s %d %d %s %d %d %s %s" % (
            f.id, LEVELS[f.level_on(10 ** 6)], f.day, f.days[-1][0], status, since, seen,
            fl, acts))
    for c in checkins:
        # the day as it was shown: check-ins and actions up to that day
        sub_c = [x for x in checkins if x.day <= c.day]
        sub_a = [a for a in actions if a[1] <= c.day]
        sflags, sjudged, _ = build(t, sub_c)
        attach(t, sflags, sub_a)
        for f in sflags:
            if f.days[-1][0] != c.day:
                continue
            st, _ = status_on(t, f, c.day)
            alert = alert_on(t, f, c.day) or "-"
            rules = sorted(f.days[-1][1], key=lambda r: ORDER[r])
            lines.append("D %d %s %s %s %s %s" % (c.day, f.id, alert,
                         LEVELS[f.level_on(c.day)], st, ",".join(rules)))
        j = judged[c.day]
        made = set()
        for state, _, hit in j.values():
            if state == "yes":
                made |= hit
        noted = (c.signs or set()) - made
        if noted:
            lines.append("N %d %d" % (c.day, sum(1 << SIGNS.index(s) for s in noted)))
    # daily tracking ends on the first E with E-2 after D and the last
    # match, E-2, E-1 and E checked in, and no flag open or in care on E
    have = {c.day for c in checkins}
    end = -1
    for c in checkins:
        e = c.day
        if e - 2 <= t.D or e - 2 <= last_match:
            continue
        if e - 1 in have and e - 2 in have and \
           all(status_on(t, f, e)[0] == "settled" for f in flags):
            end = e
            break
    lines.append("X %d" % end)
    return lines


# ---- random recoveries ----------------------------------------------------

AREAS = ["face", "neck", "left_eye_area", "Cheeks_and_jaw", "chest", "periorbital",
         "back_of_hands", "upper_lip", "scalp"]


def random_case(rng):
    t = Treatment(20000, rng.randint(0, 1), rng.choice([0, 0, 0.25, 0.5, 1.0, 1.5, 2.0]),
                  [r for r in RISKS if rng.random() < 0.12], rng.choice([0, 0, 2, 4, 6]),
                  rng.choice(AREAS).replace("_", " "))
    checkins = []
    day = rng.randint(0, 2)
    hot = rng.random()          # how troubled this recovery is
    calm = rng.random() < 0.35  # healing as it should after the first week
    while day < 40:
        def rating():
            if calm and day > 5:
                return UNRATED if rng.random() < 0.05 else 0 if day > 9 else rng.choice([0, 1])
            return UNRATED if rng.random() < 0.2 else rng.choice([0, 0, 1, 1, 2, 3])
        ratings = [rating() for _ in range(4)]
        if calm and day > 5:
            signs = set() if rng.random() < 0.9 else None
        elif rng.random() < 0.8:
            signs = {s for s in SIGNS if rng.random() < 0.07 * hot}
        else:
            signs = None
        temp = 0
        if rng.random() < 0.25 and not (calm and day > 5):
            temp = rng.choice([365, 372, 379, 380, 384, 391])
        care = None
        if calm and day > 5:
            care = {"sunscreen"} if rng.random() < 0.5 else None
        elif rng.random() < 0.6:
            care = {x for x in CARE if rng.random() < 0.2}
        checkins.append(Checkin(day, ratings, signs, temp, care))
        day += rng.choice([1, 1, 1, 1, 2, 3, 5])
    flags, _, _ = build(t, checkins)
    actions = []
    for i in range(rng.randint(0, 4)):
        if flags and rng.random() < 0.85:
            f = rng.choice(flags)
            kind, refday = f.kind, f.day + rng.randint(0, 2)
        else:
            kind, refday = rng.choice(["infection", "reaction", "bleeding"]), rng.randint(0, 30)
        aday = refday + rng.randint(0, 6)
        actions.append((i + 1, aday, rng.choice([0, 1, 1, 2, 2]), kind, refday))
    return t, checkins, actions


def encode(t, checkins, actions):
    out = ["T %d %d %g %d %d %s" % (t.date, t.device, t.depth,
           sum(1 << RISKS.index(r) for r in t.risks), t.skin, t.area.replace(" ", "_"))]
    for c in checkins:
        sa = c.signs is not None
        ca = c.care is not None
        out.append("C %d %d %d %d %d %d %d %d %d %d" % (
            c.day, c.red, c.swe, c.bru, c.ble, int(sa),
            sum(1 << SIGNS.index(s) for s in (c.signs or ())), c.temp, int(ca),
            sum(1 << CARE.index(x) for x in (c.care or ()))))
    for a in actions:
        out.append("A %d %d %d %s %d" % (a[0], t.date + a[1], a[2], a[3], t.date + a[4]))
    out.append("E")
    return "\n".join(out) + "\n"


def main():
    args = sys.argv[1:]
    dump = args[0]
    cases = int(args[args.index("--cases") + 1]) if "--cases" in args else 250
    seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 20261110
    rng = random.Random(seed)
    inputs = [random_case(rng) for _ in range(cases)]
    feed = "".join(encode(*x) for x in inputs)
    got = subprocess.run([dump], input=feed, capture_output=True, text=True, check=True)
    blocks = got.stdout.split("E\n")
    print("1..%d" % cases)
    failed = 0
    for i, x in enumerate(inputs):
        want = sorted(evaluate(*x))
        have = sorted(l for l in blocks[i].splitlines() if l)
        if want == have:
            print("ok %d - recovery %d" % (i + 1, i))
            continue
        failed += 1
        print("not ok %d - recovery %d" % (i + 1, i))
        for line in encode(*x).splitlines():
            print("#   in:   " + line)
        for line in sorted(set(want) - set(have)):
            print("#   want: " + line)
        for line in sorted(set(have) - set(want)):
            print("#   got:  " + line)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
