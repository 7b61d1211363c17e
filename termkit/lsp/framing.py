"""Reading LSP messages from a stream that may lose its framing.

pygls reads a header line, and takes it as ``Content-Length`` only when the whole line is that
header. After one message whose Content-Length is too small, or a few bytes of garbage without a
line break, every later header arrives glued to the end of the previous line: the server stays
alive but never answers again. Here a header is also found at the end of such a line; the bytes
before it are dropped, with one line in the log, and the stream is in step again. A declared
length beyond MAX_MESSAGE cannot be skipped safely: the server then exits with a log line, and
the editor restarts it.
"""

from __future__ import annotations

import json
import logging
import re
import threading
from collections.abc import Callable
from typing import Any

MAX_MESSAGE = 256 * 1024 * 1024  # bytes; a document is refused long before (max_file_size)
HEADER = re.compile(rb"Content-Length:[ \t]*(\d+)\r?\n\Z")

logger = logging.getLogger("termkit.lsp")


class FramingLost(Exception):
    """The stream cannot be brought back in step."""


async def read_messages(stop_event: threading.Event, reader, protocol, log: logging.Logger | None = None,
                        error_handler: Callable[[Exception, type], Any] | None = None) -> None:
    """pygls' ``run_async`` loop, with the header found at the end of a line and a size limit."""
    from pygls.exceptions import JsonRpcException

    log = log or logger
    content_length = 0
    while not stop_event.is_set():
        line = await reader.readline()
        if not line:
            break
        if not content_length:
            match = HEADER.search(line)
            if match:
                if match.start():
                    log.warning("termkit lsp: lost the message framing; skipped %d bytes before a header",
                                match.start())
                content_length = int(match.group(1))
                if content_length > MAX_MESSAGE:
                    raise FramingLost(f"a message of {content_length} bytes (limit {MAX_MESSAGE})")
            elif line.strip():
                log.warning("termkit lsp: skipped %d bytes that are not a message header", len(line))
            continue
        if line.strip():
            continue  # another header (Content-Type)
        body = await reader.readexactly(content_length)
        content_length = 0
        if not body:
            break
        try:
            message = json.loads(body, object_hook=protocol.structure_message)
        except ValueError as exc:
            log.warning("termkit lsp: skipped a message that is not JSON (%s)", exc)
            continue
        except Exception as exc:  # noqa: BLE001  (JSON, but not a message pygls can read)
            log.warning("termkit lsp: skipped a message that is not a JSON-RPC message (%s)", exc)
            continue
        try:
            protocol.handle_message(message)
        except Exception as exc:  # as pygls does: log, report, read on
            log.exception("Unable to handle message")
            if error_handler:
                error_handler(exc, JsonRpcException)
