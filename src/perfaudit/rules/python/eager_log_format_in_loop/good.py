import logging

log = logging.getLogger(__name__)


class Importer:
    def run(self, rows):
        for row in rows:
            log.debug("importing row %r", row)
            log.info(f"row {row['id']}")  # info is usually enabled: the string is used
        log.debug(f"imported {len(rows)} rows")  # once, after the loop

    def trace(self, items, debug):
        for item in items:
            debug.debug(f"{item}")  # not a logger
