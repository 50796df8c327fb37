"""A small document model for letters: blocks (headings, paragraphs, lists, tables) whose
text is a template plus inserted values, rendered to Markdown (every inserted value
escaped, URLs as autolinks) or to plain text (wrapped at 78 columns without breaking a URL
or a hyphenated name)."""
from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass, field
from typing import Any, Callable, Union

WIDTH = 78
_URL = re.compile(r"https?://[^\s<>]+")
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
_LINE_START = re.compile(r"^(\s*)([+\-=]|\d+[.)])")


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


def md_escape(value: Any) -> str:
    """A value inserted into Markdown: nothing in it may become markup; URLs become autolinks."""
    text = _one_line(value)
    out, last = [], 0
    for url in _URL.finditer(text):
        out.append(_MD_SPECIAL.sub(r"\\\1", text[last:url.start()]))
        link = url.group(0).rstrip(".,;:)")
        out.append(f"<{link}>" + _MD_SPECIAL.sub(r"\\\1", url.group(0)[len(link):]))
        last = url.end()
    out.append(_MD_SPECIAL.sub(r"\\\1", text[last:]))
    # A value starting a line must not start a list: "- x" -> "\\- x", "1. x" -> "1\\. x".
    return _LINE_START.sub(lambda m: m.group(1) + (m.group(2)[:-1] + "\\" + m.group(2)[-1]), "".join(out))


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
