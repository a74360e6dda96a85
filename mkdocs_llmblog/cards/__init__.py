"""Share cards: a 1200x630 PNG per post for `og:image`, drawn with Pillow.

- `template`: the card template a site can change (layout, colours, logo, fonts), checked.
- `text`: the title's lines (wrapping, ellipsis) and direction; pure, no Pillow.
- `fonts`: the fonts a card is drawn in (the template's, the system's, Pillow's own) and which
  characters each has.
- `jobs`: what a worker needs to draw one card.
- `draw`: drawing one card with Pillow (in a worker process).
- `planner`: which posts get a card, its cache key, its file in the site.
"""
