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
        """The room's messages; an ``m.image`` right after a text of the same sender is
        that post's picture (the sink sends an item as its text, then its picture), shown
        as one post the way a person reads them."""
        posts: list[ReceivedPost] = []
        previous: StoredEvent | None = None
        for event in self.events.values():
            if event.replaces is not None:
                continue
            facts = self.picture_of(event)
            follows = previous is not None and (previous.room_id, previous.sender) == (
                event.room_id,
                event.sender,
            )
            if facts is not None and follows and posts and posts[-1].picture is None:
                posts[-1] = replace(posts[-1], picture=described(facts))
            else:
                posts.append(_post(event, facts))
            previous = event
        return posts


def matrix_standin() -> MatrixDemoStandIn:
    return MatrixDemoStandIn()
