"""An HQ server that freezes inside the ingest transaction of its Nth package.

Run as ``python -m tests.hq.crash_server DIR CERT KEY PORT_FILE MARKER N`` (the
operator passphrase in $HRADVISOR_HQ_PASSPHRASE). When the Nth ingest has
applied everything but not committed, it writes MARKER and sleeps, so the
test can SIGKILL it at exactly that point.
"""

from __future__ import annotations

import os
import socket
import sys
import time
from pathlib import Path
from typing import Any

from hradvisor.hq import service as service_module
from hradvisor.hq.server import create_app, make_server
from hradvisor.hq.setup import open_service


def main() -> None:
    directory, cert, key, port_file, marker, pause_at = sys.argv[1:7]
    original = service_module.apply_package
    calls = 0

    def pausing(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        outcome = original(*args, **kwargs)
        calls += 1
        if calls == int(pause_at):
            Path(marker).write_text("in the ingest transaction", encoding="ascii")
            time.sleep(3600)
        return outcome

    service_module.apply_package = pausing  # type: ignore[assignment]
    service = open_service(Path(directory), os.environ["HRADVISOR_HQ_PASSPHRASE"])
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)  # connections wait in the backlog until uvicorn accepts them
    Path(port_file).write_text(str(sock.getsockname()[1]), encoding="ascii")
    server = make_server(create_app(service), host="127.0.0.1", port=0, certfile=cert, keyfile=key)
    server.run(sockets=[sock])


if __name__ == "__main__":
    main()
