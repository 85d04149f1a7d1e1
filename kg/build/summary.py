"""What a build did: documents added, updated, unchanged and removed, errors, counts."""
from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["BuildSummary"]


@dataclass
class BuildSummary:
    """What a build did, for the CLI and the app's build page."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    files_read: int = 0
    files_unchanged: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what a person must know (a graph rebuilt, ids changed)
    nodes: dict[str, int] = field(default_factory=dict)
    relationships: dict[str, int] = field(default_factory=dict)
    store: str = "networkx"
    target: str = ""
    seconds: float = 0.0

    @property
    def changes(self) -> int:
        """Documents added, updated or removed (0 for a no-op rebuild)."""
        return len(self.added) + len(self.updated) + len(self.removed)

    def to_dict(self) -> dict:
        return {
            "added": self.added, "updated": self.updated, "unchanged": self.unchanged, "removed": self.removed,
            "files_read": self.files_read, "files_unchanged": self.files_unchanged,
            "errors": [{"path": p, "error": e} for p, e in self.errors], "notes": self.notes,
            "nodes": self.nodes, "relationships": self.relationships, "store": self.store,
            "target": self.target, "seconds": round(self.seconds, 3),
        }

    def format(self) -> str:
        """A few lines a person reads after ``python -m kg build``.

        >>> print(BuildSummary(added=["a"], nodes={"Document": 1}, relationships={"AUTHORED": 0}).format())
        documents: 1 added, 0 updated, 0 unchanged, 0 removed (0 files read, 0 unchanged)
        nodes: 1 (Document 1)
        relationships: 0
        """
        lines = [
            f"documents: {len(self.added)} added, {len(self.updated)} updated, {len(self.unchanged)} unchanged, "
            f"{len(self.removed)} removed ({self.files_read} files read, {self.files_unchanged} unchanged)",
            f"nodes: {sum(self.nodes.values())} (" + ", ".join(f"{k} {v}" for k, v in self.nodes.items() if v) + ")",
            f"relationships: {sum(self.relationships.values())}"
            + (" (" + ", ".join(f"{k} {v}" for k, v in self.relationships.items() if v) + ")"
               if any(self.relationships.values()) else ""),
        ]
        for note in self.notes:
            lines.append(f"note: {note}")
        for path, err in self.errors:
            lines.append(f"error: {path}: {err}")
        return "\n".join(lines)
