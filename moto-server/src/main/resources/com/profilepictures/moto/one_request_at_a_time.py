# moto_server, serving one request at a time; run as `python3 -c <this file's text> -H host -p port`.
#
# DynamoDB applies each write to an item atomically: a conditional UpdateItem checks and writes in one step.
# moto does it in several (an UpdateItem of a new item first stores the bare key, then sets the attributes)
# with no lock, and its server runs requests on threads. So two writes to one item at once can see each
# other half done: a condition fails against a key-only item (whose ALL_OLD then lacks every attribute),
# or an older write lands after a newer one. Holding one lock around each request gives the tests
# DynamoDB's guarantee; Python's GIL already ran moto's handlers one at a time, so little is lost.
#
# A request's body is read before the lock is taken: a client that stops halfway through sending one (an SDK
# call whose thread was interrupted after the headers went out) then holds up its own request only.
import io
import threading

from moto import server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

_serve = DomainDispatcherApplication.__call__
_one_at_a_time = threading.Lock()


def _body(environ):
    stream = environ["wsgi.input"]
    if environ.get("wsgi.input_terminated"):  # chunked: werkzeug has already de-chunked it, read to the end
        return stream.read()
    length = environ.get("CONTENT_LENGTH")
    return stream.read(int(length)) if length else b""


def _serially(self, environ, start_response):
    environ["wsgi.input"] = io.BytesIO(_body(environ))
    with _one_at_a_time:
        return _serve(self, environ, start_response)


DomainDispatcherApplication.__call__ = _serially
server.main()
