"""The evaluation's result: named figures, the misses behind them, and how both are shown."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

Figure = float | int


@dataclass
class Section:
    """What one scorer found: its figures (in table order) and its misses by kind."""

    figures: dict[str, Figure] = field(default_factory=dict)
    misses: dict[str, list[Any]] = field(default_factory=dict)


@dataclass
class Report:
    """Every section's figures and misses, in the order the scorers ran."""

    figures: dict[str, Figure] = field(default_factory=dict)
    misses: dict[str, list[Any]] = field(default_factory=dict)

    @classmethod
    def join(cls, sections: list[Section]) -> Report:
        """One report from the sections, keeping their order."""
        report = cls()
        for section in sections:
            report.figures.update(section.figures)
            report.misses.update(section.misses)
        return report

    def table(self) -> str:
        """One line per figure: the name padded to 32 columns, then the value."""
        return "".join(f"{name:32s} {value}\n" for name, value in self.figures.items())

    def to_json(self) -> str:
        """`{"figures": {...}, "misses": {...}}`, every miss listed, non-ASCII kept."""
        return json.dumps({"figures": self.figures, "misses": self.misses},
                          indent=1, ensure_ascii=False) + "\n"


def share(part: int, whole: int) -> float:
    """part / whole to three decimals; 0.0 when there is nothing to share."""
    return round(part / whole, 3) if whole else 0.0


def precision_recall_f1(tp: int, fp: int, found: int, total: int) -> tuple[float, float, float]:
    """Precision tp/(tp+fp), recall found/total and their F1, each to three decimals.

    F1 is computed from the unrounded precision and recall.
    """
    p = tp / (tp + fp) if tp + fp else 0.0
    r = found / total if total else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 3), round(r, 3), round(f, 3)
