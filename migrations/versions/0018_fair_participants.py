"""Job fairs: the employers taking part in a job-fair event, their booth and zone, and when they arrived
(fair_participants); the tablets' records of their arrival (fair_arrivals, a field record like check-ins).

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'fair_participants',
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('employer_id', sa.String(length=36), nullable=False),
        sa.Column('status', sa.Enum('invited', 'confirmed', name='participantstatus', native_enum=False,
                                    length=16), nullable=False),
        sa.Column('booth', sa.String(length=12), nullable=True),
        sa.Column('zone', sa.Enum('rural_worker', 'graduate', 'other', name='attendeegroup', native_enum=False,
                                  length=16), nullable=True),
        sa.Column('arrived_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['employer_id'], ['employers.id'],
                                name=op.f('fk_fair_participants_employer_id_employers')),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_fair_participants_event_id_events'),
                                ondelete='CASCADE'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_participants')),
        sa.UniqueConstraint('event_id', 'booth', name='uq_fair_participants_booth'),
        sa.UniqueConstraint('event_id', 'employer_id', name='uq_fair_participants_employer'),
    )
    op.create_index('ix_fair_participants_event_id', 'fair_participants', ['event_id'], unique=False)
    op.create_index('ix_fair_participants_employer_id', 'fair_participants', ['employer_id'], unique=False)
    op.create_table(
        'fair_arrivals',
        sa.Column('event_id', sa.String(length=36), nullable=False),
        sa.Column('employer_id', sa.String(length=36), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('device_id', sa.String(length=36), nullable=True),
        sa.Column('device_seq', sa.Integer(), nullable=True),
        sa.Column('device_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_fair_arrivals_device_id_devices')),
        sa.ForeignKeyConstraint(['employer_id'], ['employers.id'],
                                name=op.f('fk_fair_arrivals_employer_id_employers')),
        sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_fair_arrivals_event_id_events')),
        sa.ForeignKeyConstraint(['staff_id'], ['users.id'], name=op.f('fk_fair_arrivals_staff_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_fair_arrivals')),
    )
    op.create_index('ix_fair_arrivals_device_id', 'fair_arrivals', ['device_id'], unique=False)
    op.create_index('ix_fair_arrivals_event_id', 'fair_arrivals', ['event_id'], unique=False)


def downgrade():
    op.drop_index('ix_fair_arrivals_event_id', table_name='fair_arrivals')
    op.drop_index('ix_fair_arrivals_device_id', table_name='fair_arrivals')
    op.drop_table('fair_arrivals')
    op.drop_index('ix_fair_participants_employer_id', table_name='fair_participants')
    op.drop_index('ix_fair_participants_event_id', table_name='fair_participants')
    op.drop_table('fair_participants')
