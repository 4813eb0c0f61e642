# moto_server, serving one request at a time; run as `python3 -c <this file's text> -H host -p port`.
#
# DynamoDB applies each write to an item atomically: a conditional UpdateItem checks and writes in one step.
# moto does it in several (an UpdateItem of a new item first stores the bare key, then sets the attributes)
# with no lock, and its server runs requests on threads that the GIL interleaves. So two writes to one item at
# once can see each other half done: a condition fails against a key-only item (whose ALL_OLD then lacks every
# attribute), or an older write lands after a newer one. One lock around moto's handling of each request gives
# the tests DynamoDB's guarantee, at little cost: moto's handlers are CPU-bound Python, which ran one at a time
# under the GIL anyway.
#
# A request's body is read before the lock is taken: a client that stops halfway through sending one (an SDK
# call whose thread was interrupted after the headers went out) then holds up its own request only.
#
# Limit: a handler that waits inside moto (SQS ReceiveMessage with WaitTimeSeconds, say) would hold the lock
# and stall every other request while it waits. The project uses DynamoDB, its streams and S3, which never do.
import io
import threading

from moto import server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

_serve = DomainDispatcherApplication.__call__
_one_at_a_time = threading.Lock()


def _body(environ):
    """The request's body, or None when its Content-Length is no length."""
    stream = environ["wsgi.input"]
    if environ.get("wsgi.input_terminated"):  # chunked: werkzeug has already de-chunked it, read to the end
        return stream.read()
    length = environ.get("CONTENT_LENGTH") or "0"
    if not length.isdigit():
        return None
    return stream.read(int(length))


def _serially(self, environ, start_response):
    body = _body(environ)
    if body is None:
        start_response("400 Bad Request", [("Content-Type", "text/plain")])
        return [b"Content-Length must be a number of bytes\n"]
    environ["wsgi.input"] = io.BytesIO(body)
    with _one_at_a_time:
        return _serve(self, environ, start_response)


DomainDispatcherApplication.__call__ = _serially
server.main()
