"""audit entries name their organisation (per-organisation audit views)

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('audit_log') as batch:
        batch.add_column(sa.Column('org_id', sa.String(length=64), nullable=True))
        batch.create_index('ix_audit_log_org_id', ['org_id'])


def downgrade() -> None:
    with op.batch_alter_table('audit_log') as batch:
        batch.drop_index('ix_audit_log_org_id')
        batch.drop_column('org_id')
