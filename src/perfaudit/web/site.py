"""What every page needs: the settings, the history, the templates, and the session cookie
that goes with each page's form token."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.templating import Jinja2Templates

from perfaudit.errors import ConfigError
from perfaudit.model import Report, Triage
from perfaudit.render._text import span
from perfaudit.store.history import AuditRow
from perfaudit.track.triage import read_triage
from perfaudit.web import csrf, urls
from perfaudit.web.reader import HistoryReader, StoredRevalidation
from perfaudit.web.rows import FindingRow, finding_rows
from perfaudit.web.settings import WebSettings


def environment() -> Environment:
    """The templates, every value escaped (nothing in them is marked safe)."""
    env = Environment(loader=PackageLoader("perfaudit.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["span"] = span
    env.globals.update(audit_url=urls.audit_url, finding_url=urls.finding_url,
                       triage_url=urls.triage_url, revalidation_url=urls.revalidation_url)
    return env


@dataclass(frozen=True, slots=True, kw_only=True)
class AuditView:
    """An audit with its findings as rows, and its re-validations newest first."""

    row: AuditRow
    report: Report
    revalidations: list[StoredRevalidation]
    rows: list[FindingRow]
    warning: str = ""


class Site:
    """Shared state of one app: settings, history reader and templates."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.reader = HistoryReader(settings.database, str(settings.root))
        self.templates = Jinja2Templates(env=environment())
        self.cookie = csrf.cookie_name(settings.secret)

    def render(self, request: Request, name: str, context: dict[str, Any],
               status: int = 200) -> Response:
        """A page, with a form token for the browser's session (a new session when it has
        none yet)."""
        session = request.cookies.get(self.cookie)
        fresh = not session
        if not session:
            session = csrf.new_session()
        page = {"target": str(self.settings.root), "error": "", **context,
                "csrf_field": csrf.FIELD, "csrf_token": csrf.token(self.settings.secret, session)}
        response = self.templates.TemplateResponse(request, name, page, status_code=status)
        if fresh:
            response.set_cookie(self.cookie, session, httponly=True, samesite="strict")
        return response

    def error(self, request: Request, status: int, message: str) -> Response:
        """An error page that says what went wrong in one sentence."""
        return self.render(request, "error.html", {"status": status, "message": message},
                           status)

    def decisions(self) -> tuple[tuple[Triage, ...], str]:
        """The triage file's decisions, and a warning when it cannot be read."""
        try:
            return read_triage(self.settings.root), ""
        except ConfigError as exc:
            return (), f"The triage decisions are not shown: {exc}"

    def audit(self, audit_id: str) -> AuditView:
        """The audit ``audit_id`` of this target with its rows; 404 when there is none."""
        row = next((r for r in self.reader.audits() if r.id == audit_id), None)
        report = self.reader.report(audit_id) if row is not None else None
        if row is None or report is None:
            raise HTTPException(404, f"No stored audit {audit_id} of {self.settings.root}.")
        stored = self.reader.revalidations(audit_id)
        decisions, warning = self.decisions()
        rows = finding_rows(report, stored[0].report if stored else None, decisions)
        return AuditView(row=row, report=report, revalidations=stored, rows=rows,
                         warning=warning)
