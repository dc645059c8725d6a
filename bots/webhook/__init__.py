"""A generic signed webhook: each delivery as a JSON event to a URL of the channel's choosing.

The contract (a receiver implements this side):

- ``POST`` to the channel's ``target`` URL, ``Content-Type: application/json``, with
  ``{"event", "id", "delivery_id", "channel", "kind", "title", "text", "html",
  "link", "image_url", "language", "tags"}``; ``event`` is ``message.created``,
  ``message.updated`` (``id`` is the created message's) or ``message.deleted``
  (only ``event``, ``id``, ``delivery_id`` and ``channel``). ``machine_translated``
  is null, or ``{"from", "label", "original_link"}`` when the text is a machine
  translation no person edited: the receiver should show ``label`` (in the message's
  language) with the text. ``picture`` is null, or the item's picture as the hub
  re-encoded it (no EXIF, no GPS): ``{"content_type", "width", "height", "alt",
  "bytes", "data"}``, ``data`` the image itself in base64 (a copy of at most 96 KiB and
  1600 pixels a side, so the whole event stays within 256 KiB), ``bytes`` its length
  before base64; ``url``, when the hub has a public address (``[hub] public_url``),
  is where anyone can fetch the full-size copy (served only while the item is
  approved). New keys may be added to ``picture`` (and to the event); a receiver
  ignores the ones it does not know.
- Headers: ``X-Hub-Event``; ``X-Hub-Delivery``, the hub's delivery id, the same on
  every retry of one delivery (a receiver drops repeats); ``X-Hub-Timestamp``, Unix
  seconds; ``X-Hub-Signature-256: sha256=<hex>``, the HMAC-SHA256 with the
  channel's secret of ``<timestamp>.<body bytes>``. A receiver compares in constant
  time and refuses timestamps more than five minutes away from its clock.
- Answers: any 2xx is delivered (a JSON ``{"id": ...}`` names the message,
  otherwise it is ``hub-<delivery_id>``); 429 and 5xx are retried later, 429 after
  its ``Retry-After``; 401/403 stop the channel (wrong secret); 404/410 say the
  receiver is gone; any other 4xx refuses this message for good. Redirects are
  not followed.
"""

NAME = "Webhook"
