"""The production topology on loopback, started as the README's production
section and deploy/ describe it: PostgreSQL (given), Redis, an S3-compatible
stand-in (moto), two gunicorn app servers, one task worker and nginx in front
with the files of deploy/nginx rendered for this machine's ports and folders.
Every process is stopped by `Stack.stop()`."""

import contextlib
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

BASE_DIR = Path(__file__).resolve().parents[2]
DEPLOY = BASE_DIR / "deploy"
PYTHON = sys.executable
BIN = Path(PYTHON).parent
HOST = "localhost"
BUCKET = "keepinpact-media"
BUCKET_POLICY = DEPLOY / "s3-bucket-policy.json"
ADMIN = ("topology-admin", "topology-pass-42")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(check, what, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        with contextlib.suppress(Exception):
            if check():
                return
        time.sleep(0.2)
    raise RuntimeError(f"{what} did not start")


def database_url_for(url, name):
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


def recreate_database(url, name):
    import psycopg

    with psycopg.connect(url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


def drop_database(url, name):
    import psycopg

    with (
        contextlib.suppress(psycopg.Error),
        psycopg.connect(url, autocommit=True) as connection,
    ):
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Stack:
    def __init__(self, database_url, workdir):
        self.admin_database_url = database_url
        self.postgres = database_url.startswith("postgres")
        self.db_name = f"portal_topology_{os.getpid()}"
        # PostgreSQL: a database of its own; SQLite (the benchmark): the file.
        self.database_url = (
            database_url_for(database_url, self.db_name)
            if self.postgres
            else database_url
        )
        self.workdir = Path(workdir)
        self.media_root = self.workdir / "media"
        self.processes = {}
        self.logs = {}
        self.ports = {
            name: free_port()
            for name in ("redis", "s3", "app_a", "app_b", "http", "https")
        }
        self.mode = None

    # --- processes ---------------------------------------------------------------

    def spawn(self, name, command, env=None, cwd=BASE_DIR):
        log = open(self.workdir / f"{name}.log", "ab")  # noqa: SIM115
        self.logs[name] = log
        self.processes[name] = subprocess.Popen(  # noqa: S603
            command,
            cwd=cwd,
            env=env or os.environ.copy(),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self.processes[name]

    def stop_process(self, name, sig=signal.SIGTERM, timeout=30):
        process = self.processes.pop(name, None)
        if process is None or process.poll() is not None:
            return
        process.send_signal(sig)
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(10)

    def app_access_log(self):
        """Every request the app servers answered, as gunicorn logged them."""
        return "".join(
            (self.workdir / f"{name}-access.log").read_text(errors="replace")
            for name in ("app_a", "app_b")
            if (self.workdir / f"{name}-access.log").exists()
        )

    def log_tail(self, name, lines=40):
        path = self.workdir / f"{name}.log"
        if not path.exists():
            return ""
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # --- shared services ---------------------------------------------------------

    def start_services(self, s3=True):
        if self.postgres:
            recreate_database(self.admin_database_url, self.db_name)
        redis = shutil.which("redis-server") or "/usr/bin/redis-server"
        self.spawn(
            "redis",
            [
                redis,
                "--bind",
                "127.0.0.1",
                "--port",
                str(self.ports["redis"]),
                "--save",
                "",
                "--appendonly",
                "no",
            ],
        )
        wait_for(lambda: self.redis("PING") == "+PONG", "redis-server")
        if s3:
            self.start_s3()

    def start_s3(self):
        self.spawn(
            "s3",
            [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"])],
        )
        wait_for(
            lambda: requests.get(self.s3_url(), timeout=2).status_code < 500, "moto"
        )
        import boto3

        s3 = boto3.client(
            "s3",
            endpoint_url=self.s3_url(),
            aws_access_key_id="topology",
            aws_secret_access_key="topology",  # noqa: S106
            region_name="eu-west-1",
        )
        s3.create_bucket(
            Bucket=BUCKET,
            CreateBucketConfiguration={"LocationConstraint": "eu-west-1"},
        )
        # The README's bucket policy: anyone may read images, nothing else.
        s3.put_bucket_policy(Bucket=BUCKET, Policy=BUCKET_POLICY.read_text())

    def redis(self, *command):
        with socket.create_connection(("127.0.0.1", self.ports["redis"]), 2) as sock:
            parts = [f"*{len(command)}\r\n"] + [
                f"${len(str(part))}\r\n{part}\r\n" for part in command
            ]
            sock.sendall("".join(parts).encode())
            return sock.recv(65536).decode().split("\r\n")[0]

    def s3_url(self):
        return f"http://127.0.0.1:{self.ports['s3']}"

    # --- the site ----------------------------------------------------------------

    def env(self, mode):
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DATABASE_URL", "REDIS_URL", "AWS_", "ELASTIC"))
            and key not in ("DJANGO_SETTINGS_MODULE", "PYTEST_CURRENT_TEST")
        }
        env.update(
            DJANGO_SETTINGS_MODULE="portal.settings.production",
            DJANGO_SECRET_KEY=getattr(self, "secret", None) or "x" * 50,
            DJANGO_ALLOWED_HOSTS=f"{HOST},127.0.0.1",
            DJANGO_CSRF_TRUSTED_ORIGINS=f"https://{HOST}:{self.ports['https']}",
            WAGTAILADMIN_BASE_URL=f"https://{HOST}:{self.ports['https']}",
            DATABASE_URL=self.database_url,
            REDIS_URL=f"redis://127.0.0.1:{self.ports['redis']}/0",
            PORTAL_TRUSTED_PROXY_COUNT="1",
            MEDIA_ROOT=str(self.media_root),
            PORTAL_CACHE_DIR=str(self.workdir / "cache"),
            WEB_CONCURRENCY="2",
            GUNICORN_THREADS="4",
            LOG_LEVEL="WARNING",
        )
        if mode == "local":
            env["DJANGO_SENDFILE_NGINX"] = "true"
        else:
            env.update(
                AWS_STORAGE_BUCKET_NAME=BUCKET,
                AWS_S3_ENDPOINT_URL=self.s3_url(),
                AWS_S3_REGION_NAME="eu-west-1",
                AWS_ACCESS_KEY_ID="topology",
                AWS_SECRET_ACCESS_KEY="topology",  # noqa: S106
                AWS_S3_CUSTOM_DOMAIN=f"{HOST}:{self.ports['https']}",
            )
        return env

    def manage(self, *arguments, mode="local", extra_env=None):
        env = self.env(mode)
        env.update(extra_env or {})
        return subprocess.run(  # noqa: S603
            [PYTHON, "manage.py", *arguments],
            cwd=BASE_DIR,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        )

    def prepare_site(self):
        """The README's production steps, then the demo content and an admin."""
        self.secret = secrets.token_urlsafe(50)
        self.manage("migrate", "--no-input", "-v0")
        self.manage("compile_translations", "-v0")
        self.manage("collectstatic", "--no-input", "-v0")
        self.manage("load_demo")
        self.manage(
            "createsuperuser",
            "--no-input",
            "--username",
            ADMIN[0],
            "--email",
            "topology@example.org",
            extra_env={"DJANGO_SUPERUSER_PASSWORD": ADMIN[1]},
        )

    def start_site(self, mode):
        self.mode = mode
        env = self.env(mode)
        for name in ("app_a", "app_b"):
            app_env = dict(env, GUNICORN_BIND=f"127.0.0.1:{self.ports[name]}")
            self.spawn(
                name,
                [
                    str(BIN / "gunicorn"),
                    "portal.wsgi:application",
                    "--pid",
                    str(self.workdir / f"{name}.pid"),
                    "--access-logfile",
                    str(self.workdir / f"{name}-access.log"),
                ],
                env=app_env,
            )
        self.spawn(
            "worker",
            [PYTHON, "manage.py", "db_worker", "--backend", "background", "-v1"],
            env=env,
        )
        self.start_nginx(mode)
        for name in ("app_a", "app_b"):
            wait_for(
                lambda name=name: self.app_get(name, "/healthz").status_code == 200,
                f"gunicorn {name}: {self.log_tail(name)}",
            )
        wait_for(lambda: self.get("/healthz").status_code == 200, "nginx")

    def stop_site(self):
        for name in ("nginx", "worker", "app_a", "app_b"):
            self.stop_process(
                name, sig=signal.SIGQUIT if name == "nginx" else signal.SIGTERM
            )

    def stop(self):
        self.stop_site()
        for name in list(self.processes):
            self.stop_process(name)
        for log in self.logs.values():
            log.close()
        if self.postgres:
            drop_database(self.admin_database_url, self.db_name)

    # --- nginx -------------------------------------------------------------------

    def render_nginx(self, mode):
        """deploy/nginx with this machine's ports and folders (the only
        changes an operator makes besides the host name and certificate)."""
        folder = self.workdir / "nginx"
        (folder / "snippets").mkdir(parents=True, exist_ok=True)
        for temp in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            (folder / "temp" / temp).mkdir(parents=True, exist_ok=True)
        media_file = (
            "keepinpact-media-local.conf"
            if mode == "local"
            else ("keepinpact-media-s3.conf")
        )
        replacements = [
            ("/srv/keepinpact/staticfiles/", f"{BASE_DIR}/staticfiles/"),
            ("/srv/keepinpact/media/", f"{self.media_root}/"),
            ("https://s3.example.eu/", f"{self.s3_url()}/"),
            ("/etc/nginx/snippets/", f"{folder}/snippets/"),
            ("server 127.0.0.1:8001", f"server 127.0.0.1:{self.ports['app_a']}"),
            ("server 127.0.0.1:8002", f"server 127.0.0.1:{self.ports['app_b']}"),
            ("listen 80;", f"listen 127.0.0.1:{self.ports['http']};"),
            ("listen [::]:80;", ""),
            (
                "listen 443 ssl http2;",
                f"listen 127.0.0.1:{self.ports['https']} ssl http2;",
            ),
            ("listen [::]:443 ssl http2;", ""),
            ("server_name portal.example.eu;", f"server_name {HOST};"),
            ("/etc/letsencrypt/live/portal.example.eu/", f"{folder}/"),
        ]

        def render(source, target):
            text = (DEPLOY / "nginx" / source).read_text()
            for old, new in replacements:
                text = text.replace(old, new)
            target.write_text(text)

        render("keepinpact.conf", folder / "keepinpact.conf")
        render(media_file, folder / "snippets" / "keepinpact-media.conf")
        if not (folder / "privkey.pem").exists():
            subprocess.run(  # noqa: S603
                [
                    shutil.which("openssl") or "/usr/bin/openssl",
                    "req",
                    "-x509",
                    "-newkey",
                    "rsa:2048",
                    "-nodes",
                    "-days",
                    "2",
                    "-subj",
                    f"/CN={HOST}",
                    "-addext",
                    f"subjectAltName=DNS:{HOST}",
                    "-keyout",
                    str(folder / "privkey.pem"),
                    "-out",
                    str(folder / "fullchain.pem"),
                ],
                check=True,
                capture_output=True,
            )
        user = "user root root;\n" if os.getuid() == 0 else ""
        temp = folder / "temp"
        (folder / "nginx.conf").write_text(
            f"{user}worker_processes 2;\npid {folder}/nginx.pid;\n"
            f"error_log {self.workdir}/nginx-error.log warn;\n"
            "events { worker_connections 1024; }\n"
            "http {\n"
            "  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n"
            "  sendfile on;\n"
            f"  access_log {self.workdir}/nginx-access.log;\n"
            f"  client_body_temp_path {temp}/body;\n  proxy_temp_path {temp}/proxy;\n"
            f"  fastcgi_temp_path {temp}/fastcgi;\n  uwsgi_temp_path {temp}/uwsgi;\n"
            f"  scgi_temp_path {temp}/scgi;\n"
            f"  include {folder}/keepinpact.conf;\n"
            "}\n"
        )
        return folder / "nginx.conf"

    def start_nginx(self, mode):
        config = self.render_nginx(mode)
        nginx = shutil.which("nginx") or "/usr/sbin/nginx"
        subprocess.run(  # noqa: S603
            [
                nginx,
                "-t",
                "-q",
                "-c",
                str(config),
                "-e",
                str(self.workdir / "nginx-error.log"),
            ],
            check=True,
        )
        self.spawn(
            "nginx",
            [
                nginx,
                "-c",
                str(config),
                "-e",
                str(self.workdir / "nginx-error.log"),
                "-g",
                "daemon off;",
            ],
        )

    # --- HTTP --------------------------------------------------------------------

    def url(self, path):
        return f"https://{HOST}:{self.ports['https']}{path}"

    def get(self, path, **kwargs):
        kwargs.setdefault("allow_redirects", False)
        return requests.get(
            self.url(path), verify=self.certificate(), timeout=30, **kwargs
        )

    def certificate(self):
        return str(self.workdir / "nginx" / "fullchain.pem")

    def app_get(self, name, path, **kwargs):
        return self.app_request("GET", name, path, **kwargs)

    def app_request(self, method, name, path, headers=None, **kwargs):
        """Straight to one app server, as nginx would pass a request."""
        kwargs.setdefault("allow_redirects", False)
        return requests.request(
            method,
            f"http://127.0.0.1:{self.ports[name]}{path}",
            headers={"Host": HOST, "X-Forwarded-Proto": "https", **(headers or {})},
            timeout=30,
            **kwargs,
        )
