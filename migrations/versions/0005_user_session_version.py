"""Staff sessions carry a per-user version, so that signing out, a new password or deactivation ends
every session of that user, also copies of the cookie.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    # A NOT NULL column with a default is added in place on SQLite and PostgreSQL; existing users start at 0
    # (their sessions from before end once, as those cookies name no version).
    op.add_column('users', sa.Column('session_version', sa.Integer(), server_default='0', nullable=False))


def downgrade():
    # In place, like 0003: rebuilding users in batch mode would drop a table that others refer to.
    op.drop_column('users', 'session_version')
