"""Where and in which language a message for one member goes: their preferences decide.

The preferences page (and ``/preferences`` in the bots) lets a member choose
the platforms they follow the network on (``Member.channels``: ``slack``,
``telegram``, ``email``; None means they never chose) and their language.
Everything the hub sends to one member alone -- a reminder they asked for, the
secretariat's reply to a handed-off question, the notice that their feed broke
-- goes through :func:`address_member`:

- the language is the member's chosen one (when the hub has words in it),
  else the one the message was asked in;
- the platform is the one the member wrote from when they still follow the
  network there (or never chose); otherwise the first platform they chose on
  which the hub knows their account; when they chose no chat platform the hub
  can reach, nothing is sent by chat (:attr:`Address.opted_out`).
"""

from __future__ import annotations

from dataclasses import dataclass

from hub.core.models import Member

CHAT_PLATFORMS = ("slack", "telegram")


@dataclass(frozen=True)
class Address:
    """Where one member's message goes: platform, chat (user or chat id) and language."""

    platform: str | None
    reply_to: str | None
    language: str
    opted_out: bool = False

    @property
    def reachable(self) -> bool:
        return not self.opted_out and bool(self.platform and self.reply_to)


def account_on(member: Member, platform: str) -> str | None:
    """The member's own chat on ``platform`` (a Slack user id, a Telegram chat id)."""
    if platform == "slack":
        return member.slack_user_id or None
    if platform == "telegram" and member.telegram_chat_id is not None:
        return str(member.telegram_chat_id)
    return None


def wants(member: Member | None, platform: str) -> bool:
    """Whether the member follows the network on ``platform`` (True when they never chose)."""
    return member is None or member.channels is None or platform in member.channels


def address_member(
    member: Member | None,
    *,
    platform: str | None,
    reply_to: str | None,
    language: str | None,
    languages: tuple[str, ...] | list[str] | set[str] | frozenset[str] = (),
) -> Address:
    """Where a message for ``member`` goes, asked on ``platform`` at ``reply_to`` (if any).

    ``languages`` are those the hub has words in for this message (any when empty).
    An unknown or erased member is answered where they asked, in the language asked.
    """
    fallback = language or "en"
    if member is None or member.erased_at is not None:
        return Address(platform, reply_to, fallback)
    chosen = member.language
    if chosen and (not languages or chosen in languages):
        fallback = chosen
    if platform and wants(member, platform):
        return Address(platform, reply_to or account_on(member, platform), fallback)
    order = [member.preferred_platform, *(member.channels or CHAT_PLATFORMS)]
    for candidate in dict.fromkeys(p for p in order if p in CHAT_PLATFORMS):
        if wants(member, candidate):
            account = account_on(member, candidate)
            if account:
                return Address(candidate, account, fallback)
    return Address(platform, reply_to, fallback, opted_out=True)
