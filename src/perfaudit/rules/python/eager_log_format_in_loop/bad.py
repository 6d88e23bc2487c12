import logging

log = logging.getLogger(__name__)


class Importer:
    def run(self, rows):
        for row in rows:
            log.debug(f"importing row {row!r}")  # expect: eager-log-format-in-loop
            self.logger.debug("row %s of %s" % (row["id"], len(rows)))  # expect: eager-log-format-in-loop
            logging.debug("state: {}".format(self.state))  # expect: eager-log-format-in-loop


class Translator:
    def dispatch_visit(self, node):
        for node_class in type(node).__mro__:
            method = getattr(self, "visit_" + node_class.__name__, None)
            if method:
                log.debug("calling %s for %s" % (method.__name__, node))  # expect: eager-log-format-in-loop
                return method(node)
        return None

    def visit_section(self, node):
        self.logger.debug(f"entering section {node!r}")  # expect: eager-log-format-in-loop
        self.body.append(node)
