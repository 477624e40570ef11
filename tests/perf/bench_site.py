"""Benchmarks of the served site (`make bench`): gunicorn with production
settings on 127.0.0.1, a load generator on loopback (wrk when installed, else a
Python one), all ratios measured in this one run:

- page-cache hit throughput / the same HTML as a static file through WhiteNoise
- uncached content page throughput / that static limit, p95 at one connection
- memory per worker on a fresh server after 1,000 and 5,000 requests, and
  after the throughput runs

It builds its own SQLite database with the demo content in a temporary
directory; nothing of the working copy is touched but `staticfiles/`.
Also used by tests/test_load.py (the bounded load test)."""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Encoding": "identity"}
CONTENT_HINTS = ("/news/", "/events/", "/guide/", "/case-studies/", "/centres/")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_env(workdir):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DATABASE_URL", "REDIS_URL", "AWS_", "ELASTIC"))
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{workdir}/db.sqlite3",
        MEDIA_ROOT=str(workdir / "media"),
        PORTAL_CACHE_DIR=str(workdir / "cache"),
        LOG_LEVEL="ERROR",
    )
    return env


def prepare_site(workdir):
    """A production-settings site with the demo content in `workdir`."""
    env = site_env(workdir)
    for command in (
        ["compile_translations", "-v0"],
        ["migrate", "--no-input", "-v0"],
        ["load_demo"],
        ["collectstatic", "--no-input", "-v0"],
    ):
        subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *command],
            cwd=BASE_DIR,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return env


class Server:
    """gunicorn serving the site on 127.0.0.1 (a context manager)."""

    def __init__(self, env, workers=2, threads=4):
        self.env = env
        self.workers = workers
        self.threads = threads
        self.port = free_port()
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                PYTHON,
                "-m",
                "gunicorn",
                "portal.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--worker-class",
                "gthread",
                "--backlog",
                "256",
                "--log-level",
                "warning",
            ],
            cwd=BASE_DIR,
            env=self.env,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if self.get("/healthz")[0] == 200:
                    return self
            time.sleep(0.2)
        self.__exit__()
        raise RuntimeError("gunicorn did not start")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.process.kill()

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def get(self, path):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=HEADERS)
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def worker_pids(self):
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            with contextlib.suppress(OSError):
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                if ppid == self.process.pid:
                    pids.append(int(entry.name))
        return pids

    def worker_rss_mb(self):
        return [memory_mb(pid)["rss"] for pid in self.worker_pids()]

    def memory(self):
        """Per worker: RSS (counts the pages shared with the master and the
        other workers) and USS (its own pages); and the machine's memory per
        worker: the PSS of the master and all workers, divided by the
        workers (what the app servers cost, shared pages shared out)."""
        workers = [memory_mb(pid) for pid in self.worker_pids()]
        master = memory_mb(self.process.pid)
        total = master["pss"] + sum(worker["pss"] for worker in workers)
        return workers, total / max(len(workers), 1)


def memory_mb(pid):
    values = {"rss": 0.0, "pss": 0.0, "uss": 0.0}
    with contextlib.suppress(OSError):
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            name, value = line.split(":", 1)
            size = int(value.split()[0]) / 1024
            if name == "Rss":
                values["rss"] = size
            elif name == "Pss":
                values["pss"] = size
            elif name in ("Private_Clean", "Private_Dirty"):
                values["uss"] += size
    return values


def site_urls(server, language="en"):
    status, _headers, body = server.get("/sitemap.xml")
    assert status == 200, status
    urls = re.findall(rb"<loc>https?://[^/<]+(/[^<]*)</loc>", body)
    paths = sorted({url.decode() for url in urls})
    return [path for path in paths if path.startswith(f"/{language}/")] or paths


def content_pages(urls):
    """One page per content type the issue names (article, event, guide chapter,
    case study) plus a directory centre, when the site has them."""
    found = []
    for hint in CONTENT_HINTS:
        candidates = [url for url in urls if hint in url and url.count("/") >= 4]
        if candidates:
            found.append(candidates[len(candidates) // 2])
    return found or [pick_content_page(urls)]


def pick_content_page(urls):
    for hint in CONTENT_HINTS:
        candidates = [url for url in urls if hint in url and url.count("/") >= 4]
        if candidates:
            return candidates[0]
    return max(urls, key=lambda url: url.count("/"))


# --- Load generators -------------------------------------------------------------


def python_load(port, paths, connections, duration=None, requests=None, connect=None):
    """Keep-alive clients in threads. Returns (count, errors, latencies in s,
    elapsed s). Errors: connection failures and 5xx answers. `connect`: a
    function that opens a connection (HTTPS to nginx), else plain HTTP to
    127.0.0.1:port."""
    connect = connect or (
        lambda: http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    )
    lock = threading.Lock()
    latencies, errors = [], []
    stop_at = time.monotonic() + duration if duration else None
    budget = [requests] if requests else None

    def take():
        if stop_at is not None:
            return time.monotonic() < stop_at
        with lock:
            if budget[0] <= 0:
                return False
            budget[0] -= 1
            return True

    def client(offset):
        connection = connect()
        index = offset
        mine = []
        while take():
            path = paths[index % len(paths)]
            index += 1
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                if response.status >= 500:
                    errors.append(f"{response.status} {path}")
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = connect()
            except (OSError, http.client.HTTPException) as error:
                errors.append(f"{type(error).__name__} {path}")
                connection.close()
                connection = connect()
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(latencies), errors, latencies, time.perf_counter() - started


WRK_SCRIPT = """
wrk.headers["X-Forwarded-Proto"] = "https"
done = function(summary, latency, requests)
  io.write(string.format("RESULT %d %d %d %f\\n", summary.requests,
    summary.errors.status + summary.errors.connect + summary.errors.read
    + summary.errors.write + summary.errors.timeout, summary.duration,
    latency:percentile(95)))
end
"""


def throughput(server, path, connections, seconds):
    """Requests per second on one URL (wrk when available)."""
    wrk = shutil.which("wrk")
    if wrk:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(WRK_SCRIPT)
        try:
            output = subprocess.run(  # noqa: S603
                [
                    wrk,
                    "-t2",
                    f"-c{connections}",
                    f"-d{seconds}s",
                    "-s",
                    script.name,
                    server.url(path),
                ],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        finally:
            os.unlink(script.name)
        count, errors, duration_us, _p95 = re.search(
            r"RESULT (\d+) (\d+) (\d+) ([\d.]+)", output
        ).groups()
        assert int(errors) == 0, output
        return int(count) / (int(duration_us) / 1e6)
    count, errors, _latencies, elapsed = python_load(
        server.port, [path], connections, duration=seconds
    )
    assert not errors, errors[:5]
    return count / elapsed


def p95(values):
    return statistics.quantiles(values, n=100)[94]


def main():
    seconds = int(os.environ.get("BENCH_SECONDS", "8"))
    generator = "wrk" if shutil.which("wrk") else "python threads"
    with tempfile.TemporaryDirectory(prefix="portal-bench-") as folder:
        workdir = Path(folder)
        print("Preparing a production-settings site with the demo content ...")
        env = prepare_site(workdir)
        static_root = BASE_DIR / "staticfiles"

        with Server(env) as server:
            urls = site_urls(server)
            page = pick_content_page(urls)
            status, _headers, html = server.get(page + "?render=1")
            assert status == 200, (page, status)
        (static_root / "bench").mkdir(exist_ok=True)
        static_file = static_root / "bench" / "page.html"
        static_file.write_bytes(html)
        try:
            with Server(env) as server:
                memory = measure_memory(server, urls)
            with Server(env) as server:
                run(server, urls, page, seconds, generator, memory)
            run_nginx(workdir, urls, page, seconds)
        finally:
            static_file.unlink(missing_ok=True)


def measure_memory(server, urls):
    """Machine memory per worker on a fresh server after 1,000 and 5,000
    uncached requests over every English page (as the goal is stated)."""
    mixed = [url + "?m=1" for url in urls]
    python_load(server.port, mixed, 4, requests=1000)
    after_1000 = server.memory()
    python_load(server.port, mixed, 4, requests=4000)
    return [("1,000", *after_1000), ("5,000", *server.memory())]


def run(server, urls, page, seconds, generator, memory):
    server.get(page)
    status, headers, _body = server.get(page)
    assert status == 200 and headers.get("X-Page-Cache") == "hit", headers
    assert server.get("/static/bench/page.html")[0] == 200

    static_rps = throughput(server, "/static/bench/page.html", 16, seconds)
    hit_rps = throughput(server, page, 16, seconds)

    # Each content type uncached: throughput, then p95 at one connection.
    uncached = []
    for path in content_pages(urls):
        rps = throughput(server, path + "?uncached=1", 8, seconds)
        python_load(server.port, [path + "?warm=1"], 1, requests=50)
        count, errors, latencies, _elapsed = python_load(
            server.port, [path + "?uncached=1"], 1, requests=300
        )
        assert not errors, errors[:5]
        uncached.append((path, rps, p95(latencies) * 1000, count))

    # The same server after all of the above and 1,000 mixed requests: what
    # sustained load at 8 to 16 connections leaves (malloc arenas, caches).
    python_load(server.port, [url + "?m=1" for url in urls], 4, requests=1000)
    served = (static_rps + hit_rps + sum(u[1] for u in uncached)) * seconds
    served += 350 * len(uncached) + 1000
    label = f"the runs above, about {served:,.0f}"
    memory = [*memory, (label, *server.memory())]
    growth = memory[1][2] / memory[0][2] - 1

    print()
    print(
        f"Site benchmark (gunicorn 2 workers x 4 threads, production settings, {generator})"
    )
    print(f"  content page: {page}")
    print(f"  static HTML via WhiteNoise     {static_rps:10.0f} req/s   (the limit)")
    print(
        f"  page-cache hit                 {hit_rps:10.0f} req/s   "
        f"ratio {hit_rps / static_rps:.3f}  (goal >= 0.9)"
    )
    for path, rps, latency_p95, count in uncached:
        print(f"  uncached {path}")
        print(
            f"      throughput                 {rps:10.0f} req/s   "
            f"ratio {rps / static_rps:.3f}  (goal >= 0.1)"
        )
        print(
            f"      p95 at one connection      {latency_p95:10.1f} ms      "
            f"(goal <= 10 ms, {count} requests)"
        )
    for label, workers, share in memory:
        print(
            f"  memory after {label} requests: machine memory per worker "
            f"{share:.0f} MB (goal < 130 MB); each worker RSS / own (USS): "
            + ", ".join(f"{w['rss']:.0f} / {w['uss']:.0f} MB" for w in workers)
        )
    print(f"  growth from 1,000 to 5,000 requests {growth * 100:.1f}% (goal < 10%)")


def run_nginx(workdir, urls, page, seconds):
    """The same figures through the production topology (tests/topology):
    nginx (TLS) in front of two app servers sharing Redis; the limit is the
    static file sent by nginx."""
    import ssl

    from tests.topology.stack import Stack

    missing = [
        name
        for name in ("nginx", "redis-server", "openssl")
        if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()
    ]
    if missing:
        print(f"\nnginx topology: skipped ({', '.join(missing)} not installed)")
        return
    stack = Stack(f"sqlite:///{workdir}/db.sqlite3", workdir / "topology")
    stack.media_root = workdir / "media"
    stack.workdir.mkdir()
    try:
        stack.start_services(s3=False)
        stack.start_site("local")
        context = ssl.create_default_context(cafile=stack.certificate())
        port = stack.ports["https"]

        def connect():
            return http.client.HTTPSConnection(
                "localhost", port, timeout=30, context=context
            )

        def rate(path, connections):
            count, errors, _latencies, elapsed = python_load(
                port, [path], connections, duration=seconds, connect=connect
            )
            assert not errors, errors[:5]
            return count / elapsed

        for path in ("/static/bench/page.html", page, page):
            assert stack.get(path).status_code == 200, path
        assert stack.get(page).headers.get("X-Page-Cache") == "hit"
        static_rps = rate("/static/bench/page.html", 16)
        hit_rps = rate(page, 16)
        print("\nnginx topology (TLS, 2 app servers x 2 workers x 4 threads, Redis)")
        print(
            f"  static HTML sent by nginx      {static_rps:10.0f} req/s   (the limit)"
        )
        print(
            f"  page-cache hit                 {hit_rps:10.0f} req/s   "
            f"ratio {hit_rps / static_rps:.3f}  (goal >= 0.9)"
        )
        for path in content_pages(urls):
            rps = rate(path + "?uncached=1", 8)
            python_load(port, [path + "?warm=1"], 1, requests=50, connect=connect)
            count, errors, latencies, _elapsed = python_load(
                port, [path + "?uncached=1"], 1, requests=300, connect=connect
            )
            assert not errors, errors[:5]
            print(f"  uncached {path}")
            print(
                f"      throughput                 {rps:10.0f} req/s   "
                f"ratio {rps / static_rps:.3f}  (goal >= 0.1)"
            )
            print(
                f"      p95 at one connection      {p95(latencies) * 1000:10.1f} ms"
                f"      (goal <= 10 ms, {count} requests)"
            )
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.path.insert(0, str(BASE_DIR))
    main()
