"""escape_markdown: a value inserted into a Markdown letter reads as typed and adds no markup."""
from __future__ import annotations

import pytest

from trialfind.output.document import escape_markdown


@pytest.mark.parametrize("raw, escaped", [
    ("larotrectinib", "larotrectinib"),
    ("**bold** _x_", r"\*\*bold\*\* \_x\_"),
    ("[click](https://evil.example)", r"\[click\]\(https:\/\/evil.example\)"),
    ("see https://evil.example or www.evil.example", r"see https:\/\/evil.example or www\.evil.example"),
    ("![img](x.png)", r"\!\[img\]\(x.png\)"),
    ("<script>alert(1)</script>", r"\<script\>alert\(1\)\</script\>"),
    ("a | b", r"a \| b"),
    ("x\n# Heading", r"x \# Heading"),
    ("`code`", r"\`code\`"),
    ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
    ("Johnson & Johnson", "Johnson & Johnson"),
    (None, ""),
])
def test_escape_markdown_makes_inserted_values_inert(raw, escaped):
    assert escape_markdown(raw) == escaped
