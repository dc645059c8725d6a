"""The Matrix stand-in as the demo and the console use it (``hub.wiring.STANDINS``)."""

from __future__ import annotations

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
        return [_post(e, self.picture_of(e)) for e in self.events.values() if e.replaces is None]


def matrix_standin() -> MatrixDemoStandIn:
    return MatrixDemoStandIn()
