#!/usr/bin/python3
"""Fidelity of our PDF renderer against LibreOffice on the sample documents.

For every document `generate` makes from samples/*.json, converts the DOCX with
`soffice --headless --convert-to pdf` and with `nastavnik render`, and prints per document:
pages (ours/LibreOffice), per page the similarity of the whitespace-normalised text
(difflib ratio over words, 1.0 = same) and the share of differing pixels of 50 dpi greyscale
renders (pdftoppm). Standard library only (run with /usr/bin/python3).

With --docx DIR, compares every *.docx of DIR (and its sub-folders) instead, e.g. the corpus of
documents from other tools that bench/unseen_docx.py makes; --png also writes 60 dpi colour page
images ours-N.png / lo-N.png beside the PDFs for looking at side by side.

With --corpus DIR, the figures of issue 17 on a corpus of real DOCX files (bench/corpus_pdf.py:
rendered, page counts equal, whole-document text similarity median/p10, speed of the whole corpus
and per document, PDF sizes, warnings by kind).

usage: bench/compare_pdf.py [--cli build/release/nastavnik] [--out DIR] [--keep] [--docx DIR] [--png]
       bench/compare_pdf.py --corpus DIR [--limit N] [--pixels] [--verbose] [--png] [--out DIR]
"""
import argparse
import difflib
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SAMPLES = [("barnaul-gymnasium-compliant.json", "2026-11-22"), ("barnaul-school-42.json", "2023-01-15"),
           ("lastochka.json", "2023-09-15")]


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def pages(pdf):
    out = run(["pdfinfo", pdf]).stdout.decode()
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def page_words(pdf, page):
    out = run(["pdftotext", "-enc", "UTF-8", "-f", str(page), "-l", str(page), pdf, "-"]).stdout.decode("utf-8", "replace")
    return out.split()


def read_pgm(path):
    with open(path, "rb") as f:
        data = f.read()
    # P5 header: magic, width, height, maxval, separated by whitespace
    parts = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    w, h = int(parts.group(1)), int(parts.group(2))
    return w, h, data[parts.end():parts.end() + w * h]


def render_pgm(pdf, page, prefix):
    run(["pdftoppm", "-r", "50", "-gray", "-f", str(page), "-l", str(page), "-singlefile", pdf, prefix])
    return read_pgm(prefix + ".pgm")


def pixel_diff(a, b):
    """Share of pixels (over the larger page) whose grey differs by more than 64 of 255."""
    wa, ha, da = a
    wb, hb, db = b
    w, h = max(wa, wb), max(ha, hb)
    differ = 0
    for y in range(h):
        ra = da[y * wa:(y + 1) * wa] if y < ha else b""
        rb = db[y * wb:(y + 1) * wb] if y < hb else b""
        for x in range(w):
            pa = ra[x] if x < len(ra) else 255
            pb = rb[x] if x < len(rb) else 255
            if abs(pa - pb) > 64:
                differ += 1
    return differ / float(w * h)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=None)
    ap.add_argument("--out", default=None)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--docx", default=None, help="compare the DOCX files of this folder instead of the samples")
    ap.add_argument("--png", action="store_true", help="also write 60 dpi page images of both PDFs")
    ap.add_argument("--corpus", default=None, help="issue 17's figures on a folder of real DOCX files")
    ap.add_argument("--limit", type=int, default=0, help="--corpus: only the first N documents")
    ap.add_argument("--lo-from", default=None, help="--corpus: LibreOffice's PDFs and times of an earlier run's --out folder")
    ap.add_argument("--pixels", action="store_true", help="--corpus: also the differing pixels per page")
    ap.add_argument("--verbose", action="store_true", help="--corpus: our warnings under each document")
    args = ap.parse_args()
    cli = args.cli or next((c for c in [os.path.join(ROOT, "build/release/nastavnik"), os.path.join(ROOT, "build/test/nastavnik")]
                            if os.path.exists(c)), None)
    if cli is None:
        sys.exit("nastavnik is not built: cmake -S . -B build/release && cmake --build build/release")
    for tool in ("soffice", "pdftotext", "pdftoppm", "pdfinfo"):
        if shutil.which(tool) is None:
            sys.exit(tool + " is not installed")
    work = args.out or tempfile.mkdtemp(prefix="nastavnik-compare-")
    if args.corpus:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import corpus_pdf
        corpus_pdf.main(args, os.path.abspath(cli), work)
        if not args.keep and not args.out:
            shutil.rmtree(work)
        else:
            print("files in", work)
        return
    docx_dir, ours_dir, lo_dir, img_dir = (os.path.join(work, d) for d in ("docx", "ours", "lo", "img"))
    for d in (docx_dir, ours_dir, lo_dir, img_dir):
        os.makedirs(d, exist_ok=True)
    if args.docx:
        docx_dir = os.path.abspath(args.docx)
        docs = sorted(glob.glob(os.path.join(docx_dir, "**", "*.docx"), recursive=True))
    else:
        for sample, as_of in SAMPLES:
            out = os.path.join(docx_dir, sample[:-5])
            run([cli, "generate", os.path.join(ROOT, "samples", sample), "--as-of", as_of, "--force", "--reissue", "--format", "docx",
                 "--out", out], cwd=ROOT)
        docs = sorted(glob.glob(os.path.join(docx_dir, "*", "*.docx")))
    profile = "file://" + os.path.join(work, "lo-profile")
    for folder in sorted({os.path.dirname(d) for d in docs}):
        target = os.path.join(lo_dir, os.path.relpath(folder, docx_dir))
        os.makedirs(target, exist_ok=True)
        run(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir", target]
            + sorted(glob.glob(os.path.join(folder, "*.docx"))))

    print("%-72s %9s %7s %7s" % ("document", "pages", "text", "pixels"))
    total = same_pages = 0
    text_scores, pixel_scores = [], []
    for i, doc in enumerate(docs):
        rel = os.path.relpath(doc, docx_dir)
        ours = os.path.join(ours_dir, rel[:-5] + ".pdf")
        lo = os.path.join(lo_dir, rel[:-5] + ".pdf")
        os.makedirs(os.path.dirname(ours), exist_ok=True)
        rendered = subprocess.run([cli, "render", doc, "-o", ours], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        warnings = [w for w in rendered.stderr.decode("utf-8", "replace").splitlines() if w.strip()]
        if rendered.returncode != 0 or not os.path.exists(ours):
            total += 1
            print("%-72s FAILED: %s" % (rel[:72], " / ".join(warnings)))
            continue
        po, pl = pages(ours), pages(lo)
        if args.png:
            base = ours[:-4]
            run(["pdftoppm", "-r", "60", "-png", ours, base + ".ours"])
            run(["pdftoppm", "-r", "60", "-png", lo, base + ".lo"])
        total += 1
        same_pages += po == pl
        texts, pixels = [], []
        for p in range(1, min(po, pl) + 1):
            wo, wl = page_words(ours, p), page_words(lo, p)
            texts.append(difflib.SequenceMatcher(None, wo, wl, autojunk=False).ratio() if (wo or wl) else 1.0)
            pixels.append(pixel_diff(render_pgm(ours, p, os.path.join(img_dir, "o%d-%d" % (i, p))),
                                     render_pgm(lo, p, os.path.join(img_dir, "l%d-%d" % (i, p)))))
        text_scores += texts
        pixel_scores += pixels
        print("%-72s %4d/%-4d %7s %7s" % (rel[:72], po, pl,
                                          "%.3f" % (sum(texts) / len(texts)) if texts else "-",
                                          "%.3f" % (sum(pixels) / len(pixels)) if pixels else "-"))
        for p, (t, x) in enumerate(zip(texts, pixels), 1):
            print("    page %-3d text %.3f  pixels %.3f" % (p, t, x))
        if args.docx:
            for w in warnings:
                print("    " + w)
    print()
    print("documents: %d, page count equal: %d" % (total, same_pages))
    if text_scores:
        print("pages compared: %d, mean text similarity %.3f (min %.3f), mean differing pixels %.3f (max %.3f)"
              % (len(text_scores), sum(text_scores) / len(text_scores), min(text_scores),
                 sum(pixel_scores) / len(pixel_scores), max(pixel_scores)))
    if not args.keep and not args.out:
        shutil.rmtree(work)
    else:
        print("files in", work)


if __name__ == "__main__":
    main()
