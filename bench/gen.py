#!/usr/bin/env python3
"""gen.py — realistic healgrid data for the benchmarks, as CSV in the
healgrid's CSV export format (RFC 4180, CRLF), ready for `healgrid import`.

    bench/gen.py SIZE [--seed N] [--today YYYY-MM-DD] [-o FILE]

SIZE is one of
    one       one treatment, ten days into its recovery
    tenyears  120 treatments (one a month for ten years), 5,000 check-ins
    stress    100,000 check-ins (1,250 treatments on rotating areas)

Every size ends with the same treatment in progress (today is day 9), so
the UI opens on the same screen whatever lies behind it.  Recoveries mostly
heal on the schedule their depth predicts; about one in six goes wrong in
a way the warning rules flag (infection, pigment, allergy, bleeding,
stalled healing).  Notes are mostly short, some long (up to the 2,000-byte
limit), with commas, quotes, newlines and non-ASCII text.  Output is a
pure function of SIZE, --seed and --today: the same bytes on every machine.

Only the Python standard library is used.  What does not live here: the
measurements (bench/run).
"""

import argparse
import csv
import datetime
import random
import sys

HEADER = ["treatment_date", "device", "depth_mm", "area", "risks", "day",
          "date", "redness", "swelling", "bruising", "bleeding", "signs",
          "note"]

# name: (treatments, check-ins)
SIZES = {
    "one": (1, 10),
    "tenyears": (120, 5000),
    "stress": (1250, 100000),
}

AREAS = ["face", "neck", "décolleté", "scalp", "hands",
         "acne scars, cheeks", "stretch marks (thighs)", "forehead"]
RISKS = ["active-infection", "active-acne", "bleeding-disorder",
         "blood-thinners", "cold-sores", "keloids", "isotretinoin",
         "dark-skin", "pregnancy"]
NOTE_LIMIT = 2000  # bytes, the note limit

# Pieces of notes people write.  Some carry the characters a CSV writer
# and a terminal must get right: commas, double quotes, non-ASCII letters,
# wide characters.
PHRASES = [
    "tight and a bit pink",
    "feels like a mild sunburn",
    "washed with the gentle cleanser, no makeup",
    "stings when I apply the serum",
    "slept on my back, less puffy this morning",
    "the nurse said \"redness for two or three days is normal\"",
    "a few pinpoint scabs along the jaw",
    "used the hyaluronic serum, then SPF 50",
    "itchy around the nose, didn't scratch",
    "skin flaking, moisturiser helps",
    "crème réparatrice twice today",
    "looks better than yesterday, honestly",
    "colleague asked if I'd been \"on holiday\"",
    "Ärger: forgot sunscreen on the walk",
    "peau sensible, légère rougeur",
    "日焼けみたい — like a sunburn",
    "slightly swollen under the eyes, cold compress 10 min",
    "no pain, just dry",
    "makeup back on, light coverage",
    "took ibuprofen at 22:00",
    "forehead clear; cheeks still warm-ish",
    "naïve of me to book a dinner the day after",
    "🙂 almost back to normal",
    "dermatologist: keep it clean, avoid retinol for a week",
]


def note_text(rng):
    """A note: mostly empty or short, sometimes long, rarely near the limit."""
    u = rng.random()
    if u < 0.45:
        return ""
    if u < 0.80:
        parts = 1
    elif u < 0.95:
        parts = rng.randint(2, 6)
    elif u < 0.99:
        parts = rng.randint(8, 25)
    else:
        parts = 80  # cut at the byte limit below
    out = []
    size = 0
    for _ in range(parts):
        p = rng.choice(PHRASES)
        sep = "" if not out else rng.choice([", ", ". ", "\n", "; "])
        add = len((sep + p).encode("utf-8"))
        if size + add > NOTE_LIMIT - 4:
            break
        out.append(sep + p)
        size += add
    return "".join(out)


def downtime(device, depth):
    """Expected days of redness and swelling (the downtime D of the rules)."""
    if device == "home" or (depth is not None and depth <= 0.5):
        return 3
    if depth is None or depth <= 1.5:
        return 5
    return 7


def healing_curve(rng, day, start, d):
    """A rating that starts at `start` and fades to 0 by about day d."""
    if day >= d + rng.randint(0, 2):
        return 0
    left = start * (1.0 - day / float(d + 1))
    return max(0, min(3, int(round(left + rng.uniform(-0.4, 0.4)))))


# Complications: each sets what happens from a day on.  Names follow the
# rule ids they should trip.
COMPLICATIONS = ["infection", "pigment", "allergy", "bleeding", "lingering",
                 "blisters", "lines"]


def treatment_days(rng, window, count, last_day):
    """count distinct days in 0..min(window, last_day + 1) - 1: the first
    fortnight nearly always, later days sparser (people stop checking in
    daily once it looks healed)."""
    limit = min(window, last_day + 1)
    count = min(count, limit)
    first = list(range(min(14, limit, count)))
    rest = rng.sample(range(len(first), limit), count - len(first))
    return sorted(first + rest)


def one_treatment(rng, tdate, area, window, ndays, today, complication):
    device = "home" if rng.random() < 0.3 else "professional"
    depth = None
    if device == "home":
        depth = rng.choice([0.25, 0.5, None])
    elif rng.random() < 0.85:
        depth = rng.choice([0.5, 0.8, 1.0, 1.5, 2.0, 2.5])
    risks = []
    if rng.random() < 0.15:
        risks = sorted(rng.sample(RISKS, rng.randint(1, 2)), key=RISKS.index)
    if complication == "blisters" and "cold-sores" not in risks:
        risks.append("cold-sores")
    d = downtime(device, depth)
    last_day = (today - tdate).days
    days = treatment_days(rng, window, ndays, last_day)
    start = {"redness": rng.randint(2, 3), "swelling": rng.randint(1, 3),
             "bruising": rng.randint(0, 2), "bleeding": rng.randint(0, 1)}
    trouble_day = rng.randint(2, 8)
    rows = []
    for day in days:
        r = {s: healing_curve(rng, day, v, d if s != "bruising" else d + 2)
             for s, v in start.items()}
        r["bleeding"] = start["bleeding"] if day == 0 else 0
        signs = []
        if day < 3 and rng.random() < 0.1:
            signs.append("lines")  # needle tracks right after: not flagged yet
        if complication and day >= trouble_day:
            if complication == "infection" and day <= trouble_day + 3:
                r["redness"] = min(3, 2 + (day - trouble_day) // 2)
                signs += ["warmth", "pain"] + (["pus"] if day == trouble_day + 1 else [])
            elif complication == "pigment" and day >= 10:
                signs.append("dark-patches")
            elif complication == "allergy" and day <= trouble_day + 2:
                signs += ["rash"] + (["bumps"] if day > trouble_day else [])
            elif complication == "bleeding" and day == trouble_day:
                r["bleeding"] = 1
            elif complication == "lingering" and day >= 10:
                r["redness"] = 1
            elif complication == "blisters" and day == 2:
                signs.append("blisters")
            elif complication == "lines" and day >= 9:
                signs.append("lines")
        # Now and then a symptom goes unrated (left blank, never 0).
        cells = [str(r[s]) if rng.random() > 0.04 else ""
                 for s in ("redness", "swelling", "bruising", "bleeding")]
        date = tdate + datetime.timedelta(days=day)
        rows.append([tdate.isoformat(), device,
                     "" if depth is None else "%.2g" % depth if depth < 1 else "%.1f" % depth,
                     area, ";".join(risks), str(day), date.isoformat()] +
                    cells + [";".join(sorted(set(signs))), note_text(rng)])
    return rows


def generate(size, seed, today):
    ntreat, ncheck = SIZES[size]
    rng = random.Random("%s/%d" % (size, seed))
    # The current treatment: the same in every size, day 9 today.
    current = random.Random("current/%d" % seed)
    cur_date = today - datetime.timedelta(days=9)
    rows = []
    hist = ntreat - 1
    left = ncheck - 10
    if hist:
        # Evenly spaced history before the current treatment: ten years
        # is one a month; stress rotates areas weekly.
        gap = 30 if size == "tenyears" else 7
        per = left // hist
        extra = left - per * hist
        for i in range(hist, 0, -1):
            # every history window is over before the current one starts
            tdate = cur_date - datetime.timedelta(days=91 + gap * (i - 1))
            n = per + (1 if i <= extra else 0)
            window = max(28, min(90, n + rng.randint(0, 20)))
            area = AREAS[0] if size == "tenyears" and rng.random() < 0.7 \
                else AREAS[i % len(AREAS)]
            comp = rng.choice(COMPLICATIONS) if rng.random() < 0.17 else None
            rows += one_treatment(rng, tdate, area, window, n, today, comp)
    rows += one_treatment(current, cur_date, "face", 28, 10, today, "infection")
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("size", choices=sorted(SIZES))
    ap.add_argument("--seed", type=int, default=20261110)
    ap.add_argument("--today", default="2026-11-10",
                    help="the HEALGRID_TODAY the data is made for")
    ap.add_argument("-o", "--output", help="file to write (default stdout)")
    a = ap.parse_args()
    today = datetime.date.fromisoformat(a.today)
    rows = generate(a.size, a.seed, today)
    out = open(a.output, "w", encoding="utf-8", newline="") if a.output \
        else open(sys.stdout.fileno(), "w", encoding="utf-8", newline="", closefd=False)
    with out:
        w = csv.writer(out, lineterminator="\r\n")
        w.writerow(HEADER)
        w.writerows(rows)


if __name__ == "__main__":
    main()
