"""Facebook: a Page post holds up to 63,206 characters, but the feed folds it.

63,206 is the longest post Facebook accepts; what readers see before "See more"
is far less. Facebook publishes no number for that fold: it is about 480
characters on the desktop feed (fewer on phones and after line breaks), the
figure social-media guides measure, so the draft shows where a fold near 480
characters falls and keeps the point of the post before it.
"""

NAME = "Facebook"
LIMIT = 63206
FOLD = 480
