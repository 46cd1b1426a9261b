#!/usr/bin/env python3
"""Benchmark the site as it runs in production: `make bench SCALE=1000` (see docs/performance.md).

Creates a database of its own (a new PostgreSQL database on the server in DATABASE_URL, or a temporary SQLite file),
migrates it, loads SCALE news items, events and case studies with `load_synthetic_content`, collects the static
files, starts gunicorn with the production settings on a free loopback port, and runs wrk at concurrency 1 and 16
against the home page, the news listing, a news item, an event, the events listing, search and the stylesheet.
It does this twice: with the page cache on (as deployed) and off (every request rendered). It prints requests per
second, median and 99th percentile latency, and each page's throughput as a share of the stylesheet's.
Everything it starts or creates is stopped and removed at the end, even after Ctrl-C.
"""

import argparse
import datetime
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
CONCURRENCY = (1, 16)
ACCEPT_ENCODING = "Accept-Encoding: br, gzip"


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cards, self.stylesheets = [], []
        self._in_card_title = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("h2", "h3") and "card__title" in (attrs.get("class") or ""):
            self._in_card_title = True
        elif tag == "a" and self._in_card_title:
            self.cards.append(attrs["href"])
            self._in_card_title = False
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.stylesheets.append(attrs["href"])


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - always our own loopback server
        return response.status, response.read().decode()


def links(url):
    parser = Links()
    parser.feed(fetch(url)[1])
    return parser


class Database:
    """A database of the bench's own, on the PostgreSQL server in DATABASE_URL or in a temporary SQLite file."""

    def __init__(self, workdir):
        self.server_url = os.environ.get("DATABASE_URL", "")
        self.name = None
        if self.server_url.startswith(("postgres://", "postgresql://")):
            import psycopg

            self.psycopg = psycopg
            self.name = f"het_bench_{os.getpid()}"
            parts = urlsplit(self.server_url)
            self.admin_url = urlunsplit(parts._replace(path="/postgres"))
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
            self.run(f'CREATE DATABASE "{self.name}"')
            self.engine = "PostgreSQL"
        else:
            self.url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            self.engine = "SQLite"

    def run(self, sql):
        with self.psycopg.connect(self.admin_url, autocommit=True) as connection:
            connection.execute(sql)

    def version(self):
        if not self.name:
            import sqlite3

            return f"SQLite {sqlite3.sqlite_version}"
        with self.psycopg.connect(self.url) as connection:
            return connection.execute("SHOW server_version").fetchone()[0].split()[0]

    def drop(self):
        if self.name:
            self.run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def to_ms(value):
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[unit]


def run_wrk(url, connections, duration):
    threads = min(connections, os.cpu_count() or 1)
    # Browsers ask for compressed files; without this header whitenoise would send the stylesheet uncompressed.
    output = subprocess.run(  # noqa: S603 - our own arguments, no shell
        [
            shutil.which("wrk"),
            f"-t{threads}",
            f"-c{connections}",
            f"-d{duration}s",
            "--timeout",
            "10s",
            "--latency",
            "-H",
            ACCEPT_ENCODING,
            url,
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if "Non-2xx or 3xx responses" in output or "requests in" not in output:
        raise RuntimeError(f"{url} answered with errors:\n{output}")
    timeouts = re.search(r"timeout (\d+)", output)
    return {
        "timeouts": int(timeouts.group(1)) if timeouts else 0,
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1)),
        "p99": to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1)),
    }


class Server:
    def __init__(self, env, port, workdir, page_cache):
        self.url = f"http://{HOST}:{port}"
        env = {**env, "GUNICORN_BIND": f"{HOST}:{port}", "PAGE_CACHE_SECONDS": "300" if page_cache else "0"}
        self.log = open(workdir / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            # gunicorn.conf.py as in production, except: no access log, and no recycling of workers after
            # max_requests, which at benchmark rates would restart every worker every few seconds.
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "gunicorn.conf.py",
                "--access-logfile",
                "/dev/null",
                "--max-requests",
                "0",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if fetch(self.url + "/")[0] == 200:
                    return
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"gunicorn did not start; see {self.log.name}")
            time.sleep(0.5)

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def manage(env, *args):
    subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True)  # noqa: S603 - no shell


def machine():
    model = ""
    lscpu = shutil.which("lscpu")
    if lscpu:
        lines = subprocess.run([lscpu], capture_output=True, text=True).stdout.splitlines()  # noqa: S603 - no shell
        model = next((line.split(":", 1)[1].strip() for line in lines if line.startswith("Model name")), "")
    return f"{os.cpu_count()} cores ({model or platform.processor() or 'unknown CPU'}), {platform.platform()}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, default=int(os.environ.get("SCALE", "1000")))
    parser.add_argument("--duration", type=int, default=5, help="Seconds of load per URL and concurrency.")
    parser.add_argument("--modes", default="cached,uncached", help="cached, uncached or both (the default).")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install wrk (make bench does this when run as root).")

    workdir = Path(tempfile.mkdtemp(prefix="het-bench-"))
    database = server = None
    redis_prefix = f"het-bench-{os.getpid()}"

    def stop_on_sigterm(signum, frame):
        raise SystemExit(f"Stopped by signal {signum}")

    signal.signal(signal.SIGTERM, stop_on_sigterm)
    try:
        database = Database(workdir)
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "het_site.settings.production",
            "DATABASE_URL": database.url,
            "SECRET_KEY": secrets.token_urlsafe(50),
            "SECURE_SSL_REDIRECT": "false",
            "ALLOWED_HOSTS": HOST,
            "MEDIA_ROOT": str(workdir / "media"),
            "STATIC_ROOT": str(workdir / "static"),
            "CACHE_KEY_PREFIX": redis_prefix,
            "LOG_LEVEL": "WARNING",
        }
        started = time.monotonic()
        log(f"Database: {database.engine} ({database.url.rsplit('@', 1)[-1]})")
        manage(env, "migrate", "--noinput", "-v0")
        log(f"Loading {args.scale} news items, events and case studies ...")
        load_started = time.monotonic()
        # The database is new, so load_synthetic_content builds its invented site (it refuses one with pages).
        manage(env, "load_synthetic_content", "--scale", str(args.scale))
        load_seconds = time.monotonic() - load_started
        manage(env, "collectstatic", "--noinput", "-v0")
        log(f"Ready in {time.monotonic() - started:.0f}s (content loaded in {load_seconds:.0f}s)")

        results = {}
        for mode in [m.strip() for m in args.modes.split(",") if m.strip()]:
            server = Server(env, free_port(), workdir, page_cache=(mode == "cached"))
            home = links(server.url + "/")
            targets = {
                "home": "/",
                "news listing": "/news/",
                "news item": links(server.url + "/news/").cards[0],
                "events listing": "/events/",
                "event": links(server.url + "/events/").cards[0],
                "search": "/search/?q=health",
                "stylesheet": home.stylesheets[0],
            }
            for path in targets.values():  # first visits make the image renditions
                fetch(server.url + path)
            for name, path in targets.items():
                for connections in CONCURRENCY:
                    log(f"  {mode}: {name} at concurrency {connections}")
                    results[mode, name, connections] = run_wrk(server.url + path, connections, args.duration)
            server.stop()
            server = None

        print(f"\nHealth Equity Town benchmark, {datetime.datetime.now():%Y-%m-%d %H:%M}")
        print(f"Machine: {machine()}")
        cache = "Redis" if "REDIS_URL" in env else "local memory"
        print(f"Database: {database.engine} {database.version()}; cache: {cache}")
        print(f"Content: {args.scale} news items, events and case studies; gunicorn as configured in gunicorn.conf.py")
        print(f"wrk: {args.duration}s per URL and concurrency\n")
        for mode in dict.fromkeys(key[0] for key in results):
            print(f"Page cache {'on' if mode == 'cached' else 'off'}")
            print(f"{'':16}{'conc':>5}{'req/s':>10}{'p50 ms':>10}{'p99 ms':>10}{'vs CSS':>9}{'timeouts':>10}")
            for name in dict.fromkeys(key[1] for key in results if key[0] == mode):
                for connections in CONCURRENCY:
                    result = results[mode, name, connections]
                    static = results[mode, "stylesheet", connections]["rps"]
                    print(
                        f"{name:16}{connections:>5}{result['rps']:>10.0f}{result['p50']:>10.1f}"
                        f"{result['p99']:>10.1f}{result['rps'] / static:>9.2f}{result['timeouts']:>10}"
                    )
            print()
    finally:
        if server is not None:
            server.stop()
        if database is not None:
            database.drop()
        if os.environ.get("REDIS_URL"):
            try:
                import redis

                client = redis.Redis.from_url(os.environ["REDIS_URL"])
                for key in client.scan_iter(f"{redis_prefix}:*"):
                    client.delete(key)
            except Exception as error:  # cleaning up: the page entries expire by themselves anyway
                log(f"Could not remove the benchmark's Redis keys: {error}")
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
