"""Writing text from the catalogus safely into CSS."""

from markupsafe import Markup


def css_string(text: str) -> Markup:
    """`text` as a CSS string literal, safe inside a stylesheet or a <style> element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace("\n", " ")
    return Markup(f'"{escaped}"')
