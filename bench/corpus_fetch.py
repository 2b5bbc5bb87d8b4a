#!/usr/bin/python3
"""Rebuild issue 17's corpus of real DOCX (bench/corpus_pdf.tsv) from local git mirrors.

    bench/corpus_fetch.py --mirrors /work/.mirror --out /work/corpus-pdf

Each line of the TSV names a file, its repository, commit, path and SHA-256. This script
does not download: the repositories must already be cloned (bare or not) under
MIRRORS/<owner>+<name>/ (any depth: the first git directory found there is used), e.g. by
`git clone --mirror https://github.com/<owner>/<name> MIRRORS/<owner>+<name>/repo`. Each file
is taken with `git cat-file blob COMMIT:PATH` and written only if its SHA-256 matches.

Exit status 0 when every file is in place; otherwise the missing repositories, commits and
mismatching files are listed and the status is 1. Standard library only.
"""
import argparse
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def entries(tsv):
    with open(tsv, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            name, repo, commit, path, sha = line.rstrip("\n").split("\t")
            yield name, repo, commit, path, sha


def git_dir(mirrors, repo):
    """The git directory under MIRRORS/owner+name, bare or a work tree's .git."""
    root = os.path.join(mirrors, repo.replace("/", "+"))
    if not os.path.isdir(root):
        return None
    for dirpath, dirnames, filenames in os.walk(root):
        if "HEAD" in filenames and "objects" in dirnames:
            return dirpath
        dirnames[:] = [d for d in dirnames if d not in ("objects", "refs", "hooks", "logs")]
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--mirrors", default="/work/.mirror", help="folder of <owner>+<name>/ clones")
    ap.add_argument("--out", required=True, help="corpus folder to fill (ru/, oss/)")
    ap.add_argument("--tsv", default=os.path.join(HERE, "corpus_pdf.tsv"))
    args = ap.parse_args()

    missing_repos, missing_blobs, bad_sha = set(), [], []
    written = present = 0
    for name, repo, commit, path, sha in entries(args.tsv):
        target = os.path.join(args.out, name)
        if os.path.exists(target):
            with open(target, "rb") as f:
                if hashlib.sha256(f.read()).hexdigest() == sha:
                    present += 1
                    continue
        gd = git_dir(args.mirrors, repo)
        if gd is None:
            missing_repos.add(repo)
            continue
        got = subprocess.run(["git", "--git-dir", gd, "cat-file", "blob", f"{commit}:{path}"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if got.returncode != 0:
            missing_blobs.append((name, repo, commit, got.stderr.decode(errors="replace").strip()))
            continue
        digest = hashlib.sha256(got.stdout).hexdigest()
        if digest != sha:
            bad_sha.append((name, digest))
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target + ".part", "wb") as f:
            f.write(got.stdout)
        os.replace(target + ".part", target)
        written += 1

    print(f"{written} written, {present} already in place, "
          f"{len(missing_blobs)} not in their mirror, {len(bad_sha)} with another SHA-256, "
          f"{len(missing_repos)} repositories not mirrored")
    for repo in sorted(missing_repos):
        print(f"  no mirror: {repo}")
    for name, repo, commit, err in missing_blobs:
        print(f"  missing: {name} ({repo} {commit}): {err}")
    for name, digest in bad_sha:
        print(f"  SHA-256 differs: {name} ({digest})")
    return 0 if not (missing_repos or missing_blobs or bad_sha) else 1


if __name__ == "__main__":
    sys.exit(main())
