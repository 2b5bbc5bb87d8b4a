#!/usr/bin/env python3
"""Checks of held-out batch 2 that score.py does not make: the справка of `check --act`, the wording
of conclusions, and Алтай № 404 named as the basis of the Барнаул / Бийск acts.

  python3 bench/eval-independent/act_check.py --nastavnik PATH [--data-dir DIR] [--only PREFIX] [--verbose]

For every case of labels.json that has a `class` (batch 2, H20…):
- wording: when the program itself found no violation (its conclusion is not «нарушения»), neither
  the text report's «Заключение» nor the JSON `conclusion.text` says that violations are to be
  remedied («нарушения подлежат устранению»);
- bases (cases with `"bases": "404"`): every citation of приказ № 127 or № 701 in a reported
  violation names приказ № 404 among the acts it was issued under (`citations[].bases`), and the
  text report's «Обязательно в силу» line says so;
- act (cases with `act`): `check --act` (with `act.args`, if any) writes the справка; its text contains every string of
  `act.must` (and a match of each `act.must_re`), none of `act.must_not`, no path into the data («mentors[0]», «curator.person»,
  «….published_on_website»), no rule id («FED-CUR-02»), no file name; when the expected conclusion
  is not «violations», no «подлежат устранению» or «срок устранения нарушений».
"""
import argparse
import json
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NO_REMEDY = ["подлежат устранению", "устранить нарушения", "срок устранения нарушений", "устранения нарушений"]
INTERNALS = [(re.compile(r"\b[a-z_]+\[\d*\]"), "путь в данных"),
             (re.compile(r"\b[a-z]+_[a-z_]+\b"), "имя поля данных"),
             (re.compile(r"\b[A-Z]{2,4}(?:-[A-Z]{2,5})+-\d{2}\b"), "код правила"),
             (re.compile(r"\.json\b"), "имя файла")]


def docx_text(path):
    """Paragraph texts of the body in document order (tables included), as a reader sees them."""
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read("word/document.xml"))
    out = []
    for p in root.iter(W + "p"):
        s = []
        for el in p.iter():
            if el.tag == W + "t":
                s.append(el.text or "")
            elif el.tag in (W + "noBreakHyphen", W + "softHyphen"):
                s.append("-" if el.tag == W + "noBreakHyphen" else "")
            elif el.tag in (W + "tab", W + "br"):
                s.append(" ")
        out.append("".join(s))
    # NBSP in «№ 127», «И.О. Фамилия» (ГОСТ Р 7.0.97) reads as a space
    return "\n".join(out).replace("\u00a0", " ").replace("\u202f", " ")


def run(nastavnik, args, extra=()):
    p = subprocess.run([nastavnik] + args + list(extra), capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--nastavnik", required=True)
    ap.add_argument("--data-dir")
    ap.add_argument("--only")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    extra = ["--data-dir", args.data_dir] if args.data_dir else []
    labels = [l for l in json.loads((HERE / "labels.json").read_text(encoding="utf-8"))
              if "class" in l and l["kind"] == "organisation" and (not args.only or l["case"].startswith(args.only))]
    tot = {k: [0, 0] for k in ("wording", "bases", "act")}
    for l in labels:
        f = str(HERE / l["file"])
        problems = []
        code, out, err = run(args.nastavnik, ["check", f, "--as-of", l["as_of"], "--format", "json"], extra)
        try:
            rep = json.loads(out)
        except json.JSONDecodeError:
            rep = None
        _, text, _ = run(args.nastavnik, ["check", f, "--as-of", l["as_of"]], extra)
        # wording is judged on the program's own verdict: with no violation found, the conclusion
        # must not speak of remedying violations (a false violation is score.py's business)
        if rep is not None and rep.get("conclusion", {}).get("code") != "нарушения":
            tot["wording"][1] += 1
            said = [line for line in text.splitlines() if line.startswith("Заключение")] + \
                   [rep.get("conclusion", {}).get("text", "")]
            bad = [p for p in NO_REMEDY for s in said if p in s]
            if bad:
                problems.append("wording: «%s» with conclusion «%s»" % (bad[0], rep["conclusion"]["code"]))
            else:
                tot["wording"][0] += 1
        if l.get("bases") and rep is not None:
            cites = [c for fd in rep.get("findings", []) if fd.get("outcome") == "violated"
                     and fd.get("category") == "нарушение" for c in fd.get("citations", [])
                     if c.get("number") in ("127", "701")]
            lines = [s for s in text.splitlines() if "Обязательно в силу" in s and ("№ 127" in s or "№ 701" in s)]
            tot["bases"][1] += 1
            ok = bool(cites) and all(any(l["bases"] in b for b in c.get("bases", [])) for c in cites) and \
                all("№ " + l["bases"] in s for s in lines)
            tot["bases"][0] += ok
            if not ok:
                problems.append("bases: %d citations of № 127/701, not all naming № %s" % (len(cites), l["bases"]))
        if l.get("act"):
            tot["act"][1] += 1
            with tempfile.TemporaryDirectory() as tmp:
                out_docx = Path(tmp) / "справка.docx"
                c, _, e = run(args.nastavnik, ["check", f, "--as-of", l["as_of"], "--act", str(out_docx)] +
                              l["act"].get("args", []), extra)
                if not out_docx.exists():
                    problems.append("act: no справка (exit %d: %s)" % (c, e.strip()[:120]))
                    body = None
                else:
                    body = docx_text(out_docx)
            if body is not None:
                mine = []
                for s in l["act"].get("must", []):
                    if s not in body:
                        mine.append("act: «%s» missing" % s)
                for rx in l["act"].get("must_re", []):
                    if not re.search(rx, body):
                        mine.append("act: nothing matches /%s/" % rx)
                must_not = list(l["act"].get("must_not", []))
                if l["conclusion"] != "violations":
                    must_not += NO_REMEDY
                for s in sorted(set(must_not)):
                    if s in body:
                        mine.append("act: says «%s»" % s)
                for rx, what in INTERNALS:
                    for m in sorted(set(m.group(0) for m in rx.finditer(body))):
                        mine.append("act: %s «%s»" % (what, m))
                tot["act"][0] += not mine
                problems += mine
        if problems or args.verbose:
            print("%-5s %s" % (l["case"], "ok" if not problems else ""))
            for p in problems:
                print("  " + p)

    def pct(a, b):
        return "%.1f %% (%d/%d)" % (100.0 * a / b, a, b) if b else "—"

    print("\n== act_check: %d cases" % len(labels))
    print("  %-46s %s" % ("conclusions without «подлежат устранению»", pct(*tot["wording"])))
    print("  %-46s %s" % ("municipal citations naming № 404 as basis", pct(*tot["bases"])))
    print("  %-46s %s" % ("справки without a problem", pct(*tot["act"])))


if __name__ == "__main__":
    sys.exit(main())
