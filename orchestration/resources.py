"""Run settings shared by every asset: the home folder and the inputs of this run."""

from pathlib import Path

import dagster as dg

from orchestration.paths import SAMPLES_DIR, LedgerPaths


class LedgerSettings(dg.ConfigurableResource):
    """Where this run works and what it reads.

    Inputs of a kind given here (files, folders, or for news also feed URLs) replace the
    bundled sample of that kind; files dropped in `<home>/landing/<kind>/` are read in every run.
    """

    home: str = ""  # empty: LEDGER_HOME, else ./var
    news: list[str] = []
    trade: list[str] = []

    def paths(self) -> LedgerPaths:
        """The home's folders, resolved now (not at import time)."""
        return LedgerPaths.from_env(self.home or None)

    def _local(self, given: str, kind: str) -> Path:
        """A local path for an input: feed URLs are fetched into `<home>/feeds/` first."""
        if not given.lower().startswith(("http://", "https://")):
            return Path(given).expanduser().resolve()
        if kind != "news":
            raise ValueError(f"only news feeds can be given as URLs, not {kind} input {given}")
        from ingestion.news.fetch import fetch_feed

        fetched = fetch_feed(given, self.paths().home / "feeds")
        if fetched is None:
            raise RuntimeError(f"could not fetch {given} (see the log for the HTTP error)")
        return fetched

    def inputs(self, kind: str) -> list[tuple[Path, Path]]:
        """Input files of one kind with the folder their lineage names are relative to."""
        given = self.news if kind == "news" else self.trade
        roots = [self._local(p, kind) for p in given] or [SAMPLES_DIR / kind]
        landing = self.paths().landing / kind
        if landing.is_dir():
            roots.append(landing)
        found: list[tuple[Path, Path]] = []
        for root in roots:
            if not root.exists():
                raise FileNotFoundError(f"{kind} input not found: {root}")
            files = sorted(
                p
                for p in (root.rglob("*") if root.is_dir() else [root])
                if p.is_file()
                and not any(part.startswith(".") for part in p.relative_to(root).parts)
                and p.name.lower() != "readme.md"
            )
            base = root if root.is_dir() else root.parent
            found.extend((p, base) for p in files)
        return found
