"""Indexes for the office's pages at county scale (bench/office.py: 100,000 residents, 1,000,000 check-ins):
check-ins by event and attendee (a township's residents include everyone checked in at its events), by time
and by event and time (the dashboard's months and days), services by time (the month comparison), and
interests in the referral queue's order (its first page without sorting every open interest).

Revision ID: 0012
Revises: 0010
Create Date: 2026-12-02

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_checkins_event_id_attendee_id', 'checkins', ['event_id', 'attendee_id'], unique=False)
    op.create_index('ix_checkins_device_at', 'checkins', ['device_at'], unique=False)
    op.create_index('ix_checkins_event_id_device_at', 'checkins', ['event_id', 'device_at'], unique=False)
    op.create_index('ix_services_given_device_at', 'services_given', ['device_at'], unique=False)
    op.create_index('ix_interests_status_at_id', 'interests', ['status_at', 'id'], unique=False)


def downgrade():
    op.drop_index('ix_interests_status_at_id', table_name='interests')
    op.drop_index('ix_services_given_device_at', table_name='services_given')
    op.drop_index('ix_checkins_event_id_device_at', table_name='checkins')
    op.drop_index('ix_checkins_device_at', table_name='checkins')
    op.drop_index('ix_checkins_event_id_attendee_id', table_name='checkins')
