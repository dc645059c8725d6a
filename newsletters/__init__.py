"""Newsletter editions: composition, rendering for email clients, Mailchimp campaigns and audience.

``newsletters`` imports ``hub``; the core never imports this package. Modules:

- :mod:`newsletters.compose`: an edition per language from a period's approved items
- :mod:`newsletters.render`: Jinja2 email HTML (inlined CSS) and the plain-text part
- :mod:`newsletters.mailchimp`: campaigns through ``mailchimp-marketing``
- :mod:`newsletters.audience`: members to the Mailchimp audience and back
- :mod:`newsletters.standin`: a local Mailchimp Marketing API for tests and demos
"""

NAME = "Mailchimp"
"""How people call the platform ``mailchimp`` (the console shows it, through
``hub.wiring.platform_name``)."""
