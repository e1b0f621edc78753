"""YAML written by contributors (front matter, the partner registry), read defensively.

Content arrives through pull requests, so its YAML is parsed as untrusted input:

- no aliases or anchors: they are never needed, and a few lines of them ("billion laughs") make
  any code that walks the values do exponential work;
- only plain types: text, whole numbers, true/false, null, lists and fields. Floats and dates stay
  text (`16.9`, `.inf`, `NaN` are strings the content model refuses with its own message; the
  model parses dates itself), and `yes`/`no`/`on`/`off` are text too (YAML 1.2), so the country
  code `NO` stays Norway;
- explicit tags other than those types are refused (`!!binary`, `!!python/...`, `!!set`);
- values nested deeper than a few levels, more than a bounded number of values, field names that
  are not text and fields given twice are refused.

Each refusal is a `YamlRefused` with the line it is on; syntax errors stay `yaml.YAMLError`.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.events import AliasEvent, NodeEvent

BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C one where built

MAX_DEPTH = 8  # the deepest real content: registry list > organization > aliases list
MAX_NODES = 200_000  # far above a release naming thousands of partners

STR = "tag:yaml.org,2002:str"
ALLOWED_TAGS = {
    STR,
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
}


class YamlRefused(ValueError):
    """YAML that parses but is not accepted as content, with the 1-based line it is on."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class ContentLoader(BaseLoader):
    """The safe loader with YAML 1.2's core types only: no floats, dates or yes/no booleans."""

    yaml_implicit_resolvers: dict = {}


ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:int", re.compile(r"^[-+]?(?:0|[1-9][0-9]*)$"), list("-+0123456789")
)
ContentLoader.add_implicit_resolver(
    "tag:yaml.org,2002:null", re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""]
)


def _refuse_aliases(text: str, first_line: int) -> None:
    """Aliases start with '*' and anchors with '&': only text holding one is scanned."""
    if "&" not in text and "*" not in text:
        return
    for event in yaml.parse(text, Loader=BaseLoader):
        line = event.start_mark.line + first_line
        if isinstance(event, AliasEvent):
            raise YamlRefused(
                line,
                f"YAML alias '*{event.anchor}' is not allowed: write the value out in full "
                "(aliases and anchors are never needed in content)",
            )
        if isinstance(event, NodeEvent) and event.anchor:
            raise YamlRefused(
                line,
                f"YAML anchor '&{event.anchor}' is not allowed: remove it and write values out "
                "in full",
            )


def _check_nodes(root: yaml.Node, first_line: int) -> None:
    """Tags, depth, size, field names and repeated fields, walked without recursion."""
    stack = [(root, 1)]
    count = 0
    while stack:
        node, depth = stack.pop()
        count += 1
        line = node.start_mark.line + first_line
        if count > MAX_NODES:
            raise YamlRefused(line, f"more than {MAX_NODES:,} values: split the file")
        if node.tag not in ALLOWED_TAGS:
            raise YamlRefused(
                line,
                f"YAML tag {node.tag.replace('tag:yaml.org,2002:', '!!')!r} is not allowed: "
                "write plain text, whole numbers, true/false, lists and fields",
            )
        if depth > MAX_DEPTH:
            raise YamlRefused(
                line,
                f"values nested more than {MAX_DEPTH} levels deep: a field holds text, a number, "
                "or a list of them",
            )
        if isinstance(node, yaml.SequenceNode):
            stack.extend((child, depth + 1) for child in node.value)
        elif isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                key_line = key.start_mark.line + first_line
                if not isinstance(key, yaml.ScalarNode) or key.tag not in ALLOWED_TAGS:
                    raise YamlRefused(key_line, "a field name must be plain text")
                if key.value in seen:
                    raise YamlRefused(
                        key_line,
                        f"field {key.value!r} is given twice (also on line {seen[key.value]}): "
                        "keep one",
                    )
                seen[key.value] = key_line
                stack.append((value, depth + 1))


def load(text: str, first_line: int = 1) -> tuple[Any, yaml.Node | None]:
    """The data of a YAML document and its node tree (for line numbers).

    `first_line` is the file line the text starts on (2 for front matter). Raises YamlRefused for
    content that is not accepted, yaml.YAMLError for syntax errors.
    """
    _refuse_aliases(text, first_line)
    loader = ContentLoader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None, None
        _check_nodes(node, first_line)
        return loader.construct_document(node), node
    finally:
        loader.dispose()


def error_line(exc: yaml.YAMLError, first_line: int = 1) -> int:
    """The file line a YAML syntax error points at."""
    mark = getattr(exc, "problem_mark", None)
    return mark.line + first_line if mark is not None else first_line
