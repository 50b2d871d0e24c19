"""The corpus search syntax, parsed once and compiled for SQLite FTS5 or PostgreSQL ``tsquery``.

Syntax (the same on both engines; words are matched by their stem, case-insensitively):

- ``barrels oil`` — both words, in any order (``AND`` may be written);
- ``"barrels a day"`` — the exact phrase;
- ``occup*`` — a prefix;
- ``Israel OR Iran`` — either (``OR`` in capitals; AND binds tighter than OR);
- ``NOT ceasefire`` or ``-ceasefire`` — exclude (a query needs at least one word to look for);
- ``(truce OR ceasefire) -Gaza`` — parentheses group.

Only letters and digits of the user's words reach the engines, as a bound parameter.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from podium.errors import PodiumError

_TOKEN = re.compile(r'\s*(?:(?P<quote>"[^"]*"?)|(?P<paren>[()])|(?P<word>[^\s()"]+))')
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Term:
    words: tuple[str, ...]  # one word, or a phrase
    prefix: bool = False


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]


Node = Term | Not | And | Or


def _fail(query: str, reason: str) -> PodiumError:
    return PodiumError("E407", query=query, reason=reason)


def _tokens(query: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if match is None or match.end() == pos:
            break
        pos = match.end()
        kind = match.lastgroup
        if kind is not None:
            out.append((kind, match.group(kind)))
    return out


class _Parser:
    def __init__(self, query: str) -> None:
        self.query = query
        self.tokens = _tokens(query)
        self.i = 0

    def peek(self) -> tuple[str, str] | None:
        return self.tokens[self.i] if self.i < len(self.tokens) else None

    def parse(self) -> Node:
        node = self.or_expr()
        if self.peek() is not None:
            raise _fail(self.query, "unbalanced ')'")
        return node

    def or_expr(self) -> Node:
        children = [self.and_expr()]
        while self.peek() == ("word", "OR"):
            self.i += 1
            children.append(self.and_expr())
        return children[0] if len(children) == 1 else Or(tuple(children))

    def and_expr(self) -> Node:
        children: list[Node] = []
        while (token := self.peek()) is not None and token not in (("paren", ")"), ("word", "OR")):
            if token == ("word", "AND"):
                self.i += 1
                continue
            children.append(self.unary())
        if not children:
            raise _fail(self.query, "an operator or parenthesis has nothing to apply to")
        return children[0] if len(children) == 1 else And(tuple(children))

    def unary(self) -> Node:
        kind, value = self.tokens[self.i]
        if (kind, value) == ("word", "NOT") or (kind == "word" and value.startswith("-") and len(value) > 1):
            if value == "NOT":
                self.i += 1
                if self.peek() is None:
                    raise _fail(self.query, "NOT has nothing after it")
                return Not(self.unary())
            self.tokens[self.i] = (kind, value[1:])
            return Not(self.unary())
        self.i += 1
        if kind == "paren":
            if value == ")":  # pragma: no cover - and_expr stops before ')'
                raise _fail(self.query, "unbalanced ')'")
            node = self.or_expr()
            if self.peek() != ("paren", ")"):
                raise _fail(self.query, "a '(' is never closed")
            self.i += 1
            return node
        if kind == "quote":
            if len(value) < 2 or not value.endswith('"'):
                raise _fail(self.query, "a quotation mark is never closed")
            words = tuple(w.lower() for w in _WORD.findall(value))
            if not words:
                raise _fail(self.query, "an empty phrase")
            return Term(words)
        prefix = value.endswith("*")
        words = tuple(w.lower() for w in _WORD.findall(value))
        if not words:
            raise _fail(self.query, f"'{value}' has no letters or digits to look for")
        return Term(words, prefix=prefix)


def parse(query: str) -> Node:
    """The query as a tree; E407 (one clear message) for an empty or malformed query."""
    if not query.strip():
        raise _fail(query, "it is empty")
    node = _Parser(query).parse()
    if isinstance(node, Not) or not _has_positive(node):
        raise _fail(query, "it only excludes words; add at least one word to look for")
    return node


def _has_positive(node: Node) -> bool:
    if isinstance(node, Term):
        return True
    if isinstance(node, Not):
        return False
    if isinstance(node, And):
        return any(_has_positive(c) for c in node.children)
    return all(_has_positive(c) for c in node.children)


def to_fts5(node: Node, query: str = "") -> str:
    """The MATCH expression for SQLite FTS5 (whose NOT is binary: ``a NOT b``)."""
    if isinstance(node, Term):
        return '"' + " ".join(node.words) + '"' + ("*" if node.prefix else "")
    if isinstance(node, Not):
        raise _fail(query, "NOT needs a word to look for beside it, e.g. 'truce -Gaza'")
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(c, query) for c in node.children) + ")"
    positives = [to_fts5(c, query) for c in node.children if not isinstance(c, Not)]
    negatives = [to_fts5(c.child, query) for c in node.children if isinstance(c, Not)]
    if not positives:
        raise _fail(query, "NOT needs a word to look for beside it, e.g. 'truce -Gaza'")
    return "((" + " AND ".join(positives) + ")" + "".join(f" NOT {n}" for n in negatives) + ")"


def to_tsquery(node: Node) -> str:
    """The text for PostgreSQL's ``to_tsquery('english', ...)``."""
    if isinstance(node, Term):
        lexemes = [f"'{w}'" for w in node.words]
        if node.prefix:
            lexemes[-1] += ":*"
        return "(" + " <-> ".join(lexemes) + ")"
    if isinstance(node, Not):
        return "!" + to_tsquery(node.child)
    joiner = " & " if isinstance(node, And) else " | "
    return "(" + joiner.join(to_tsquery(c) for c in node.children) + ")"
