"""Registrations made on a tablet keep the tablet's sequence number and clock, like other field records.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN works in place on SQLite and PostgreSQL; no table rebuild is needed.
    op.add_column('attendees', sa.Column('device_seq', sa.Integer(), nullable=True))
    op.add_column('attendees', sa.Column('device_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    # Not in batch mode: rebuilding attendees would drop a table that check-ins refer to. SQLite (3.35 and
    # later) and PostgreSQL both drop a plain column in place.
    op.drop_column('attendees', 'device_at')
    op.drop_column('attendees', 'device_seq')
