"""Submitted statistics tables: the figures an area sent for a period, their SHA-256, when and by whom.

Revision ID: 0014
Revises: 0010
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0014'
down_revision = '0012'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'submitted_reports',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('kind', sa.String(length=16), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('period', sa.Integer(), nullable=False),
        sa.Column('figures', sa.JSON(), nullable=False),
        sa.Column('digest', sa.String(length=64), nullable=False),
        sa.Column('submitted_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_submitted_reports_area_id_areas')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_submitted_reports_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_submitted_reports')),
    )
    op.create_index('ix_submitted_reports_area_period', 'submitted_reports', ['area_id', 'kind', 'year', 'period'],
                    unique=False)


def downgrade():
    op.drop_index('ix_submitted_reports_area_period', table_name='submitted_reports')
    op.drop_table('submitted_reports')
