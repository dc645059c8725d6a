"""E-mail: replies to members who wrote to a mailbox source, sent by SMTP (aiosmtplib),
and an SMTP stand-in (aiosmtpd) that keeps what it receives."""

NAME = "email"
