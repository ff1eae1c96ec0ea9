"""A bilingual data file read for one language: ``title: {cy: ..., en: ...}`` becomes that language's text.

With ``event.languages: [cy, en]`` the data's text may give each language its own words, as a mapping whose
keys are all languages of the list; a plain string is used for both. The node tree is turned into one
language's before it meets the schema, so the model only ever holds plain text.
"""

from __future__ import annotations

import re

from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..i18n import known_languages
from ..problems import WARNING, Problem, listing, shorten
from ..register_records import name_key  # not register_rows: a data file without a register reads none of it

LANGUAGES_KEY = ("event", "languages")


def declared_languages(root: Node) -> list[str]:
    """Return the languages ``event.languages`` lists (lower case, as written), or [] when it lists none."""
    node = _child(_child(root, LANGUAGES_KEY[0]), LANGUAGES_KEY[1])
    if not isinstance(node, SequenceNode):
        return []
    return [item.value.strip().casefold() for item in node.value if isinstance(item, ScalarNode)]


def document_language(root: Node) -> str:
    """Return the language tag ``event.language`` gives, or 'en' when it gives none."""
    node = _child(_child(root, "event"), "language")
    return node.value if isinstance(node, ScalarNode) and isinstance(node.value, str) else "en"


def language_problems(root: Node, label: str) -> list[Problem]:
    """Return an error for a language ``event.languages`` lists that no catalogue writes, or lists twice."""
    node = _child(_child(root, LANGUAGES_KEY[0]), LANGUAGES_KEY[1])
    if node is None:
        return []
    known = known_languages()
    line, key_path = node.start_mark.line + 1, ".".join(LANGUAGES_KEY)
    languages = declared_languages(root)
    problems = [Problem(f"expected a language the generator writes ({listing(known)}), got '{shorten(language)}'",
                        label, line, key_path) for language in languages if language not in known]
    if len(set(languages)) != len(languages):
        problems.append(Problem("a language is listed twice; list each once, the one to build first first", label,
                                line, key_path))
    return problems


def in_language(root: Node, language: str, languages: list[str], node_files: dict[int, str],
                label: str) -> tuple[Node, list[Problem]]:
    """Return the node tree with every translation mapping replaced by its text in ``language``, and a warning
    naming each key that has no text in it (the first language's text, or any, is used instead)."""
    problems: list[Problem] = []

    def chosen(node: Node, path: str) -> Node:
        if isinstance(node, MappingNode):
            if _is_translation(node, languages):
                texts = {key.value.casefold(): value for key, value in node.value}
                if language in texts:
                    return texts[language]
                fallback = next((texts[other] for other in languages if other in texts))
                problems.append(Problem(f"no {language} text; the {_language_name(fallback, texts)} text is used "
                                        f"(give it as {{{', '.join(f'{code}: ...' for code in languages)}}})",
                                        file=node_files.get(id(node), label), line=node.start_mark.line + 1,
                                        key_path=path, severity=WARNING, category="translation"))
                return fallback
            node.value = [(key, chosen(value, f"{path}.{key.value}" if path else str(key.value)))
                          for key, value in node.value]
        elif isinstance(node, SequenceNode):
            node.value = [chosen(item, f"{path}[{index}]") for index, item in enumerate(node.value)]
        return node

    return chosen(root, ""), problems


# The names a register's rows use: a type's names, its themes' and its criteria's.
REGISTER_NAME = re.compile(r"^review_types\.[^.\[]+\.(abbreviation|name|full_name|singular|themes\[\d+\](\.name)?"
                           r"|criteria\[\d+\])$")


def names_in_first_language(this: Node, first: Node) -> dict[str, str]:
    """Return each review type, theme and criterion name of the first language's tree (``first``) that this
    version's tree (``this``, of the same data read in another language) names otherwise, keyed as a register's
    names are compared: a register written in the first language then serves every version."""
    found: dict[str, str] = {}

    def walk(mine: Node, theirs: Node, path: str) -> None:
        if isinstance(mine, ScalarNode) and isinstance(theirs, ScalarNode):
            if mine.value != theirs.value and REGISTER_NAME.match(path):
                found[name_key(str(theirs.value))] = str(mine.value)
        elif isinstance(mine, MappingNode) and isinstance(theirs, MappingNode):
            for (key, value), (_key, other) in zip(mine.value, theirs.value):
                walk(value, other, f"{path}.{key.value}" if path else str(key.value))
        elif isinstance(mine, SequenceNode) and isinstance(theirs, SequenceNode):
            for index, (item, other) in enumerate(zip(mine.value, theirs.value)):
                walk(item, other, f"{path}[{index}]")

    walk(this, first, "")
    return found


def _is_translation(node: MappingNode, languages: list[str]) -> bool:
    keys = [key.value.casefold() for key, _value in node.value if isinstance(key, ScalarNode)]
    return bool(keys) and len(keys) == len(node.value) and all(key in languages for key in keys) and all(
        isinstance(value, ScalarNode) for _key, value in node.value)


def _language_name(value: Node, texts: dict[str, Node]) -> str:
    return next(code for code, node in texts.items() if node is value)


def _child(node: Node | None, key: str) -> Node | None:
    if not isinstance(node, MappingNode):
        return None
    return next((value for name, value in node.value if isinstance(name, ScalarNode) and name.value == key), None)

