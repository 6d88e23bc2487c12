import logging

log = logging.getLogger(__name__)


class Importer:
    def run(self, rows):
        for row in rows:
            log.debug(f"importing row {row!r}")  # expect: eager-log-format-in-loop
            self.logger.debug("row %s of %s" % (row["id"], len(rows)))  # expect: eager-log-format-in-loop
            logging.debug("state: {}".format(self.state))  # expect: eager-log-format-in-loop
