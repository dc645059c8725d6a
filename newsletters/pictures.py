"""The newsletter's pictures: uploaded once to Mailchimp's file manager, sized for e-mail.

An e-mail cannot carry the hub's stored bytes, and must not make every reader's
mail client fetch a stranger's server (the feed's own image URL: a tracking pixel
in all but name, and a picture the hub never checked). So when an edition is
pushed, each item's stored picture (:mod:`hub.core.ingest.pictures`) is fitted
to :data:`EMAIL_LIMITS` and uploaded with ``fileManager.upload``; the
``full_size_url`` Mailchimp answers is kept in ``picture_uploads``, so a second
push, or a later edition with the same item, uploads nothing. A picture that
cannot be fitted or that Mailchimp refuses leaves its item in the edition without
it: the push goes on, and its notes say why.

Limits used (Mailchimp's help, "Host files in Mailchimp", kb.mailchimp.com/campaigns/
images-videos-files/host-files-in-mailchimp, and "About template images",
mailchimp.com/help/about-template-images/): at most 10 MB a file in the file
manager, but images in a campaign "should be less than 1MB"; templates are 600
pixels wide; an image saved at twice its shown size stays sharp on high-density
screens. The edition's column is :data:`COLUMN` pixels (600 less its padding).
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from mailchimp_marketing import Client
from sqlalchemy.orm import Session

from hub.core.errors import HubError
from hub.core.ingest.pictures import Uploaded, known_uploads, load_pictures, record_upload
from hub.core.pictures import PictureLimits, PictureRefused, fit
from hub.core.ports import Picture
from newsletters.compose import EditionContent, EntryPicture
from newsletters.mailchimp import call

log = logging.getLogger(__name__)

TARGET = "mailchimp"
"""The ``picture_uploads`` target of the newsletter's copies."""
COLUMN = 552
"""The widest a picture is shown: the template's 600 px column less 24 px padding a side."""
MAX_SHOWN_HEIGHT = 720
"""A tall picture is shown narrower, so that one portrait never fills a phone's screen."""
EMAIL_LIMITS = PictureLimits(max_bytes=1_000_000, max_side=2 * COLUMN)
"""Under Mailchimp's 1 MB advice for campaign images, twice the column for sharp screens."""
EXTENSIONS = {"image/jpeg": "jpg", "image/png": "png", "image/gif": "gif"}


def shown_size(width: int, height: int) -> tuple[int, int]:
    """The width and height attributes of a ``width`` x ``height`` picture in the e-mail."""
    shown = min(COLUMN, width, max(1, width * MAX_SHOWN_HEIGHT // max(height, 1)))
    return shown, max(1, round(height * shown / width))


def entry_picture(url: str, width: int, height: int, alt: str) -> EntryPicture:
    shown_width, shown_height = shown_size(width, height)
    return EntryPicture(url=url, width=shown_width, height=shown_height, alt=alt)


@dataclass(frozen=True)
class EmailPictures:
    """The edition's pictures by item id, and what became of those left out."""

    pictures: dict[int, EntryPicture]
    notes: tuple[str, ...] = ()
    uploaded: int = 0


def _file_name(item_id: int, picture: Picture) -> str:
    return f"item-{item_id}.{EXTENSIONS.get(picture.mime, 'jpg')}"


def upload_picture(client: Client, item_id: int, picture: Picture) -> Uploaded:
    """Upload ``picture`` fitted for e-mail to the file manager; its URL and size there.

    PictureRefused when it cannot be fitted; a Mailchimp error as
    :func:`newsletters.mailchimp.call` maps it.
    """
    fitted = fit(picture, EMAIL_LIMITS)
    body = {
        "name": _file_name(item_id, fitted),
        "file_data": base64.b64encode(fitted.data).decode("ascii"),
    }
    answer = call(client.fileManager.upload, body)
    url = str(answer.get("full_size_url") or "")
    if not url.startswith("https://") and not url.startswith("http://"):
        raise PictureRefused(f"Mailchimp's file manager answered no usable URL ({url!r})")
    width = int(answer.get("width") or fitted.width)
    height = int(answer.get("height") or fitted.height)
    return Uploaded(url, width, height)


def item_ids_of(content: EditionContent) -> set[int]:
    return {e.item_id for s in content.sections for e in s.entries if e.item_id is not None}


def uploaded_pictures(
    session: Session,
    client: Client,
    item_ids: Iterable[int],
    now: dt.datetime,
) -> EmailPictures:
    """The Mailchimp copies of ``item_ids``' pictures, uploading those not there yet.

    Each new URL is committed the moment Mailchimp gives it, so a push that fails
    later does not upload it again. A picture refused (by the hub's fitting or by
    Mailchimp) is left out with a note; it never fails the push.
    """
    wanted = set(item_ids)
    conn = session.connection()
    known = known_uploads(conn, wanted, TARGET)
    stored = load_pictures(conn, wanted)
    pictures = {
        item_id: entry_picture(up.url, up.width, up.height, stored[item_id].alt)
        for item_id, up in known.items()
        if item_id in stored
    }
    notes: list[str] = []
    uploaded = 0
    for item_id in sorted(set(stored) - set(known)):
        picture = stored[item_id]
        try:
            copy = upload_picture(client, item_id, picture)
        except (PictureRefused, HubError) as exc:
            log.info("picture of item %d left out of the newsletter: %s", item_id, exc)
            notes.append(f"item {item_id} goes without its picture: {exc}")
            continue
        record_upload(session.connection(), item_id, TARGET, copy, now)
        session.commit()
        uploaded += 1
        pictures[item_id] = entry_picture(copy.url, copy.width, copy.height, picture.alt)
    return EmailPictures(pictures, tuple(notes), uploaded)


def known_pictures(session: Session, item_ids: Iterable[int]) -> dict[int, EntryPicture]:
    """The Mailchimp copies already uploaded (uploading nothing): the public archive's."""
    wanted = set(item_ids)
    conn = session.connection()
    known = known_uploads(conn, wanted, TARGET)
    stored = load_pictures(conn, set(known))
    return {
        item_id: entry_picture(up.url, up.width, up.height, stored[item_id].alt)
        for item_id, up in known.items()
        if item_id in stored
    }


def stored_pictures(
    session: Session, item_ids: Iterable[int], route: Callable[[int], str]
) -> dict[int, EntryPicture]:
    """The hub's stored pictures at ``route(item_id)`` (the console's preview: nothing is
    uploaded before a person pushes), shown at the size the e-mail will show them."""
    stored = load_pictures(session.connection(), set(item_ids))
    return {
        item_id: entry_picture(route(item_id), picture.width, picture.height, picture.alt)
        for item_id, picture in stored.items()
    }
