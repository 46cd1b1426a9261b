"""Fault test: PostgreSQL stops while gunicorn is under load, then comes back.

Visitors must get the friendly 503 page during the outage, never a server error or a dropped connection,
and the site must recover on its own (CONN_HEALTH_CHECKS) within seconds, without restarting gunicorn.
"""

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.support.production_server import PrivatePostgres, ProductionSite, postgres_bin_dir

pytestmark = [
    pytest.mark.fault,
    pytest.mark.skipif(postgres_bin_dir() is None, reason="needs the PostgreSQL server binaries (initdb, pg_ctl)"),
]

PATHS = ["/", "/news/", "/news/walking-maps/", "/healthz"]
FRIENDLY_503 = "Sorry, the service is unavailable"
RECOVERY_LIMIT = 10  # seconds from PostgreSQL accepting connections again to every request succeeding


@pytest.fixture(scope="module")
def production():
    postgres = PrivatePostgres()
    site = None
    try:
        postgres.init()
        site = ProductionSite(postgres.url)
        site.prepare()
        site.start()
        yield postgres, site
    finally:
        if site:
            site.stop()
        postgres.destroy()


def test_production_server_sends_the_security_headers_and_no_cookies(production):
    _, site = production
    status, headers, body = site.get("/")
    assert status == 200, body
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "script-src 'self'" in headers["Content-Security-Policy"].split("; ")
    assert headers["X-Frame-Options"] == "DENY"
    assert "Set-Cookie" not in headers
    status, headers, _ = site.get("/admin/login/")
    assert status == 200
    cookie = headers["Set-Cookie"]
    assert cookie.startswith("__Host-csrftoken=")
    for flag in ("HttpOnly", "SameSite=Lax", "Secure", "Path=/"):
        assert flag in cookie


class Load:
    """Worker threads requesting public pages in a loop.

    Records (time, path, status, friendly, started, served from the page cache) for each request.
    """

    def __init__(self, site, workers=8):
        self.site = site
        self.workers = workers
        self.results = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()

    def worker(self, offset):
        n = offset
        while not self.stopping.is_set():
            path = PATHS[n % len(PATHS)]
            n += 1
            started = time.monotonic()
            cached = False
            try:
                status, headers, body = self.site.get(path)
                friendly = FRIENDLY_503 in body if status == 503 and path != "/healthz" else True
                cached = headers.get("X-Cache") == "HIT"
            except OSError as error:
                status, friendly = type(error).__name__, False
            with self.lock:
                self.results.append((time.monotonic(), path, status, friendly, started, cached))

    def __enter__(self):
        self.pool = ThreadPoolExecutor(self.workers)
        self.futures = [self.pool.submit(self.worker, i) for i in range(self.workers)]
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for future in self.futures:
            future.result()
        self.pool.shutdown()

    def between(self, start, end=float("inf")):
        """Requests that both began and finished within [start, end)."""
        return [r for r in self.results if start <= r[4] and r[0] < end]


def test_database_outage_gives_friendly_503s_and_recovers_without_a_restart(production):
    postgres, site = production
    gunicorn_pid = site.process.pid
    with Load(site) as load:
        time.sleep(2)
        stopping = time.monotonic()
        postgres.stop("fast")
        stopped = time.monotonic()
        time.sleep(3)
        restarting = time.monotonic()
        postgres.start()
        restarted = time.monotonic()
        time.sleep(RECOVERY_LIMIT + 2)

    before = load.between(0, stopping)
    during = load.between(stopped, restarting)
    after = load.between(restarted)
    assert before and all(r[2] == 200 for r in before), before[:5]

    unexpected = [r for r in load.results if r[2] not in (200, 503) or not r[3]]
    assert unexpected == [], f"visitors saw errors other than the friendly 503 page: {unexpected[:10]}"
    # Pages already in the page cache need no database, so visitors may still get them during the outage.
    assert during and all(r[2] == 503 or (r[2] == 200 and r[5]) for r in during), (
        "every request while PostgreSQL was down should be a 503 or a page from the page cache"
    )
    assert all(r[2] == 503 for r in during if r[1] == "/healthz"), "the health check must report the outage"

    failures_after = [r for r in after if r[2] != 200]
    recovered_at = max((r[0] for r in failures_after), default=restarted)
    assert recovered_at - restarted < RECOVERY_LIMIT, f"still failing {recovered_at - restarted:.1f}s after restart"
    assert len([r for r in after if r[0] > recovered_at]) > 20
    assert site.process.poll() is None and site.process.pid == gunicorn_pid
