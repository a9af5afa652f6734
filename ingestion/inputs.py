"""Finding input files in the folders a run is given, and nothing outside them.

A folder is walked without following links: every entry is judged by `lstat`, so a symbolic link
(to a file or a folder, pointing inside the folder or out of it) is never opened. It is listed
as a refused input instead, and the loader turns it into a whole-file reject whose snippet is
empty: nothing of the link's target is read, hashed or shown. Entries that are not regular
files (FIFOs, sockets, devices) are refused the same way, since opening a FIFO would block the
run. Hidden entries (leading dot) and README.md files are skipped, as before.

A path given directly (a file or folder on the command line) is the user's own choice and is
resolved once by the caller; only what is found *inside* a folder is confined to it.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

SKIPPED_NAMES = frozenset({"readme.md"})

REFUSED_LINK_OUT = (
    "symbolic link refused: it points outside the input folder; inputs are read only from "
    "regular files inside the folders given (target not read)"
)
REFUSED_LINK_IN = (
    "symbolic link refused: links inside an input folder are not followed; inputs are read "
    "only from regular files (target not read)"
)
REFUSED_LINK_ROOT = (
    "symbolic link refused: the landing folder is a link; landing files are read only from "
    "the home's own folders (target not read)"
)


@dataclass(frozen=True)
class InputFile:
    """One entry found for a run: a file to read, or one refused with the reason."""

    path: Path  # as found (not resolved: a refused link keeps its own name)
    root: Path  # the folder its lineage name is relative to
    refused: str | None = None

    @property
    def display_name(self) -> str:
        """The lineage name: the path relative to its root, without following links."""
        try:
            return str(self.path.relative_to(self.root))
        except ValueError:
            return self.path.name


def _kind_of(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _link_reason(link: Path, root: Path) -> str:
    target = Path(os.path.realpath(link))
    real_root = Path(os.path.realpath(root))
    return REFUSED_LINK_IN if target.is_relative_to(real_root) else REFUSED_LINK_OUT


def walk_folder(root: Path) -> list[InputFile]:
    """Every non-hidden entry under `root` (a folder), sorted; links and specials refused."""
    found: list[InputFile] = []
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as exc:
            found.append(InputFile(folder, root, f"cannot list folder: {exc.strerror or exc}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            mode = entry.stat(follow_symlinks=False).st_mode
            if stat.S_ISLNK(mode):
                found.append(InputFile(path, root, _link_reason(path, root)))
            elif stat.S_ISDIR(mode):
                pending.append(path)
            elif entry.name.lower() in SKIPPED_NAMES:
                continue
            elif stat.S_ISREG(mode):
                found.append(InputFile(path, root))
            else:
                found.append(
                    InputFile(path, root, f"not a regular file ({_kind_of(mode)}): not read")
                )
    return sorted(found, key=lambda f: str(f.path))


def find_inputs(given: Path) -> list[InputFile]:
    """The input files for one path given by the user: the file itself, or its folder's files."""
    given = Path(given)
    if given.is_dir():
        return walk_folder(given)
    if given.is_file():
        return [InputFile(given, given.parent)]
    if given.exists():
        mode = given.stat().st_mode
        return [InputFile(given, given.parent, f"not a regular file ({_kind_of(mode)}): not read")]
    raise FileNotFoundError(f"input not found: {given}")


def find_landing_inputs(landing: Path) -> list[InputFile]:
    """Files in a landing folder (`<home>/landing/<kind>`), which must not itself be a link."""
    for folder in (landing.parent, landing):
        if folder.is_symlink():
            return [InputFile(folder, landing.parent.parent, REFUSED_LINK_ROOT)]
    return walk_folder(landing) if landing.is_dir() else []


def unique_inputs(files: list[InputFile]) -> list[InputFile]:
    """Drop repeats of one file reached twice (given twice, or a file inside a folder given).

    The same file read twice would list each of its rejects twice and load its records twice.
    Refused entries are compared by their own path, read files by their real path.
    """
    seen: set[str] = set()
    kept: list[InputFile] = []
    for item in files:
        key = str(item.path.absolute()) if item.refused else os.path.realpath(item.path)
        if key in seen:
            continue
        seen.add(key)
        kept.append(item)
    return kept
