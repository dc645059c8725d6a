"""The Matrix stand-in as the demo and the console use it (``hub.wiring.STANDINS``)."""

from __future__ import annotations

from dataclasses import replace

from bots.matrix.standin import SERVER, MatrixStandIn, StoredEvent
from bots.standin import ImageFacts, described
from hub.core.ports import ChannelInfo, ReceivedPost

DEMO_USER = f"@iopd-hub:{SERVER}"


def _post(stored: StoredEvent, picture: ImageFacts | None = None) -> ReceivedPost:
    return ReceivedPost(
        platform="matrix",
        channel=stored.room_id,
        message_id=stored.event_id,
        text=stored.body,
        html=stored.formatted_body,
        edited=stored.edits > 0,
        deleted=stored.redacted,
        picture=described(picture),
    )


class MatrixDemoStandIn(MatrixStandIn):
    """The homeserver with the demo's account, which joins every prepared room."""

    platform = "matrix"
    token = "demo-matrix-access-token"

    def __init__(self) -> None:
        super().__init__(tokens={self.token: DEMO_USER}, rooms={})

    def secret(self) -> str:
        return self.token

    def prepare(self, channel: ChannelInfo) -> None:
        self.rooms.setdefault(channel.target.strip(), set()).add(DEMO_USER)

    def posts(self) -> list[ReceivedPost]:
        """The room's messages; the sink sends an item as its text, then its picture as an
        ``m.image`` whose transaction id is the text's with ``-image`` after it, so the two
        are shown as one post the way a person reads them, however other sends interleaved
        (an ``m.image`` with no such text is a post of its own)."""
        texts: dict[tuple[str, str, str], int] = {}
        posts: list[ReceivedPost] = []
        for event in self.events.values():
            if event.replaces is not None:
                continue
            facts = self.picture_of(event)
            key = (event.room_id, event.sender, event.txn_id.removesuffix("-image"))
            index = (
                texts.get(key) if facts is not None and event.txn_id.endswith("-image") else None
            )
            if index is not None and posts[index].picture is None:
                posts[index] = replace(posts[index], picture=described(facts))
                continue
            if event.txn_id:
                texts[(event.room_id, event.sender, event.txn_id)] = len(posts)
            posts.append(_post(event, facts))
        return posts


def matrix_standin() -> MatrixDemoStandIn:
    return MatrixDemoStandIn()
