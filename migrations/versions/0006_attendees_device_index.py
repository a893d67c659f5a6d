"""Residents are indexed by the tablet that registered them: every push's receipt counts that tablet's
records, and without the index it read every resident of the county.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_attendees_device_id', 'attendees', ['device_id'], unique=False)


def downgrade():
    op.drop_index('ix_attendees_device_id', table_name='attendees')
