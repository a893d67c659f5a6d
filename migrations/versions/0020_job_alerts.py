"""Opt-in job alerts: residents' alert subscriptions and the SMS outbox.

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'alert_subscriptions',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('attendee_id', sa.String(length=36), nullable=False),
        sa.Column('sectors', sa.String(length=200), nullable=False),
        sa.Column('townships', sa.String(length=2000), nullable=False),
        sa.Column('lang', sa.String(length=8), nullable=False),
        sa.Column('optout_token', sa.String(length=32), nullable=False),
        sa.Column('consent_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('opted_out_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['attendee_id'], ['attendees.id'],
                                name=op.f('fk_alert_subscriptions_attendee_id_attendees')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_alert_subscriptions')),
        sa.UniqueConstraint('attendee_id', name=op.f('uq_alert_subscriptions_attendee_id')),
        sa.UniqueConstraint('optout_token', name=op.f('uq_alert_subscriptions_optout_token')),
    )
    op.create_table(
        'sms_outbox',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('attendee_id', sa.String(length=36), nullable=False),
        sa.Column('posting_id', sa.String(length=36), nullable=False),
        sa.Column('text', sa.String(length=500), nullable=False),
        sa.Column('status', sa.Enum('queued', 'sent', 'failed', 'gave_up', name='smsstatus',
                                    native_enum=False, length=16), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('next_attempt_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('last_error', sa.String(length=64), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('sent_at', sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(['attendee_id'], ['attendees.id'], name=op.f('fk_sms_outbox_attendee_id_attendees')),
        sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_sms_outbox_posting_id_postings')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_sms_outbox')),
        sa.UniqueConstraint('attendee_id', 'posting_id', name=op.f('uq_sms_outbox_attendee_id_posting_id')),
    )
    op.create_index('ix_sms_outbox_posting_id', 'sms_outbox', ['posting_id'], unique=False)
    op.create_index('ix_sms_outbox_status_next_attempt_at', 'sms_outbox', ['status', 'next_attempt_at'],
                    unique=False)


def downgrade():
    op.drop_index('ix_sms_outbox_status_next_attempt_at', table_name='sms_outbox')
    op.drop_index('ix_sms_outbox_posting_id', table_name='sms_outbox')
    op.drop_table('sms_outbox')
    op.drop_table('alert_subscriptions')
