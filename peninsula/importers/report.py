"""What an import did: counts per kind, what was skipped and why, warnings, redirects."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

EXAMPLES = 5


@dataclass
class Report:
    dry_run: bool = False
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    unchanged: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)  # reason -> count
    warnings: Counter = field(default_factory=Counter)  # message -> count
    examples: dict[str, list[str]] = field(default_factory=dict)  # reason or warning -> where
    redirects: int = 0
    seconds: float = 0.0

    def skip(self, reason: str, where: str, count: int = 1):
        self.skipped[reason] += count
        self._example(reason, where)

    def warn(self, message: str, where: str):
        self.warnings[message] += 1
        self._example(message, where)

    def _example(self, key: str, where: str):
        examples = self.examples.setdefault(key, [])
        if len(examples) < EXAMPLES and where not in examples:
            examples.append(where)

    def as_dict(self) -> dict:
        return {
            "dry_run": self.dry_run,
            "created": dict(self.created),
            "updated": dict(self.updated),
            "unchanged": dict(self.unchanged),
            "skipped": dict(self.skipped),
            "warnings": dict(self.warnings),
            "examples": self.examples,
            "redirects": self.redirects,
            "seconds": round(self.seconds, 1),
        }

    @classmethod
    def from_dict(cls, data: dict) -> Report:
        return cls(
            dry_run=data.get("dry_run", False),
            created=Counter(data.get("created", {})),
            updated=Counter(data.get("updated", {})),
            unchanged=Counter(data.get("unchanged", {})),
            skipped=Counter(data.get("skipped", {})),
            warnings=Counter(data.get("warnings", {})),
            examples=data.get("examples", {}),
            redirects=data.get("redirects", 0),
            seconds=data.get("seconds", 0.0),
        )

    def lines(self) -> list[str]:
        """The report as plain lines, for the command's output and the admin page."""
        lines = ["Dry run: nothing was saved." if self.dry_run else "Import finished."]
        for title, counts in (
            ("Created", self.created),
            ("Updated", self.updated),
            ("Unchanged", self.unchanged),
        ):
            if counts:
                parts = ", ".join(f"{n} {kind}" for kind, n in sorted(counts.items()))
                lines.append(f"{title}: {parts}.")
        lines.append(f"Redirects from old addresses: {self.redirects}.")
        for title, counts in (("Skipped", self.skipped), ("Warnings", self.warnings)):
            if counts:
                lines.append(f"{title}:")
                for reason, n in counts.most_common():
                    where = "; ".join(self.examples.get(reason, []))
                    lines.append(f"  {n} × {reason}" + (f" (e.g. {where})" if where else ""))
        return lines
