"""The stand-ins page names a remote picture in words: console pages load images from
the console only (``img-src 'self'``), and a stand-in's post may name any server's."""

from __future__ import annotations

from hub.web.standins import _shown_post


def test_a_remote_picture_is_named_in_words() -> None:
    shown = _shown_post(
        {
            "channel": "campaign:save",
            "html": '<p><img src="https://mcusercontent.com/1/a.jpg" alt="Voters &amp; &lt;b&gt;">'
            " Text</p>",
        }
    )
    body = str(shown.body)
    assert "mcusercontent.com" not in body
    assert "[Picture: Voters &amp; &lt;b&gt;]" in body  # escaped once, not unescaped
    assert "<img" not in body and "Text" in body
