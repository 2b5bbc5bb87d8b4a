#!/usr/bin/python3
"""Seeds for the workbook harness, cut from the sample workbooks so that an execution stays
short: each sample with its hidden «Списки» sheet emptied (the reader skips that sheet, but the
mutator, when it picked its 1.1 MB of drop-down formulas, parsed and deflated them again), and
each sample with every sheet cut to its first rows (headers and the first records: every sheet,
column and kind of cell, a fraction of the cells; references to records cut away are errors
the reader reports, which it should).
usage: workbook.py OUTDIR SAMPLE.xlsx...   (from the source root)"""
import pathlib
import re
import sys
import zipfile

from package import rewrite

ROW = re.compile(r'<row r="(\d+)"[^>]*?(?:/>|>.*?</row>)', re.S)
FIRST_ROWS = 4


def sheet_paths(z):
    """The worksheet parts by sheet name (workbook.xml → its relationships)."""
    book = z.read("xl/workbook.xml").decode("utf-8")
    rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = dict(re.findall(r'<Relationship [^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"', rels))
    targets.update({i: t for t, i in re.findall(r'<Relationship [^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"', rels)})
    paths = {}
    for name, rid in re.findall(r'<sheet name="([^"]+)"[^>]*?r:id="([^"]+)"', book):
        t = targets[rid]
        paths[name] = t.lstrip("/") if t.startswith("/") else "xl/" + t
    return paths


def main():
    out = pathlib.Path(sys.argv[1])
    for sample in map(pathlib.Path, sys.argv[2:]):
        with zipfile.ZipFile(sample) as z:
            paths = sheet_paths(z)
        lists = paths.get("Списки")

        def empty_lists(name, data):
            if name == lists:
                return re.sub(rb"<sheetData>.*</sheetData>", b"<sheetData/>", data, flags=re.S)
            return data

        def first_rows(name, data):
            data = empty_lists(name, data)
            if name.startswith("xl/worksheets/sheet") and name != lists:
                text = data.decode("utf-8")
                text = ROW.sub(lambda m: m.group(0) if int(m.group(1)) <= FIRST_ROWS else "", text)
                data = text.encode("utf-8")
            return data

        rewrite(sample, out / (sample.stem + "-lists-empty.xlsx"), empty_lists)
        rewrite(sample, out / (sample.stem + "-first-rows.xlsx"), first_rows)


main()
