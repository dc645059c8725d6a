"""The console's API tokens page: a user makes, sees and revokes their personal access tokens.

A new token is shown once, on the page the form's POST answers (never in a redirect's
flash cookie), and only its hash is kept (:mod:`hub.web.api.tokens`). Making and
revoking are written to the audit log. An admin also sees everyone else's live tokens
and may revoke them.
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from hub.core.accounts import ApiToken
from hub.core.models import User
from hub.web.api.tokens import SCOPES, TokenError, allowed_scopes, create_token, revoke, user_tokens
from hub.web.i18n import _
from hub.web.page import Page, Refused

HERE = "/account/tokens"


def scope_words() -> dict[str, str]:
    return {
        "read": _("read: list and read items, deliveries, events, questions"),
        "write": _("write: send news, add events, answer questions"),
        "moderate": _("moderate: approve and decline items"),
        "admin": _("admin: retry deliveries"),
    }


def _others(page: Page) -> list[tuple[ApiToken, str]]:
    """Every other user's live tokens with their owner's e-mail (admins run the accounts)."""
    if page.user.role != "admin":
        return []
    rows = page.db.execute(
        select(ApiToken, User.email)
        .join(User, User.id == ApiToken.user_id)
        .where(ApiToken.user_id != page.user.id, ApiToken.revoked_at.is_(None))
        .order_by(User.email, ApiToken.id)
    )
    return [(token, email) for token, email in rows]


def _page(page: Page, status: int = 200, new_token: str | None = None) -> Response:
    return page.render(
        "api_tokens.html",
        status=status,
        tokens=user_tokens(page.db, page.user.id),
        others=_others(page),
        scopes=[s for s in SCOPES if s in allowed_scopes(page.user.role)],
        scope_words=scope_words(),
        new_token=new_token,
    )


def tokens_page(page: Page) -> Response:
    """The user's tokens and the form to make one."""
    return _page(page)


def token_create(page: Page) -> Response:
    """Make a token and show it, once."""
    assert page.form is not None
    chosen = [s for s in page.form.getlist("scope") if isinstance(s, str)]
    name = page.field("name")
    if not name:
        page.flashes.append(("error", _("Give the token a name (what will use it).")))
        return _page(page, 400)
    if not chosen:
        page.flashes.append(("error", _("Choose at least one scope.")))
        return _page(page, 400)
    allowed = allowed_scopes(page.user.role)
    if any(scope not in allowed for scope in chosen):
        page.flashes.append(("error", _("Your role may not give one of these scopes.")))
        return _page(page, 403)
    try:
        token, row = create_token(page.db, page.user, name, chosen, now=page.now)
    except TokenError:
        page.flashes.append(("error", _("The name is too long.")))
        return _page(page, 400)
    page.audit("token: create", f"token:{row.id}", f"{row.name} ({', '.join(row.scopes)})")
    page.flashes.append(("ok", _("Token made: copy it now, it will not be shown again.")))
    return _page(page, new_token=token)


def token_revoke(page: Page) -> Response:
    token_id = int(page.request.path_params["token_id"])
    try:
        row = revoke(page.db, page.user, token_id, now=page.now)
    except TokenError:
        raise Refused(_("There is no such token."), HERE) from None
    page.audit("token: revoke", f"token:{row.id}", row.name)
    return page.redirect(HERE, _("Token “%(name)s” revoked.") % {"name": row.name})
