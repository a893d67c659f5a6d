"""Residents are indexed by the time of their consent: the office's residents list shows the newest
registrations first and filters by registration period.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_attendees_consent_at', 'attendees', ['consent_at'], unique=False)


def downgrade():
    op.drop_index('ix_attendees_consent_at', table_name='attendees')
