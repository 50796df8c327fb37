"""A small document model for letters: blocks (headings, paragraphs, lists, tables) whose
text is a template plus inserted values, rendered to Markdown (every inserted value made
inert by `escape_markdown`; trialfind's own links as autolinks) or
to plain text (wrapped at 78 columns without breaking a URL
or a hyphenated name)."""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Union

WIDTH = 78
_URL = re.compile(r"https?://[^\s<>]+")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>()#!|~])")
_AUTOLINK = re.compile(r"://|\bwww\.", re.I)


def escape_markdown(text: str | None) -> str:
    """`text` made inert for a Markdown document: markup characters escaped, one line only.

    Inserted values then read as typed and cannot add headings, links (also bare URLs, which
    GitHub-flavoured Markdown would link), images, tables or HTML to the letter. Characters that
    only matter at the start of a line (-, +, 1.) are
    harmless because values are always inserted after other text on their line, and
    line breaks are turned into spaces.
    """
    if text is None:
        return ""
    one_line = " ".join(str(text).split())
    escaped = _MARKDOWN_SPECIAL.sub(r"\\\1", one_line)
    # Bare "https://…" and "www.…" become links in GitHub-flavoured Markdown: break the pattern.
    escaped = _AUTOLINK.sub(lambda m: m.group(0).replace("/", "\\/").replace(".", "\\."), escaped)
    return re.sub(r"&(?=#?\w+;)", "&amp;", escaped)   # "&lt;" would otherwise become "<"


@dataclass(frozen=True)
class T:
    """Template text with {named} slots for inserted values (escaped in Markdown); a value
    that is itself a T is rendered in place, its own template unescaped."""

    template: str
    values: dict[str, Any] = field(default_factory=dict)

    def render(self, escape: Callable[[Any], str]) -> str:
        return self.template.format(**{k: v.render(escape) if isinstance(v, T) else escape(v)
                                       for k, v in self.values.items()})


Text = Union[str, T]


def t(template: str, **values: Any) -> T:
    return T(template, values)


def _one_line(value: Any) -> str:
    return re.sub(r"\s*\n\s*", " ", str(value if value is not None else ""))


class Link(str):
    """A URL from trialfind's own tables or records (policy pages, study links, sources):
    a link in Markdown. Every other value is made inert, URLs included."""


def link(url: str | None) -> Link | str:
    return Link(url) if url and _URL.fullmatch(url.strip()) else (url or "")


def md_escape(value: Any) -> str:
    """A value inserted into Markdown: `escape_markdown` (no markup, no
    links), keeping the spaces around it; a Link becomes an autolink."""
    if isinstance(value, Link):
        return f"<{value.strip()}>"
    text = _one_line(value)
    lead = " " if text[:1].isspace() else ""
    trail = " " if text[-1:].isspace() else ""
    return lead + escape_markdown(text) + trail if text.strip() else text


def plain(value: Any) -> str:
    return _one_line(value)


def _text(item: Text, escape: Callable[[Any], str]) -> str:
    return item.render(escape) if isinstance(item, T) else item


def render_markdown(blocks: list[tuple]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            out.append("#" * int(kind[1]) + " " + _text(block[1], md_escape))
        elif kind == "p":
            out.append(_text(block[1], md_escape).replace("\n", "  \n"))
        elif kind in ("ul", "checklist"):
            mark = "- " if kind == "ul" else "- [ ] "
            out.append("\n".join(mark + _text(item, md_escape) for item in block[1]))
        elif kind == "table":
            columns, rows = block[1], block[2]
            lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
            lines += ["| " + " | ".join(md_escape(row.get(c, "")) for c in columns) + " |" for row in rows]
            out.append("\n".join(lines))
    return "\n\n".join(out) + "\n"


_PLACEHOLDER = re.compile(r"\[[A-Z][^\[\]]*\]")
_NBSP = "\u00a0"


def _fill(text: str, **kwargs: Any) -> str:
    # URLs and names such as PF-06463922 stay whole: a reader must be able to copy them; a
    # [BRACKETED PLACEHOLDER] stays on one line so it can be found and replaced.
    glued = _PLACEHOLDER.sub(lambda m: m.group(0).replace(" ", _NBSP), text.replace(_NBSP, " "))
    filled = textwrap.fill(glued, WIDTH, break_on_hyphens=False, break_long_words=False, **kwargs)
    return filled.replace(_NBSP, " ")


def render_text(blocks: list[tuple]) -> str:
    out: list[str] = []
    for block in blocks:
        kind = block[0]
        if kind in ("h1", "h2", "h3"):
            title = _text(block[1], plain)
            underline = {"h1": "=", "h2": "-", "h3": "~"}[kind]
            out.append(f"{title}\n{underline * min(WIDTH, len(title))}")
        elif kind == "p":
            out.append("\n".join(_fill(line) for line in _text(block[1], plain).split("\n")))
        elif kind in ("ul", "checklist"):
            mark = "* " if kind == "ul" else "[ ] "
            out.append("\n".join(_fill(_text(item, plain), initial_indent=mark, subsequent_indent=" " * len(mark))
                                 for item in block[1]))
        elif kind == "table":
            columns, rows = block[1], block[2]
            entries = ["\n".join(_fill(f"{c}: {plain(row.get(c, ''))}", subsequent_indent="    ") for c in columns)
                       for row in rows]
            out.append("\n\n".join(entries))
    return "\n\n".join(out) + "\n"
