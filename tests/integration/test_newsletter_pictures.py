"""The newsletter's pictures go through Mailchimp's file manager once (the real
mailchimp-marketing client against the stand-in), and the console previews them
from the hub's own picture route."""

from __future__ import annotations

import base64
import datetime as dt
import io
import re
from collections.abc import Iterator

import pytest
import requests
from mailchimp_marketing.api_client import ApiClientError
from PIL import Image
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from hub.core.config.catalog import sync_config
from hub.core.db import transaction
from hub.core.ingest.pictures import Outcome, set_alt, store
from hub.core.models import Item, NewsletterEdition, PictureUpload
from hub.core.pictures import prepare
from hub.web.testing import ConsoleClient, SteppingClock, add_user, console_app, example_settings
from newsletters.compose import approve, draft_edition
from newsletters.mailchimp import MailchimpAccount, make_client
from newsletters.pictures import COLUMN, EMAIL_LIMITS
from newsletters.publish import push_edition
from newsletters.standin import MailchimpStandIn
from newsletters.standin_files import MAX_FILE_BYTES

START, END = dt.date(2026, 11, 1), dt.date(2026, 11, 30)
NOW = dt.datetime(2026, 12, 1, 8, tzinfo=dt.UTC)
PICTURE_URL = "https://example.org/assembly.jpg"
ALT = 'An assembly in a school hall, "*|EMAIL|*" on the board'


@pytest.fixture
def standin() -> Iterator[MailchimpStandIn]:
    with MailchimpStandIn(clock=lambda: NOW) as server:
        server.state.add_subscriber("reader@example.org", LANGUAGE="en")
        yield server


@pytest.fixture
def account(standin: MailchimpStandIn) -> MailchimpAccount:
    return MailchimpAccount(standin.api_key, standin.base_url, standin.list_id, timeout=10)


def jpeg(size: tuple[int, int], colour: tuple[int, int, int] = (30, 120, 200)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, colour).save(out, format="JPEG")
    return out.getvalue()


def item_with_picture(engine: Engine, size: tuple[int, int] = (3000, 2000)) -> int:
    with Session(engine) as session, session.begin():
        item = Item(
            title="Porto Alegre opens its youth budget",
            link="https://oidp.net/porto-alegre",
            image_url=PICTURE_URL,
            language="en",
            tags=[],
            status="approved",
            approved_at=NOW - dt.timedelta(days=10),
        )
        session.add(item)
        session.flush()
        item_id = item.id
    with engine.begin() as conn:
        store(conn, Outcome(item_id, PICTURE_URL, prepare(jpeg(size))), NOW)
        set_alt(conn, item_id, PICTURE_URL, ALT)
    return item_id


def approved_edition(engine: Engine, start: dt.date = START, end: dt.date = END) -> int:
    with Session(engine) as session, session.begin():
        edition = draft_edition(session, "en", start, end)
        approve(edition, "secretariat@oidp.net")
        return edition.id


def html_of(standin: MailchimpStandIn, campaign_id: str) -> str:
    return standin.state.contents[campaign_id]["html"]


def images_in(html: str) -> list[dict[str, str]]:
    return [dict(re.findall(r'(\w+)="([^"]*)"', tag)) for tag in re.findall(r"<img\b[^>]*>", html)]


def test_a_picture_is_uploaded_once_and_shown_from_mailchimp_sized_for_email(
    engine: Engine, standin: MailchimpStandIn, account: MailchimpAccount
) -> None:
    item_id = item_with_picture(engine)
    edition_id = approved_edition(engine)
    pushed = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    assert pushed.pictures_uploaded == 1
    uploads = standin.requests_to("POST", "/file-manager/files")
    assert len(uploads) == 1 and uploads[0].status == 200
    [stored] = standin.state.file_manager.files.values()
    assert stored.kind == "image" and stored.name == f"item-{item_id}.jpg"
    assert len(stored.data) <= EMAIL_LIMITS.max_bytes
    assert max(stored.width, stored.height) <= 2 * COLUMN  # shrunk from 3000 x 2000
    [image] = images_in(html_of(standin, pushed.campaign_id))
    url = standin.state.file_manager.body(stored)["full_size_url"]
    assert image["src"] == url
    assert (int(image["width"]), int(image["height"])) == (COLUMN, round(COLUMN * 2 / 3))
    assert image["alt"].startswith("An assembly in a school hall")
    assert "*|EMAIL|*" not in image["alt"]  # the merge tag is defused, the words kept
    # the URL Mailchimp gave serves the uploaded bytes
    assert requests.get(url, timeout=10).content == stored.data

    again = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    assert again.pictures_uploaded == 0 and again.campaign_id == pushed.campaign_id
    assert len(standin.requests_to("POST", "/file-manager/files")) == 1
    assert images_in(html_of(standin, pushed.campaign_id))[0]["src"] == url

    # a later edition carrying the same item uses the same copy
    with Session(engine) as session, session.begin():
        later = NewsletterEdition(
            language="en",
            period_start=dt.date(2026, 12, 1),
            period_end=dt.date(2026, 12, 31),
            status="approved",
            subject="December",
            intro="",
            item_order=[item_id],
            report={},
        )
        session.add(later)
        session.flush()
        later_id = later.id
    other = push_edition(engine, later_id, account, now=NOW, network="IOPD")
    assert other.campaign_id != pushed.campaign_id and other.pictures_uploaded == 0
    assert images_in(html_of(standin, other.campaign_id))[0]["src"] == url
    assert len(standin.requests_to("POST", "/file-manager/files")) == 1


def test_a_new_picture_for_the_item_is_uploaded_again(
    engine: Engine, standin: MailchimpStandIn, account: MailchimpAccount
) -> None:
    item_id = item_with_picture(engine)
    edition_id = approved_edition(engine)
    push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    new_url = "https://example.org/other.png"
    with engine.begin() as conn:
        conn.execute(update(Item).where(Item.id == item_id).values(image_url=new_url))
        store(conn, Outcome(item_id, new_url, prepare(jpeg((300, 600), (200, 40, 40)))), NOW)
    pushed = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    assert pushed.pictures_uploaded == 1
    assert len(standin.requests_to("POST", "/file-manager/files")) == 2
    [image] = images_in(html_of(standin, pushed.campaign_id))
    assert (image["width"], image["height"]) == ("300", "600")  # a small picture is not enlarged
    with engine.connect() as conn:
        row = conn.execute(select(PictureUpload)).one()
    assert row.source_url == new_url and row.url == image["src"]


def test_a_refused_upload_leaves_the_item_in_without_its_picture(
    engine: Engine, standin: MailchimpStandIn, account: MailchimpAccount
) -> None:
    item_id = item_with_picture(engine)
    edition_id = approved_edition(engine)
    standin.state.file_manager.fault = (503, "Service Unavailable", "The file service is down.")
    pushed = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    html = html_of(standin, pushed.campaign_id)
    assert "Porto Alegre opens its youth budget" in html and images_in(html) == []
    assert pushed.pictures_uploaded == 0
    [note] = [n for n in pushed.notes if "without its picture" in n]
    assert f"item {item_id}" in note and "The file service is down" in note
    with engine.connect() as conn:
        assert conn.execute(select(PictureUpload)).all() == []

    standin.state.file_manager.fault = None  # the next push tries again
    again = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    assert again.pictures_uploaded == 1 and len(images_in(html_of(standin, again.campaign_id))) == 1


def test_an_item_whose_picture_was_refused_or_not_fetched_goes_without_one(
    engine: Engine, standin: MailchimpStandIn, account: MailchimpAccount
) -> None:
    item_id = item_with_picture(engine)
    with engine.begin() as conn:
        store(conn, Outcome(item_id, PICTURE_URL, error="not an image: an HTML page"), NOW)
    edition_id = approved_edition(engine)
    pushed = push_edition(engine, edition_id, account, now=NOW, network="IOPD")
    html = html_of(standin, pushed.campaign_id)
    assert images_in(html) == [] and PICTURE_URL not in html  # never the unchecked URL
    assert standin.requests_to("POST", "/file-manager/files") == []


# --- the stand-in's file manager, as Mailchimp answers ---------------------------------


def test_the_file_manager_refuses_as_mailchimp_does(standin: MailchimpStandIn) -> None:
    client = make_client(MailchimpAccount(standin.api_key, standin.base_url, standin.list_id))
    data = base64.b64encode(jpeg((40, 30))).decode()

    def refused(body: dict[str, object]) -> dict[str, object]:
        with pytest.raises(ApiClientError) as caught:
            client.fileManager.upload(body)
        assert caught.value.status_code == 400
        import json

        answer = json.loads(caught.value.text)
        assert set(answer) >= {"type", "title", "status", "detail", "instance"}
        assert answer["status"] == 400 and answer["title"] == "Invalid Resource"
        return dict(answer)

    missing = refused({"name": "a.jpg"})
    assert missing["errors"] == [
        {"field": "", "message": "Required fields were not provided: file_data"}
    ]
    typed = refused({"name": "a.jpg", "file_data": data, "folder_id": "7"})
    assert typed["errors"] == [
        {"field": "folder_id", "message": "Schema describes integer, string found instead"}
    ]
    assert "base64" in str(refused({"name": "a.jpg", "file_data": "not base64!"})["detail"])
    huge = base64.b64encode(b"\0" * (MAX_FILE_BYTES + 1)).decode()
    assert "10MB" in str(refused({"name": "a.pdf", "file_data": huge})["detail"])
    assert "file type" in str(refused({"name": "run.exe", "file_data": data})["detail"])

    # a JPEG named .png is kept with the extension of what it is
    answer = client.fileManager.upload({"name": "photo.png", "file_data": data})
    assert answer["type"] == "image" and answer["name"] == "photo.jpg"
    assert (answer["width"], answer["height"]) == (40, 30)
    assert answer["full_size_url"].endswith("/photo.jpg")
    assert client.fileManager.get_file(answer["id"])["size"] == answer["size"]


# --- the console's preview -------------------------------------------------------------


def test_the_console_preview_shows_the_picture_from_the_hubs_own_route(engine: Engine) -> None:
    settings = example_settings()
    with transaction(engine) as session:
        sync_config(session, settings)
    add_user(engine, "editor@example.org", "correct horse battery")
    app = console_app(settings, engine, clock=SteppingClock())
    item_id = item_with_picture(engine, size=(800, 1600))
    with Session(engine) as session, session.begin():
        edition = draft_edition(session, "en", START, END)
        edition_id = edition.id
    with ConsoleClient(app) as client:
        client.sign_in("editor@example.org", "correct horse battery")
        preview = client.get(f"/newsletter/{edition_id}/preview")
        [image] = images_in(preview.text)
        assert image["src"] == f"/items/{item_id}/picture"
        assert (image["width"], image["height"]) == ("360", "720")  # a portrait, kept short
        assert image["alt"].startswith("An assembly")
        served = client.get(image["src"])
        assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
