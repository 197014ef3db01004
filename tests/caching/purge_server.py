"""A stand-in for nginx's purge location: a real HTTP server on 127.0.0.1 that records
every PURGE it is sent and answers as ngx_cache_purge does (200 if cached, else 404)."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTS = range(18210, 18250)  # this suite's own range on the shared machine


class PurgeRecorder:
    def __init__(self):
        self.purged: list[str] = []  # "http://host/path?query", as nginx's key sees it
        self.cached: set[str] = set()  # purges of these answer 200, others 404
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as the backend expects

            def do_PURGE(self):  # noqa: N802 (the method's name)
                url = f"http://{self.headers['Host']}{self.path}"
                recorder.purged.append(url)
                status = 200 if url in recorder.cached else 404
                body = b"purged\n" if status == 200 else b"not cached\n"
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        for port in PORTS:
            try:
                self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        else:
            raise RuntimeError(f"No free port in {PORTS} for the purge recorder")
        self.location = f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def paths(self) -> list[str]:
        return [url.removeprefix("http://localhost") for url in self.purged]
