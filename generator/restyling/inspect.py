"""`check-template`: list everything a comms team's template lacks, what the build does instead, and what it drops."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from docx import Document
from pptx import Presentation

from ..problems import InputError, Problem
from ..templates.opening import open_package, read_template



@dataclass
class TemplateReport:
    """What a template offers, each gap with its fallback, what the build drops from it, and whether it can use it.

    ``dropped`` names each part, link or setting the build leaves out ("ppt/evil.bin (a macro project)");
    ``unusable`` gives each located reason the build cannot use the template at all.
    """

    path: Path
    facts: list[str] = field(default_factory=list)
    gaps: list[str] = field(default_factory=list)
    unusable: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)


def inspect_template(path: Path, layout_names: dict | None = None, style_names: dict | None = None) -> TemplateReport:
    """Return the report for one .pptx/.potx or .docx/.dotx template."""
    report = TemplateReport(path)
    suffix = path.suffix.lower()
    try:
        if suffix in (".pptx", ".potx", ".pptm", ".potm"):
            taken = read_template(path, "pptx")
            report.dropped.extend(taken.dropped)
            _inspect_presentation(open_package(taken.package, path, "pptx", Presentation), report, layout_names or {})
        elif suffix in (".docx", ".dotx", ".docm", ".dotm"):
            taken = read_template(path, "docx")
            report.dropped.extend(taken.dropped)
            _inspect_document(open_package(taken.package, path, "docx", Document), report, style_names or {})
        else:
            report.unusable.append("expected a .pptx, .potx, .docx or .dotx template")
    except InputError as error:
        report.unusable.extend(_located(problem) for problem in error.problems)
    return report


def _located(problem: Problem) -> str:
    """Return a problem's message with the part it is in ("part ppt/presentation.xml: ..."), the file being known."""
    return f"{problem.key_path}: {problem.message}" if problem.key_path else problem.message


def _inspect_presentation(prs, report: TemplateReport, overrides: dict) -> None:
    from ..branding import theme_fonts
    from ..deck.layouts import BODY_TYPES, FOOTER_TYPES, TITLE_TYPES, choose_layout, placeholder, proposed_layouts
    from ..slide_kinds import SLIDE_KINDS

    layouts = {layout.name: layout for layout in prs.slide_layouts}
    heading, body = theme_fonts(prs)
    report.facts.append(f"PowerPoint template with {len(layouts)} layouts; heading font {heading}, body font {body}")
    if not layouts:
        report.unusable.append("the template has no slide layouts")
        return
    if not any(placeholder(layout, TITLE_TYPES) is not None for layout in layouts.values()):
        report.unusable.append("no layout has a title placeholder, so no slide could have a title")
    for kind, declared in SLIDE_KINDS.items():
        choice = choose_layout(prs, declared.layouts, overrides.get(kind), kind)
        if choice.fallback:
            report.gaps.append(f"{kind} slides: {choice.fallback}")
        chosen = choice.layout.name
        layout = layouts[chosen]
        if placeholder(layout, TITLE_TYPES) is None:
            report.gaps.append(f"{kind} slides: layout '{chosen}' has no title placeholder; the slides get no title")
        if declared.needs_body and placeholder(layout, BODY_TYPES) is None:
            report.gaps.append(f"{kind} slides: layout '{chosen}' has no body placeholder; text goes in a text box")
        for ph_type, label in zip(FOOTER_TYPES, ("footer", "slide number")):
            if placeholder(layout, (ph_type,)) is None:
                report.gaps.append(f"{kind} slides: layout '{chosen}' has no {label} placeholder; slides of this "
                                   f"kind show no {label}")
    proposals = {kind: name for kind, name in proposed_layouts(prs).items() if kind not in overrides}
    if proposals:
        mapping = ", ".join(f'{kind}: "{name}"' for kind, name in proposals.items())
        report.facts.append(f"proposed for the data file, from the template's own layouts: "
                            f"theme: {{layouts: {{{mapping}}}}}")


_WHAT_IT_DOES = {"bullet": "the first paragraph style that draws bullets",
                 "heading": "the first paragraph style at outline level 1"}


def _inspect_document(doc, report: TemplateReport, overrides: dict) -> None:
    from ..briefing.styles import DEFAULT_STYLE_NAMES, find_style, list_marker, outline_level

    report.facts.append(f"Word template with {len(doc.styles)} styles")
    used = []
    for role in DEFAULT_STYLE_NAMES:
        found, tried = find_style(doc, role, overrides)
        if found is None:
            report.gaps.append(f"{role} text: no paragraph style named {' or '.join(repr(n) for n in tried)}; "
                               f"'{tried[-1]}' is created from a plain definition")
            typed = "; a '•' is typed before each item" if role == "bullet" else ""
            used.append(f"{role} '{tried[-1]}' (created{typed})")
            continue
        if found not in tried:
            report.gaps.append(f"{role} text: no paragraph style named {' or '.join(repr(n) for n in tried)}; "
                               f"uses '{found}', {_WHAT_IT_DOES[role]}")
        elif found != tried[0]:
            report.gaps.append(f"{role} text: no paragraph style named '{tried[0]}'; falls back to '{found}'")
        marker = list_marker(doc, found)
        if role == "bullet":
            drawn = "draws its own bullets" if marker == "bullet" else (
                f"draws its own {marker} numbers" if marker else "draws no bullets; a '•' is typed before each item")
            used.append(f"bullet '{found}' ({drawn})")
            if marker is None:
                report.gaps.append(f"bullet text: style '{found}' draws no bullets; a '•' is typed before each item")
        elif role == "heading":
            level = outline_level(doc, found)
            used.append(f"heading '{found}' (outline level 1)")
            if level != 0:
                report.gaps.append(f"heading text: style '{found}' is not at outline level 1; each part heading is "
                                   f"set at level 1, so the navigation pane and the PDF's tags list the parts")
        else:
            used.append(f"{role} '{found}'")
    report.facts.append("styles used: " + ", ".join(used))
