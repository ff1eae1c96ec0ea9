"""PDF copies of the outputs, made by LibreOffice where it is installed."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

NOT_INSTALLED = ("LibreOffice is not installed, so no PDFs were written; install it "
                 "(Debian/Ubuntu: apt-get install libreoffice-impress libreoffice-writer) and build again")


def find_soffice() -> str | None:
    """Return the LibreOffice command, or None when it is not installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert_to_pdf(paths: list[Path], timeout: int = 300) -> tuple[list[Path], str]:
    """Return the PDFs written beside ``paths`` and a problem ('' when none); each PDF lands atomically."""
    soffice = find_soffice()
    if soffice is None:
        return [], NOT_INSTALLED
    written = []
    with tempfile.TemporaryDirectory(prefix="lfr-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", work, *[str(p) for p in paths]]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as error:
            return [], f"LibreOffice could not convert the outputs to PDF ({error})"
        for path in paths:
            made = Path(work, path.stem + ".pdf")
            if not made.exists():
                return written, f"LibreOffice did not produce a PDF of {path.name}"
            target = path.with_suffix(".pdf")
            staged = target.with_name(f".{target.name}.tmp")
            shutil.copyfile(made, staged)
            os.replace(staged, target)
            written.append(target)
    return written, ""
