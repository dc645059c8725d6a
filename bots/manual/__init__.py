"""Drafts for the networks a person posts to by hand: X, LinkedIn, Facebook, Instagram.

None of them offers an NGO an open API for posting, so the hub sizes a ready text
for each, by that network's own counting, and a person copies it there and gives
back the post's URL (the console's Drafts page). The limits used, and where each
comes from:

- X (:mod:`bots.manual.x`): 280 by twitter-text's weighted count (config/v3.json:
  most scripts' letters 1, CJK and emoji 2, every URL 23), the counting X's own
  clients run; checked against twitter-text's conformance cases.
- LinkedIn (:mod:`bots.manual.linkedin`): 3,000 characters (the Posts API's
  ``commentary``).
- Facebook (:mod:`bots.manual.facebook`): 63,206 characters, and the "See more" fold
  at about 480 characters (a measured figure: Facebook publishes none).
- Instagram (:mod:`bots.manual.instagram`): 2,200 characters and 30 hashtags (the
  Graph API's ``caption``), and a picture is required.
"""

NAME = "Manual drafts"
