"""A static server for measuring a built site the way GitHub Pages serves it: gzip for text files
and a ten-minute cache lifetime. `python -m benchmarks.serve FOLDER PORT`, on 127.0.0.1 only."""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

COMPRESSED = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".bib", ".ris", ".csv", ".map"}


class Handler(http.server.SimpleHTTPRequestHandler):
    """Serves files as SimpleHTTPRequestHandler does, gzipped when the client accepts it."""

    def send_head(self) -> BinaryIO | None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # the redirect to the address ending in a slash
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or path.suffix not in COMPRESSED or not path.is_file():
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def end_headers(self) -> None:
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(folder: Path, port: int) -> Iterator[str]:
    """`folder` served on 127.0.0.1:`port` by another process (so it does not share this one's GIL)."""
    server = subprocess.Popen([sys.executable, "-m", "benchmarks.serve", str(folder), str(port)],
                              cwd=Path(__file__).resolve().parent.parent, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    folder, port = Path(sys.argv[1]), int(sys.argv[2])
    handler = functools.partial(Handler, directory=str(folder))
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()


if __name__ == "__main__":
    main()
