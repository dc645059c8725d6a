"""Machine translation drafts on the moderation page: refuse one before approving.

A draft an engine made (``ItemTranslation.machine``) is shown beside its item on the
moderation card and goes out with the item when it is approved; refusing it deletes
it, so the item's channels of that language are skipped (a person may write the
translation on the item page instead). Only a machine draft of an item still waiting
can be refused here: what a person wrote or approved is changed on the item page.
"""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response

from hub.core.models import Item, ItemTranslation
from hub.web.i18n import _
from hub.web.page import Page, Refused, safe_next


def refuse_draft(page: Page) -> Response:
    item_id = int(page.request.path_params["item_id"])
    language = page.request.path_params["language"]
    back = safe_next(page.field("back", "/moderation"))
    item = page.db.get(Item, item_id)
    draft = page.db.scalar(
        select(ItemTranslation).where(
            ItemTranslation.item_id == item_id,
            ItemTranslation.language == language,
            ItemTranslation.machine.is_not(None),
        )
    )
    if item is None or draft is None or item.status != "pending":
        raise Refused(_("There is no machine draft to refuse here."), back)
    page.db.delete(draft)
    page.audit("refuse machine translation", f"item:{item_id}", language)
    return page.redirect(back, _("The machine draft was refused."))
