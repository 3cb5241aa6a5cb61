"""The preview (`wegwijzer bekijken`): MkDocs' live-reload server, made safe and honest for an editor.

MkDocs' `serve` was made for developers. For an editor without a terminal it
had four faults, each mended here:

- **A failed rebuild hung every page** ("The server will appear stuck…"): MkDocs
  holds each request until the build it waits for succeeds. Here a build never
  fails towards the server: its errors are kept, the last good site stays, and
  every open page reloads to show them.
- **Errors only in a terminal.** While the last save does not build, every page
  carries a Dutch banner with the problems (file, line, field, fix), and
  `/_wegwijzer/status` tells the editor at /admin/ the same (its `status.js`).
  A catalogus error that the catalogus plugin survives by keeping the last good
  catalogus (see its `on_config`) counts too: the site is then not what was saved.
- **Any Host, any Origin.** The server listens on 127.0.0.1 only, answers only
  requests for its own address (no DNS rebinding: a page on another site that
  resolves to 127.0.0.1 still sends its own Host), and takes a change (the
  editor's local backend, `plugins/editor/local_backend.py`) only from a page of
  its own origin, as JSON (which a form on another site cannot send without
  asking first).
- **The live reload reloaded /admin/** and so threw away what an editor was
  typing. Pages under /admin/ are served without MkDocs' reload script.

The PDFs follow the pages (`plugins/print/background.py`); a PDF asked for before
it was ever made gets a Dutch page that says so and looks again every few seconds,
or says what to install when this computer cannot make PDFs, or why making it failed.

The first build may fail too (a catalogus broken in a text editor): the preview
then still starts, shows the problems on every page, and builds again at the
next save. `mkdocs serve` gets the same guard through the catalogus plugin's
`on_serve` (`guard`), only without that first-build tolerance.

With `WEGWIJZER_MOTOR=properdocs` the same runs on ProperDocs (`engine.py`):
its `mkdocs.*` aliases make every import here load ProperDocs' modules, and
`engine.logger()` is the logger its messages reach.
"""

from __future__ import annotations

import html
import ipaddress
import json
import logging
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from . import engine

#: Where the editor's local backend and the build's status are answered; never a page of the guide.
API_PATH = "/_wegwijzer/api/v1"
STATUS_PATH = "/_wegwijzer/status"
ADMIN_PREFIX = "/admin/"
#: The largest request the local backend takes (a photo of 10 MB, as base64, with its entry).
MAX_BODY = 15 * 1024 * 1024
LOOPBACK = "127.0.0.1"

log = logging.getLogger("mkdocs.wegwijzer.voorvertoning")


class BuildStatus:
    """What the last build of the preview said: no problems, or the Dutch lines an editor must see."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.built_at = 0.0
        self.version = 0
        self._lock = threading.Lock()

    def wrap(self, builder):
        """`builder` that never raises: its error lines (and any error logged meanwhile) become the status."""
        if getattr(builder, "wegwijzer_status", None) is self:
            return builder

        def guarded(*args, **kwargs):
            capture = _Capture()
            logger = engine.logger()
            logger.addHandler(capture)
            failed = None
            try:
                builder(*args, **kwargs)
            except (Exception, SystemExit) as error:  # noqa: BLE001 - every failure must reach the editor
                failed = error
            finally:
                logger.removeHandler(capture)
            lines = capture.lines  # already in the terminal, as MkDocs logged them
            if failed is not None and not lines:  # not logged, or dropped as a repeat by MkDocs' DuplicateFilter
                lines = _describe(failed)
                print("\n".join([*lines, "De voorvertoning toont de laatste goede versie."]), flush=True)
            self._set(lines)

        guarded.wegwijzer_status = self
        return guarded

    def _set(self, lines: list[str]) -> None:
        with self._lock:
            self.problems = lines
            self.built_at = time.time()
            self.version += 1

    def as_json(self) -> dict:
        with self._lock:
            return {"goed": not self.problems, "problemen": [problem_parts(line) for line in self.problems], "versie": self.version,
                    "tijd": time.strftime("%H:%M:%S", time.localtime(self.built_at)) if self.built_at else ""}


class _Capture(logging.Handler):
    """The error lines logged during one build, once each, without the time stamp the catalogus plugin adds."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # without the prefix of our plugins' logger and the time the catalogus plugin adds to be shown again
        message = re.sub(r"^(?:wegwijzer: )?(?:\[\d\d:\d\d:\d\d\] )?", "", record.getMessage())
        message = message.replace("\nDe voorvertoning toont de laatste goede versie tot de fouten zijn opgelost.", "")
        for line in message.splitlines():
            if line.strip() and line not in self.lines:
                self.lines.append(line)


#: `catalogus/knelpunten/x.yml:7:5: factor: onbekende factor …` as the build reports a problem.
_LOCATED = re.compile(r"^\s*(?P<bestand>[^\s:][^:]*?\.(?:yml|yaml|md|css|html|svg|png|jpg|jpeg)):(?P<regel>\d+)(?::\d+)?: (?P<tekst>.*)$")


def problem_parts(line: str) -> dict:
    """One reported line as {bestand, regel, tekst} for the banner; a line without a place has only tekst."""
    found = _LOCATED.match(line)
    if found:
        return {"bestand": found["bestand"], "regel": int(found["regel"]), "tekst": found["tekst"]}
    return {"bestand": "", "regel": 0, "tekst": line.strip()}


def _describe(error: BaseException) -> list[str]:
    """The lines of the plugin's or MkDocs' own report behind `error` (MkDocs wraps it in Abort)."""
    from mkdocs.exceptions import BuildError

    cause: BaseException | None = error
    while cause is not None and not isinstance(cause, BuildError):
        cause = cause.__cause__ or cause.__context__
    text = str(cause if cause is not None else error).strip() or type(error).__name__
    if text == "Aborted with a BuildError!":
        return ["De site kon niet gebouwd worden; de melding staat in het venster waarin de voorvertoning draait."]
    lines = [line for line in text.splitlines() if line.strip()]
    return lines if cause is not None else [f"De site kon niet gebouwd worden: {text}"]


# -- the guard around MkDocs' server ----------------------------------------------------------


def is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def guard(server) -> BuildStatus:
    """Put the guard in front of MkDocs' LiveReloadServer `server` (see the module's docstring), once.

    The editor plugin sets `server.wegwijzer_backend` (its local backend) in its own `on_serve`, and
    the catalogus plugin `server.wegwijzer_fresh` (which brings a file it makes when asked for up to
    date before it is served); they are looked up per request, so the order of the plugins does not matter.
    """
    status = getattr(server, "wegwijzer_status", None)
    if status is None:
        status = server.wegwijzer_status = BuildStatus()
    server.builder = status.wrap(server.builder)
    inner = server.get_app()
    if getattr(inner, "wegwijzer_guard", False):
        return status
    host, port = server.server_address[:2]
    local = is_loopback(str(host))
    if not local:
        log.warning(f"de voorvertoning luistert op {host}, niet alleen op deze computer: de editor kan daarom niet opslaan. Start hem met 'wegwijzer bekijken'.")
    own_hosts = {f"{LOOPBACK}:{port}", f"localhost:{port}", f"[::1]:{port}"}
    own_origin = f"http://{LOOPBACK}:{port}"
    root = Path(server.root)

    def app(environ, start_response):
        host_header = environ.get("HTTP_HOST", "")
        path = environ.get("PATH_INFO", "")
        if host_header not in own_hosts:
            return _answer(start_response, 421, "Deze voorvertoning is alleen te bekijken op dit adres: " + own_origin + "/")
        method = environ.get("REQUEST_METHOD", "GET")
        if host_header != f"{LOOPBACK}:{port}" and method == "GET" and not path.startswith("/_wegwijzer/"):
            # one origin for pages, editor and its backend: the editor can then save without asking across origins
            query = environ.get("QUERY_STRING")
            start_response("307 Temporary Redirect", [("Location", own_origin + path + (f"?{query}" if query else ""))])
            return [b""]
        if path == API_PATH:
            return _api(environ, start_response, getattr(server, "wegwijzer_backend", None) if local else None, own_origin)
        if path == STATUS_PATH:
            body = json.dumps(status.as_json(), ensure_ascii=False).encode("utf-8")
            start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store"), ("Content-Length", str(len(body)))])
            return [body]
        if method not in ("GET", "HEAD"):
            return _answer(start_response, 405, "De voorvertoning toont alleen pagina's.")
        if path.startswith(ADMIN_PREFIX) or path == ADMIN_PREFIX.rstrip("/"):
            return _admin(environ, start_response, root, inner)
        if (fresh := getattr(server, "wegwijzer_fresh", None)) is not None:
            fresh(path)  # a file the catalogus plugin makes when asked for (its open data)
        if path.endswith(".pdf") and (stand_in := _stand_in(root, path)) is not None:
            return _pdf_follows(start_response, stand_in)
        if status.problems:
            return _with_banner(inner, environ, start_response, status, root)
        return inner(environ, start_response)

    app.wegwijzer_guard = True
    server.set_app(app)
    return status


def _answer(start_response, code: int, message: str):
    reasons = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 413: "Payload Too Large",
               415: "Unsupported Media Type", 421: "Misdirected Request", 422: "Unprocessable Entity", 500: "Internal Server Error"}
    body = message.encode("utf-8")
    start_response(f"{code} {reasons.get(code, 'Error')}", [("Content-Type", "text/plain; charset=utf-8"), ("Content-Length", str(len(body)))])
    return [body]


def _api(environ, start_response, backend, own_origin: str):
    from .plugins.editor.local_backend import Refused

    if backend is None:
        return _answer(start_response, 404, "De editor staat niet aan in deze voorvertoning.")
    if environ.get("REQUEST_METHOD") != "POST":
        return _answer(start_response, 405, "Alleen de editor gebruikt dit adres.")
    if environ.get("HTTP_ORIGIN") != own_origin:
        return _answer(start_response, 403, "Alleen de editor van deze voorvertoning mag hier opslaan.")
    if not environ.get("CONTENT_TYPE", "").startswith("application/json"):
        return _answer(start_response, 415, "Alleen de editor gebruikt dit adres.")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = -1
    if length < 0 or length > MAX_BODY:
        return _answer(start_response, 413, "Dit is te groot om op te slaan.")
    try:
        request = json.loads(environ["wsgi.input"].read(length) or b"null")
        answer = backend.handle(request)
    except Refused as refused:
        body = json.dumps({"error": str(refused)}, ensure_ascii=False).encode("utf-8")
        start_response(f"{refused.status} Refused", [("Content-Type", "application/json; charset=utf-8"), ("Content-Length", str(len(body)))])
        log.warning(f"de editor kon niet opslaan: {refused}")
        return [body]
    except (ValueError, OSError) as error:
        return _answer(start_response, 400, f"Dit kon niet worden gelezen of bewaard: {error}")
    body = json.dumps(answer, ensure_ascii=False).encode("utf-8")
    start_response("200 OK", [("Content-Type", "application/json; charset=utf-8"), ("Cache-Control", "no-store"), ("Content-Length", str(len(body)))])
    return [body]


def _admin(environ, start_response, root: Path, inner):
    """A file of /admin/ as it was built, without MkDocs' reload script: the editor is never reloaded."""
    rel = environ.get("PATH_INFO", "").lstrip("/")
    if rel.endswith("/") or rel == "admin":
        rel = rel.rstrip("/") + "/index.html"
    target = (root / rel).resolve()
    if root.resolve() not in target.parents or not target.is_file():
        return inner(environ, start_response)
    data = target.read_bytes()
    kind = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".yml": "text/yaml; charset=utf-8",
            ".css": "text/css; charset=utf-8", ".wasm": "application/wasm"}.get(target.suffix, "application/octet-stream")
    start_response("200 OK", [("Content-Type", kind), ("Content-Length", str(len(data))), ("Cache-Control", "no-store")])
    return [data]


def _stand_in(root: Path, path: str) -> bytes | None:
    """What stands at `path` instead of a PDF the preview has not made (`background.py`), or None."""
    from .plugins.print.background import CANNOT_MAKE, FAILED, NOT_YET_MADE

    target = (root / path.lstrip("/")).resolve()
    try:
        if root.resolve() not in target.parents or target.stat().st_size > 4096:
            return None
        data = target.read_bytes()
    except OSError:
        return None
    return data if data == NOT_YET_MADE or data.startswith((CANNOT_MAKE, FAILED)) else None


def _pdf_follows(start_response, stand_in: bytes):
    """A Dutch page at the address of a PDF still being made (it looks again every five seconds),
    of one that cannot be made on this computer (with the reason and what to install), or of one
    whose making failed (with the reason)."""
    from .plugins.print.background import CANNOT_MAKE, FAILED
    from .printing.pdf import INSTALL_HINT

    if stand_in.startswith(CANNOT_MAKE):
        reason = stand_in[len(CANNOT_MAKE):].decode("utf-8", "replace")
        title, code, refresh = "Deze PDF kan hier niet gemaakt worden", "500 Internal Server Error", ""
        text = (f"<p>De voorvertoning kan op deze computer geen PDF's maken: {html.escape(reason)}.</p>"
                f"<p>Oplossing: {html.escape(INSTALL_HINT)}. Start daarna de voorvertoning opnieuw.</p>"
                "<p>De rest van de Wegwijzer werkt wel. Publiceer je via GitHub of GitLab, dan worden de PDF's daar "
                "gemaakt. Bouw je de site op deze computer, installeer dan eerst wat hierboven staat.</p>")
    elif stand_in.startswith(FAILED):
        reason = stand_in[len(FAILED):].decode("utf-8", "replace")
        title, code, refresh = "Deze PDF kon niet gemaakt worden", "500 Internal Server Error", ""
        text = (f"<p>Het maken van deze PDF ging mis: {html.escape(reason)}.</p>"
                "<p>De voorvertoning probeert het opnieuw na je volgende wijziging. Lukt het dan weer niet, "
                "kijk dan in het venster van de voorvertoning, of vraag hulp en geef deze melding door.</p>")
    else:
        title, code, refresh = "De PDF wordt nog gemaakt", "503 Service Unavailable", '<meta http-equiv="refresh" content="5">'
        text = ("<p>De voorvertoning maakt de PDF's na de pagina's, want dat duurt langer. Deze pagina kijkt elke vijf "
                "seconden of de PDF er is, en toont hem dan. Je kunt ook verder werken en later terugkomen.</p>"
                "<p>Bij het bouwen van de site voor publicatie wacht het programma tot alle PDF's klaar zijn.</p>")
    body = (f'<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>{title}</title>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">{refresh}</head>'
            '<body style="font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a">'
            f'<h1 style="font-size:1.5rem">{title}</h1>{text}</body></html>').encode("utf-8")
    headers = [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-store"),
               ("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'"), ("Content-Length", str(len(body)))]
    if refresh:
        headers.append(("Retry-After", "5"))
    start_response(code, headers)
    return [body]


def banner(problems: list[str]) -> str:
    """The Dutch notice at the top of every preview page while the last save does not build."""
    parts = [problem_parts(line) for line in problems[:40]]
    heads = "".join(f"<p style=\"margin:0 0 .25rem\">{html.escape(p['tekst'])}</p>" for p in parts if not p["bestand"])
    items = "".join(_banner_item(p) for p in parts if p["bestand"])
    more = f"<p>En nog {len(problems) - 40} meldingen: zie het venster van de voorvertoning.</p>" if len(problems) > 40 else ""
    return (
        '<div id="wegwijzer-bouwfout" role="alert" style="margin:0;padding:1rem 1.2rem;background:#fff;color:#1a1a1a;'
        'border:0.3rem solid #b00020;font:16px/1.5 system-ui,sans-serif;position:relative;z-index:10">'
        "<p style=\"margin:0 0 .5rem;font-weight:700;font-size:1.1rem\">Je laatste wijziging staat nog niet op deze pagina</p>"
        "<p style=\"margin:0 0 .5rem\">De voorvertoning toont de laatste versie die wel klopte. Verbeter dit in de editor en "
        "publiceer opnieuw (of sla het bestand opnieuw op); deze pagina ververst dan vanzelf.</p>"
        f'{heads}<ul style="margin:0;padding-left:1.2rem;overflow-wrap:anywhere">{items}</ul>{more}</div>'
    )


def _banner_item(part: dict) -> str:
    return f"<li><strong>{html.escape(part['bestand'])}, regel {part['regel']}</strong>: {html.escape(part['tekst'])}</li>"


def _with_banner(inner, environ, start_response, status: BuildStatus, root: Path):
    """The page as MkDocs serves it, with the banner after <body>; a Dutch page when there is no site yet."""
    held: dict = {}

    def keep(code, headers, exc_info=None):
        held["code"], held["headers"] = code, headers
        return lambda data: None

    result = inner(environ, keep)
    try:
        body = b"".join(result)
    finally:
        if hasattr(result, "close"):
            result.close()
    headers = held.get("headers", [])
    kind = dict((k.lower(), v) for k, v in headers).get("content-type", "")
    code = held.get("code", "200 OK")
    if code.startswith("404") and not (root / "index.html").is_file():
        code, kind = "200 OK", "text/html"
        body = ("<!doctype html><html lang=\"nl\"><head><meta charset=\"utf-8\"><title>Voorvertoning: nog niet gebouwd</title>"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head><body></body></html>").encode("utf-8")
        body = body.replace(b"</head>", b'<meta http-equiv="refresh" content="2"></head>')  # until a build succeeds
    if kind.startswith("text/html"):
        text = body.decode("utf-8", "replace")
        opening = re.search(r"<body[^>]*>", text)
        at = opening.end() if opening else 0
        body = (text[:at] + banner(status.problems) + text[at:]).encode("utf-8")
        headers = [(k, v) for k, v in headers if k.lower() != "content-length"] or [("Content-Type", "text/html; charset=utf-8")]
        headers.append(("Content-Length", str(len(body))))
    start_response(code, headers)
    return [body]


# -- `wegwijzer bekijken` ---------------------------------------------------------------------


def _log_to_terminal() -> None:
    """MkDocs' messages in the terminal, as its own command line shows them (it is not used here)."""
    from mkdocs.__main__ import ColorFormatter

    logger = engine.logger()
    if not any(handler.name == "MkDocsStreamHandler" for handler in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(ColorFormatter())
        handler.name = "MkDocsStreamHandler"
        logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False


def _stop_on_terminate():
    """Stop on SIGTERM (a service manager, an editor's terminal, `kill`) as on Ctrl+C: the plugins shut down,
    the PDF worker and Pagefind end, and the temporary site folder goes; Python's own SIGTERM left all of
    those behind. A second SIGTERM does not cut that short. Returns what puts the old handler back.
    Only the main thread can set a handler."""
    import signal

    if threading.current_thread() is not threading.main_thread():
        return lambda: None

    def interrupt(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    return lambda: signal.signal(signal.SIGTERM, previous)


def wait_for_build(server) -> None:
    """Return once a build of `server` (MkDocs' LiveReloadServer) that is under way has ended, as MkDocs
    waits before it serves a file (patch `wait_for_build`)."""
    from .plugins.patches import usable

    if usable("wait_for_build", server):
        with server._epoch_cond:
            server._epoch_cond.wait_for(lambda: server._visible_epoch == server._wanted_epoch)


def serve(config_file: str, port: int) -> int:
    """MkDocs' `serve --dirty` on 127.0.0.1:`port`, guarded, and started even when the first build fails.

    Not --dirty on an MkDocs the catalogus plugin's `write_changed` patch was not written for."""
    from mkdocs.commands.build import build

    from .plugins.patches import enabled, quick_rebuilds
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    _log_to_terminal()
    stopped = _stop_on_terminate()  # before the folder is made: it goes however the preview stops
    site_dir = tempfile.mkdtemp(prefix="wegwijzer-voorvertoning-")
    dev_addr = f"{LOOPBACK}:{port}"
    started = None  # the plugins, once they started: they shut down at the end

    def get_config():
        return load_config(config_file=config_file, site_dir=site_dir, dev_addr=dev_addr)

    try:
        config = get_config()
        # --dirty writes only what changed, as the catalogus plugin tells it (patch `write_changed`);
        # without that, MkDocs' own --dirty would leave pages with an old menu, so all are written
        dirty = enabled("write_changed")
        config.plugins.on_startup(command="serve", dirty=dirty)
        started = config.plugins
        mount_path = urlsplit(config.site_url or "/").path or "/"
        serve_url = f"http://{dev_addr}{mount_path if mount_path.startswith('/') else '/' + mount_path}"
        config.site_url = serve_url

        def builder(config=None):
            if config is None:
                config = get_config()
                config.site_url = serve_url
            build(config, serve_url=serve_url, dirty=dirty)

        status = BuildStatus()
        server = LiveReloadServer(builder=builder, host=LOOPBACK, port=port, root=site_dir, mount_path=mount_path)
        server.wegwijzer_status = status
        quick_rebuilds(server)  # told of a change by the system at once, instead of looking every half second

        def error_page(code):
            page = os.path.join(site_dir, f"{code}.html")
            if code in (404, 500) and os.path.isfile(page):
                with open(page, "rb") as f:
                    return f.read()
            return None

        server.error_handler = error_page
        status.wrap(builder)(config)
        # the plugins first: the catalogus plugin sets how often the folders are looked at (every 0.15 s)
        server = config.plugins.on_serve(server, config=config, builder=builder)
        guard(server)  # the catalogus plugin's on_serve did it already; this keeps the promise without it
        server.watch(config.docs_dir)
        if config.config_file_path:
            server.watch(config.config_file_path)
        for folder in config.theme.dirs:
            server.watch(folder)
        for item in config.watch:
            server.watch(item)
        try:
            server.serve()
        finally:
            server.shutdown()
    except KeyboardInterrupt:  # Ctrl+C or SIGTERM, also during the first build
        print("De voorvertoning is gestopt.")
    finally:
        if started is not None:
            started.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)  # also when the port was taken or mkdocs.yml could not be read
        stopped()
    return 0
