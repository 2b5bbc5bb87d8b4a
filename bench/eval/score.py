#!/usr/bin/env python3
"""Scores `nastavnik check` (and `batch --check-only` for municipalities) on the evaluation set.

  score.py --nastavnik PATH [--set DIR] [--data-dir DIR] [--only PREFIX] [--verbose] [--json OUT]

--set DIR scores another set of the same shape (DIR/labels.json, the cases it names relative to
DIR, and DIR/structure.json if it has one — else this set's), e.g. bench/eval-independent.

Figures:
  precision   reported violations of binding acts that are labelled violations
              (a recommendation reported as a violation counts against it)
  recall      labelled violations that were reported as violations
  force       labelled recommendations reported as recommendations (not as violations)
  citations   citations of the matched findings whose clause really is in the document they
              name (structure.json, extracted from the texts); and findings whose every citation
              is right
  conclusion  cases whose conclusion (compliant / violations / incomplete / input error) is right

Reads the JSON report of either format: nastavnik.check/1 (severity only: «ошибка» and
«предупреждение» are violations; citations are clause numbers of the act) or a later one that
says each finding's category and the document of each citation.
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEW_FIELDS = ("labour_agreement", "personal_data_consent", "published_on_website", "methodological_associations",
              "individual_route", "based_on_deficits", "план повышения квалификации")


def uses_new_fields(path):
    text = "".join(p.read_text(encoding="utf-8") for p in ([path] if path.is_file() else sorted(path.glob("*.json"))))
    data_null_approval = '"approved_by": null' in text
    return data_null_approval or any(f in text for f in NEW_FIELDS)


ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"}


def clause_path_v1(clause):
    """«разд. IV, п. 2» → ['IV', '2']; «п. 3 приказа» → ['3']; «3.3, 3.3.1» → ['3.3.1'];
    «преамбула, абз. 3» → ['преамбула', '3']; «4.1.2» → ['4.1.2']."""
    s = clause.replace("\u00a0", " ")
    if "преамбула" in s:
        return ["преамбула"] + re.findall(r"\d+", s)[-1:]
    m = re.search(r"разд\.\s*([IVX]+)\D*(\d+)?", s)
    if m:
        return [m.group(1)] + ([m.group(2)] if m.group(2) else [])
    nums = re.findall(r"\d+(?:\.\d+)*", s)
    return [max(nums, key=len)] if nums else [s]


def citations_of(finding):
    """[(act number, part 'act'|'annex'|None, clause path)] of a finding, whatever the format."""
    out = []
    for c in finding.get("citations", []):
        if "document" in c:  # later format: the act, the document and the node
            number = c.get("number") or c.get("short") or c.get("act")
            part = "annex" if c["document"].get("kind") == "приложение" else "act"
            path = c.get("node", {}).get("path") or []
            out.append((number, part, [str(x) for x in path]))
        else:
            out.append((c.get("number", ""), "act", clause_path_v1(c.get("clause", ""))))
    return out


def act_key(number):
    """The act numbers of labels: «127», «701», «1552», «397-11-05», «АЗ-1128/08», «ТК», «152-ФЗ»."""
    n = (number or "").strip()
    if n in ("197-ФЗ", "ТК РФ", "тк"):
        return "ТК"
    return n


def category(finding):
    if finding.get("outcome") != "violated":
        return None
    if "category" in finding:  # later format
        return {"нарушение": "violation", "рекомендация": "recommendation"}.get(finding["category"])
    return "violation" if finding.get("severity") in ("ошибка", "предупреждение") else None


def conclusion_of(report, exit_code):
    if report is None:
        return "input_error" if exit_code == 2 else "failed"
    if "conclusion" in report:
        return {"соответствует": "compliant", "нарушения": "violations", "не завершена": "incomplete",
                "нет правил": "no_rules"}.get(report["conclusion"].get("code"), report["conclusion"].get("code"))
    if not report.get("rulesets"):
        return "no_rules"
    return "compliant" if report["summary"]["compliant"] else "violations"


def subject_matches(label, subject):
    for s in [label["subject"]] + label.get("alt_subjects", []):
        if subject == s or (s and (subject.startswith(s + "[") or subject.startswith(s + "."))):
            return True
    return False


def cite_matches(label, cites):
    wanted = {(a, "/".join(p.split("/"))) for a, _, p in label["cites"]}
    return any((act_key(a), "/".join(path)) in wanted for a, _, path in cites)


def run_case(args, label):
    target = args.set / label["file"]
    extra = ["--data-dir", args.data_dir] if args.data_dir else []
    if label["kind"] == "organisation":
        p = subprocess.run([args.nastavnik, "check", str(target), "--as-of", label["as_of"], "--format", "json"] + extra,
                           capture_output=True, text=True)
        try:
            return json.loads(p.stdout), p.returncode, p.stderr
        except json.JSONDecodeError:
            return None, p.returncode, p.stderr
    with tempfile.TemporaryDirectory() as out:
        p = subprocess.run([args.nastavnik, "batch", str(target), "--out", out, "--check-only", "--as-of", label["as_of"],
                            "--quiet", "-j", "1"] + extra, capture_output=True, text=True)
        f = Path(out) / "Результат проверки муниципалитета.json"
        if not f.exists():
            return None, p.returncode, p.stderr
        return json.loads(f.read_text(encoding="utf-8")), p.returncode, p.stderr


def document_right(structure, label_cites, act, part, path):
    """Whether the clause `path` is in the document (`part`) of `act` it is cited as being in."""
    key = "/".join(path)
    doc = structure.get(act_key(act))
    if doc is None:
        return None  # an act outside the texts (распоряжение № 3273-р, приказ № 404): not judged
    holders = [p for p in ("act", "annex") if key in doc[p]]
    if not holders:
        return False
    intended = [p_ for a, p_, c in label_cites if a == act_key(act) and c == key]
    return part in (intended or holders)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nastavnik", required=True)
    ap.add_argument("--set", type=lambda p: Path(p).resolve(), default=HERE,
                    help="folder of the set to score (labels.json, its cases, structure.json)")
    ap.add_argument("--data-dir")
    ap.add_argument("--only")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    labels = json.loads((args.set / "labels.json").read_text(encoding="utf-8"))
    structure_file = args.set / "structure.json"
    if not structure_file.exists():
        structure_file = HERE / "structure.json"
    structure = json.loads(structure_file.read_text(encoding="utf-8"))
    if args.only:
        labels = [l for l in labels if l["case"].startswith(args.only)]

    subsets = {"all": lambda l: True, "old data format": lambda l: not uses_new_fields(args.set / l["file"])}
    totals = {name: dict(tp=0, fp=0, fn=0, dup=0, rec_ok=0, rec_n=0, rec_as_violation=0, cit_ok=0, cit_n=0,
                         find_ok=0, find_n=0, concl_ok=0, cases=0) for name in subsets}
    rows = []
    for label in labels:
        report, code, err = run_case(args, label)
        got_conclusion = conclusion_of(report, code)
        findings = (report or {}).get("findings", [])
        reported = [(f, category(f), citations_of(f), f.get("subject", {}).get("path", "")) for f in findings]
        reported = [x for x in reported if x[1]]
        used = [False] * len(reported)
        lines = []
        s = dict(tp=0, fp=0, fn=0, dup=0, rec_ok=0, rec_n=0, rec_as_violation=0, cit_ok=0, cit_n=0, find_ok=0, find_n=0)
        for exp in label["expect"]:
            hit = None
            for i, (f, cat, cites, subject) in enumerate(reported):
                if not used[i] and subject_matches(exp, subject) and cite_matches(exp, cites):
                    if hit is None or (cat == ("violation" if exp["force"] == "violation" else "recommendation")):
                        hit = i
            if exp["force"] == "violation":
                if hit is not None and reported[hit][1] == "violation":
                    s["tp"] += 1
                else:
                    s["fn"] += 1
                    lines.append("  MISSED violation %s %s" % (exp["subject"] or "(организация)", exp["cites"]))
            else:
                s["rec_n"] += 1
                if hit is not None and reported[hit][1] == "recommendation":
                    s["rec_ok"] += 1
                elif hit is not None:
                    s["rec_as_violation"] += 1
                    lines.append("  recommendation reported as a violation: %s %s" % (exp["subject"], exp["cites"]))
                else:
                    lines.append("  MISSED recommendation %s %s" % (exp["subject"] or "(организация)", exp["cites"]))
            if hit is not None:
                used[hit] = True
                f, cat, cites, _ = reported[hit]
                all_right = True
                for act, part, path in cites:
                    right = document_right(structure, exp["cites"], act, part, path)
                    if right is None:
                        continue
                    s["cit_n"] += 1
                    s["cit_ok"] += bool(right)
                    all_right &= bool(right)
                    if not right:
                        lines.append("  wrong document: %s %s %s (%s)" % (act, part, "/".join(path), f.get("rule")))
                s["find_n"] += 1
                s["find_ok"] += all_right
        for i, (f, cat, cites, subject) in enumerate(reported):
            if used[i] or cat != "violation":
                continue
            if any(subject_matches(e, subject) and cite_matches(e, cites) for e in label["expect"]):
                s["dup"] += 1
                lines.append("  duplicate: [%s] %s" % (f.get("rule"), f.get("message", "")[:100]))
            else:
                s["fp"] += 1
                lines.append("  FALSE violation: [%s] %s %s" % (f.get("rule"), subject or "(организация)",
                                                               f.get("message", "")[:120]))
        concl_ok = got_conclusion == label["conclusion"]
        if not concl_ok:
            lines.append("  conclusion: expected %s, got %s%s" % (label["conclusion"], got_conclusion,
                                                                  (" — " + err.strip().splitlines()[0]) if err.strip() and report is None else ""))
        for name, pred in subsets.items():
            if not pred(label):
                continue
            t = totals[name]
            for k in s:
                t[k] += s[k]
            t["concl_ok"] += concl_ok
            t["cases"] += 1
        rows.append((label["case"], s, concl_ok, lines))
        if args.verbose or lines:
            print("%-5s %s" % (label["case"], "ok" if not lines else ""))
            for l in lines:
                print(l)

    def pct(a, b):
        return "%.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "—"

    result = {}
    for name, t in totals.items():
        print("\n== %s: %d cases" % (name, t["cases"]))
        fig = {
            "precision": pct(t["tp"], t["tp"] + t["fp"]),
            "recall": pct(t["tp"], t["tp"] + t["fn"]),
            "recommendations reported as recommendations": pct(t["rec_ok"], t["rec_n"]),
            "recommendations reported as violations": str(t["rec_as_violation"]),
            "citations naming the right document": pct(t["cit_ok"], t["cit_n"]),
            "findings with every citation right": pct(t["find_ok"], t["find_n"]),
            "conclusions right": pct(t["concl_ok"], t["cases"]),
            "duplicate findings": str(t["dup"]),
        }
        for k, v in fig.items():
            print("  %-46s %s" % (k, v))
        result[name] = fig
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
