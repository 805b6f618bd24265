"""The three console roles."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    STAFF = "staff"      # sees and decides only the cases assigned to them
    ADMIN = "admin"      # sees everything, including the restricted queue; edits policy and replies
    AUDITOR = "auditor"  # read-only: audit log, retention log, policy; never case images

    @property
    def label_ja(self) -> str:
        return {"staff": "担当者", "admin": "管理者", "auditor": "監査担当"}[self.value]
