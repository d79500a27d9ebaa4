#!/usr/bin/env python3
"""test.py - runs nodus's tests: its own JS tests (test/parallel), its C
tests of the engine shim (test/cctest), native addon tests (test/addons),
then the regression gate of Node's own suite (the tests listed in
test/node-suite.pass must keep passing). Prints 'N passed, N failed' last.

Usage: tools/test.py --bin out/nodus [--only js|c|addons|node] [PATTERN...]
"""
import argparse
import concurrent.futures as cf
import queue
import fnmatch
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FLAGS_RE = re.compile(r"^//\s+Flags:(.*)$", re.M)
TIMEOUT = 120


def flags_of(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            head = f.read(4096)
    except OSError:
        return []
    m = FLAGS_RE.search(head)
    return shlex.split(m.group(1)) if m else []


# Each concurrent test gets its own id, so Node's tests use separate
# test/.tmp.<id> folders (as Node's runner does with TEST_THREAD_ID). The
# ids carry this run's pid, so runs of several checkouts sharing one
# fetched suite (or two runs at once) never use the same folders; the
# folders are removed at the end.
SLOTS = queue.Queue()
RUN_ID = os.getpid()


def slot_id(i):
    return "%d-%d" % (RUN_ID, i)


def remove_tmp_folders(test_roots):
    for root in test_roots:
        for name in glob.glob(os.path.join(root, ".tmp.%d-*" % RUN_ID)):
            shutil.rmtree(name, ignore_errors=True)


def run_one(binary, path, cwd):
    slot = SLOTS.get()
    try:
        return run_in_slot(binary, path, cwd, slot)
    finally:
        SLOTS.put(slot)


def run_in_slot(binary, path, cwd, slot):
    if path.endswith(".sh"):
        cmd = ["bash", path]
    else:
        cmd = [binary] + flags_of(path) + [path]
    env = dict(os.environ, NODUS=binary, TEST_THREAD_ID=str(slot))
    start = time.time()
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL, env=env)
        ok = p.returncode == 0
        out = p.stdout.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        ok = False
        out = "TIMEOUT after %ds\n" % TIMEOUT + (
            e.stdout.decode("utf-8", "replace") if e.stdout else "")
    return path, ok, out, time.time() - start


def run_many(binary, paths, cwd, label, jobs):
    passed = failed = 0
    while not SLOTS.empty():
        SLOTS.get()
    for i in range(jobs):
        SLOTS.put(slot_id(i))
    with cf.ThreadPoolExecutor(max_workers=jobs) as ex:
        for path, ok, out, secs in ex.map(
                lambda p: run_one(binary, p, cwd), paths):
            name = os.path.relpath(path, cwd)
            if ok:
                passed += 1
            else:
                failed += 1
                print("FAIL %s %s (%.1fs)" % (label, name, secs))
                tail = out.strip().splitlines()[-25:]
                for line in tail:
                    print("    " + line)
    print("%s: %d passed, %d failed" % (label, passed, failed))
    return passed, failed


def select(paths, patterns):
    if not patterns:
        return paths
    return [p for p in paths
            if any(fnmatch.fnmatch(os.path.basename(p), pat) for pat in patterns)]


def js_tests(binary, patterns, jobs):
    d = os.path.join(ROOT, "test", "parallel")
    paths = sorted(os.path.join(d, f) for f in os.listdir(d)
                   if f.startswith("test-") and f.endswith((".js", ".mjs")))
    return run_many(binary, select(paths, patterns), ROOT, "js", jobs)


def cli_tests(binary, patterns, jobs):
    """test/cli/test-*.sh: command-line behaviour, checked from a shell."""
    d = os.path.join(ROOT, "test", "cli")
    paths = sorted(os.path.join(d, f) for f in os.listdir(d)
                   if f.startswith("test-") and f.endswith(".sh"))
    return run_many(binary, select(paths, patterns), ROOT, "cli", jobs)


def build(cmd):
    p = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT)
    if p.returncode != 0:
        print(p.stdout.decode("utf-8", "replace"))
    return p.returncode == 0


def addon_tests(binary, patterns, jobs):
    """Each test/addons/<name>/ has <name>.c (built with gcc against the
    node_api.h of libnode-dev, as any addon would be) and test.js."""
    base = os.path.join(ROOT, "test", "addons")
    include = os.path.join(ROOT, "deps", "libnode", "usr", "include", "node")
    paths = []
    failed = 0
    for name in sorted(os.listdir(base)):
        d = os.path.join(base, name)
        src = os.path.join(d, name + ".c")
        if not os.path.isfile(src):
            continue
        out_dir = os.path.join(ROOT, "out", "test", "addons", name)
        os.makedirs(out_dir, exist_ok=True)
        target = os.path.join(out_dir, name + ".node")
        if not build(["gcc", "-shared", "-fPIC", "-O1", "-I" + include,
                      "-o", target, src]):
            print("FAIL addons %s: build failed" % name)
            failed += 1
            continue
        paths.append(os.path.join(d, "test.js"))
    p, f = run_many(binary, select(paths, patterns), ROOT, "addons", jobs)
    return p, f + failed


def c_tests(patterns):
    """test/cctest: C tests of the shim, one binary (built by make)."""
    if not build(["make", "--no-print-directory", "-s", "out/cctest"]):
        print("FAIL c: cctest did not build")
        return 0, 1
    p = subprocess.run([os.path.join(ROOT, "out", "cctest")] + patterns,
                       cwd=ROOT, stdout=subprocess.PIPE,
                       stderr=subprocess.STDOUT, timeout=TIMEOUT)
    out = p.stdout.decode("utf-8", "replace")
    passed = len(re.findall(r"^ok ", out, re.M))
    failed = len(re.findall(r"^not ok ", out, re.M))
    if p.returncode != 0 and failed == 0:
        failed = 1
    for line in out.splitlines():
        if line.startswith("not ok") or line.startswith("#"):
            print("    " + line)
    print("c: %d passed, %d failed" % (passed, failed))
    return passed, failed


def node_suite_tests(binary, patterns, jobs):
    """The regression gate: Node's own tests listed in test/node-suite.pass
    (fetched by ./configure into deps/node-suite), run as Node's runner
    does (cwd = suite root, one process per test)."""
    listing = os.path.join(ROOT, "test", "node-suite.pass")
    suite = os.path.join(ROOT, "deps", "node-suite")
    names = []
    with open(listing) as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("#"):
                names.append(line)
    if not names:
        print("node-suite: 0 passed, 0 failed")
        return 0, 0
    paths = [os.path.join(suite, "test", n) for n in names]
    missing = [p for p in paths if not os.path.isfile(p)]
    for m in missing:
        print("FAIL node-suite %s: not in the fetched suite" % m)
    paths = select([p for p in paths if os.path.isfile(p)], patterns)
    # test/sequential/ tests use fixed ports and the like: as Node's runner
    # does, they run one at a time, after the others.
    seq_dir = os.path.join(suite, "test", "sequential") + os.sep
    others = [p for p in paths if not p.startswith(seq_dir)]
    serial = [p for p in paths if p.startswith(seq_dir)]
    p, f = run_many(binary, others, suite, "node-suite", jobs)
    p2, f2 = run_many(binary, serial, suite, "node-suite (sequential)", 1)
    return p + p2, f + f2 + len(missing)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--only", choices=["js", "cli", "c", "addons", "node"])
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("patterns", nargs="*")
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    total_p = total_f = 0
    steps = [("js", lambda: js_tests(binary, args.patterns, args.jobs)),
             ("cli", lambda: cli_tests(binary, args.patterns, args.jobs)),
             ("c", lambda: c_tests(args.patterns)),
             ("addons", lambda: addon_tests(binary, args.patterns, args.jobs)),
             ("node", lambda: node_suite_tests(binary, args.patterns,
                                               args.jobs))]
    for name, step in steps:
        if args.only and args.only != name:
            continue
        p, f = step()
        total_p += p
        total_f += f
    remove_tmp_folders([os.path.join(ROOT, "test"),
                        os.path.join(ROOT, "deps", "node-suite", "test")])
    print("%d passed, %d failed" % (total_p, total_f))
    sys.exit(1 if total_f else 0)


if __name__ == "__main__":
    main()
