"""Postings name whom the office calls about referrals: a contact name and phone (empty: the employer's).
Staff whose password an administrator reset set a new one at their next sign-in: users.must_change_password.
Interests keep the time of their latest referral step (status_at, filled from the steps), indexed with their
status: the office's queue orders and flags by it without reading every step.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN works in place on SQLite and PostgreSQL; the server default fills existing rows.
    op.add_column('postings', sa.Column('contact_name', sa.String(length=100), server_default='', nullable=False))
    op.add_column('postings', sa.Column('contact_phone', sa.String(length=32), server_default='', nullable=False))
    op.add_column('users', sa.Column('must_change_password', sa.Boolean(), server_default=sa.false(),
                                     nullable=False))
    op.add_column('interests', sa.Column('status_at', sa.DateTime(timezone=True), nullable=True))
    op.execute("UPDATE interests SET status_at = COALESCE((SELECT MAX(referral_steps.at) FROM referral_steps "
               "WHERE referral_steps.interest_id = interests.id), interests.device_at)")
    op.create_index('ix_interests_status_status_at', 'interests', ['status', 'status_at'], unique=False)


def downgrade():
    op.drop_index('ix_interests_status_status_at', table_name='interests')
    # In place, not in batch mode: rebuilding interests would drop the table referral steps refer to with
    # ON DELETE CASCADE.
    op.drop_column('interests', 'status_at')
    op.drop_column('users', 'must_change_password')
    # Not in batch mode: rebuilding postings would drop a table that translations refer to with ON DELETE
    # CASCADE (and interests, services refer to). SQLite (3.35 and later) and PostgreSQL drop a column in place.
    op.drop_column('postings', 'contact_phone')
    op.drop_column('postings', 'contact_name')
