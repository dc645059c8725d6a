"""The e-mail stand-in as the demo and the console use it (wired in ``hub.wiring.STANDINS``)."""

from __future__ import annotations

from bots.email.standin import SmtpStandIn


def email_standin() -> SmtpStandIn:
    return SmtpStandIn()
