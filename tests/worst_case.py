"""The default data grown to the documented limits: as many review types as an event may have, each listing as many
themes as it may, each as long as a theme may be."""

from __future__ import annotations


def worst_case(default: str, types: int, themes: int, characters: int) -> str:
    """Return ``default`` (the Tees data) with ``types`` review types, the added ones copies of its children's
    reviews listing ``themes`` themes of ``characters`` characters each."""
    lines = default.split("\n")
    start = lines.index("  children:")
    end = lines.index("  adults:")
    block = lines[start:end]
    themes_at = block.index("    themes:")
    after = themes_at + 1
    while block[after].startswith("      - "):
        after += 1
    copies = []
    for number in range(types - 3):  # with children, adults and domestic_homicide: `types` in all
        key = f"children{number}"
        named = [line.replace("  children:", f"  {key}:").replace("abbreviation: CSPR", f"abbreviation: C{number}")
                 .replace("{children.", f"{{{key}.") for line in block[:themes_at + 1]]
        listed = []
        for theme in range(themes):
            word = f"t{number}x{theme} "
            listed.append("      - " + (word * (characters // len(word) + 1))[:characters].strip())
        copies.extend(named + listed + [line.replace("{children.", f"{{{key}.") for line in block[after:]])
    return "\n".join(lines[:end] + copies + lines[end:])
