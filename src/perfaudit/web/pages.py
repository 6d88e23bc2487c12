"""The pages: audits over time, an audit's findings, one finding, a re-validation."""

from __future__ import annotations

from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from perfaudit.errors import UsageError
from perfaudit.model import Report, Severity, TriageStatus
from perfaudit.store.history import AuditRow
from perfaudit.web import decide, filters, rows, source, timeline, trend
from perfaudit.web.site import Site


class Pages:
    """The app's GET endpoints."""

    def __init__(self, site: Site) -> None:
        self.site = site

    def _history(self) -> list[tuple[AuditRow, Report]]:
        """Every audit of the target with its report, oldest first."""
        found = ((row, self.site.reader.report(row.id)) for row in reversed(self.site.reader.audits()))
        return [(row, report) for row, report in found if report is not None]

    def overview(self, request: Request) -> Response:
        """The audits over time: trend charts per severity and per rule, and the list."""
        history = self._history()
        audits = [row for row, _report in history]
        return self.site.render(request, "overview.html", {
            "audits": audits[::-1],
            "by_severity": trend.by_severity(audits).as_json(),
            "by_rule": trend.by_rule(audits, [report for _row, report in history]).as_json(),
            "others": [] if audits else self.site.reader.other_targets(),
        })

    def audit(self, request: Request) -> Response:
        """An audit's findings, narrowed by the filters in the query string."""
        view = self.site.audit(request.path_params["audit_id"])
        offered = filters.choices(view.rows)
        try:
            chosen = filters.parse_filters(request.query_params, offered)
        except UsageError as exc:
            return self.site.error(request, 400, f"{exc}.")
        audits = self.site.reader.audits()[::-1]
        return self.site.render(request, "audit.html", {
            "view": view, "audit": view.report.audit, "rows": filters.apply(view.rows, chosen),
            "offered": offered, "filters": chosen.active(), "filter_names": list(offered),
            "by_severity": trend.by_severity(audits).as_json(),
            "warning": view.warning,
        })

    def finding(self, request: Request) -> Response:
        """One finding: its code in context, reviewers, fix, history, and the triage form."""
        params = request.path_params
        recorded = request.query_params.get("recorded", "")
        context = self.finding_context(params["audit_id"], params["fingerprint"])
        context["recorded"] = recorded in {s.value for s in TriageStatus}
        return self.site.render(request, "finding.html", context)

    def finding_context(self, audit_id: str, fingerprint: str,
                        form: dict[str, str] | None = None) -> dict[str, Any]:
        """What the finding page shows; ``form`` refills the triage form after an error."""
        view = self.site.audit(audit_id)
        row = rows.find_row(view.rows, fingerprint)
        if row is None:
            raise HTTPException(404, f"Audit {audit_id} has no finding {fingerprint}.")
        location = row.finding.location
        digest = self.site.reader.digests(audit_id).get(location.path)
        history = self._history()
        checks = {r.id: self.site.reader.revalidations(r.id) for r, _report in history}
        return {
            "view": view, "audit": view.report.audit, "row": row, "finding": row.finding,
            "code": source.code_context(self.site.settings.root, location, digest),
            "appearances": timeline.appearances(fingerprint, history, checks),
            "choices": decide.CHOICES, "severities": [s.value for s in Severity],
            "form": form or {"author": self.site.settings.author},
            "links": [r for r in row.finding.references if r.startswith(("https://", "http://"))],
            "warning": view.warning, "recorded": False,
        }

    def revalidation(self, request: Request) -> Response:
        """A recorded re-validation of an audit: each finding still present, moved, partial,
        fixed, unknown, or new."""
        view = self.site.audit(request.path_params["audit_id"])
        at = request.query_params.get("at", "0")
        if not at.isdigit() or int(at) >= len(view.revalidations):
            raise HTTPException(404, f"Audit {view.row.id} has no such recorded re-validation "
                                     "(run `perfaudit revalidate`).")
        stored = view.revalidations[int(at)]
        return self.site.render(request, "revalidation.html", {
            "view": view, "audit": view.report.audit, "stored": stored, "at": int(at),
            "summary": stored.report.audit.revalidation,
            "groups": rows.outcomes(view.report, stored.report),
        })
