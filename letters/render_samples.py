"""Render one sample decision letter per preset to docs/letters/<preset>.png (first page).

    .venv/bin/python -m letters.render_samples

So a council can see what Forewarn will send before it picks a preset.
Needs LibreOffice (soffice) and poppler (pdftoppm); it is run by hand when
the letters or templates change, never in tests or CI.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from letters.render_docx import write_docx
from letters.samples import SAMPLES, sample_decision_letter
from register.policy import load_preset

DOCS = Path(__file__).resolve().parent.parent / "docs" / "letters"


def _run(*command: str) -> None:
    subprocess.run(command, check=True, capture_output=True, timeout=300)


def render(preset_name: str, work: Path) -> Path:
    """One preset's sample letter: .docx, then PDF (LibreOffice), then PNG of page 1."""
    docx = write_docx(
        sample_decision_letter(preset_name, load_preset(preset_name)), work / f"{preset_name}.docx"
    )
    profile = f"-env:UserInstallation=file://{work / 'lo-profile'}"
    _run("soffice", profile, "--headless", "--convert-to", "pdf", "--outdir", str(work), str(docx))
    target = DOCS / preset_name
    _run(
        "pdftoppm",
        "-png",
        "-r",
        "80",
        "-f",
        "1",
        "-l",
        "1",
        "-singlefile",
        str(work / f"{preset_name}.pdf"),
        str(target),
    )
    return target.with_suffix(".png")


def main() -> None:
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(
            f"needs {' and '.join(missing)}: apt-get install libreoffice-writer-nogui poppler-utils"
        )
    DOCS.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        for name in SAMPLES:
            print(render(name, Path(folder)))


if __name__ == "__main__":
    main()
