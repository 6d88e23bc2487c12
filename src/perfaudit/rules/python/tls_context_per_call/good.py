import functools
import ssl
import urllib.request

from OpenSSL import SSL

DEFAULT_CONTEXT = ssl.create_default_context()
_contexts: dict[str, ssl.SSLContext] = {}


@functools.lru_cache(maxsize=None)
def context_for(cafile: str) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=cafile)


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url, context=DEFAULT_CONTEXT) as response:
        return response.read()


def context_cached(cafile: str) -> ssl.SSLContext:
    if cafile not in _contexts:
        ctx = ssl.create_default_context(cafile=cafile)
        _contexts[cafile] = ctx
    return _contexts[cafile]


class Server:
    def __init__(self, certfile: str) -> None:
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(certfile)
        self._openssl = None

    def openssl_context(self):
        if self._openssl is None:
            self._openssl = SSL.Context(SSL.TLS_METHOD)
        return self._openssl

    def wrap(self, sock):
        return self.context.wrap_socket(sock, server_side=True)
