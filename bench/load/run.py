# ruff: noqa: S603, S607 - the benchmark starts our own interpreter, gunicorn, locust and psql
"""Load benchmark: the portal under gunicorn on PostgreSQL, driven by locust from another process.

    make bench-load                      # or: .venv/bin/python bench/load/run.py [--quick]

1. Creates a fresh PostgreSQL database (default `expunge_bench`, dropped at the end), migrates,
   collects static files and seeds signed-up people with screened cases (bench/load/seed.py).
2. Starts gunicorn on 127.0.0.1 with production's settings plus a bare view
   (bench/load/settings.py), and drives it with locust (bench/load/locustfile.py), headless:
   - mixed:    N users (default 50) for 60 s across the guide, whole interviews (every step read
               and answered with its CSRF token), the results page, and the bare view;
   - capacity: each page alone at N users (default 20 s each), for throughput beside the bare
               view's;
   - low:      20 users for 60 s answering interviews, no think time (a stress test);
   - reading:  the realistic phases: 20 users answering interviews, then N users on the mix of
               pages (without the bare view), arriving over the first 10 s, each reading every
               page for 1 to 3 s before the next request, as people read a question before
               answering it (the target: step p95 under 50 ms at 20 users).
   The first three phases have no think time: each user sends its next request as soon as the
   last one answers, so they measure throughput and queueing, not what one person waits.
3. Stops gunicorn, asks for papers for P seeded cases (default 30) and times `db_worker --batch`
   rendering them: packets per minute and the worker's peak memory.

Prints a Markdown report (and writes var/bench/load-results.json). Exits non-zero if any request
failed. Loopback only; every phase is bounded and the script stops by itself.
"""

import argparse
import csv
import json
import os
import platform
import resource
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
OUT = ROOT / "var" / "bench"
PAGES = {  # locust request name -> label in the report
    "GET /bench/bare/ (bare view)": "bare view",
    "GET /guide/": "guide index",
    "GET /guide/[slug]/": "guide page",
    "GET /screening/new/": "interview start",
    "GET interview step": "interview step (GET)",
    "POST interview step": "interview step (POST)",
    "POST check (save + screen)": "check answers (POST: save + screen)",
    "GET /screening/results/": "results",
}
WORKER_OPTIONS = ["--queue-name", "*", "--batch", "--no-startup-delay", "--no-reload"]
CAPACITY = [("bare view", "BareUser"), ("guide", "GuideUser"), ("interview", "InterviewUser"),
            ("results", "ResultsUser")]  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--low-users", type=int, default=20)
    parser.add_argument("--duration", type=int, default=60, help="seconds, mixed and low phases")
    parser.add_argument("--capacity-duration", type=int, default=20, help="seconds per page")
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1, help=">1 uses the gthread worker")
    parser.add_argument("--people", type=int, default=2000, help="seeded accounts with a case")
    parser.add_argument("--packets", type=int, default=30)
    parser.add_argument("--database", default="expunge_bench")
    parser.add_argument("--keep-db", action="store_true")
    parser.add_argument("--quick", action="store_true", help="10 s phases: a smoke run")
    args = parser.parse_args()
    if args.quick:
        args.duration, args.capacity_duration, args.packets = 10, 5, 5

    OUT.mkdir(parents=True, exist_ok=True)
    env = bench_env(args.database)
    create_database(args.database)
    try:
        prepare(env, args.people)
        port = free_port()
        server = start_gunicorn(env, port, args.workers, args.threads)
        try:
            phases = run_phases(args, port)
        finally:
            stop(server)
        packets = packet_bench(env, args.packets)
    finally:
        if not args.keep_db:
            drop_database(args.database)
    result = {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": machine(),
        "server": f"gunicorn, {args.workers} workers"
        + (f" x {args.threads} threads (gthread)" if args.threads > 1 else " (sync)"),
        "phases": phases,
        "packets": packets,
    }
    (OUT / "load-results.json").write_text(json.dumps(result, indent=2))
    print(report(result))
    failures = sum(row["failures"] for phase in phases for row in phase["rows"])
    return 1 if failures or packets["ready"] != packets["versions"] else 0


# --- set-up ---------------------------------------------------------------------------------


def bench_env(database: str) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="bench.load.settings",
        PYTHONPATH=str(ROOT),
        DATABASE_URL=f"postgres://postgres@127.0.0.1:5432/{database}",
        SECRET_KEY="bench-only-key-not-a-secret-" + "x" * 40,
        DEBUG="0",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        VAR_DIR=str(OUT),
        STATIC_ROOT=str(OUT / "static"),
        PRIVATE_STORAGE_ROOT=str(OUT / "private"),
        PACKET_RENDER_TIMEOUT_MINUTES="10",
    )
    return env


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-q", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        timeout=60,
    )


def create_database(name: str) -> None:
    drop_database(name)
    psql(f"CREATE DATABASE {name}")


def drop_database(name: str) -> None:
    psql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def manage(env: dict[str, str], *command: str, timeout: int = 300) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True, timeout=timeout
    )


def run_module(env: dict[str, str], module: str, *args: str) -> None:
    """One of the bench's own modules (`python -m`), with the bench's settings."""
    subprocess.run(
        [sys.executable, "-m", module, *args], cwd=ROOT, env=env, check=True, timeout=300
    )


def prepare(env: dict[str, str], people: int) -> None:
    print("Preparing the bench database...", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "compile_translations", "-v0")
    run_module(env, "bench.load.seed", "--people", str(people))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict[str, str], port: int, workers: int, threads: int):
    command = [
        str(VENV_BIN / "gunicorn"),
        "expunge_portal.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--backlog",
        "256",
        "--log-level",
        "warning",
    ]
    if threads > 1:
        command += ["--worker-class", "gthread", "--threads", str(threads)]
    log = (OUT / "gunicorn.log").open("w")
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=log, start_new_session=True
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                if r.status == 200:
                    return server
        except OSError:
            time.sleep(0.3)
    stop(server)
    raise SystemExit(f"gunicorn did not answer /healthz; see {OUT / 'gunicorn.log'}")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


# --- load phases ------------------------------------------------------------------------------


def locust(
    port: int, classes: list[str], users: int, seconds: int, tag: str, rate: float = 0
) -> list[dict]:
    """Runs locust headless; users start at `rate` per second (default: all in the first)."""
    prefix = OUT / f"locust-{tag}"
    command = [
        str(VENV_BIN / "locust"),
        "-f",
        str(Path(__file__).with_name("locustfile.py")),
        "--headless",
        "--host",
        f"http://127.0.0.1:{port}",
        "-u",
        str(users),
        "-r",
        str(rate or users),
        "-t",
        f"{seconds}s",
        "--stop-timeout",
        "5",
        "--csv",
        str(prefix),
        "--only-summary",
        "--loglevel",
        "WARNING",
        "--exit-code-on-error",
        "0",
        *classes,
    ]
    print(f"  {tag}: {users} users, {seconds} s ({', '.join(classes)})", flush=True)
    subprocess.run(command, cwd=ROOT, check=True, timeout=seconds + 120, stdout=subprocess.DEVNULL)
    return read_stats(prefix.with_name(prefix.name + "_stats.csv"))


def read_stats(path: Path) -> list[dict]:
    rows = []
    with path.open() as handle:
        for row in csv.DictReader(handle):
            if row["Name"] == "Aggregated":
                continue
            rows.append(
                {
                    "page": PAGES.get(row["Name"], row["Name"]),
                    "requests": int(row["Request Count"]),
                    "failures": int(row["Failure Count"]),
                    "rps": float(row["Requests/s"]),
                    "p50": float(row["50%"]),
                    "p95": float(row["95%"]),
                    "p99": float(row["99%"]),
                }
            )
    order = list(PAGES.values())
    return sorted(rows, key=lambda r: order.index(r["page"]) if r["page"] in order else 99)


def run_phases(args: argparse.Namespace, port: int) -> list[dict]:
    print("Load phases:", flush=True)
    phases = [
        {
            "name": f"mixed: {args.users} users, {args.duration} s",
            "rows": locust(port, ["MixedUser"], args.users, args.duration, "mixed"),
        }
    ]
    capacity = []
    for label, user_class in CAPACITY:
        rows = locust(port, [user_class], args.users, args.capacity_duration, f"only-{label}")
        capacity.append({"label": label, "rows": rows})
    phases.append(
        {
            "name": f"capacity: each page alone, {args.users} users, {args.capacity_duration} s",
            "rows": [row | {"phase": c["label"]} for c in capacity for row in c["rows"]],
        }
    )
    phases.append(
        {
            "name": f"low: {args.low_users} users answering interviews, no think time, "
            f"{args.duration} s",
            "rows": locust(port, ["InterviewUser"], args.low_users, args.duration, "low"),
        }
    )
    reading = [
        ("interviews", "InterviewReader", args.low_users),
        ("mixed", "MixedReader", args.users),
    ]
    for label, user_class, users in reading:
        phases.append(
            {
                "name": f"reading ({label}): {users} users reading each page 1-3 s, "
                f"{args.duration} s",
                # People arrive over the first 10 s, not all in the same instant.
                "rows": locust(
                    port, [user_class], users, args.duration, f"reading-{label}", users / 10
                ),
            }
        )
    return phases


# --- packet worker ------------------------------------------------------------------------------


def packet_bench(env: dict[str, str], count: int) -> dict:
    print(f"Packet worker: {count} packets...", flush=True)
    run_module(env, "bench.load.packets", "enqueue", str(count))
    started = time.monotonic()
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "db_worker", *WORKER_OPTIONS],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=(OUT / "worker.log").open("w"),
    )
    deadline = started + 30 + 30 * count
    usage = None
    while time.monotonic() < deadline:  # wait4, not poll(): it reaps and keeps the child's rusage
        pid, _, usage = os.wait4(worker.pid, os.WNOHANG)
        if pid:
            break
        time.sleep(0.2)
    else:
        worker.kill()
        _, _, usage = os.wait4(worker.pid, 0)
    worker.returncode = 0
    elapsed = time.monotonic() - started
    out = subprocess.run(
        [sys.executable, "-m", "bench.load.packets", "report"],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    stats = json.loads(out.stdout)
    rendering = stats["render_seconds"] or elapsed
    return stats | {
        "worker_seconds": round(elapsed, 1),
        "per_minute": round(60 * stats["ready"] / rendering, 1),
        "per_minute_with_startup": round(60 * stats["ready"] / elapsed, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1) if usage else None,
    }


# --- report ---------------------------------------------------------------------------------


def machine() -> dict[str, str]:
    cpu = "unknown"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    postgres = subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SHOW server_version"],
        capture_output=True,
        text=True,
        timeout=30,
    ).stdout.strip()
    return {
        "nproc": str(os.cpu_count()),
        "cpu": cpu,
        "ram": f"{pages / 2**30:.0f} GiB",
        "python": platform.python_version(),
        "postgresql": postgres,
        "os": platform.platform(),
    }


def report(result: dict) -> str:
    m = result["machine"]
    lines = [
        f"Date: {result['date']}. Machine: {m['nproc']} CPUs ({m['cpu']}), {m['ram']} RAM, "
        f"Python {m['python']}, PostgreSQL {m['postgresql']}. Server: {result['server']}; "
        "locust on the same machine.",
        "",
    ]
    for phase in result["phases"]:
        lines += [f"**{phase['name']}**", ""]
        lines += ["| page | requests | errors | req/s | p50 ms | p95 ms | p99 ms |"]
        lines += ["| --- | ---: | ---: | ---: | ---: | ---: | ---: |"]
        for row in phase["rows"]:
            label = f"{row['phase']}: {row['page']}" if "phase" in row else row["page"]
            lines.append(
                f"| {label} | {row['requests']} | {row['failures']} | {row['rps']:.1f} | "
                f"{row['p50']:.0f} | {row['p95']:.0f} | {row['p99']:.0f} |"
            )
        lines.append("")
    p = result["packets"]
    lines.append(
        f"**packet worker**: {p['ready']}/{p['versions']} packets ready, "
        f"{p['per_minute']} packets/min while rendering ({p['per_minute_with_startup']} with "
        f"start-up), peak RSS {p['peak_rss_mib']} MiB, mean PDF {p['mean_pdf_bytes'] / 1024:.0f} "
        "KiB"
    )
    return "\n".join(lines)


if __name__ == "__main__":
    resource.setrlimit(resource.RLIMIT_NOFILE, (4096, 4096))
    sys.exit(main())
