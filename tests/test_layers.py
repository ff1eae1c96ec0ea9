"""The import contract: each module imports only from its own layer or those beneath it, and no import cycle.

The layers are those of README "How it works", top first. Every import counts, at the top of a module or inside
a function, except those under ``if TYPE_CHECKING:`` (they name types for mypy and never run).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parent.parent / "generator"

ROOT = "generator"  # the package itself (its __init__), beneath everything; not a prefix of every module
# Top first. A module belongs to the layer of the longest prefix that names it.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("command line", ("generator.cli",)),
    ("commands", ("generator.build", "generator.watch", "generator.new_event", "generator.checks",
                  "generator.restyling", "generator.register_workbook", "generator.fonts")),
    ("builders", ("generator.deck", "generator.briefing", "generator.branding", "generator.pictures",
                  "generator.figures_workbook", "generator.look")),
    ("plan", ("generator.plan", "generator.deck.plan", "generator.deck.slides", "generator.deck.kinds",
              "generator.deck.timeline_slides", "generator.briefing.plan",
              "generator.briefing.line_breaks", "generator.pictures.plan", "generator.pictures.page")),
    ("loading", ("generator.loading",)),
    ("free text", ("generator.free_text", "generator.placeholders")),
    ("figures", ("generator.figures", "generator.timeline")),
    ("data_source", ("generator.data_source",)),
    ("counting", ("generator.counting", "generator.age_bands")),
    ("model", ("generator.model", "generator.register_records", "generator.wording", "generator.categories",
               "generator.timescales")),
    ("files", ("generator.output", "generator.templates", "generator.library_internals")),
    ("beneath everything", (ROOT, "generator.paths", "generator.locale_files", "generator.user_messages", "generator.output_formats", "generator.problems",
                            "generator.slide_kinds", "generator.charts", "generator.text_fit", "generator.colour",
                            "generator.ooxml", "generator.suppression", "generator.audit", "generator.palette",
                            "generator.i18n")),
)

# Modules that must load without python-pptx or python-docx (validating a theme, the chart description).
DRAWING_FREE = ("generator.charts", "generator.slide_kinds", "generator.data_source.branding_checks",
                "generator.deck.plan", "generator.deck.slides", "generator.deck.kinds", "generator.briefing.plan",
                "generator.figures", "generator.cli")


def module_names(root: Path = GENERATOR) -> dict[str, Path]:
    """Return every module of the package under ``root``, by dotted name."""
    names = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        names[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return names


def imports_of(name: str, source: str, is_package: bool, known: set[str]) -> set[str]:
    """Return the package's modules that ``source`` (module ``name``) imports, anywhere but under TYPE_CHECKING."""
    found: set[str] = set()
    for node in _running_nodes(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _absolute(node.module, node.level, name, is_package)
            for alias in node.names:
                found.add(f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base)
    return {module for module in found if module in known and module != name}


def _running_nodes(tree: ast.AST):
    """Yield every node except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (inner for branch in node.orelse for inner in [branch, *_running_nodes(branch)])
            continue
        yield node
        yield from _running_nodes(node)


def _absolute(module: str | None, level: int, importer: str, is_package: bool) -> str:
    if level == 0:
        return module or ""
    parts = importer.split(".")
    if not is_package:
        parts = parts[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join(parts + ([module] if module else []))


def import_graph(root: Path = GENERATOR) -> dict[str, set[str]]:
    """Return, for each module of the package, the modules of the package it imports."""
    names = module_names(root)
    return {name: imports_of(name, path.read_text(encoding="utf-8"), path.name == "__init__.py", set(names))
            for name, path in names.items()}


def layer_of(module: str, layers=LAYERS) -> int:
    """Return the index of the module's layer (0 at the top); raise KeyError for a module in none."""
    best = max(((len(prefix), index) for index, (_, prefixes) in enumerate(layers) for prefix in prefixes
                if module == prefix or (prefix != ROOT and module.startswith(prefix + "."))), default=None)
    if best is None:
        raise KeyError(module)
    return best[1]


def upward_imports(graph: dict[str, set[str]], layers=LAYERS) -> list[str]:
    """Return each import of a module from a layer above its own, as 'a (layer) imports b (layer)'."""
    found = []
    for importer, imported in sorted(graph.items()):
        for module in sorted(imported):
            if layer_of(module, layers) < layer_of(importer, layers):
                found.append(f"{importer} ({layers[layer_of(importer, layers)][0]}) imports {module} "
                             f"({layers[layer_of(module, layers)][0]})")
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Return the import cycles: each strongly connected group of two or more modules (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for after in sorted(graph.get(node, ())):
            if after not in index:
                visit(after)
                low[node] = min(low[node], low[after])
            elif after in on_stack:
                low[node] = min(low[node], index[after])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def test_every_module_is_in_a_layer():
    assert [name for name in module_names() if _in_no_layer(name)] == []


def _in_no_layer(name: str) -> bool:
    try:
        layer_of(name)
    except KeyError:
        return True
    return False


def test_no_module_imports_from_a_layer_above_its_own():
    assert upward_imports(import_graph()) == []


def test_there_is_no_import_cycle():
    assert cycles(import_graph()) == []


def test_a_deliberate_upward_import_fails_the_contract(tmp_path):
    package = tmp_path / "generator"
    (package / "deck").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "deck" / "__init__.py").write_text("")
    (package / "model.py").write_text("def f():\n    from .deck import writer  # upward, inside a function\n")
    (package / "deck" / "writer.py").write_text("from ..model import f\n")
    graph = import_graph(package)
    assert graph == {"generator": set(), "generator.deck": set(), "generator.model": {"generator.deck.writer"},
                     "generator.deck.writer": {"generator.model"}}
    assert upward_imports(graph) == ["generator.model (model) imports generator.deck.writer (builders)"]
    assert cycles(graph) == [["generator.deck.writer", "generator.model"]]


def test_type_checking_imports_do_not_count(tmp_path):
    source = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from .deck import writer\n"
              "else:\n    from . import paths\n")
    known = {"generator.deck.writer", "generator.paths", "generator.model"}
    assert imports_of("generator.model", source, False, known) == {"generator.paths"}


def test_layers_are_matched_by_the_longest_prefix():
    assert LAYERS[layer_of("generator.deck.plan")][0] == "plan"
    assert LAYERS[layer_of("generator.deck.writer")][0] == "builders"
    assert LAYERS[layer_of("generator")][0] == "beneath everything"
    with pytest.raises(KeyError):
        layer_of("generator.new_module")  # the package's own name is not a prefix: a new module must be placed
    with pytest.raises(KeyError):
        layer_of("elsewhere.module")


@pytest.mark.parametrize("module", DRAWING_FREE)
def test_module_loads_without_python_pptx_or_python_docx(module):
    loaded = subprocess.run([sys.executable, "-c", f"import sys, {module}; "
                             "print(sorted({m.split('.')[0] for m in sys.modules} & {'pptx', 'docx'}))"],
                            capture_output=True, text=True, cwd=GENERATOR.parent, check=True)
    assert loaded.stdout.strip() == "[]"
