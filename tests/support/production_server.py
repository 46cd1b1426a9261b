"""A private PostgreSQL cluster and gunicorn running the production settings, for the fault tests.

The cluster lives in a temporary folder on a free port, so stopping it never affects the shared server.
"""

import contextlib
import glob
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def run_manage(env, *args, timeout=120):
    """Run `manage.py *args` in a process of its own with exactly `env`; returns the CompletedProcess (text)."""
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, str(BASE_DIR / "manage.py"), *args],
        env=env,
        cwd=BASE_DIR,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def production_manage(*args, secret_key=None):
    """Run manage.py with the production settings and only the environment a real deployment sets."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "het_site.settings.production",
        "SECRET_KEY": secret_key if secret_key is not None else secrets.token_urlsafe(50)[:50],
        "ALLOWED_HOSTS": "het.example.org",
        "CSRF_TRUSTED_ORIGINS": "https://het.example.org",
        "SITE_URL": "https://het.example.org",
        # Production shares its page cache between gunicorn workers through Redis (docs/performance.md).
        "REDIS_URL": "redis://127.0.0.1:6379/0",
    }
    return run_manage(env, *args)


SEED_CONTENT = """
from django.core.management import call_command
call_command("migrate", "--noinput", verbosity=0)
from news.factories import NewsIndexPageFactory, NewsPageFactory
from pages.factories import HomePageFactory
home = HomePageFactory.as_site_root()
news = NewsIndexPageFactory(parent=home, slug="news", title="News")
NewsPageFactory(parent=news, slug="walking-maps", title="Walking maps for every ward")
"""


def postgres_bin_dir():
    """The newest installed PostgreSQL server binaries, or None."""
    candidates = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(p.split("/")[4]))
    return Path(candidates[-1]).parent if candidates else None


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class PrivatePostgres:
    def __init__(self):
        self.bin = postgres_bin_dir()
        self.port = free_port()
        self.folder = Path(tempfile.mkdtemp(prefix="het-pg-"))
        self.data = self.folder / "data"
        # PostgreSQL refuses to run as root, so as root the cluster belongs to the postgres account.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.folder, "postgres")

    def run(self, *args):
        subprocess.run([*self.as_user, *args], check=True, capture_output=True, timeout=60)  # noqa: S603

    def init(self):
        self.run(str(self.bin / "initdb"), "-D", str(self.data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
        self.start()
        self.run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "het")

    def start(self):
        options = f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off"
        log = str(self.folder / "postgres.log")
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-l", log, "-o", options, "-w", "start")

    def stop(self, mode="fast"):
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def url(self):
        return f"postgres://postgres@127.0.0.1:{self.port}/het"

    def destroy(self):
        with contextlib.suppress(subprocess.CalledProcessError, subprocess.TimeoutExpired):
            self.stop("immediate")
        shutil.rmtree(self.folder, ignore_errors=True)


class ProductionSite:
    """gunicorn serving the site with production settings against the private cluster."""

    def __init__(self, database_url):
        self.folder = Path(tempfile.mkdtemp(prefix="het-site-"))
        self.port = free_port()
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.folder),
            "DJANGO_SETTINGS_MODULE": "het_site.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": database_url,
            "CONN_MAX_AGE": "60",
            "STATIC_ROOT": str(self.folder / "static"),
            "MEDIA_ROOT": str(self.folder / "media"),
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "WEB_CONCURRENCY": "2",
            "GUNICORN_THREADS": "4",
            "LOG_LEVEL": "WARNING",
        }
        self.process = None

    def manage(self, *args):
        return subprocess.Popen(  # noqa: S603
            [sys.executable, "manage.py", *args],
            cwd=BASE_DIR,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )

    def prepare(self):
        """Collect static files while the database is migrated and given a few pages."""
        jobs = [self.manage("collectstatic", "--noinput", "-v0"), self.manage("shell", "-c", SEED_CONTENT)]
        for job in jobs:
            output, _ = job.communicate(timeout=300)
            assert job.returncode == 0, output

    def start(self):
        self.log = open(self.folder / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(  # noqa: S603
            [sys.executable, "-m", "gunicorn", "-c", "gunicorn.conf.py"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError):
                if self.get("/healthz")[0] == 200:
                    return
            time.sleep(0.2)
        raise AssertionError("gunicorn did not start:\n" + (self.folder / "gunicorn.log").read_text())

    def get(self, path, timeout=10):
        """(status, headers, body) for a GET made as if through the HTTPS-terminating proxy."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.request("GET", path, headers={"Host": "127.0.0.1", "X-Forwarded-Proto": "https"})
            response = connection.getresponse()
            return response.status, response.headers, response.read().decode("utf-8", "replace")
        finally:
            connection.close()

    def stop(self):
        if self.process:
            self.process.send_signal(signal.SIGINT)  # gunicorn's quick shutdown
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=20)
            if self.process.poll() is None:
                self.process.kill()
            self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)
