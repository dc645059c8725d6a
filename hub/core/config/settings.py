"""A deployment's settings: read ``hub.toml`` once, validate all of it, say what is wrong.

Everything below the CLI takes a :class:`Settings` (or parts of it) as an
argument; nothing else reads the environment or the file. Every problem is a
:class:`~hub.core.errors.Problem` naming the file, the key and the line, and
:func:`load_settings` reports all of them at once.
"""

from __future__ import annotations

import difflib
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from hub.core.config.tomllines import KeyPath, key_lines, line_of
from hub.core.errors import ConfigError, Problem, undecodable

LANGUAGE_CODE = r"^[a-z]{2}$"
Language = Annotated[str, Field(pattern=LANGUAGE_CODE)]
Mode = Literal["immediate", "digest"]

MANUAL_PLATFORMS = frozenset({"x", "linkedin", "facebook", "instagram"})
"""Networks with no open API for an NGO: a channel on one of them gets drafts in the
console, sized by the network's own counting, and a person posts them by hand
("mark as posted" records the delivery). No worker sends to them."""
Key = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_timezone(value: str | None) -> str | None:
    if value is None:
        return value
    try:
        ZoneInfo(value)
    except (ZoneInfoNotFoundError, ValueError):
        message = f"unknown time zone {value!r} (use an IANA name such as Europe/Madrid)"
        raise ValueError(message) from None
    return value


NetworkName = str | Mapping[str, str]
"""The network's name: one for every language, or one per language code."""


def name_in(name: NetworkName, language: str | None, fallback: str = "en") -> str:
    """``name`` as readers of ``language`` know it (the ``fallback`` language's, else the first).

    A plain string is the name in every language.
    """
    if isinstance(name, str):
        return name
    for code in (language, fallback, "en"):
        if code and name.get(code):
            return name[code]
    return next(iter(name.values()))


class HubSection(_Strict):
    """The ``[hub]`` table: the deployment as a whole.

    ``name`` is the network's name, shown to members in newsletters, bot replies and
    pages: a plain string, or one name per language (``{en = "IOPD", es = "OIDP"}``),
    of which the ``default_language``'s stands in for a language not listed.
    """

    name: str | dict[str, str] = "Communication hub"
    data_dir: str = "data"
    database_url: str | None = None
    timezone: str = "UTC"
    public_url: str | None = None
    languages: list[Language] = Field(default_factory=lambda: ["en"], min_length=1)
    default_language: Language = "en"
    secretariat_channel: str | None = None
    # How Slack reaches the hub: "http" (POST /slack/events at public_url) or "socket"
    # (Socket Mode: the bots role dials out, no public address needed), with the
    # app-level token (xapp-...) read from the environment variable named here.
    slack_mode: Literal["http", "socket"] = "http"
    slack_app_token_env: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")] = "SLACK_APP_TOKEN"
    # Slack user ids (U...) whose Approve, Decline and Edit buttons count; the buttons count
    # only in the secretariat's channel. Empty: anyone who can see that channel (then keep it
    # private).
    slack_moderators: list[Annotated[str, Field(pattern=r"^[UW][A-Z0-9]{2,}$")]] = Field(
        default_factory=list
    )
    # CIDR blocks a member-owned feed may point into (internal feeds); empty: public only.
    fetch_allow_private: list[str] = Field(default_factory=list)
    # CIDR blocks an item's picture may be fetched from (an intranet image server);
    # empty: public addresses only, whoever gave the picture's URL.
    picture_allow_private: list[str] = Field(default_factory=list)

    _tz = field_validator("timezone")(_check_timezone)

    @field_validator("name", mode="before")
    @classmethod
    def _name_shape(cls, value: object) -> object:
        """A string or a table of strings (what is in them: :func:`_cross_check`)."""
        texts = isinstance(value, dict) and all(isinstance(v, str) for v in value.values())
        if isinstance(value, str) or texts:
            return value
        raise ValueError(
            'give the network\'s name ("IOPD") or one per language ({en = "IOPD", es = "OIDP"})'
        )

    @field_validator("fetch_allow_private", "picture_allow_private")
    @classmethod
    def _cidr_blocks(cls, value: list[str]) -> list[str]:
        from hub.core.ingest.netguard import parse_networks

        parse_networks(value)
        return value

    def network_name(self, language: str | None = None) -> str:
        """The network's name in ``language`` (the default language's when not listed)."""
        return name_in(self.name, language, self.default_language)

    def network_names(self) -> dict[str, str]:
        """The network's name in each of the deployment's languages."""
        return {code: self.network_name(code) for code in self.languages}


EnvName = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")]


class SourceSettings(_Strict):
    """One place news comes from (``[sources.KEY]``).

    A ``mailbox`` source is an IMAP mailbox: ``url`` is ``imaps://HOST[:PORT]`` (TLS from
    the first byte) or ``imap://HOST[:PORT]`` (STARTTLS, required); ``username`` and the
    environment variable holding the password (``password_env``) log in; ``folder`` is
    read, and each message read is moved to ``processed_folder`` (made if missing; empty:
    left where it is, read once all the same). ``reply_channel`` names the ``email``
    channel answers go out through; ``questions_address`` (optional) is an address whose
    mail is always a question. ``max_message_kb`` and ``max_attachment_kb`` cap what is
    read. ``tls = "off"`` is for a server on this machine only (tests, the demo).
    """

    kind: Literal["feed", "ical", "slack", "telegram", "web", "console", "mailbox"]
    url: str | None = None
    title: str | None = None
    trusted: bool = False
    member: str | None = None
    interval_minutes: int = Field(default=15, ge=1, le=7 * 24 * 60)
    language: Language | None = None
    region: str | None = None
    enabled: bool = True
    username: str | None = None
    password_env: EnvName | None = None
    folder: str = Field(default="INBOX", min_length=1)
    processed_folder: str = "Processed"
    tls: Literal["on", "off"] = "on"
    reply_channel: str | None = None
    questions_address: str | None = None
    max_message_kb: int = Field(default=10 * 1024, ge=1, le=200 * 1024)
    max_attachment_kb: int = Field(default=5 * 1024, ge=1, le=200 * 1024)


class ChannelSettings(_Strict):
    """One place the hub posts to (``[channels.KEY]``).

    ``target`` means what the platform calls the destination: a Slack channel,
    a Telegram chat, a Mastodon or Bluesky account, a Mailchimp audience.
    ``token_env`` names the environment variable holding the secret; the
    secret itself never appears in the file.
    """

    platform: Key
    target: str = Field(min_length=1)
    title: str | None = None
    language: Language | None = None
    mode: Mode = "immediate"
    enabled: bool = True
    timezone: str | None = None
    thread_id: int | None = None
    token_env: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")] | None = None
    base_url: str | None = None

    _tz = field_validator("timezone")(_check_timezone)

    @property
    def manual(self) -> bool:
        """Whether a person posts what this channel gets (:data:`MANUAL_PLATFORMS`)."""
        return self.platform in MANUAL_PLATFORMS


class RouteMatch(_Strict):
    """What an item must have for a route to take it; an empty list matches anything."""

    sources: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    languages: list[Language] = Field(default_factory=list)
    regions: list[str] = Field(default_factory=list)
    countries: list[str] = Field(default_factory=list)
    members: list[str] = Field(default_factory=list)


class RouteSettings(_Strict):
    """One ``[[routes]]`` entry: items matching ``match`` go to the channels in ``to``."""

    name: str = Field(min_length=1)
    match: RouteMatch = Field(default_factory=RouteMatch)
    to: list[str] = Field(min_length=1)
    mode: Mode | None = None
    translate: bool = False
    """Take items in any language and send each channel its own language: the
    translation is drafted by machine when the item arrives and approved with it; a
    channel whose language the item lacks is skipped, saying so."""
    thread: bool = False
    """A post longer than a Mastodon or Bluesky channel's limit continues as a thread of
    replies instead of being shortened with the link (Telegram always continues)."""


Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


class ScheduleSettings(_Strict):
    """One ``[schedules.KEY]`` entry: something the hub does periodically."""

    kind: Literal["roundup", "newsletter_draft", "audience_sync", "reminders", "digests", "drafts"]
    period: Literal["minutes", "day", "week", "month"]
    every: int = Field(default=5, ge=1, le=60)
    """With ``period = "minutes"``: fire every this many minutes (reminders)."""
    time: Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$")] = "09:00"
    weekday: Weekday | None = None
    day: int | None = Field(default=None, ge=1, le=28)
    channel: str | None = None
    language: Language | None = None
    timezone: str | None = None
    enabled: bool = True

    _tz = field_validator("timezone")(_check_timezone)


class TranslationSettings(_Strict):
    """The ``[translation]`` table: machine translation drafts, off unless ``engine`` is set.

    ``engine`` names an engine the application layer installs (``hub.wiring.TRANSLATORS``:
    ``libretranslate``, ``deepl``, ``argos``); ``url`` is its server (LibreTranslate's,
    or DeepL's API for a Pro key); ``key_env`` names the environment variable holding
    its key; ``glossary`` is the file of kept names, beside ``hub.toml``;
    ``char_limit`` the most characters the engine takes in one text (LibreTranslate's
    ``--char-limit``; unset, the hub asks the server's ``/frontend/settings``): longer
    texts are cut at paragraph or sentence boundaries and their translations joined.
    """

    engine: Key | None = None
    url: str | None = None
    key_env: Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]*$")] | None = None
    timeout_seconds: float = Field(default=20.0, gt=0, le=300)
    batch_size: int = Field(default=25, ge=1, le=1000)
    char_limit: int | None = Field(default=None, ge=20)
    glossary: str = "glossary.yaml"


class Settings(_Strict):
    """A whole deployment."""

    hub: HubSection = Field(default_factory=HubSection)
    sources: dict[Key, SourceSettings] = Field(default_factory=dict)
    channels: dict[Key, ChannelSettings] = Field(default_factory=dict)
    routes: list[RouteSettings] = Field(default_factory=list)
    schedules: dict[Key, ScheduleSettings] = Field(default_factory=dict)
    translation: TranslationSettings = Field(default_factory=TranslationSettings)
    path: str = "hub.toml"
    secrets: Mapping[str, str] = Field(default_factory=dict, repr=False, exclude=True)

    def secret(self, channel_key: str) -> str | None:
        """The secret of a channel, read from the environment captured at load time."""
        env = self.channels[channel_key].token_env
        return self.secrets.get(env) if env else None

    def source_secret(self, source_key: str) -> str | None:
        """A mailbox source's password, read from the environment captured at load time."""
        env = self.sources[source_key].password_env
        return self.secrets.get(env) if env else None

    def translation_key(self) -> str | None:
        """The translation engine's key, read from the environment captured at load time."""
        env = self.translation.key_env
        return self.secrets.get(env) if env else None

    def glossary_path(self) -> Path:
        """The glossary file, relative to the folder of ``hub.toml``."""
        return Path(self.path).parent / self.translation.glossary

    def database_url(self) -> str:
        """The database to use: ``HUB_DATABASE_URL``, else the config, else SQLite in data_dir."""
        explicit = self.secrets.get("HUB_DATABASE_URL") or self.hub.database_url
        if explicit:
            return explicit
        return f"sqlite:///{Path(self.hub.data_dir) / 'hub.db'}"


def read_environment(dotenv: Path | None = Path(".env")) -> dict[str, str]:
    """The process environment, completed (never overridden) by a ``.env`` file if present."""
    from dotenv import dotenv_values

    values: dict[str, str] = {}
    if dotenv is not None and dotenv.is_file():
        values.update({k: v for k, v in dotenv_values(dotenv).items() if v is not None})
    values.update(os.environ)
    return values


def load_settings(
    path: str | Path,
    environ: Mapping[str, str] | None = None,
    platforms: Iterable[str] | None = None,
    overrides: Callable[[dict[str, Any]], None] | None = None,
    engines: Iterable[str] | None = None,
) -> Settings:
    """Read and validate a configuration file.

    ``environ`` supplies the secrets (default: none); ``platforms`` is the set of
    platform names that have a sink installed (default: accept any name);
    ``overrides`` may change the parsed data in place before validation (the
    demo points channels at local stand-ins this way); ``engines`` is the set of
    translation engines installed (default: accept any name). Raises
    :class:`ConfigError` listing every problem found.
    """
    path = Path(path)
    shown = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ConfigError([Problem(shown, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise ConfigError([undecodable(shown, exc)]) from None
    except OSError as exc:
        raise ConfigError([Problem(shown, "", f"cannot read the file: {exc}")]) from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        line = _toml_error_line(str(exc))
        raise ConfigError([Problem(shown, "", f"invalid TOML: {exc}", line)]) from None

    if overrides is not None:
        overrides(data)
    lines = key_lines(text)
    environ = dict(environ or {})
    try:
        settings = Settings.model_validate({**data, "path": shown, "secrets": environ})
    except ValidationError as exc:
        raise ConfigError(_validation_problems(exc, shown, lines)) from None
    problems = list(_cross_check(settings, lines, platforms))
    problems += _check_translation(settings, lines, engines)
    if problems:
        raise ConfigError(problems)
    return settings


def _toml_error_line(message: str) -> int | None:
    found = re.search(r"line (\d+)", message)
    return int(found.group(1)) if found else None


_MODELS_BY_TABLE: dict[str, type[BaseModel]] = {
    "hub": HubSection,
    "sources": SourceSettings,
    "channels": ChannelSettings,
    "routes": RouteSettings,
    "schedules": ScheduleSettings,
    "translation": TranslationSettings,
}


def _known_keys(loc: KeyPath) -> list[str]:
    """The keys allowed at the place of an unknown key, for a did-you-mean hint."""
    if len(loc) == 1:
        return list(Settings.model_fields)
    model = _MODELS_BY_TABLE.get(str(loc[0]))
    if model is None:
        return []
    if len(loc) == 4 and loc[0] == "routes" and loc[2] == "match":
        return list(RouteMatch.model_fields)
    return list(model.model_fields)


def _dotted(loc: KeyPath) -> str:
    return ".".join(str(part) if isinstance(part, str) else f"[{part}]" for part in loc).replace(
        ".[", "["
    )


def _validation_problems(
    exc: ValidationError, shown: str, lines: dict[tuple[str | int, ...], int]
) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc: KeyPath = tuple(part for part in error["loc"] if part not in ("secrets", "path"))
        line = line_of(lines, loc)
        if error["type"] == "extra_forbidden":
            name = str(loc[-1])
            close = difflib.get_close_matches(name, _known_keys(loc), n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            message = f"unknown key {name!r}{hint}"
        elif error["type"] == "missing":
            message = "this key is required"
        else:
            message = f"{error['msg']} (got {error.get('input')!r})"
        problems.append(Problem(shown, _dotted(loc), message, line))
    return problems


def _check_name(hub: HubSection, problem: Callable[[KeyPath, str], Problem]) -> Iterable[Problem]:
    """The network's name: not empty, and per language only for the deployment's languages."""
    if isinstance(hub.name, str):
        if not hub.name.strip():
            yield problem(("hub", "name"), "the network's name may not be empty")
        return
    for code, text in hub.name.items():
        if code not in hub.languages:
            yield problem(("hub", "name", code), f"{code!r} is not one of hub.languages")
        elif not text.strip():
            yield problem(("hub", "name", code), f"the name in {code!r} may not be empty")
    if hub.default_language not in hub.name:
        yield problem(
            ("hub", "name"),
            f"give the name in the default language ({hub.default_language}), "
            "which stands in for the languages not listed",
        )


def _cross_check(
    settings: Settings, lines: dict[tuple[str | int, ...], int], platforms: Iterable[str] | None
) -> Iterable[Problem]:
    """What a schema cannot see: names that must exist elsewhere, languages.

    Secrets are not checked here: reading needs none. :func:`require_secrets`
    checks them where something is about to be sent.
    """
    shown = settings.path
    known_platforms = set(platforms) if platforms is not None else None
    languages = set(settings.hub.languages)

    def problem(loc: KeyPath, message: str) -> Problem:
        return Problem(shown, _dotted(loc), message, line_of(lines, loc))

    if settings.hub.default_language not in languages:
        yield problem(("hub", "default_language"), "must be one of hub.languages")
    yield from _check_name(settings.hub, problem)
    secretariat = settings.hub.secretariat_channel
    if secretariat and secretariat not in settings.channels:
        yield problem(("hub", "secretariat_channel"), f"no channel named {secretariat!r}")
    for key, source in settings.sources.items():
        if source.kind in ("feed", "ical") and not source.url:
            yield problem(("sources", key, "kind"), f"a {source.kind} source needs a url")
        if source.language and source.language not in languages:
            yield problem(("sources", key, "language"), "not one of hub.languages")
        if source.kind == "mailbox":
            yield from _check_mailbox(settings, key, source, problem)
    for key, channel in settings.channels.items():
        if (
            channel.enabled
            and known_platforms is not None
            and channel.platform not in known_platforms
            and not channel.manual
        ):
            choices = ", ".join(sorted(known_platforms))
            yield problem(
                ("channels", key, "platform"),
                f"no sink installed for platform {channel.platform!r} (installed: {choices})",
            )
        if channel.language and channel.language not in languages:
            yield problem(("channels", key, "language"), "not one of hub.languages")
    for index, route in enumerate(settings.routes):
        for name in route.to:
            if name not in settings.channels:
                hint = difflib.get_close_matches(name, list(settings.channels), n=1)
                extra = f" (did you mean {hint[0]!r}?)" if hint else ""
                yield problem(("routes", index, "to"), f"no channel named {name!r}{extra}")
        for name in route.match.sources:
            if name not in settings.sources:
                yield problem(("routes", index, "match", "sources"), f"no source named {name!r}")
    for key, schedule in settings.schedules.items():
        if schedule.kind == "roundup" and not schedule.channel:
            yield problem(("schedules", key, "channel"), "a roundup needs a channel")
        if schedule.channel and schedule.channel not in settings.channels:
            yield problem(("schedules", key, "channel"), f"no channel named {schedule.channel!r}")
        if schedule.period == "minutes" and schedule.kind != "reminders":
            yield problem(
                ("schedules", key, "period"),
                'only reminders run every few minutes; use "day", "week" or "month"',
            )
        if schedule.period == "week" and schedule.weekday is None:
            yield problem(("schedules", key, "weekday"), "a weekly schedule needs a weekday")
        if schedule.period == "month" and schedule.day is None:
            yield problem(("schedules", key, "day"), "a monthly schedule needs a day (1-28)")


def _check_mailbox(
    settings: Settings,
    key: str,
    source: SourceSettings,
    problem: Callable[[KeyPath, str], Problem],
) -> Iterable[Problem]:
    """A mailbox needs an imap:// or imaps:// address, a user, a password's variable and an
    email channel for its replies; TLS may be off only for a server on this machine."""
    from urllib.parse import urlsplit

    parts = urlsplit(source.url or "")
    if parts.scheme not in ("imap", "imaps") or not parts.hostname:
        yield problem(
            ("sources", key, "url"),
            'a mailbox needs url = "imaps://HOST" (TLS) or "imap://HOST" (STARTTLS)',
        )
    elif source.tls == "off" and parts.hostname not in ("127.0.0.1", "localhost", "::1"):
        yield problem(
            ("sources", key, "tls"),
            'tls = "off" sends the password in clear: only for a server on this machine',
        )
    for name in ("username", "password_env"):
        if not getattr(source, name):
            yield problem(("sources", key, "kind"), f"a mailbox source needs {name}")
    reply = source.reply_channel
    if reply is not None:
        channel = settings.channels.get(reply)
        if channel is None:
            yield problem(("sources", key, "reply_channel"), f"no channel named {reply!r}")
        elif channel.platform != "email":
            yield problem(
                ("sources", key, "reply_channel"),
                f"channel {reply!r} is a {channel.platform} channel, not an email one",
            )


def _check_translation(
    settings: Settings, lines: dict[tuple[str | int, ...], int], engines: Iterable[str] | None
) -> list[Problem]:
    """The engine named is one installed (what each engine needs more: its factory says)."""
    section = settings.translation
    if section.engine is None:
        return []
    problems = []
    known = sorted(engines) if engines is not None else None
    if known is not None and section.engine not in known:
        loc: KeyPath = ("translation", "engine")
        message = f"no translation engine {section.engine!r} (installed: {', '.join(known)})"
        problems.append(Problem(settings.path, _dotted(loc), message, line_of(lines, loc)))
    return problems


def missing_secrets(settings: Settings, channels: Iterable[str] | None = None) -> list[Problem]:
    """The enabled channels (all, or only ``channels``) whose ``token_env`` is not set.

    One problem per channel, naming the environment variable and the line of
    its ``token_env`` key when the file can still be read.
    """
    try:
        lines = key_lines(Path(settings.path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        lines = {}
    wanted = set(settings.channels) if channels is None else set(channels)
    problems = []
    for key, channel in settings.channels.items():
        if key not in wanted or not channel.enabled or not channel.token_env:
            continue
        if settings.secrets.get(channel.token_env):
            continue
        loc: KeyPath = ("channels", key, "token_env")
        problems.append(
            Problem(
                settings.path,
                _dotted(loc),
                f"the environment variable {channel.token_env} is not set "
                "(set it, put it in .env, or set enabled = false)",
                line_of(lines, loc),
            )
        )
    return problems


def require_secrets(settings: Settings, channels: Iterable[str] | None = None) -> None:
    """Raise :class:`ConfigError` unless every enabled channel that will send has its secret.

    Called by what sends (``hub worker``, ``hub serve`` with a sending role),
    never by what only reads.
    """
    problems = missing_secrets(settings, channels)
    if problems:
        raise ConfigError(problems)
