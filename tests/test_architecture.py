"""The package's shape, checked from its source: each layer imports only from layers
below it (function-local and type-checking imports included), no module imports
another lazily except where start-up cost was measured, and no import cycle.

The layers and what each may import are written down in docs/ARCHITECTURE.md."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent / "trialfind"

# Layer -> the layers it may import from (besides itself).
ALLOWED = {
    "core": set(),
    "knowledge": {"core"},
    "sources": {"core"},
    "match": {"core", "knowledge"},
    "trials": {"core", "knowledge", "sources", "match"},
    "access": {"core", "knowledge", "sources", "match"},
    "output": {"core", "knowledge", "sources", "match", "trials", "access"},
    "registry": {"core", "knowledge", "output"},
    "watch": {"core", "knowledge", "sources", "match", "trials", "access", "output"},
    "web": {"core", "knowledge", "sources", "match", "trials", "access", "output", "registry", "watch"},
    "mcp": {"core", "knowledge", "sources", "match", "trials", "access", "output", "registry", "watch"},
    "cli": {"core", "knowledge", "sources", "match", "trials", "access", "output", "registry", "watch", "web",
            "mcp"},
}
# The package root only re-exports names lazily; `python -m trialfind` runs the CLI.
UNLAYERED = {"trialfind", "trialfind.__main__"}
# A function-local import of a trialfind module is allowed only with this marker and a
# reason on the same line (it exists to keep start-up fast where that was measured).
LAZY_MARKER = "# lazy:"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if module in UNLAYERED or len(parts) < 2:
        return None
    return parts[1]


def package_modules() -> dict[str, Path]:
    return {module_name(path): path for path in sorted(PACKAGE_DIR.rglob("*.py"))}


def trialfind_imports(path: Path) -> list[tuple[str, int, bool, str]]:
    """(imported module, line, is function-local, source line) for every import of trialfind."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    own = module_name(path)
    found = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            local = in_function or isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda))
            if isinstance(child, ast.Import):
                for alias in child.names:
                    if alias.name.split(".")[0] == "trialfind":
                        found.append((alias.name, child.lineno, in_function, lines[child.lineno - 1]))
            elif isinstance(child, ast.ImportFrom):
                if child.level:
                    base = own.split(".")[: -child.level + (1 if path.name == "__init__.py" else 0) or None]
                    target = ".".join(base + ([child.module] if child.module else []))
                else:
                    target = child.module or ""
                if target.split(".")[0] == "trialfind":
                    found.append((target, child.lineno, in_function, lines[child.lineno - 1]))
            visit(child, local)

    visit(tree, False)
    return found


def test_every_subpackage_has_a_declared_layer():
    undeclared = {layer_of(m) for m in package_modules()} - set(ALLOWED) - {None}
    assert not undeclared, f"add these to ALLOWED and docs/ARCHITECTURE.md: {sorted(undeclared)}"


def test_layers_import_only_from_below():
    violations = []
    for module, path in package_modules().items():
        layer = layer_of(module)
        if layer is None:
            continue
        for target, line, _, _ in trialfind_imports(path):
            target_layer = layer_of(target)
            if target == "trialfind":
                violations.append(f"{module}:{line} imports the package root")
            elif target_layer is not None and target_layer != layer and target_layer not in ALLOWED[layer]:
                violations.append(f"{module}:{line} ({layer}) imports {target} ({target_layer})")
    assert not violations, "\n".join(violations)


def test_no_function_local_imports_without_a_stated_reason():
    unexplained = []
    for module, path in package_modules().items():
        for target, line, local, text in trialfind_imports(path):
            if local and LAZY_MARKER not in text:
                unexplained.append(f"{module}:{line} imports {target} inside a function")
    assert not unexplained, "\n".join(unexplained)


def test_no_import_cycles():
    modules = package_modules()
    graph = {m: set() for m in modules}
    for module, path in modules.items():
        for target, _, _, _ in trialfind_imports(path):
            # "from trialfind.x import y" may name module trialfind.x.y or a name in trialfind.x
            if target in modules and target != module and module not in UNLAYERED:
                graph[module].add(target)
    cycles = []
    state: dict[str, int] = {}
    stack: list[str] = []

    def dfs(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in graph[node]:
            if state.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt):] + [nxt]))
            elif nxt not in state:
                dfs(nxt)
        stack.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            dfs(node)
    assert not cycles, "\n".join(cycles)


# Modules still waiting to be split by concern (issue 9); the list may only shrink.
NOT_YET_SPLIT: set[str] = set()
LINE_LIMIT = 400


def test_modules_stay_readable():
    """Over ~400 lines a module must say why in its docstring ("Longer than ...")."""
    long, split = [], []
    for module, path in package_modules().items():
        text = path.read_text(encoding="utf-8")
        over = text.count("\n") > LINE_LIMIT and "Longer than" not in (ast.get_docstring(ast.parse(text)) or "")
        if over and module not in NOT_YET_SPLIT:
            long.append(f"{module}: {text.count(chr(10))} lines")
        if not over and module in NOT_YET_SPLIT:
            split.append(module)
    assert not long, "\n".join(long)
    assert not split, f"now short enough: remove from NOT_YET_SPLIT: {split}"
