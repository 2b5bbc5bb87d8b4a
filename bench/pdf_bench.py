#!/usr/bin/python3
"""Speed and memory of our PDF renderer against a LibreOffice batch conversion.

Makes a ~20-page Положение by repeating the body of the generated one, then renders N copies
with `nastavnik render` (one process per document, start-up included) and with ONE
`soffice --headless --convert-to pdf a.docx b.docx …` call (start-up paid once), and the
sample documents the same way. Prints documents per second, the ratio, and peak RSS per
document (/usr/bin/time -v). Standard library only (run with /usr/bin/python3).

usage: bench/pdf_bench.py [--cli build/release/nastavnik] [-n 20] [--repeat 5]
"""
import argparse
import glob
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def pages(pdf):
    return int(re.search(r"^Pages:\s+(\d+)", run(["pdfinfo", pdf]).stdout.decode(), re.M).group(1))


def repeated(src, dst, times):
    """The DOCX with its body (all but the final sectPr) repeated `times` times."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "word/document.xml":
                xml = data.decode("utf-8")
                start = xml.index("<w:body>") + len("<w:body>")
                end = xml.rindex("<w:sectPr")
                xml = xml[:start] + xml[start:end] * times + xml[end:]
                data = xml.encode("utf-8")
            zout.writestr(item, data)


def peak_rss_kb(cmd):
    out = subprocess.run(["/usr/bin/time", "-v"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=True)
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", out.stderr.decode()).group(1))


class Clock:
    """Wall time and CPU time (user + system) of the child processes run inside it: on a
    shared machine the CPU time is the steadier figure."""

    def __enter__(self):
        self.t = time.perf_counter()
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.c = r.ru_utime + r.ru_stime
        return self

    def __exit__(self, *exc):
        r = resource.getrusage(resource.RUSAGE_CHILDREN)
        self.wall = time.perf_counter() - self.t
        self.cpu = r.ru_utime + r.ru_stime - self.c


def ours(cli, docs, outdir, jobs=None):
    """One process for the whole batch, as LibreOffice gets; on all cores (render's default)
    or on `jobs` threads."""
    with Clock() as c:
        run([cli, "render", "--outdir", outdir, "--quiet", "--no-sync"] + (["--jobs", str(jobs)] if jobs else []) + docs)
    return c


def ours_per_process(cli, docs, outdir):
    with Clock() as c:
        for d in docs:
            run([cli, "render", d, "-o", os.path.join(outdir, os.path.basename(d)[:-5] + ".pdf"), "--quiet", "--no-sync"])
    return c


def libreoffice(docs, outdir, profile):
    with Clock() as c:
        run(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir", outdir] + docs)
    return c


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli", default=os.path.join(ROOT, "build/release/nastavnik"))
    ap.add_argument("-n", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=6)
    args = ap.parse_args()
    if not os.path.exists(args.cli):
        sys.exit("build first: cmake -S . -B build/release -DCMAKE_BUILD_TYPE=Release && cmake --build build/release")
    work = tempfile.mkdtemp(prefix="nastavnik-bench-")
    profile = "file://" + os.path.join(work, "lo-profile")
    docx = os.path.join(work, "docx")
    run([args.cli, "generate", os.path.join(ROOT, "samples/barnaul-gymnasium-compliant.json"), "--as-of", "2026-11-22",
         "--reissue", "--format", "docx", "--out", docx], cwd=ROOT)
    samples = sorted(glob.glob(os.path.join(docx, "*.docx")))
    big_dir = os.path.join(work, "big")
    os.makedirs(big_dir)
    big = os.path.join(big_dir, "polozhenie-20.docx")
    repeated(os.path.join(docx, "Положение о системе наставничества.docx"), big, args.repeat)
    copies = []
    for i in range(args.n):
        c = os.path.join(big_dir, "copy-%03d.docx" % i)
        shutil.copyfile(big, c)
        copies.append(c)
    # Warm-up: LibreOffice creates its profile on the first start; the font cache is warmed too.
    warm = os.path.join(work, "warm")
    os.makedirs(warm)
    libreoffice(samples[:1], warm, profile)
    ours(args.cli, samples[:1], warm)

    results = []
    for label, docs in (("Положение, %d копий" % args.n, copies), ("документы образца (%d)" % len(samples), samples)):
        o_dir, l_dir = os.path.join(work, "o-" + str(len(results))), os.path.join(work, "l-" + str(len(results)))
        os.makedirs(o_dir)
        os.makedirs(l_dir)
        t_o = ours(args.cli, docs, o_dir)
        t_1 = ours(args.cli, docs, o_dir, jobs=1)
        t_p = ours_per_process(args.cli, docs, o_dir)
        t_l = libreoffice(docs, l_dir, profile)
        results.append((label, len(docs), t_o, t_1, t_p, t_l))
    p_ours = pages(os.path.join(work, "o-0", "copy-000.pdf"))
    p_lo = pages(os.path.join(work, "l-0", "copy-000.pdf"))
    rss_ours = peak_rss_kb([args.cli, "render", big, "-o", os.path.join(work, "rss.pdf"), "--quiet"])
    rss_lo = peak_rss_kb(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir",
                          os.path.join(work, "rss-lo"), big])

    print("big document: %d pages ours, %d pages LibreOffice" % (p_ours, p_lo))
    for what in ("wall", "cpu"):
        print("\n%s time:" % ("wall-clock" if what == "wall" else "CPU (user+system)"))
        print("%-26s %5s %9s %9s %9s %9s %7s %9s %7s %9s %7s" % ("set", "docs", "ours, s", "LO, s", "ours d/s", "LO d/s", "ratio",
                                                              "1 thr, s", "ratio", "1p/d, s", "ratio"))
        for label, n, c_o, c_1, c_p, c_l in results:
            t_o, t_1, t_p, t_l = getattr(c_o, what), getattr(c_1, what), getattr(c_p, what), getattr(c_l, what)
            print("%-26s %5d %9.2f %9.2f %9.1f %9.2f %6.1fx %9.2f %6.1fx %9.2f %6.1fx" % (
                label, n, t_o, t_l, n / t_o, n / t_l, t_l / t_o, t_1, t_l / t_1, t_p, t_l / t_p))
    print("(ours: one process for the batch, like LibreOffice, on all %d cores (render's default);" % os.cpu_count())
    print(" '1 thr': the same with --jobs 1; '1p/d': a process per document;")
    print(" all with --no-sync, as LibreOffice does not fsync its outputs either)")
    print("peak RSS, one %d-page document: ours %.1f MB, LibreOffice %.1f MB" % (p_ours, rss_ours / 1024.0, rss_lo / 1024.0))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
