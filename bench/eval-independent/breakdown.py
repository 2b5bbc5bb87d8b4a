#!/usr/bin/env python3
"""Precision, recall and conclusions of one scorer run, per group of cases (jurisdiction, kind).

  python3 bench/eval-independent/breakdown.py --nastavnik PATH [--data-dir DIR] [--only PREFIX] [--by group|class]

--by class groups the cases of held-out batch 2 (H20…) by the class they vary (labels' `class`).

Runs bench/eval/score.py --set bench/eval-independent --verbose and splits its per-case lines.
"""
import argparse
import json
import re
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCORE = HERE.parent / "eval" / "score.py"


def group_of(label):
    if label["kind"] == "municipality":
        return "municipalities (batch)"
    org = json.loads((HERE / label["file"]).read_text(encoding="utf-8"))["organisation"]
    region, mun = org["region"], org["municipality"]
    if "Бурят" in region:
        return "Бурятия (1552)"
    if "Красноярск" in region:
        return "Красноярский край (397-11-05)"
    if "лтайский" in region and re.search(r"арнаул", mun, re.I):
        return "Барнаул (127)"
    if "лтайский" in region and re.fullmatch(r"(город |г\. ?)?би[йи][cс]к", mun.strip(), re.I):
        return "Бийск (701)"
    return "no regional/municipal acts"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nastavnik", required=True)
    ap.add_argument("--data-dir")
    ap.add_argument("--only")
    ap.add_argument("--by", choices=("group", "class"), default="group")
    args = ap.parse_args()
    labels = {l["case"]: l for l in json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
              if not args.only or l["case"].startswith(args.only)}
    out = subprocess.run([sys.executable, str(SCORE), "--nastavnik", args.nastavnik, "--set", str(HERE), "--verbose"] +
                         (["--only", args.only] if args.only else []) +
                         (["--data-dir", args.data_dir] if args.data_dir else []),
                         capture_output=True, text=True, check=True).stdout
    lines = defaultdict(list)
    current = None
    for line in out.splitlines():
        m = re.match(r"^([IMH]\d+)\s", line)
        if m:
            current = m.group(1)
            continue
        if line.startswith("==="[:2] + " ") or line.startswith("== "):
            current = None
        if current and line.startswith("  "):
            lines[current].append(line.strip())
    groups = defaultdict(lambda: dict(tp=0, fp=0, fn=0, rec=0, concl=0, n=0))
    for cid, label in labels.items():
        g = groups[group_of(label) if args.by == "group" else label.get("class", "(batch 1)")]
        expected = sum(1 for e in label["expect"] if e["force"] == "violation")
        missed = sum(1 for l in lines[cid] if l.startswith("MISSED violation"))
        g["tp"] += expected - missed
        g["fn"] += missed
        g["fp"] += sum(1 for l in lines[cid] if l.startswith("FALSE violation"))
        g["rec"] += sum(1 for l in lines[cid] if l.startswith("recommendation reported as a violation"))
        g["concl"] += not any(l.startswith("conclusion:") for l in lines[cid])
        g["n"] += 1

    def pct(a, b):
        return "%5.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "—"

    print("%-32s %-20s %-20s %-8s %s" % (args.by, "precision", "recall", "rec→viol", "conclusions"))
    for name in sorted(groups):
        g = groups[name]
        print("%-32s %-20s %-20s %-8d %s" % (name, pct(g["tp"], g["tp"] + g["fp"]), pct(g["tp"], g["tp"] + g["fn"]),
                                            g["rec"], pct(g["concl"], g["n"])))
    if args.by == "class":
        t = {k: sum(g[k] for n, g in groups.items() if n != "(batch 1)") for k in ("tp", "fp", "fn", "rec", "concl", "n")}
        print("%-32s %-20s %-20s %-8d %s" % ("batch 2 (H20…), all classes", pct(t["tp"], t["tp"] + t["fp"]),
                                            pct(t["tp"], t["tp"] + t["fn"]), t["rec"], pct(t["concl"], t["n"])))


if __name__ == "__main__":
    main()
