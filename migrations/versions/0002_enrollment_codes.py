"""Enrollment codes: one-time codes with which a tablet enrolls itself; and, for held sync records, the
parent each one waits for.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('enrollment_codes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code_hash', sa.String(length=64), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=False),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('used_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_enrollment_codes_area_id_areas')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_enrollment_codes_created_by_id_users')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_enrollment_codes_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_enrollment_codes')),
    sa.UniqueConstraint('code_hash', name=op.f('uq_enrollment_codes_code_hash'))
    )
    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_enrollment_codes_area_id'), ['area_id'], unique=False)

    with op.batch_alter_table('pending_records', schema=None) as batch_op:
        batch_op.add_column(sa.Column('waiting_for', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_pending_records_waiting_for'), ['waiting_for'], unique=False)


def downgrade():
    with op.batch_alter_table('pending_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_records_waiting_for'))
        batch_op.drop_column('waiting_for')

    with op.batch_alter_table('enrollment_codes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_enrollment_codes_area_id'))

    op.drop_table('enrollment_codes')
