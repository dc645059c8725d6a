"""Reading one e-mail (pure): what it is and what it says, table by table."""

from __future__ import annotations

from email.message import EmailMessage

import pytest

from hub.core.ingest.mail_reading import (
    MailLimits,
    MailRefused,
    ReadMail,
    question_text,
    read_mail,
)

OWN = {"secretariat@oidp.example"}
OWN_DOMAINS = {"oidp.example"}


def message(subject: str = "Hello", text: str = "Some news.", **headers: str) -> bytes:
    mail = EmailMessage()
    mail["From"] = "Ana <Ana@Cascais.example>"
    mail["To"] = "secretariat@oidp.example"
    mail["Subject"] = subject
    mail["Message-ID"] = "<m1@cascais.example>"
    for name, value in headers.items():
        mail[name.replace("_", "-")] = value
    mail.set_content(text)
    return mail.as_bytes()


def read(raw: bytes, limits: MailLimits | None = None) -> ReadMail:
    return read_mail(raw, limits=limits, own_addresses=OWN, own_domains=OWN_DOMAINS)


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        ({"Auto_Submitted": "auto-replied"}, "Auto-Submitted"),
        ({"Auto_Submitted": "auto-generated"}, "Auto-Submitted"),
        ({"Precedence": "bulk"}, "Precedence: bulk"),
        ({"Precedence": "list"}, "Precedence: list"),
        ({"Precedence": "junk"}, "Precedence: junk"),
        ({"List_Id": "Members <members.lists.example>"}, "List-Id"),
        ({"X_Autoreply": "yes"}, "X-Autoreply"),
        ({"X_Autorespond": "vacation"}, "X-Autorespond"),
        ({"Return_Path": "<>"}, "Return-Path"),
    ],
)
def test_automatic_mail_is_ignored_saying_why(headers: dict[str, str], why: str) -> None:
    found = read(message(**headers))
    assert found.ignored is not None and why in found.ignored


def test_mail_the_hub_sent_is_ignored() -> None:
    raw = message().replace(b"<m1@cascais.example>", b"<hub.reply.4@oidp.example>")
    assert "its own Message-ID" in (read(raw).ignored or "")
    own = message().replace(b"Ana@Cascais.example", b"secretariat@oidp.example")
    assert read(own).ignored == "mail the hub sent itself"
    staff = message().replace(b"<m1@cascais.example>", b"<CAF1x2@oidp.example>")
    assert read(staff).ignored is None  # the secretariat's people write from its domain too


def test_auto_submitted_no_and_normal_mail_are_read() -> None:
    found = read(message(Auto_Submitted="no"))
    assert found.ignored is None
    assert (found.sender, found.sender_name, found.text) == (
        "ana@cascais.example",
        "Ana",
        "Some news.",
    )


@pytest.mark.parametrize(
    ("subject", "text", "to", "asks"),
    [
        ("Cuota", "¿Cuánto cuesta ser miembro?", "secretariat@oidp.example", True),
        ("When is the conference?", "Thanks", "secretariat@oidp.example", True),
        ("Our news", "The assembly met on Monday.", "secretariat@oidp.example", False),
        ("Is this news?", "See https://cascais.example/news", "secretariat@oidp.example", False),
        ("Question", "What is this? " + "x" * 700, "secretariat@oidp.example", False),
        ("Membership", "I would like to join.", "questions@oidp.example", True),
    ],
)
def test_a_question_is_told_from_news(subject: str, text: str, to: str, asks: bool) -> None:
    raw = message(subject, text).replace(b"To: secretariat@oidp.example", f"To: {to}".encode())
    assert read(raw).is_question("questions@oidp.example") is asks


def test_the_question_leaves_quotes_and_signature_out() -> None:
    text = "¿Cuándo cierra la convocatoria?\n\nEl lunes, Secretaría escribió:\n> antes\n-- \nAna"
    assert question_text(text) == "¿Cuándo cierra la convocatoria?"
    found = read(message("Re: Premio", text))
    assert found.question() == "Premio\n¿Cuándo cierra la convocatoria?"


def test_references_continue_the_thread() -> None:
    found = read(message(References="<a@x.example> <b@x.example>"))
    assert found.references == "<a@x.example> <b@x.example> <m1@cascais.example>"


def test_malformed_mime_is_refused_with_its_defect() -> None:
    raw = (
        b"From: a@cascais.example\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: multipart/mixed; boundary="zz"\r\n\r\nno boundary at all\r\n'
    )
    with pytest.raises(MailRefused, match="malformed MIME"):
        read(raw)


def test_mail_without_a_sender_is_refused() -> None:
    with pytest.raises(MailRefused, match="no sender"):
        read(b"Subject: who?\r\n\r\ntext\r\n")


def test_a_message_over_the_cap_is_refused() -> None:
    with pytest.raises(MailRefused, match="over the 1 KB cap"):
        read(message(text="x" * 5000), limits=MailLimits(max_message_bytes=1024))


def test_html_is_sanitised_and_the_cleaning_noted() -> None:
    mail = EmailMessage()
    mail["From"] = "a@cascais.example"
    mail["Subject"] = "Pictures"
    mail.set_content(
        '<p onmouseover="x()">Hi</p><script>steal()</script><a href="https://c.example/p">p</a>',
        subtype="html",
    )
    found = read(mail.as_bytes())
    assert found.html is not None
    assert "script" not in found.html and "onmouseover" not in found.html
    assert 'href="https://c.example/p"' in found.html
    assert found.link == "https://c.example/p"
    assert any("scripts" in note for note in found.notes)


def test_attachments_the_picture_noted_the_oversized_left_out() -> None:
    mail = EmailMessage()
    mail["From"] = "a@cascais.example"
    mail["Subject"] = "Report"
    mail.set_content("Our report.")
    mail.add_attachment(b"x" * 4096, "application", "pdf", filename="report.pdf")
    mail.add_attachment(b"p" * 100, "image", "jpeg", filename="one.jpg")
    mail.add_attachment(b"q" * 100, "image", "png", filename="two.png")
    found = read(mail.as_bytes(), limits=MailLimits(max_attachment_bytes=1024))
    assert found.picture is not None and found.picture.filename == "one.jpg"
    assert found.attachments == 2
    assert any("report.pdf left out" in note for note in found.notes)
    assert any("picture one.jpg" in note and "not stored" in note for note in found.notes)
