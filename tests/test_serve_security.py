"""``cngloss serve`` is safe by default, each point tested against a real uvicorn server on a
free port (raw HTTP, so that no client tidies the path or the Host): read-only (405), a
foreign Host refused (DNS rebinding), the security headers on every response, static files
only from the package's folder (no traversal, encoded or not), slow requests served at once
rather than one after another. The XSS probes of the pages are in test_serve_pages.py."""

from __future__ import annotations

import http.client
import threading
import time

import pytest

from conftest import run_cli

pytest.importorskip("starlette", reason="needs the serve extra (pip install -e '.[serve]')")
uvicorn = pytest.importorskip("uvicorn", reason="needs the serve extra (pip install -e '.[serve]')")

from cngloss.web import api  # noqa: E402
from cngloss.web.app import create_app  # noqa: E402
from cngloss.web.server import bind  # noqa: E402


@pytest.fixture(scope="module")
def server():
    """A real server over the bundled report: yields its port."""
    sock = bind("127.0.0.1", 0)
    config = uvicorn.Config(create_app(), log_level="warning", lifespan="off")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.02)
    yield sock.getsockname()[1]
    running.should_exit = True
    thread.join(10)


def request(port: int, path: str, method: str = "GET", host: str | None = None,
            body: bytes | None = None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
    connection.putheader("Host", host if host is not None else f"127.0.0.1:{port}")
    if body is not None:
        connection.putheader("Content-Length", str(len(body)))
    connection.endheaders(body)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, dict((k.lower(), v) for k, v in response.getheaders()), data


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_no_method_but_get_and_head_is_served(server, method):
    status, headers, data = request(server, "/api/search?q=liuwen", method, body=b"x=1")
    assert status == 405
    assert headers["allow"] == "GET, HEAD"
    assert b"read-only" in data


def test_head_is_served_without_a_body(server):
    status, headers, data = request(server, "/api/search?q=liuwen", "HEAD")
    assert (status, data) == (200, b"")


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8765", "127.0.0.1.evil.example",
                                  "localhost.evil.example", "", "10.0.0.1"])
def test_a_foreign_host_header_is_refused(server, host):
    status, headers, data = request(server, "/api/search?q=liuwen", host=host)
    assert status == 403
    assert b"refused" in data
    assert headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1:{port}", "localhost:{port}", "LOCALHOST:{port}",
                                  "[::1]:{port}", "127.0.0.1"])
def test_the_servers_own_names_are_served(server, host):
    status, _, _ = request(server, "/api/search?q=liuwen", host=host.format(port=server))
    assert status == 200


@pytest.mark.parametrize("path", ["/", "/api/search?q=liuwen", "/api/show?term=qqqxz",
                                  "/static/app.js", "/nowhere"])
def test_every_response_carries_the_security_headers(server, path):
    _, headers, _ = request(server, path)
    assert headers["x-content-type-options"] == "nosniff"
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy


@pytest.mark.parametrize("path", [
    "/static/../pyproject.toml", "/static/%2e%2e/%2e%2e/pyproject.toml",
    "/static/..%2f..%2f..%2fpyproject.toml", "/static/%2e%2e%2f%2e%2e%2fweb%2fapp.py",
    "/static/..%5c..%5capp.py", "/static/%252e%252e%252fapp.py", "/static/app.py",
    "/static/__init__.py", "/static/", "/static/.", "/static/%2e", "/static//etc/passwd",
    "/static/%2fetc%2fpasswd", "/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd"])
def test_no_file_outside_the_static_folder_is_served_however_the_path_is_encoded(server, path):
    status, _, data = request(server, path)
    assert status == 404, path
    assert b"import" not in data and b"root:" not in data and b"[project]" not in data


def test_the_static_files_are_served_with_their_types(server):
    status, headers, data = request(server, "/static/app.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    status, headers, data = request(server, "/static/style.css")
    assert status == 200 and headers["content-type"].startswith("text/css")


def test_two_slow_requests_are_served_at_once_not_one_after_the_other(server, monkeypatch):
    def slow(ws, params):  # a query that takes a second
        time.sleep(1.0)
        return {"slow": True}, None

    monkeypatch.setitem(api.ENDPOINTS, "search", slow)
    results = []
    threads = [threading.Thread(target=lambda: results.append(request(server, "/api/search?q=a")))
               for _ in range(3)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    took = time.monotonic() - start
    assert [r[0] for r in results] == [200, 200, 200]
    assert took < 2.5, f"three 1-second requests took {took:.2f} s: served one at a time"


def test_another_host_than_this_machine_only_is_warned_about(monkeypatch):
    from cngloss.web import server as web_server

    monkeypatch.setattr(web_server, "serve", lambda app, sock, started=None: sock.close())
    result = run_cli("serve", "--no-open", "--host", "0.0.0.0", "--port", "0")
    assert result.code == 0, result.err
    assert "warning: listening on 0.0.0.0: other machines can read the library" in result.err
    quiet = run_cli("serve", "--no-open", "--port", "0")
    assert quiet.code == 0 and "warning" not in quiet.err
    assert "serving on http://127.0.0.1:" in quiet.err
