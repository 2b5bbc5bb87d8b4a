#!/usr/bin/python3
"""Seeds for the json_municipality harness: municipality.json of the sample municipality alone,
and the one-file form `batch` also reads (the municipality with its organisations inside).
usage: municipality.py OUTDIR   (from the source root)"""
import json
import pathlib
import shutil
import sys

out = pathlib.Path(sys.argv[1])
src = pathlib.Path("samples/municipality-biysk")
shutil.copy(src / "municipality.json", out / "municipality-alone.json")
m = json.loads((src / "municipality.json").read_text(encoding="utf-8"))
orgs = [json.loads(p.read_text(encoding="utf-8")) for p in sorted(src.glob("org-*.json"))[:3]]
for o in orgs:
    o.pop("format", None)
m["organisations"] = orgs
(out / "municipality-three.json").write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
m["organisations"] = orgs[:1]
(out / "municipality-one.json").write_text(json.dumps(m, ensure_ascii=False), encoding="utf-8")
