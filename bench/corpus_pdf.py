#!/usr/bin/python3
"""Our renderer against LibreOffice on a corpus of real DOCX files (issue 17's figures).

Called by `bench/compare_pdf.py --corpus DIR`. The corpus itself is not in the repository:
bench/corpus_pdf.tsv lists where each file comes from (repository, commit, path, sha256);
DIR is a folder of *.docx (sub-folders are groups, e.g. ru/ and oss/).

Figures, for the whole corpus and per group:
  - rendered: documents we turned into a PDF (the others are listed with our error);
  - page count equal to LibreOffice's (share of the documents both rendered);
  - text similarity of the whole document: words in reading order (pdftotext), difflib ratio,
    median, p10 and minimum; and «printed»: the share of words both print in any order, words
    hyphenated at a line end joined (the order pdftotext reads stamps, columns and cells in
    is not what a reader sees; see docs/PDF.md);
  - speed: the whole corpus in one process each — ours `nastavnik render --outdir` (all cores,
    its default, and --jobs 1), LibreOffice `soffice --convert-to pdf a.docx b.docx …` —, their
    CPU time, and per document: each one's share of its batch (the time between its output and
    the previous one; ours the least of three --jobs 1 runs), the lowest ratio named;
  - PDF size: ours / LibreOffice's, total and the largest ratio;
  - warnings: how many documents carry each kind.
With --pixels the share of differing pixels per page (50 dpi) is added (slow: pure Python).

Standard library only; needs soffice, pdftotext, pdfinfo (poppler-utils).
"""
import collections
import difflib
import glob
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def pages(pdf):
    out = run(["pdfinfo", pdf]).stdout.decode("utf-8", "replace")
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


def words(pdf, dehyphenate=False):
    out = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL).stdout.decode("utf-8", "replace")
    if dehyphenate:
        # A word hyphenated at a line's end is one word («со-» + «общение»): where the two
        # renderers hyphenate differently the same words are printed.
        out = re.sub(r"(\w)-[ \t]*\n\s*(\w)", r"\1\2", out)
    # Bullets and private-use symbols are drawn from different fonts by the two renderers
    # (OpenSymbol has no ToUnicode for its bullets): not words.
    return [w for w in out.split() if not re.fullmatch(r"[\u2022\u25aa\u25cf\u2013\uf000-\uf8ff]+", w)]


def similarity(a, b):
    if not a and not b:
        return 1.0
    # difflib's junk heuristic (words more frequent than 1 %) keeps long documents fast; short
    # ones are compared exactly.
    return difflib.SequenceMatcher(None, a, b, autojunk=len(a) + len(b) > 60000).ratio()


def printed_similarity(a, b):
    """The share of words both PDFs print, in any order (Dice over the two multisets): what
    pdftotext reads of ЕСКД stamps, rotated cells, text columns and table cells comes in an
    order that depends on sub-point positions, so the words-in-order ratio counts the same
    words printed in the same places as differences; this one does not."""
    if not a and not b:
        return 1.0
    common = sum((collections.Counter(a) & collections.Counter(b)).values())
    return 2.0 * common / (len(a) + len(b))


def percentile(values, p):
    v = sorted(values)
    if not v:
        return float("nan")
    k = (len(v) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (k - lo)


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def timed_batch(cmd, docs, outdir):
    """Runs one process converting all `docs` into `outdir`; its total time, its CPU time (user +
    system, of the process and those it waited for), and each document's share: the time
    between its output's mtime and the previous one's (both soffice and `render --jobs 1` write
    the documents one after the other)."""
    os.makedirs(outdir, exist_ok=True)
    t0, c0 = time.time(), children_cpu()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    total = time.time() - t0
    timed_batch.cpu = children_cpu() - c0
    per, prev = {}, t0
    for d in docs:
        pdf = os.path.join(outdir, os.path.basename(d)[:-5] + ".pdf")
        if os.path.exists(pdf):
            m = os.path.getmtime(pdf)
            per[d] = max(m - prev, 0.0005)
            prev = m
    return total, per


def lo_convert(docs, outdir, profile):
    return timed_batch(["soffice", "--headless", "-env:UserInstallation=" + profile, "--convert-to", "pdf", "--outdir",
                        outdir] + docs, docs, outdir)


def main(args, cli, work):
    corpus = os.path.abspath(args.corpus)
    # The work folder may lie inside the corpus folder: its copies are not documents.
    docs = sorted(d for d in glob.glob(os.path.join(corpus, "**", "*.docx"), recursive=True)
                  if not os.path.abspath(d).startswith(os.path.abspath(work) + os.sep))
    if args.limit:
        docs = docs[:args.limit]
    group_of = {d: (os.path.relpath(d, corpus).split(os.sep)[0] if os.sep in os.path.relpath(d, corpus) else "")
                for d in docs}
    # Flat copies with unique names: soffice and render --outdir name outputs by base name.
    flat = os.path.join(work, "in")
    os.makedirs(flat, exist_ok=True)
    flat_of = {}
    for i, d in enumerate(docs):
        f = os.path.join(flat, "%03d.docx" % i)
        shutil.copyfile(d, f)
        flat_of[d] = f
    flats = [flat_of[d] for d in docs]
    loads = [os.getloadavg()[0]]  # the machine's load: the speed figures depend on it
    profile = "file://" + os.path.join(work, "lo-profile")
    lo_dir, ours_dir, batch_dir, batch1_dir = (os.path.join(work, d) for d in ("lo", "ours", "batch", "batch1"))
    if args.lo_from:
        # LibreOffice's PDFs and times of an earlier run on the same corpus (15 minutes of CPU
        # not spent again): its lo/ folder, rows.json and lo.json.
        lo_dir = os.path.join(args.lo_from, "lo")
        with open(os.path.join(args.lo_from, "rows.json"), encoding="utf-8") as f:
            earlier = {r["doc"]: r for r in json.load(f)}
        with open(os.path.join(args.lo_from, "lo.json"), encoding="utf-8") as f:
            lo_times = json.load(f)
        lo_total, lo_cpu = lo_times["total"], lo_times["cpu"]
        lo_per = {flat_of[d]: earlier[os.path.relpath(d, corpus)]["t_lo"] for d in docs
                  if os.path.relpath(d, corpus) in earlier and earlier[os.path.relpath(d, corpus)].get("t_lo")}
        # Its PDFs are numbered in its own order: the same corpus gives the same order.
        for i, d in enumerate(docs):
            r = earlier.get(os.path.relpath(d, corpus))
            if r is None or list(earlier).index(os.path.relpath(d, corpus)) != i:
                sys.exit("--lo-from: the earlier run was made on another corpus")
    else:
        # Warm LibreOffice's profile first (the first start creates it), as the speed bench does.
        lo_convert(flats[:1], os.path.join(work, "warm"), profile)
        lo_total, lo_per = lo_convert(flats, lo_dir, profile)
        lo_cpu = timed_batch.cpu
        with open(os.path.join(work, "lo.json"), "w", encoding="utf-8") as f:
            json.dump({"total": lo_total, "cpu": lo_cpu}, f)

    def batch(outdir, extra):
        return timed_batch([cli, "render", "--outdir", outdir, "--no-sync", "--quiet"] + extra + flats, flats, outdir)

    loads.append(os.getloadavg()[0])
    ours_total, _ = batch(batch_dir, [])
    # On one thread three times: each document's share is the least of the three (on a loaded
    # machine one scheduling delay is the whole time of a short document); LibreOffice's
    # single run is not lowered the same way, so the ratios lean in its favour.
    ours_total1, ours_per = batch(batch1_dir, ["--jobs", "1"])
    ours_cpu1 = timed_batch.cpu
    for _ in range(2):
        t, per = batch(batch1_dir, ["--jobs", "1"])
        ours_total1, ours_cpu1 = min(ours_total1, t), min(ours_cpu1, timed_batch.cpu)
        ours_per = {d: min(v, per.get(d, v)) for d, v in ours_per.items()}

    loads.append(os.getloadavg()[0])
    main.loads = loads
    rows = []
    for i, d in enumerate(docs):
        f = flat_of[d]
        rel = os.path.relpath(d, corpus)
        ours = os.path.join(ours_dir, "%03d.pdf" % i)
        lo = os.path.join(lo_dir, "%03d.pdf" % i)
        os.makedirs(ours_dir, exist_ok=True)
        t0 = time.time()
        r = subprocess.run([cli, "render", f, "-o", ours, "--no-sync"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=600)
        t_ours = ours_per.get(f, time.time() - t0)
        msgs = [w for w in r.stderr.decode("utf-8", "replace").splitlines() if w.strip()]
        row = {"doc": rel, "group": group_of[d], "ours_ok": r.returncode == 0 and os.path.exists(ours),
               "lo_ok": os.path.exists(lo), "t_ours": t_ours, "t_lo": lo_per.get(f), "messages": msgs}
        if row["ours_ok"]:
            row["pages_ours"] = pages(ours)
            row["size_ours"] = os.path.getsize(ours)
        if row["lo_ok"]:
            row["pages_lo"] = pages(lo)
            row["size_lo"] = os.path.getsize(lo)
        if row["ours_ok"] and row["lo_ok"]:
            row["text"] = similarity(words(ours), words(lo))
            row["printed"] = printed_similarity(words(ours, True), words(lo, True))
            if args.pixels:
                from compare_pdf import pixel_diff, render_pgm
                px = []
                for p in range(1, min(row["pages_ours"], row["pages_lo"]) + 1):
                    px.append(pixel_diff(render_pgm(ours, p, os.path.join(work, "o")), render_pgm(lo, p, os.path.join(work, "l"))))
                row["pixels"] = sum(px) / len(px) if px else None
        rows.append(row)
        if args.png and row["ours_ok"] and row["lo_ok"]:
            run(["pdftoppm", "-r", "40", "-png", ours, ours[:-4] + ".ours"])
            run(["pdftoppm", "-r", "40", "-png", lo, ours[:-4] + ".lo"])
    report(rows, lo_total, ours_total, ours_total1, args, lo_cpu, ours_cpu1)
    with open(os.path.join(work, "rows.json"), "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False, indent=1)


def warning_kind(msg):
    m = re.sub(r"^nastavnik: предупреждение: ", "", msg)
    m = re.sub(r"^[^:]*\.docx(, [^:]*)?: ", "", m)
    m = re.sub(r"«[^»]*»", "«…»", m)
    m = re.sub(r"\d+", "N", m)
    return m[:110]


def report(rows, lo_total, ours_total, ours_total1, args, lo_cpu=0.0, ours_cpu1=0.0):
    print("%-70s %5s %9s %6s %7s %6s %6s" % ("document", "", "pages", "text", "printed", "size", "speed"))
    for r in rows:
        if not r["ours_ok"]:
            err = [m for m in r["messages"] if "ошибка" in m or "nastavnik:" in m]
            print("%-70s FAILED: %s" % (r["doc"][:70], " / ".join(err[-1:])[:200]))
            continue
        if not r["lo_ok"]:
            print("%-70s ours %d p., LibreOffice failed" % (r["doc"][:70], r["pages_ours"]))
            continue
        mark = "" if r["pages_ours"] == r["pages_lo"] else "≠"
        print("%-70s %5s %4d/%-4d %6.3f %7.3f %6.2f %5.1fx" % (r["doc"][:70], mark, r["pages_ours"], r["pages_lo"], r["text"],
                                                   r.get("printed", float("nan")),
                                                   r["size_ours"] / max(r["size_lo"], 1),
                                                   (r["t_lo"] or 0) / max(r["t_ours"], 1e-3)))
        if args.verbose:
            for m in r["messages"]:
                if "предупреждение" in m:
                    print("      " + warning_kind(m))
    print()
    groups = [("all", rows)] + [(g, [r for r in rows if r["group"] == g]) for g in sorted({r["group"] for r in rows}) if g]
    print("%-6s %5s %9s %12s %8s %8s %8s %8s %8s %9s %9s" % ("group", "docs", "rendered", "pages equal", "text med", "text p10",
                                                              "text min", "prnt p10", "prnt min", "size tot", "size max"))
    for name, rs in groups:
        both = [r for r in rs if r["ours_ok"] and r["lo_ok"]]
        eq = sum(r["pages_ours"] == r["pages_lo"] for r in both)
        texts = [r["text"] for r in both]
        printed = [r["printed"] for r in both if "printed" in r]
        so = sum(r["size_ours"] for r in both)
        sl = sum(r["size_lo"] for r in both)
        smax = max((r["size_ours"] / max(r["size_lo"], 1) for r in both), default=float("nan"))
        print("%-6s %5d %4d/%-4d %5d (%4.1f%%) %8.3f %8.3f %8.3f %8.3f %8.3f %8.2fx %8.2fx" % (
            name, len(rs), sum(r["ours_ok"] for r in rs), len(rs), eq, 100.0 * eq / max(len(both), 1),
            statistics.median(texts) if texts else float("nan"), percentile(texts, 0.10),
            min(texts) if texts else float("nan"), percentile(printed, 0.10),
            min(printed) if printed else float("nan"), so / max(sl, 1), smax))
    valid = [r for r in rows if r["lo_ok"]]
    print()
    print("documents LibreOffice converts: %d; of them we refuse: %d" % (len(valid), sum(not r["ours_ok"] for r in valid)))
    print("speed, whole corpus in one process each: LibreOffice %.1f s; ours %.2f s on all cores (%.1fx), %.2f s on one (%.1fx)"
          % (lo_total, ours_total, lo_total / max(ours_total, 1e-3), ours_total1, lo_total / max(ours_total1, 1e-3)))
    print("CPU time (user + system), whole corpus: LibreOffice %.1f s; ours on one thread %.2f s (%.1fx)"
          % (lo_cpu, ours_cpu1, lo_cpu / max(ours_cpu1, 1e-3)))
    if getattr(main, "loads", None):
        print("load average (1 min) during the timed runs: %.2f–%.2f" % (min(main.loads), max(main.loads)))
    per = sorted(((r["t_lo"] / max(r["t_ours"], 1e-3), r) for r in rows if r["ours_ok"] and r.get("t_lo")),
                 key=lambda x: x[0])
    if per:
        print("speed per document (each one's share of its batch, ours on one thread):"
              " median %.1fx, lowest %.1fx (%s: ours %.2f s, LibreOffice %.2f s); under 5x: %d"
              % (statistics.median([p for p, _ in per]), per[0][0], per[0][1]["doc"], per[0][1]["t_ours"],
                 per[0][1]["t_lo"], sum(p < 5 for p, _ in per)))
    kinds = collections.Counter()
    for r in rows:
        for k in {warning_kind(m) for m in r["messages"] if "предупреждение" in m}:
            kinds[k] += 1
    print()
    print("warnings (documents carrying each kind):")
    for k, n in kinds.most_common():
        print("  %4d  %s" % (n, k))
