"""Village notice boards: when each board was last refreshed, and by whom.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'board_refreshes',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('refreshed_on', sa.Date(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_board_refreshes_area_id_areas')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_board_refreshes_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_board_refreshes')),
    )
    op.create_index('ix_board_refreshes_area_day', 'board_refreshes', ['area_id', 'refreshed_on'], unique=False)


def downgrade():
    op.drop_index('ix_board_refreshes_area_day', table_name='board_refreshes')
    op.drop_table('board_refreshes')
