"""Instagram: a caption of at most 2,200 characters and 30 hashtags, under a picture.

The Instagram Graph API's media endpoint (developers.facebook.com/docs/instagram-
platform/instagram-graph-api/reference/ig-user/media, ``caption``): "Maximum 2,200
characters, 30 hashtags, and 20 @ tags". A feed post needs an image or a video
(``image_url``): an item without one cannot go to Instagram as it is. Links in a
caption are not clickable; the item's link is kept as text.
"""

NAME = "Instagram"
LIMIT = 2200
HASHTAGS = 30
