import ssl
import urllib.request

from OpenSSL import SSL


def fetch(url: str, cafile: str) -> bytes:
    context = ssl.create_default_context(cafile=cafile)  # expect: tls-context-per-call
    with urllib.request.urlopen(url, context=context) as response:
        return response.read()


class Server:
    def __init__(self, certfile: str) -> None:
        self.certfile = certfile

    def wrap(self, sock):
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)  # expect: tls-context-per-call
        ctx.load_cert_chain(self.certfile)
        return ctx.wrap_socket(sock, server_side=True)

    def wrap_openssl(self, sock):
        ctx = SSL.Context(SSL.TLS_METHOD)  # expect: tls-context-per-call
        ctx.use_certificate_file(self.certfile)
        return SSL.Connection(ctx, sock)
