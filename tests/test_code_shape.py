"""The shape of the code (issue 23): no module of 500 lines or more, no function over 60 lines, and none ranked D or
worse by radon's cyclomatic complexity (21 or more), unless a comment right above it, starting '# Kept whole:',
says why it stays so."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

from radon.complexity import cc_rank, cc_visit

GENERATOR = Path(__file__).resolve().parent.parent / "generator"
MAX_MODULE_LINES = 499
MAX_FUNCTION_LINES = 60
WORST_RANK = "C"
KEPT_WHOLE = "# Kept whole:"


@functools.cache
def modules() -> list[tuple[Path, str]]:
    return [(path, path.read_text(encoding="utf-8")) for path in sorted(GENERATOR.rglob("*.py"))]


def kept_whole(lines: list[str], node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    """Return whether the comment line right above the function (or its first decorator) says why it stays."""
    first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
    return first >= 2 and lines[first - 2].strip().startswith(KEPT_WHOLE)


@functools.cache
def functions(source: str) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
    return [node for node in ast.walk(ast.parse(source)) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]


def test_no_module_is_500_lines_or_more() -> None:
    long = [f"{path.relative_to(GENERATOR.parent)}: {len(source.splitlines())} lines" for path, source in modules()
            if len(source.splitlines()) > MAX_MODULE_LINES]
    assert long == []


def test_no_function_is_over_60_lines_without_a_reason() -> None:
    long = []
    for path, source in modules():
        lines = source.splitlines()
        long.extend(f"{path.relative_to(GENERATOR.parent)}:{node.lineno} {node.name}" for node in functions(source)
                    if (node.end_lineno or node.lineno) - node.lineno + 1 > MAX_FUNCTION_LINES
                    and not kept_whole(lines, node))
    assert long == []


def test_no_function_is_ranked_d_or_worse_without_a_reason() -> None:
    complex_ = []
    for path, source in modules():
        lines = source.splitlines()
        by_line = {node.lineno: node for node in functions(source)}
        blocks = [block for item in cc_visit(source) for block in (item, *getattr(item, "methods", ()))]
        complex_.extend(f"{path.relative_to(GENERATOR.parent)}:{block.lineno} {block.name} "
                        f"({cc_rank(block.complexity)} {block.complexity})" for block in blocks
                        if cc_rank(block.complexity) > WORST_RANK and block.lineno in by_line
                        and not kept_whole(lines, by_line[block.lineno]))
    assert complex_ == []


def test_a_reason_above_a_function_is_found() -> None:
    source = "# Kept whole: one table of cases reads best in one place.\n@decorated\ndef f():\n    pass\n"
    assert kept_whole(source.splitlines(), functions(source)[0])
    assert not kept_whole(["def f():", "    pass"], functions("def f():\n    pass\n")[0])
