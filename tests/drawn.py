"""What the real app has drawn, as text lines, for tests that check a screen against the database."""


def drawn_lines(app) -> list[str]:
    """The whole terminal as the learner sees it now, one string per row."""
    return [strip.text for strip in app.screen._compositor.render_strips()]


def drawn(app) -> str:
    return "\n".join(drawn_lines(app))
