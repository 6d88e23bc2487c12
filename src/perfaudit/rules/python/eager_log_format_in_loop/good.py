import logging

log = logging.getLogger(__name__)


class Importer:
    def run(self, rows):
        for row in rows:
            log.debug("importing row %r", row)
            log.info(f"row {row['id']}")  # info is usually enabled: the string is used
        log.debug("imported %d rows", len(rows))  # lazy: formatted only when emitted

    def trace(self, items, debug):
        for item in items:
            debug.debug(f"{item}")  # not a logger


class Translator:
    def dispatch_visit(self, node):
        method = getattr(self, "visit_" + type(node).__name__)
        log.debug("calling %s for %s", method.__name__, node)  # lazy: formatted only if emitted
        return method(node)

    def handle(self, request):
        if log.isEnabledFor(logging.DEBUG):
            log.debug(f"request headers: {request.headers!r}")  # guarded
        return request

    def login(self, request, username):
        log.debug(f"login failed for {username}")  # once per request: a microsecond, not worth a note
        return request


log.debug(f"module {__name__} loaded")  # module level: once at import
