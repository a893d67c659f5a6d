"""Report narratives: the texts the office writes into an area's half-year or annual summary.

Revision ID: 0016
Revises: 0014
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'report_narratives',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('year', sa.Integer(), nullable=False),
        sa.Column('period', sa.String(length=8), nullable=False),
        sa.Column('work_done', sa.Text(), nullable=False),
        sa.Column('problems', sa.Text(), nullable=False),
        sa.Column('plans', sa.Text(), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_report_narratives_area_id_areas')),
        sa.ForeignKeyConstraint(['updated_by_id'], ['users.id'],
                                name=op.f('fk_report_narratives_updated_by_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_report_narratives')),
        sa.UniqueConstraint('area_id', 'year', 'period', name='uq_report_narratives_area_period'),
    )


def downgrade():
    op.drop_table('report_narratives')
