"""Discord: an embed per item through a channel webhook, an httpx sink and a stand-in."""

NAME = "Discord"
