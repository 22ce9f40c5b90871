#!/usr/bin/env python3
"""Held-out agreement of `clausebook import` with hand-made maps.

A folder holds documents (NN-name.txt, .md, .html, .docx or .pdf) and, for each, a map
NN-name.map.tsv: one row per block of the document's body, tab-separated: a quote of the
block's first words (unique in the document, or repeated for blocks that start alike: the
rows then take those blocks in order), then the clause ids that carry the block's point,
comma-separated, or `local` when no clause of the library does (both may be given). Lines
starting with `#` are comments.

Each document is imported with each binary given (`import FILE --school x --dry-run --force
--root COPY`, COPY a scratch copy of the repository), and each row's block is found in the
import's JSON report by its quote. A row agrees when the block went to one of the mapped
clauses: the clause whose run holds it, or for a block written as a local clause, the clause
it reads like when it is `moved`, else a local clause (which agrees with `local`). This is the
rule of tests/import/coverage.cpp for docs/coverage/*.md.

    heldout_align.py --docs DIR BINARY [BINARY...]   [--repo DIR] [--misses] [--quiet]

With two or more binaries the figures are printed side by side, and the rows whose agreement
differs are listed.
"""

import argparse
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

DOC_EXTENSIONS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".odt")


def words_of(text):
    """Lower-case runs of letters and digits: the locator's notion of a word."""
    return re.findall(r"[0-9a-z]+", text.lower())


def read_map(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if len(cells) < 2:
                sys.exit(f"{path}:{n}: error: a row needs a quote, a tab and the clause ids (or local)")
            ids = {c.strip() for c in cells[1].split(",") if c.strip()}
            rows.append({"line": n, "quote": cells[0].strip(), "ids": ids})
    return rows


def scratch_repository(repo):
    """A copy of the repository without build trees, outputs or git, for --root."""
    tmp = tempfile.mkdtemp(prefix="heldout-align-")
    dest = os.path.join(tmp, "repo")

    def ignore(directory, names):
        skip = {".git", "out", "node_modules"}
        return [n for n in names if n in skip or (directory == repo and n.startswith("build"))]

    shutil.copytree(repo, dest, ignore=ignore, symlinks=True)
    return tmp, dest


def run_import(binary, root, document, fmt):
    cmd = [binary, "import", document, "--school", "x", "--dry-run", "--force", "--format", fmt, "--root", root]
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=root)
    if p.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: exit {p.returncode}\n{p.stderr.strip()}")
    return p.stdout


# "  line 5 (part 1) paragraph: "..." -> local local.imported-1 (moved: reads like parents.first-steps 0.62); next: ..."
# "  line 9 paragraph 2.2: "..." -> ..." (a numbered block shows its number after its kind)
# "line 12 paragraph: ..." (text, Markdown, HTML), "¶12 ..." (DOCX) or "p3 ¶12 ..." (PDF).
TEXT_BLOCK = re.compile(r'^\s*(?:p\d+ )?(?:line |\u00b6)(\d+)(?: \(part (\d+)\))? [^"]*: ".*" -> (.*)$')
MOVED = re.compile(r"\(moved: reads like (\S+) ")


def import_blocks(binary, root, document):
    """The report's blocks, each with the clause the import names for it."""
    out = run_import(binary, root, document, "json")
    report, _ = json.JSONDecoder().raw_decode(out)
    blocks = report.get("blocks", [])
    # Whether a local block is "moved" (reads like a clause placed elsewhere) is in the text
    # report's fate line; the JSON report has the local clause's id and the next candidates.
    moved, seen = {}, set()
    for line in run_import(binary, root, document, "text").splitlines():
        m = TEXT_BLOCK.match(line)
        if m:
            key = (int(m.group(1)), int(m.group(2) or 0))
            seen.add(key)
            mm = MOVED.search(m.group(3))
            if mm:
                moved[key] = mm.group(1)
    for b in blocks:
        b["words"] = words_of(b.get("text", "").removesuffix("..."))
        # The clauses the report names for the block with their scores: its own (a clause's
        # run) and the next candidates; for a local block the first candidate is its best.
        ranked = [(c["clause"], c["score"]) for c in b.get("next", [])]
        if b.get("fate") == "clause":
            ranked.insert(0, (b.get("clause", ""), b.get("score", 0)))
        b["ranked"] = ranked
        fate = b.get("fate")
        if fate == "clause":
            b["named"], b["how"] = b.get("clause", ""), "clause"
        elif fate == "local":
            key = (b.get("position", 0), b.get("part", 0))
            if key not in seen and "moved" not in b:
                sys.exit(f"{document}: error: block at {key[0]} not found in the text report (its format changed?)")
            if b.get("moved") or key in moved:
                b["named"], b["how"] = b.get("best") or moved.get(key) or b["next"][0]["clause"], "moved"
            else:
                b["named"], b["how"] = b.get("clause", "local"), "local"
        else:
            b["named"], b["how"] = "", fate or "?"
    report["clause_ids"] = {c["id"] for c in report.get("clauses", [])}
    return report, blocks


def locate(rows, blocks):
    """Each row's block: the next one (in document order, first parts only) whose words start
    with the quote's; else one that holds them (flagged: the block starts elsewhere, a sign
    that the reader joined it to the block before)."""
    used = collections.Counter()
    for row in rows:
        q = words_of(row["quote"])
        row["block"], row["inside"] = None, False
        if not q:
            continue
        starts = [i for i, b in enumerate(blocks) if b.get("part", 0) <= 1 and b["words"][: len(q)] == q]
        k = used[tuple(q)]
        if k < len(starts):
            row["block"] = starts[k]
        else:
            for i, b in enumerate(blocks):
                w = b["words"]
                if any(w[j : j + len(q)] == q for j in range(len(w) - len(q) + 1)):
                    row["block"], row["inside"] = i, True
                    break
        used[tuple(q)] += 1


def score_document(rows, blocks):
    res = {"agree": 0, "best": 0, "top3": 0, "located": 0, "aside": [], "unlocated": [], "unplaced": [], "inside": [], "rows": []}
    for row in rows:
        if not row["ids"]:
            res["aside"].append(row)
            continue
        if row["block"] is None:
            res["unlocated"].append(row)
            continue
        b = blocks[row["block"]]
        if row["inside"]:
            res["inside"].append((row, b))
        if not b["named"]:
            res["unplaced"].append((row, b))  # a heading, dropped block or title page
            continue
        ok = b["named"] in row["ids"] or ("local" in row["ids"] and b["how"] == "local")
        res["located"] += 1
        res["agree"] += ok
        res["rows"].append((row, b, ok))
        # Diagnostics, order aside: the block's best-scoring clause, and its three best.
        cands = sorted(b["ranked"], key=lambda c: -c[1])
        best = cands[0][0] if cands else ""
        res["best"] += ("local" in row["ids"] and b["how"] == "local") or best in row["ids"]
        res["top3"] += ok or any(c in row["ids"] for c, _ in cands[:3])
    return res


def pct(a, n):
    return f"{100.0 * a / n:.1f}%" if n else "-"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("binaries", nargs="+", help="clausebook binaries to measure, side by side")
    ap.add_argument("--docs", required=True, help="folder of documents and their .map.tsv files")
    ap.add_argument("--repo", help="repository whose library and outline to use (default: the one the first binary was built in, else the current one)")
    ap.add_argument("--quiet", action="store_true", help="figures only, no confusion list")
    ap.add_argument("--misses", action="store_true", help="print the confusion list (the default; kept for the command the notes give)")
    args = ap.parse_args()

    binaries = [os.path.abspath(b) for b in args.binaries]
    repo = args.repo
    if not repo:
        guess = os.path.dirname(os.path.dirname(binaries[0]))
        repo = guess if os.path.isdir(os.path.join(guess, "clauses")) else os.getcwd()
    repo = os.path.abspath(repo)
    if not os.path.isdir(os.path.join(repo, "clauses")):
        sys.exit(f"{repo}: error: not a clausebook repository (no clauses/); give --repo")

    docs = []
    for name in sorted(os.listdir(args.docs)):
        if name.endswith(".map.tsv"):
            stem = name[: -len(".map.tsv")]
            found = [stem + e for e in DOC_EXTENSIONS if os.path.exists(os.path.join(args.docs, stem + e))]
            if not found:
                sys.exit(f"{os.path.join(args.docs, name)}: error: no document {stem}.* beside it")
            docs.append((stem, os.path.join(args.docs, found[0]), read_map(os.path.join(args.docs, name))))
    if not docs:
        sys.exit(f"{args.docs}: error: no *.map.tsv files")

    library = set()
    for directory, _, names in os.walk(os.path.join(repo, "clauses")):
        for name in names:
            if name.endswith(".md") and name != "README.md":
                with open(os.path.join(directory, name), encoding="utf-8") as f:
                    m = re.search(r"^id:\s*(\S+)", f.read(), re.M)
                    if m:
                        library.add(m.group(1))
    tmp, root = scratch_repository(repo)
    try:
        results = []  # per binary: {stem: res}
        for binary in binaries:
            per = {}
            for stem, path, rows in docs:
                rows = [dict(r) for r in rows]
                try:
                    report, blocks = import_blocks(binary, root, os.path.abspath(path))
                except RuntimeError as e:
                    sys.exit(f"{path}: error: the import failed: {e}")
                for r in rows:
                    unknown = sorted(i for i in r["ids"] if i != "local" and i not in library)
                    if unknown and binary == binaries[0]:
                        print(f"{os.path.splitext(path)[0]}.map.tsv:{r['line']}: warning: no such clause in the library: {', '.join(unknown)}", file=sys.stderr)
                    # As tests/import/coverage.cpp does: only the clauses of the outline as
                    # rendered for this import count (a clause whose condition the imported
                    # school does not meet, such as staff.official-accounts without
                    # official_accounts_run_by, cannot be chosen); a row left with none is set aside.
                    r["absent"] = sorted(i for i in r["ids"] if i != "local" and i not in report["clause_ids"])
                    r["ids"] = {i for i in r["ids"] if i == "local" or i in report["clause_ids"]}
                locate(rows, blocks)
                per[stem] = score_document(rows, blocks)
            results.append(per)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"library: {repo}")
    for i, b in enumerate(binaries):
        print(f"binary {i + 1}: {b}")
    print()
    head = f"{'document':<24}" + "".join(f"{'binary ' + str(i + 1):>18}" for i in range(len(binaries))) + "   set aside / not located / not placed"
    print(head)
    totals = [[0, 0] for _ in binaries]
    for stem, _, rows in docs:
        line = f"{stem:<24}"
        for i, per in enumerate(results):
            r = per[stem]
            totals[i][0] += r["agree"]
            totals[i][1] += r["located"]
            line += f"{str(r['agree']) + '/' + str(r['located']):>18}"
        r0 = results[0][stem]
        line += f"   {len(r0['aside'])} / {len(r0['unlocated'])} / {len(r0['unplaced'])}"
        print(line)
    print(f"{'total':<24}" + "".join(f"{f'{a}/{n} = {pct(a, n)}':>18}" for a, n in totals))
    for key, what in (("best", "each block's best-scoring clause alone (order and threshold aside)"),
                      ("top3", "a mapped clause among the three the report names for the block")):
        line = f"{key:<24}"
        for per in results:
            a = sum(per[s][key] for s, _, _ in docs)
            n = sum(per[s]["located"] for s, _, _ in docs)
            line += f"{f'{a}/{n} = {pct(a, n)}':>18}"
        print(line + f"   ({what})")

    if args.quiet:
        return
    for i, per in enumerate(results):
        print(f"\nconfusions, binary {i + 1} (row: chosen clause, how, score; mapped clauses):")
        pairs = collections.Counter()
        for stem, _, _ in docs:
            r = per[stem]
            for row, b, ok in r["rows"]:
                if not ok:
                    absent = f" (not in the outline: {', '.join(row['absent'])})" if row["absent"] else ""
                    print(f"  {stem}:{row['line']} \"{row['quote']}\": {b['named']} ({b['how']}, {b.get('score', 0):.2f}); map: {', '.join(sorted(row['ids']))}{absent}")
                    pairs[(b["named"] if b["how"] != "local" else "local", ", ".join(sorted(row["ids"])))] += 1
            for row in r["aside"]:
                print(f"  {stem}:{row['line']} \"{row['quote']}\": set aside: its clauses are not in the outline as imported ({', '.join(row['absent'])})")
            for row in r["unlocated"]:
                print(f"  {stem}:{row['line']} \"{row['quote']}\": not found in the report's blocks")
            for row, b in r["unplaced"]:
                print(f"  {stem}:{row['line']} \"{row['quote']}\": not placed: {b['how']}{' (' + b['reason'] + ')' if b.get('reason') else ''}")
            for row, b in r["inside"]:
                print(f"  {stem}:{row['line']} \"{row['quote']}\": found inside a block that starts \"{' '.join(b['words'][:8])}\" (joined to the block before?)")
        if pairs:
            print(f"\n  most frequent (chosen <- mapped), binary {i + 1}:")
            for (chosen, mapped), n in pairs.most_common(12):
                print(f"  {n:3}  {chosen} <- {mapped}")
    if len(binaries) > 1:
        print("\nrows whose agreement differs (binary 1 -> binary N):")
        for stem, _, rows in docs:
            base = {row["line"]: (b, ok) for row, b, ok in results[0][stem]["rows"]}
            for i in range(1, len(results)):
                for row, b, ok in results[i][stem]["rows"]:
                    if row["line"] in base and base[row["line"]][1] != ok:
                        b0 = base[row["line"]][0]
                        print(f"  {stem}:{row['line']} \"{row['quote']}\": {b0['named']} -> {b['named']} (binary {i + 1}) {'gained' if ok else 'lost'}")


if __name__ == "__main__":
    main()
