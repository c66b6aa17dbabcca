#!/usr/bin/env python3
"""The benchmark: one command, figures printed as the Markdown of BENCHMARKS.md.

    python3 bench/run.py                          # 50 MB and 500 MB corpora
    python3 bench/run.py --sizes 500 1000 2000 4000   # the scale curve (MB)

For each size it generates (once, deterministic, under target/bench/) a corpus with
`examples/gencorpus.rs`, then measures, in the same run and on the same files:
full index build (MB/s, units/s, peak RSS, index size / corpus size); adding one report;
`index` with nothing changed; in-process query latency (benches/query.rs); `rapporteur
search` end to end (process start to last byte, median of 21); ripgrep `rg -i -F` on the
same files for the same strings (installed with apt-get if missing); and tantivy with its
French stemming on the same paragraphs (benches/query.rs). Then the parser alone
(`cargo bench --bench parse`) and, across the sizes, the scale curve with each target
met or missed. A size whose corpus, index and peer would not fit on the disk is skipped
and said so. Ratios are what to compare: these machines are shared.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")
EXE = os.path.join(ROOT, "target", "release", "rapporteur")
# The targets (issue 11).
TARGET_BUILD_MB_S = 25.0
TARGET_RSS_MB = 250.0
TARGET_E2E_MS = 5.0
TARGET_BROAD_E2E_MS = 15.0
TARGET_IN_PROCESS_MS = 1.5
BROAD = "broad, facets over many hits"
QUERIES = [
    ("one word", ["hydrogène"], "hydrogène"),
    ("two words", ["hydrogène vert"], "hydrogène vert"),
    ("phrase", ['"pollution de l’air"'], "pollution de l’air"),
    ("with --country", ["coopération", "--country", "Chine"], "coopération"),
    ("broad, facets over many hits", ["technologie"], "technologie"),
]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def apt_tool(command, package):
    """Installs Debian's `package` if `command` is missing (updating the lists only if needed)."""
    if not shutil.which(command) and not os.path.exists(command):
        subprocess.run(["apt-get", "install", "-y", "-qq", package], check=False, capture_output=True)
        if not shutil.which(command) and not os.path.exists(command):
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", package], check=True, capture_output=True)


def ensure_tools():
    apt_tool("rg", "ripgrep")
    apt_tool("/usr/bin/time", "time")


def du(path):
    total = 0
    for folder, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(folder, f))
    return total


def timed(args, repeat):
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def index_with_rss(corpus, index):
    out = run(["/usr/bin/time", "-f", "%e %M", EXE, "index", "--corpus", corpus, "--index", index])
    wall, rss_kb = out.stderr.strip().splitlines()[-1].split()
    return float(wall), int(rss_kb) / 1024, out.stdout.strip()


def bench_size(mb):
    corpus = os.path.join(WORK, f"corpus-{mb}")
    index = os.path.join(WORK, f"index-{mb}")
    if not os.path.isdir(corpus):
        run(["cargo", "run", "--release", "--quiet", "--example", "gencorpus", "--", corpus, str(mb), "7"], cwd=ROOT)
    shutil.rmtree(index, ignore_errors=True)
    corpus_bytes = du(corpus)
    wall, rss, summary = index_with_rss(corpus, index)
    stats = json.loads(run([EXE, "stats", "--json", "--index", index]).stdout)
    units = stats["units"]["paragraph"] + stats["units"]["decision"] + stats["units"]["block"]
    index_bytes = stats["index_bytes"]
    rows = [f"### {mb} MB corpus ({stats['reports']} reports, {units} units)", ""]
    rows += ["| measure | figure |", "|---|---|"]
    rows.append(f"| full build | {wall:.1f} s: {corpus_bytes / 1e6 / wall:.1f} MB/s, {units / wall:,.0f} units/s |")
    rows.append(f"| peak RSS while indexing | {rss:.0f} MB |")
    figures = {"mb": mb, "build": corpus_bytes / 1e6 / wall, "rss": rss,
               "ratio": index_bytes / corpus_bytes, "e2e": {}, "p50": {}, "rg": {}}
    rows.append(f"| index size / corpus size | {index_bytes / 1e6:.1f} MB / {corpus_bytes / 1e6:.1f} MB = {index_bytes / corpus_bytes:.2f} |")

    extra = os.path.join(corpus, "extra")
    shutil.rmtree(extra, ignore_errors=True)
    run(["cargo", "run", "--release", "--quiet", "--example", "gencorpus", "--", extra, "0.01", "99"], cwd=ROOT)
    started = time.perf_counter()
    added = run([EXE, "index", "--corpus", corpus, "--index", index]).stdout.strip()
    add_one = time.perf_counter() - started
    started = time.perf_counter()
    run([EXE, "index", "--corpus", corpus, "--index", index])
    nothing = time.perf_counter() - started
    shutil.rmtree(extra)
    run([EXE, "index", "--corpus", corpus, "--index", index])
    figures["add_one"], figures["nothing"] = add_one, nothing
    rows.append(f"| add one report to the index | {add_one:.2f} s (`{added.split(';')[0]}`) |")
    rows.append(f"| `index` with nothing changed | {nothing:.2f} s |")

    env = dict(os.environ, BENCH_INDEX=index, BENCH_CORPUS=corpus)
    bench = run(["cargo", "bench", "--quiet", "--bench", "query"], cwd=ROOT, env=env).stdout
    results = [l[len("result "):] for l in bench.splitlines() if l.startswith("result ")]
    rows += ["", "| query | rapporteur in-process p50 / p99 | generic tantivy in-process p50 / p99 | `rapporteur search` end to end (median) | `rg -i -F` (median) | rg / rapporteur |", "|---|---|---|---|---|---|"]
    for name, args, needle in QUERIES:
        ours = next((r for r in results if r.startswith(f"rapporteur {name}:")), "")
        peer = next((r for r in results if r.startswith(f"peer {name}:")), "")
        e2e = timed([EXE, "search", *args, "--index", index, "--limit", "10"], 21)
        rg = timed(["rg", "-i", "-F", "-c", needle, corpus], 5)
        figures["e2e"][name], figures["rg"][name] = e2e * 1e3, rg * 1e3
        found = re.search(r"p50 ([0-9.]+) ms", ours)
        figures["p50"][name] = float(found.group(1)) if found else float("nan")
        rows.append(
            f"| {name} | {ours.split(': ', 1)[-1]} | {peer.split(': ', 1)[-1]} | {e2e * 1e3:.1f} ms | {rg * 1e3:.1f} ms | {rg / e2e:.1f}× |"
        )
    opening = next((r for r in results if r.startswith("rapporteur open:")), "")
    segments = re.search(r"index of ([0-9]+) segments", bench)
    rows.append("")
    rows.append(f"Opening the index in process (what each `search` process pays before its query): "
                f"{opening.split(': ', 1)[-1]}; {segments.group(1) if segments else '?'} segments.")
    peer_build = next((r for r in results if r.startswith("peer build")), "")
    found = re.search(r"build: ([0-9.]+) MB/s", peer_build)
    figures["peer"] = float(found.group(1)) if found else float("nan")
    rows.append("")
    rows.append(f"Bare tantivy with French stemming, same paragraphs pre-split: {peer_build.split(': ', 1)[-1]}; "
                f"rapporteur, parsing included: {figures['build']:.1f} MB/s "
                f"({figures['build'] / figures['peer']:.2f}× the peer).")
    return "\n".join(rows), figures


def verdict(ok):
    return "met" if ok else "**missed**"


def scale_curve(all_figures):
    rows = ["### Scale curve and targets", ""]
    names = [name for name, _, _ in QUERIES]
    rows.append("| corpus | build MB/s (target ≥ 25; peer) | peak RSS MB (≤ 250) | index / corpus | add one / nothing changed | "
                + " | ".join(f"{n}: e2e ms (rg ms)" for n in names) + " |")
    rows.append("|---" * (5 + len(names)) + "|")
    for f in all_figures:
        cells = [f"{f['mb']} MB", f"{f['build']:.1f} ({verdict(f['build'] >= TARGET_BUILD_MB_S)}; peer {f['peer']:.1f}, {f['build'] / f['peer']:.2f}×)",
                 f"{f['rss']:.0f} ({verdict(f['rss'] <= TARGET_RSS_MB)})", f"{f['ratio']:.2f}",
                 f"{f['add_one']:.2f} s / {f['nothing']:.2f} s"]
        for n in names:
            limit = TARGET_BROAD_E2E_MS if n == BROAD else TARGET_E2E_MS
            cells.append(f"{f['e2e'][n]:.1f} ({f['rg'][n]:.0f}) {verdict(f['e2e'][n] <= limit)}")
        rows.append("| " + " | ".join(cells) + " |")
    rows.append("")
    rows.append("In-process p50 (target ≤ 1.5 ms for the common queries): " + "; ".join(
        f"{f['mb']} MB: " + ", ".join(f"{n} {f['p50'][n]:.2f} ms" for n in names if n != BROAD)
        for f in all_figures))
    return "\n".join(rows)


def fits(mb):
    """Corpus, index and the peer's copy of the paragraphs, with room to spare."""
    free = shutil.disk_usage(ROOT).free / 1e6
    corpus = os.path.join(WORK, f"corpus-{mb}")
    needed = mb * (1.0 if os.path.isdir(corpus) else 2.0) + mb * 2.0 + 1000
    return free >= needed, free


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", nargs="+", type=int, default=[50, 500], metavar="MB",
                        help="corpus sizes in MB (default: 50 500)")
    args = parser.parse_args()
    ensure_tools()
    run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    os.makedirs(WORK, exist_ok=True)
    cpu = run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]).stdout.strip()
    print(f"Machine: {os.cpu_count()} cores, {cpu}; ripgrep {run(['rg', '--version']).stdout.split()[1]}\n")
    parse = run(["cargo", "bench", "--quiet", "--bench", "parse"], cwd=ROOT).stdout
    per_core = re.search(r"= ([0-9.]+) MB/s", parse)
    print("### Parser alone (`cargo bench --bench parse`, target ≥ 50 MB/s per core: "
          f"{verdict(per_core is not None and float(per_core.group(1)) >= 50)})\n")
    print("\n".join(f"    {line}" for line in parse.strip().splitlines()) + "\n")
    all_figures = []
    for mb in args.sizes:
        ok, free = fits(mb)
        if not ok:
            print(f"### {mb} MB corpus: skipped, {free / 1e3:.1f} GB free on the disk is not enough\n")
            continue
        rows, figures = bench_size(mb)
        all_figures.append(figures)
        print(rows)
        print()
        sys.stdout.flush()
    if all_figures:
        print(scale_curve(all_figures))


if __name__ == "__main__":
    main()
