#!/usr/bin/env python3
"""The server's load benchmark: `rapporteur serve` driven by wrk from a second process on
loopback, on the benchmark corpus's index (run `python3 bench/run.py --sizes 500` first:
it generates target/bench/corpus-500 and its index).

    python3 bench/serve.py            # 500 MB
    python3 bench/serve.py --size 50  # a smaller corpus

For each query of bench/run.py's mix: latency with one client (p50/p99, what a person
waits), throughput with 64 clients (searches/s on the machine's cores, and every
non-2xx answer or socket error counted), beside `rapporteur search` end to end in the same
run (the CLI's median over 21 processes). Then the one-word query again while
`index --watch` commits reports landing in the corpus. Figures are printed as Markdown
for BENCHMARKS.md; wrk is installed from Debian's packages if missing.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from run import EXE, QUERIES, ROOT, WORK, apt_tool  # noqa: E402

DURATION_S = 8
CLIENTS = 64
TARGET_P50_MS = 2.0
TARGET_QPS = 400.0


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def to_ms(text):
    value, unit = re.match(r"([0-9.]+)(us|ms|s)", text).groups()
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def wrk(url, clients):
    out = subprocess.run(
        ["wrk", "-t", str(min(2, clients)), "-c", str(clients), "-d", f"{DURATION_S}s", "--latency", "--timeout", "5s", url],
        check=True, capture_output=True, text=True).stdout
    qps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    p50 = to_ms(re.search(r"\s50%\s+(\S+)", out).group(1))
    p99 = to_ms(re.search(r"\s99%\s+(\S+)", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    failed = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, errors.groups())) if errors else 0)
    return qps, p50, p99, failed


def cli_median_ms(index, args):
    times = []
    for _ in range(21):
        start = time.perf_counter()
        subprocess.run([EXE, "search", "--index", index, "--color", "never", *args],
                       check=False, capture_output=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def query_path(args):
    params = [("q", args[0])]
    if "--country" in args:
        params.append(("country", args[args.index("--country") + 1]))
    return "/api/search?" + urllib.parse.urlencode(params)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=500, metavar="MB")
    size = parser.parse_args().size
    corpus = os.path.join(WORK, f"corpus-{size}")
    index = os.path.join(WORK, f"index-{size}")
    if not os.path.isdir(index):
        sys.exit(f"no {index}: run `python3 bench/run.py --sizes {size}` first")
    apt_tool("wrk", "wrk")
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
    port = free_port()
    server = subprocess.Popen([EXE, "serve", "--index", index, "--addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.PIPE, text=True)
    server.stdout.readline()
    base = f"http://127.0.0.1:{port}"
    print(f"Machine: {os.cpu_count()} cores; wrk {DURATION_S} s per row; {size} MB corpus\n")
    print(f"| query | HTTP p50 / p99, 1 client | searches/s, {CLIENTS} clients | errors | `rapporteur search` end to end (median) |")
    print("|---|---|---|---|---|")
    rows = {}
    try:
        for name, args, _ in QUERIES:
            url = base + query_path(args)
            _, p50, p99, failed_one = wrk(url, 1)
            qps, _, _, failed_many = wrk(url, CLIENTS)
            cli = cli_median_ms(index, args)
            rows[name] = (p50, qps)
            print(f"| {name} | {p50:.2f} ms / {p99:.2f} ms | {qps:,.0f} | {failed_one + failed_many} | {cli:.1f} ms |")
            sys.stdout.flush()
        # While `index --watch` commits: reports land in the corpus every second.
        landing = os.path.join(corpus, "zz-serve-bench")
        os.makedirs(landing, exist_ok=True)
        watcher = subprocess.Popen([EXE, "index", "--watch", "--quiet", "--corpus", corpus, "--index", index],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            feeder = subprocess.Popen([sys.executable, "-c", f"""
import time, os
for n in range({DURATION_S * 2 + 6}):
    with open(os.path.join({landing!r}, f"landed-{{n}}.fr.txt"), "w") as f:
        f.write("Rapport de la session\\n\\n1. Le représentant de la Chine parle d'hydrogène vert, rapport {{n}}.\\n")
    time.sleep(1)
"""])
            time.sleep(3)
            name, args, _ = QUERIES[0]
            url = base + query_path(args)
            _, p50, p99, failed_one = wrk(url, 1)
            qps, _, _, failed_many = wrk(url, CLIENTS)
            print(f"| {name}, while `index --watch` commits | {p50:.2f} ms / {p99:.2f} ms | {qps:,.0f} | {failed_one + failed_many} | |")
            feeder.wait()
        finally:
            watcher.send_signal(signal.SIGINT)
            watcher.wait()
            shutil.rmtree(landing, ignore_errors=True)
            subprocess.run([EXE, "index", "--quiet", "--corpus", corpus, "--index", index], check=False)
    finally:
        server.kill()
    p50, qps = rows[QUERIES[0][0]]
    verdict = lambda ok: "met" if ok else "**missed**"
    print(f"\nTargets: one word p50 ≤ {TARGET_P50_MS} ms through HTTP: {p50:.2f} ms, {verdict(p50 <= TARGET_P50_MS)}; "
          f"≥ {TARGET_QPS:.0f} searches/s on {os.cpu_count()} cores: {qps:,.0f}, {verdict(qps >= TARGET_QPS)}.")


if __name__ == "__main__":
    main()
