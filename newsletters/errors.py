"""What can go wrong with an edition or with Mailchimp, as hub errors that say why.

HubError
└── NewsletterError
    ├── EditionNotFound       no edition with that id
    ├── NotApproved           an edition must be approved by a person before it leaves
    ├── AlreadySent           the campaign has gone out; it can no longer change
    └── MailchimpError        Mailchimp refused (``status``, ``title``, ``detail``)
        ├── InvalidMergeFields   content names a merge tag the audience lacks
        ├── ComplianceProblem    the account or audience is under compliance review
        └── MailchimpUnavailable transient: 5xx, network trouble
Rate limits and time-outs use the hub's own ``RateLimited`` and ``Timeout``
(see :class:`MailchimpRateLimited`, :class:`MailchimpTimeout`) so a retry
policy treats them like every other platform's.
"""

from __future__ import annotations

from hub.core.errors import HubError, RateLimited, Timeout


class NewsletterError(HubError):
    """Something is wrong with a newsletter edition or its campaign."""


class EditionNotFound(NewsletterError):
    """No newsletter edition has that id."""


class NotApproved(NewsletterError):
    """The edition has not been approved: nothing is sent without a person's approval."""


class AlreadySent(NewsletterError):
    """The edition's campaign has already been sent; it can no longer be changed."""


class MailchimpError(NewsletterError):
    """Mailchimp refused a request; the message says what Mailchimp said."""

    def __init__(self, message: str, *, status: int | None = None, title: str = "") -> None:
        self.status = status
        self.title = title
        super().__init__(message)


class InvalidMergeFields(MailchimpError):
    """The content or member data names merge fields the audience does not have."""


class ComplianceProblem(MailchimpError):
    """Mailchimp holds the account or audience for a compliance review; nothing can be sent."""


class MailchimpUnavailable(MailchimpError):
    """Mailchimp did not work this time (5xx, connection refused); try again later."""


class MailchimpRateLimited(RateLimited):
    """Mailchimp answered 429: too many requests or simultaneous connections (max 10)."""


class MailchimpTimeout(Timeout):
    """Mailchimp did not answer in time; the request may or may not have taken effect."""
