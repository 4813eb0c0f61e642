# moto_server, serving one request at a time; run as `python3 -c <this file's text> -H host -p port`.
#
# DynamoDB applies each write to an item atomically: a conditional UpdateItem checks and writes in one step.
# moto does it in several (an UpdateItem of a new item first stores the bare key, then sets the attributes)
# with no lock, and its server runs requests on threads. So two writes to one item at once can see each
# other half done: a condition fails against a key-only item (whose ALL_OLD then lacks every attribute),
# or an older write lands after a newer one. Holding one lock around each request gives the tests
# DynamoDB's guarantee; Python's GIL already ran moto's handlers one at a time, so little is lost.
import threading

from moto import server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

_serve = DomainDispatcherApplication.__call__
_one_at_a_time = threading.Lock()


def _serially(self, environ, start_response):
    with _one_at_a_time:
        return _serve(self, environ, start_response)


DomainDispatcherApplication.__call__ = _serially
server.main()
