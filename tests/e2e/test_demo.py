"""``hub demo --once``: a new user's first run, in a real process, with no accounts."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from hub.testing.dovecot import find_dovecot

ROOT = Path(__file__).parents[2]


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"true", "1", "yes"}


def test_demo_carries_feed_items_to_every_platform_stand_in(tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.endswith("_TOKEN")}
    environ.pop("HUB_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "hub", "demo", "--once", "--data-dir", str(tmp_path / "demo")],
        cwd=ROOT,
        env=environ,
        capture_output=True,
        text=True,
        timeout=180,
        stdin=subprocess.DEVNULL,
    )
    out = result.stdout
    assert result.returncode == 0, result.stderr + out
    assert (tmp_path / "demo" / "hub.db").exists()
    assert re.search(r"polled website_news\s+changed\s+5 new items", out)
    assert re.search(r"polled website_events\s+changed\s+0 new items, 2 events", out)
    # The award call comes in English and Spanish: one story, one item in two languages.
    assert "items: 5 approved" in out
    # Five items in #iopd-news, and the weekly roundup of the five in #iopd-roundups, on demand.
    assert "roundup slack_roundups (week): queued delivery" in out
    assert "with 5 items" in out
    assert re.search(r"slack stand-in \(http://127\.0\.0\.1:\d+\) holds 6 messages", out)
    assert "C0IOPDROUND      Weekly roundup" in out
    # The Telegram routes take language plus region: the French item about Dakar, the
    # Spanish call naming Latin America, the Portuguese one about Porto Alegre.
    # João's weekly digest (climate, Portuguese, Telegram) is the fourth Telegram message.
    assert "digests (week, João Lima: climate, pt, Telegram): 1 week digest(s) queued" in out
    # João's own feed points at a private address: refused, and after three failures he
    # is told on Telegram (the fifth message).
    assert re.search(r"member feed member_feed_1 of João Lima: failed 3 times \(.*loopback", out)
    assert re.search(r"telegram stand-in \(http://127\.0\.0\.1:\d+\) holds 5 messages", out)
    assert re.search(r"7000001\s+O seu resumo semanal", out)
    assert "@oidp_latam      Convocatoria: Distinción OIDP" in out
    assert "@oidp_afrique    Séminaire de l'OIDP à Dakar" in out
    assert "@oidp_latam_pt   Porto Alegre recebe encontro" in out
    # Award items go to the social accounts (route by tag).
    assert re.search(r"mastodon stand-in \(http://127\.0\.0\.1:\d+\) holds 2 messages", out)
    # The award call is longer than a Bluesky post and its route says thread = true: it
    # continues in a reply (two posts), where Mastodon's 500 hold it in one.
    assert re.search(r"bluesky stand-in \(http://127\.0\.0\.1:\d+\) holds 3 messages", out)
    # and to Discord through its channel webhook, and to the signed webhook's receiver
    assert re.search(r"discord stand-in \(http://127\.0\.0\.1:\d+\) holds 2 messages", out)
    assert re.search(r"webhook stand-in \(http://127\.0\.0\.1:\d+\) holds 2 messages", out)
    assert "webhook 1234567890123456789 Call for candidacies: IOPD Best Practice Award" in out
    # and to a Matrix room (matrix-nio), a Teams channel's Workflows URL and Apprise's json://
    for platform in ("matrix", "teams", "apprise"):
        assert re.search(rf"{platform} stand-in \(http://127\.0\.0\.1:\d+\) holds 2 messages", out)
    assert "!iopdnews:matrix.org Call for candidacies: IOPD Best Practice Award" in out
    assert "workflow         Call for candidacies: IOPD Best Practice Award" in out
    assert "/notify          Call for candidacies: IOPD Best Practice Award" in out
    # The network's news waits as drafts for X and LinkedIn, posted by hand from the console.
    assert "Drafts waiting to be posted by hand (the console's Drafts page):" in out
    assert "  X @oidp: 5" in out
    assert "  LinkedIn: International Observatory on Participatory Democracy: 5" in out
    # One newsletter edition per language is drafted, approved and pushed as a campaign.
    for language in ("en", "es", "fr", "ca", "pt"):
        assert re.search(rf"newsletter \[{language}\] edition \d+: \d+ items, campaign \w+", out)
    # Members ask the Telegram and Slack bots in five languages; the hub answers each in its
    # language, from the knowledge (seed files and the demo calendar), hands off what it cannot.
    exchanges = out.split("Members ask the bot:")[1].split("Where to look:")[0]
    assert exchanges.count("telegram member [") == 6
    # and the Slack bot, over Socket Mode: the demo has no public URL
    assert exchanges.count("slack member [") == 6
    assert "(no answer in time)" not in exchanges
    assert "bot: The next event I know of: Séminaire OIDP" in exchanges
    assert "bot: buttons: [Remind me]" in exchanges  # Telegram: a button under a date
    assert "Porto Alegre en junio de 2012" in exchanges
    assert "créé(e)" not in exchanges  # no gender hedge (the office: "ouverture à Dakar")
    assert "Dakar en décembre 2012" in exchanges
    assert "Cascais, Portugal" in exchanges
    assert "As prioridades temáticas" in exchanges
    assert "Je transmets votre question au Secrétariat technique" in exchanges
    # Machine translation drafts from the LibreTranslate stand-in: a member's Spanish news
    # about Dakar is drafted in French for the African channel (its route says translate =
    # true), approved by a moderator and posted there in French; editions gain translations.
    drafts = out.split("Machine translation drafts")[1].split("Where to look:")[0]
    assert "fr: [fr] Dakar acoge un encuentro" in drafts
    assert "telegram @oidp_afrique received: [fr] Dakar acoge un encuentro" in drafts
    assert re.search(r"knowledge \S+ gained (\w\w, )*\w\w \(marked translated\)", drafts)
    assert re.search(r"newsletter \[pt\] edition \d+: \d+ items, .* \d+ machine-translated", out)
    # Readers are told: the French post and the Portuguese e-mail carry the mark
    assert "received: [fr] Dakar acoge un encuentro" in drafts
    assert "marked for readers: Traduit automatiquement de l'espagnol" in drafts
    assert "NOT MARKED" not in drafts
    assert re.search(r"\[pt\] edition .* marked in the e-mail: “Traduzido automaticamente d", out)
    assert re.search(r"knowledge event \S+ gained (\w\w, )*\w\w \(marked translated\)", drafts)
    # Issue #17's reach, read back from what each stand-in recorded: the award call's picture
    # arrived (as the stand-in decoded it) on every platform that uploads one, a member's long
    # report reached Telegram whole as a thread, and the seminar's broken picture (an HTML
    # page) made text posts whose deliveries say why.
    reach = out.split("Pictures, long posts and broken pictures:")[1].split("Where to look:")[0]
    [with_picture] = [line for line in reach.splitlines() if "with its picture on:" in line]
    eight = ("slack", "telegram", "mastodon", "bluesky", "matrix", "discord", "teams", "webhook")
    for platform in eight:
        assert re.search(rf"\b{platform} \(\d+×\d+ JPEG\)", with_picture), platform
    assert max(int(n) for n in re.findall(r"teams \((\d+)×(\d+)", with_picture)[0]) <= 1024
    assert "without its picture" not in reach
    assert re.search(r"on telegram telegram_latam_pt: in full, a thread of [2-6] messages", reach)
    assert (
        "telegram telegram_africa_fr got a text post; the delivery says: the item's picture "
        "was refused (not an image: the bytes are an HTML page" in reach
    )
    assert "NOT IN FULL" not in reach
    # Mail to the secretariat, read from Dovecot when installed (always in CI), answered by
    # e-mail through the SMTP stand-in; without Dovecot one line says how to get it.
    if find_dovecot() is not None or in_ci():
        assert re.search(r"Mail: secretariat@oidp.net at imap://127\.0\.0\.1:\d+ \(Dovecot\)", out)
        assert re.search(r"'Rosario abre su .*' -> item #\d+ waiting for moderation", out)
        assert re.search(r"'Cuota' -> question #\d+ for the assistant", out)
        assert "someone@elsewhere.example: 'Hello' -> held for moderation" in out
        assert "'Fuera de la oficina' -> ignored: an automatic message" in out
        assert re.search(
            r"answered by e-mail to marta@red\.example\.org \[es\], 'Re: Cuota', "
            r"In-Reply-To <[^>]+>: (?i:.*miembros del OIDP)",
            out,
        )
    else:
        assert "Mail: Dovecot is not installed here (`make dovecot`" in out
    assert "Unclosed" not in result.stderr
    assert "alert(" not in out
    assert "Traceback" not in result.stderr
