"""The one write: a triage decision posted from a finding's page."""

from __future__ import annotations

from urllib.parse import parse_qsl

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response

from perfaudit.errors import PerfauditError
from perfaudit.track import triage
from perfaudit.web import csrf, decide, rows, urls
from perfaudit.web.pages import Pages
from perfaudit.web.site import Site

MAX_FORM_BYTES = 64 * 1024
_FIELDS = 16


def parse_form(body: bytes) -> dict[str, str]:
    """An url-encoded form's fields (the first value of each); ValueError when malformed."""
    pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True, strict_parsing=bool(body),
                      max_num_fields=_FIELDS)
    form: dict[str, str] = {}
    for name, value in pairs:
        form.setdefault(name, value)
    return form


class Actions:
    """The app's POST endpoints."""

    def __init__(self, site: Site, pages: Pages) -> None:
        self.site = site
        self.pages = pages

    async def triage(self, request: Request) -> Response:
        """Record the posted decision about a finding (after checking the form's token), then
        go back to the finding; on a bad answer, show the form again with why."""
        body = await request.body()
        if len(body) > MAX_FORM_BYTES:
            return self.site.error(request, 413, "The form is too large.")
        try:
            form = parse_form(body)
        except (ValueError, UnicodeDecodeError):
            return self.site.error(request, 400, "The form could not be read.")
        if not csrf.valid(self.site.settings.secret, request.cookies.get(self.site.cookie),
                          form.get(csrf.FIELD)):
            return self.site.error(request, 403, "The form's token is missing or stale (did the "
                                   "server restart?): reload the page and try again.")
        audit_id, fingerprint = request.path_params["audit_id"], request.path_params["fingerprint"]
        view = await run_in_threadpool(self.site.audit, audit_id)
        row = rows.find_row(view.rows, fingerprint)
        if row is None:
            return self.site.error(request, 404, f"Audit {audit_id} has no finding {fingerprint}.")
        try:
            decided = decide.decision(form, row.finding, self.site.settings.author)
            await run_in_threadpool(triage.record, self.site.settings.root, decided)
        except PerfauditError as exc:
            context = await run_in_threadpool(self.pages.finding_context, audit_id, fingerprint,
                                              form)
            context["error"] = str(exc)
            return self.site.render(request, "finding.html", context, 400)
        return RedirectResponse(f"{urls.finding_url(audit_id, fingerprint)}"
                                f"?recorded={decided.status.value}#triage", status_code=303)
