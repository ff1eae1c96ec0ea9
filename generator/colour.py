"""Colour arithmetic, defined once: sRGB to linear light and back, luminance and WCAG contrast.

The thresholds are those of the sRGB standard (IEC 61966-2-1), which WCAG 2.2
also uses; WCAG 2.0's older 0.03928 differs only in the fourth decimal place.
"""

from __future__ import annotations

MINIMUM_TEXT_CONTRAST = 4.5  # WCAG 2.2 AA, normal text
MINIMUM_GRAPHIC_CONTRAST = 3.0  # WCAG 2.2 AA, non-text contrast (chart bars)


def to_linear(channel: float) -> float:
    """Return an sRGB channel (0 to 1) in linear light."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def to_srgb(channel: float) -> float:
    """Return a linear-light channel (0 to 1) as sRGB."""
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def channels(hex_colour: str) -> tuple[float, float, float]:
    """Return an 'RRGGBB' colour's sRGB channels, each 0 to 1."""
    red, green, blue = (int(hex_colour[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return red, green, blue


def to_hex(red: float, green: float, blue: float) -> str:
    """Return sRGB channels (0 to 1, clamped) as 'RRGGBB'."""
    return "".join(f"{round(max(0.0, min(1.0, c)) * 255):02X}" for c in (red, green, blue))


def luminance(hex_colour: str) -> float:
    """Return the relative luminance of an 'RRGGBB' colour."""
    red, green, blue = (to_linear(c) for c in channels(hex_colour))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two 'RRGGBB' colours (1 to 21)."""
    light, dark = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
