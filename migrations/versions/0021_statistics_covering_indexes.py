"""Covering indexes for the quarterly statistics table: check-ins by event with their attendee and method
(replacing the index by event and attendee, which it contains), and residents by id with their living record
and group. On SQLite, which joins by looking up each check-in's rows in turn, the table's pass over a million
check-ins then reads two indexes instead of two indexes and two tables.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-02

"""
from alembic import op


# revision identifiers, used by Alembic.
revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_checkins_event_id_attendee_id_method', 'checkins', ['event_id', 'attendee_id', 'method'],
                    unique=False)
    op.drop_index('ix_checkins_event_id_attendee_id', table_name='checkins')
    op.create_index('ix_attendees_id_merged_into_id_group', 'attendees', ['id', 'merged_into_id', 'group'],
                    unique=False)


def downgrade():
    op.drop_index('ix_attendees_id_merged_into_id_group', table_name='attendees')
    op.create_index('ix_checkins_event_id_attendee_id', 'checkins', ['event_id', 'attendee_id'], unique=False)
    op.drop_index('ix_checkins_event_id_attendee_id_method', table_name='checkins')
