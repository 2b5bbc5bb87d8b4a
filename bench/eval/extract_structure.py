#!/usr/bin/env python3
"""Which clause numbers each document of each regulation text really holds.

Reads the five texts of ../shared/regulations/ and writes structure.json: for every act, the
numbers of its own items ("act") and of its annex ("annex": the Положение or programme it
approves), found at the start of a line. The scorer uses it to judge whether a citation names
the document that really holds the clause — independently of the rulesets.

Usage: extract_structure.py REGULATIONS_DIR > structure.json
"""
import json
import re
import sys
from pathlib import Path

# Where the annex begins in each text (the first line of its heading block), and the act number.
TEXTS = {
    "000_63ac2d6164da8da9.txt": ("127", r"^Приложение к приказу"),
    "002_1fa830bb45199b7e.txt": ("1552", r"^Утверждено"),
    "003_9b7126b71a2097b5.txt": ("701", r"^\s*Приложение\s*$"),
    "004_26749475f4a81424.txt": ("397-11-05", r"^Приложение № 1"),
    # The institutional Положение (no order around it): everything is the document itself.
    "001_68f661fc2ae99d1f.txt": ("ласточка", None),
}

NUMBER = re.compile(r"^[\s\-—–*]*((?:\d{1,2}\.)*\d{1,2})\.?(?=\s|$|[А-Яа-я])")
ROMAN = re.compile(r"^\s*(I{1,3}|IV|V|VI{0,3}|П)\.\s")


def numbers(lines):
    found, section = set(), None
    for line in lines:
        m = ROMAN.match(line)
        if m:
            section = "II" if m.group(1) == "П" else m.group(1)
            found.add(section)
            continue
        m = NUMBER.match(line)
        if m:
            n = m.group(1)
            found.add(n)
            # Items inside a roman section are cited with it (разд. IV, п. 2).
            if section and "." not in n:
                found.add(section + "/" + n)
    return found


def main():
    root = Path(sys.argv[1])
    out = {}
    for name, (act, annex_start) in TEXTS.items():
        lines = (root / name).read_text(encoding="utf-8").splitlines()
        start = len(lines)
        if annex_start:
            start = next(i for i, l in enumerate(lines) if re.search(annex_start, l))
        # The order ends at its signature block; what follows it in Бийск's text is the
        # familiarisation sheet, whose rows are numbered too.
        end = next((i for i, l in enumerate(lines[:start]) if "С приказом ознакомлены" in l), start)
        doc = {"act": sorted(numbers(lines[:end])), "annex": sorted(numbers(lines[start:]))}
        if act == "1552":
            doc["annex"].append("преамбула/3")
        out[act] = doc
    # The model Положение of письмо № АЗ-1128/08 is not among the texts; the Положение of МКДОУ
    # «Ласточка» reproduces its sections 1–3 clause for clause (its sections 1.2 and 3.1–3.4 are
    # the ones cited). The letter itself only sends the recommendations: it has no items.
    out["АЗ-1128/08"] = {"act": [], "annex": out.pop("ласточка")["act"]}
    # Federal laws outside the texts: the parts the rules cite (ст. 351.8 ТК РФ in the wording of
    # 381-ФЗ; ст. 9 and 10.1 of 152-ФЗ).
    out["ТК"] = {"act": ["351.8", "351.8/1", "351.8/2", "351.8/3", "351.8/4"], "annex": []}
    out["152-ФЗ"] = {"act": ["9", "9/1", "9/4", "10.1", "10.1/1"], "annex": []}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1, sort_keys=True)
    print()


if __name__ == "__main__":
    main()
