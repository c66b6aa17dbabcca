#!/usr/bin/env python3
"""The benchmark: one command, figures printed as the Markdown of BENCHMARKS.md.

    python3 bench/run.py              # 50 MB and 500 MB corpora
    BENCH_SIZES=50 python3 bench/run.py

For each size it generates (once, deterministic, under target/bench/) a corpus with
`examples/gencorpus.rs`, then measures, in the same run and on the same files:
full index build (MB/s, units/s, peak RSS, index size / corpus size); adding one report;
`index` with nothing changed; in-process query latency (benches/query.rs); `rapporteur
search` end to end (process start to last byte, median of 21); ripgrep `rg -i -F` on the
same files for the same strings (installed with apt-get if missing); and tantivy with its
default analyzer on the same units. Ratios are what to compare: these machines are shared.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WORK = os.path.join(ROOT, "target", "bench")
EXE = os.path.join(ROOT, "target", "release", "rapporteur")
QUERIES = [
    ("one word", ["hydrogène"], "hydrogène"),
    ("two words", ["hydrogène vert"], "hydrogène vert"),
    ("phrase", ['"pollution de l’air"'], "pollution de l’air"),
    ("with --country", ["coopération", "--country", "Chine"], "coopération"),
    ("broad, facets over many hits", ["technologie"], "technologie"),
]


def run(args, **kw):
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


def ensure_tools():
    if not shutil.which("rg"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "ripgrep"], check=False, capture_output=True)
        if not shutil.which("rg"):
            subprocess.run(["apt-get", "update", "-qq"], check=False, capture_output=True)
            subprocess.run(["apt-get", "install", "-y", "-qq", "ripgrep"], check=True, capture_output=True)
    if not os.path.exists("/usr/bin/time"):
        subprocess.run(["apt-get", "install", "-y", "-qq", "time"], check=True, capture_output=True)


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
        rows.append(
            f"| {name} | {ours.split(': ', 1)[-1]} | {peer.split(': ', 1)[-1]} | {e2e * 1e3:.1f} ms | {rg * 1e3:.1f} ms | {rg / e2e:.1f}× |"
        )
    peer_build = next((r for r in results if r.startswith("peer build")), "")
    rows.append("")
    rows.append(f"Generic tantivy (default analyzer) build on the same units: {peer_build.split(': ', 1)[-1]}; "
                f"rapporteur: {corpus_bytes / 1e6 / wall:.1f} MB/s.")
    return "\n".join(rows)


def main():
    ensure_tools()
    run(["cargo", "build", "--release", "--quiet"], cwd=ROOT)
    os.makedirs(WORK, exist_ok=True)
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "50 500").split()]
    cpu = run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"]).stdout.strip()
    print(f"Machine: {os.cpu_count()} cores, {cpu}; ripgrep {run(['rg', '--version']).stdout.split()[1]}\n")
    for mb in sizes:
        print(bench_size(mb))
        print()
        sys.stdout.flush()


if __name__ == "__main__":
    main()
