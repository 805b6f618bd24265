"""What an operator asks of a running gateway: how many cases it holds, and whether retention is enforced."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from gazoguard.store.db import Store
from gazoguard.store.models import Case, RetentionLogEntry, utcnow


@dataclass(frozen=True)
class GatewayStatus:
    cases: int
    expired_waiting: int  # past retention and not yet deleted (0 right after any open of the gateway)
    last_retention_purge: dt.datetime | None
    retention_interval_s: float

    def lines(self) -> list[str]:
        every = (f"サーバー稼働中は {self.retention_interval_s:g} 秒ごとにも削除 / also every {self.retention_interval_s:g} s while serving"
                 if self.retention_interval_s > 0 else "稼働中の定期削除は無効 / no periodic purge while serving")
        last = self.last_retention_purge.strftime("%Y-%m-%d %H:%M UTC") if self.last_retention_purge else "なし / none yet"
        return [
            f"案件 / cases: {self.cases}",
            f"保存期間切れで削除待ち / past retention, not yet deleted: {self.expired_waiting}",
            "保存期間の削除: 受付を開くたびに実行（Web・API だけの運用・CLI のいずれでも）/ retention purge: runs whenever the gateway is opened (web, API-only or CLI)",
            f"  {every}",
            f"最後の保存期間による削除 / last retention deletion: {last}",
        ]


def gateway_status(store: Store, retention_interval_s: float, *, now: dt.datetime | None = None) -> GatewayStatus:
    now = now or utcnow()
    with store.session() as session:
        cases = session.execute(select(func.count()).select_from(Case)).scalar_one()
        expired = session.execute(select(func.count()).select_from(Case).where(Case.expires_at <= now)).scalar_one()
        last = session.execute(select(func.max(RetentionLogEntry.deleted_at)).where(RetentionLogEntry.reason == "retention")).scalar_one()
    return GatewayStatus(cases, expired, last, retention_interval_s)
