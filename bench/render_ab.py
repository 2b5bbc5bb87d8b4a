#!/usr/bin/python3
"""Two builds of nastavnik against each other on a folder of DOCX: CPU time and same output.

    bench/render_ab.py OLD_BINARY NEW_BINARY --corpus /work/corpus-pdf [--rounds 5]

Each round renders the whole corpus with `render --jobs 1 --outdir` in one process, first with
one binary then the other (alternating which goes first), and takes the CPU time (user +
system) each process used; the least and the median of the rounds are reported, with the
machine's load average. Then the PDFs of the two are compared byte for byte, and where they
differ: page counts, pdftotext's text and every page's pixels at 50 dpi (pdftoppm), so a
change meant to be invisible is seen to be so. Exit status 1 when pages or text differ.

Standard library only; needs pdfinfo, pdftotext, pdftoppm (poppler-utils).
"""
import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def render(binary, docs, outdir):
    shutil.rmtree(outdir, ignore_errors=True)
    os.makedirs(outdir)
    c0 = children_cpu()
    subprocess.run([binary, "render", "--outdir", outdir, "--no-sync", "--quiet", "--jobs", "1"] + docs,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return children_cpu() - c0


def pdf_text(pdf):
    return subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL).stdout


def pdf_pages(pdf):
    out = subprocess.run(["pdfinfo", pdf], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL).stdout.decode()
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return -1


def page_images(pdf, prefix):
    subprocess.run(["pdftoppm", "-r", "50", "-gray", pdf, prefix], check=True)
    return sorted(glob.glob(prefix + "*.pgm"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--no-compare", action="store_true", help="times only")
    args = ap.parse_args()

    work = tempfile.mkdtemp(prefix="render_ab.")
    docs = sorted(glob.glob(os.path.join(args.corpus, "**", "*.docx"), recursive=True))
    # Flat copies with unique names: render --outdir names outputs by base name.
    flat = []
    os.makedirs(os.path.join(work, "in"))
    for i, d in enumerate(docs):
        f = os.path.join(work, "in", "%03d.docx" % i)
        shutil.copyfile(d, f)
        flat.append(f)
    times = {"old": [], "new": []}
    binaries = {"old": os.path.abspath(args.old), "new": os.path.abspath(args.new)}
    loads = [os.getloadavg()[0]]
    render(binaries["old"], flat, os.path.join(work, "old"))  # warm the page cache and fontconfig's
    for r in range(args.rounds):
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        for which in order:
            times[which].append(render(binaries[which], flat, os.path.join(work, which)))
        loads.append(os.getloadavg()[0])
    print("%d documents, %d rounds, load average %.2f–%.2f" % (len(flat), args.rounds, min(loads), max(loads)))
    for which in ("old", "new"):
        t = times[which]
        print("%-4s CPU %.3f s least, %.3f s median   (%s)" % (which, min(t), statistics.median(t),
                                                            " ".join("%.3f" % x for x in t)))
    print("new / old: %.3f least, %.3f median" % (min(times["new"]) / min(times["old"]),
                                                 statistics.median(times["new"]) / statistics.median(times["old"])))
    if args.no_compare:
        shutil.rmtree(work)
        return 0
    differ, worse = [], 0
    size_old = size_new = 0
    for i, d in enumerate(docs):
        a = os.path.join(work, "old", "%03d.pdf" % i)
        b = os.path.join(work, "new", "%03d.pdf" % i)
        if not (os.path.exists(a) and os.path.exists(b)):
            if os.path.exists(a) != os.path.exists(b):
                print("only one rendered: %s" % os.path.relpath(d, args.corpus))
                worse += 1
            continue
        size_old += os.path.getsize(a)
        size_new += os.path.getsize(b)
        with open(a, "rb") as fa, open(b, "rb") as fb:
            if fa.read() == fb.read():
                continue
        differ.append(d)
        rel = os.path.relpath(d, args.corpus)
        pa, pb = pdf_pages(a), pdf_pages(b)
        if pa != pb or pdf_text(a) != pdf_text(b):
            print("%s: pages %d → %d, text %s" % (rel, pa, pb, "same" if pdf_text(a) == pdf_text(b) else "DIFFERS"))
            worse += 1
            continue
        ia = page_images(a, os.path.join(work, "pa%03d" % i))
        ib = page_images(b, os.path.join(work, "pb%03d" % i))
        changed = []
        for n, (x, y) in enumerate(zip(ia, ib), 1):
            with open(x, "rb") as fx, open(y, "rb") as fy:
                bx, by = fx.read(), fy.read()
            if bx != by:
                diff = sum(1 for u, v in zip(bx, by) if abs(u - v) > 16)
                changed.append("p.%d: %d pixels" % (n, diff))
        print("%s: bytes differ (%d → %d), pages and text same; images at 50 dpi: %s"
              % (rel, os.path.getsize(a), os.path.getsize(b), ", ".join(changed) if changed else "identical"))
    print("%d of %d PDFs differ in bytes; pages or text differ: %d; total size %d → %d bytes"
          % (len(differ), len(docs), worse, size_old, size_new))
    shutil.rmtree(work)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
