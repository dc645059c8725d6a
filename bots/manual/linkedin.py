"""LinkedIn: a post's text holds at most 3,000 characters.

The Posts API's ``commentary`` (learn.microsoft.com/linkedin/marketing/community-
management/shares/posts-api) and the share box both stop at 3,000 characters; a
link is counted in full (LinkedIn does not shorten it) and shows a preview card.
"""

NAME = "LinkedIn"
LIMIT = 3000
