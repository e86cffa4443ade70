"""Finding, loading and copying policy presets.

The five published policies ship as TOML files inside the `register`
package (`register/presets/`), read through importlib.resources so they
travel with the code. A council that wants different rules copies one with
`copy_preset`, edits it, and points Forewarn at the copy; the copy is
checked exactly like a shipped preset, and every problem is reported as a
PresetError naming the file and the field.
"""

from __future__ import annotations

import tomllib
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from pydantic import ValidationError

from register.errors import PresetError
from register.policy.model import Preset

_SUFFIX = ".toml"


def _shipped() -> Traversable:
    return files("register").joinpath("presets")


def available_presets() -> list[str]:
    """The names of the presets Forewarn ships, e.g. "rhondda-cynon-taf", sorted."""
    return sorted(
        entry.name.removesuffix(_SUFFIX)
        for entry in _shipped().iterdir()
        if entry.is_file() and entry.name.endswith(_SUFFIX)
    )


def _is_path(name_or_path: str | Path) -> bool:
    text = str(name_or_path)
    return isinstance(name_or_path, Path) or text.endswith(_SUFFIX) or "/" in text or "\\" in text


def _read(name_or_path: str | Path) -> tuple[str, str]:
    """The preset's text and the name to call its file in messages."""
    if _is_path(name_or_path):
        path = Path(name_or_path)
        try:
            return path.read_text(encoding="utf-8"), str(path)
        except OSError as error:
            raise PresetError(f"{path}: cannot be read ({error.strerror})") from error
    name = str(name_or_path)
    if name not in available_presets():
        raise PresetError(
            f"there is no preset called {name!r}; choose one of "
            f"{', '.join(available_presets())} or give the path to your own .toml file"
        )
    return _shipped().joinpath(name + _SUFFIX).read_text(encoding="utf-8"), name + _SUFFIX


def _field(location: tuple[int | str, ...]) -> str:
    """('steps', 1, 'approved_by') -> 'steps[1].approved_by'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text.lstrip(".")


# Pydantic's wording where a council officer would not recognise it.
_PLAIN: dict[str, str] = {
    "extra_forbidden": "is not a setting Forewarn knows (check the spelling)",
    "missing": "is missing",
    "too_short": "needs at least one entry",
}


def _explain(source: str, error: ValidationError) -> PresetError:
    """One PresetError listing every problem as "file: field: what is wrong"."""
    lines = []
    for item in error.errors(include_url=False):
        where, what = _field(item["loc"]), _PLAIN.get(item["type"], item["msg"])
        lines.append(f"{source}: {where}: {what}" if where else f"{source}: {what}")
    return PresetError("\n".join(lines))


def load_preset(name_or_path: str | Path) -> Preset:
    """A shipped preset by name ("welwyn-hatfield-bc"), or a council's own file by path."""
    text, source = _read(name_or_path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise PresetError(f"{source}: is not valid TOML: {error}") from error
    if "source" in data:
        raise PresetError(f"{source}: source: is set by Forewarn and cannot be given in the file")
    try:
        return Preset.model_validate({**data, "source": source})
    except ValidationError as error:
        raise _explain(source, error) from None


def copy_preset(name: str, dest_path: str | Path) -> Path:
    """Copy a shipped preset, comments and all, for a council to edit; returns the new file.

    `dest_path` may be a folder (the copy keeps the preset's file name) or a
    file path. An existing file is never overwritten: it may be a council's
    edited policy.
    """
    dest = Path(dest_path)
    if dest.is_dir():
        dest = dest / (name + _SUFFIX)
    text, _ = _read(name)
    try:
        with dest.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError as error:
        raise PresetError(f"{dest}: already exists; choose another name") from error
    except OSError as error:
        raise PresetError(f"{dest}: cannot be written ({error.strerror})") from error
    return dest
