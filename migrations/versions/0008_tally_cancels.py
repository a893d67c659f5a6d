"""A tally can cancel an earlier one: a tap undone on the tablet after it was sent is sent as a second
tally with the negative count and the first one's id, so sums of counts stay right.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

OLD_RANGE = 'count > 0 AND count <= 1000'
NEW_RANGE = ('(cancels_id IS NULL AND count > 0 AND count <= 1000) OR '
             '(cancels_id IS NOT NULL AND count < 0 AND count >= -1000)')


def upgrade():
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.add_column(sa.Column('cancels_id', sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f('ix_tallies_cancels_id'), ['cancels_id'], unique=False)
        batch_op.create_foreign_key(batch_op.f('fk_tallies_cancels_id_tallies'), 'tallies', ['cancels_id'], ['id'])
        batch_op.drop_constraint(batch_op.f('ck_tallies_count_range'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_tallies_count_range'), NEW_RANGE)


def downgrade():
    # Cancelling tallies cannot be expressed in the old schema: each is folded away with the tally it
    # cancels, which leaves every sum of counts as it was.
    op.execute('DELETE FROM tallies WHERE id IN (SELECT cancels_id FROM tallies WHERE cancels_id IS NOT NULL) '
               'OR cancels_id IS NOT NULL')
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('ck_tallies_count_range'), type_='check')
        batch_op.create_check_constraint(batch_op.f('ck_tallies_count_range'), OLD_RANGE)
        batch_op.drop_constraint(batch_op.f('fk_tallies_cancels_id_tallies'), type_='foreignkey')
        batch_op.drop_index(batch_op.f('ix_tallies_cancels_id'))
        batch_op.drop_column('cancels_id')
