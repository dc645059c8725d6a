"""Matrix: each item as an ``m.room.message`` in a room, through matrix-nio, and a stand-in
homeserver. Edits are ``m.replace`` events, retractions redactions."""

NAME = "Matrix"
