"""Fleet audits: many repositories audited as Ray tasks into one history database.

``targets`` reads the repository list; ``task`` is what one Ray task does (check out, leave an
unchanged repository alone) and ``audit`` the audit itself; ``dispatch`` runs the tasks on Ray;
``run`` drives a fleet run and ``ledger`` stores its results from the driver; ``summary`` and
``render`` make the fleet report.
"""
