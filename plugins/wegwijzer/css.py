"""Writing text from the catalogus safely into CSS."""

import re

from markupsafe import Markup

#: What ends a CSS string or a <style> element early, written as a hex escape instead.
_SPECIAL = re.compile(r'[\\"<>]')
#: Line breaks end a CSS string (\n, \r and \f alike): they become spaces. Other control and
#: format characters have no place in a footer or a title and are left out.
_BREAKS = re.compile(r"[\n\r\f\t\v\u2028\u2029\x85]")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def css_string(text: str) -> Markup:
    """`text` as a CSS string literal, safe inside a stylesheet or a <style> element."""
    text = _CONTROL.sub("", _BREAKS.sub(" ", text))
    escaped = _SPECIAL.sub(lambda m: f"\\{ord(m.group(0)):X} ", text)
    return Markup(f'"{escaped}"')
