"""Duplicate registrations: residents keep comparison keys of their name and phone (attendees.name_key,
attendees.phone_key, filled here for existing rows, indexed for grouping); the office's merges, with what
each moved so that it can be undone (merges); pairs judged not the same person (duplicate_dismissals).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa

from caravan.models.attendee import name_key, phone_key


# revision identifiers, used by Alembic.
revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMN works in place on SQLite and PostgreSQL (a batch rebuild of attendees would drop the
    # table that every field record refers to).
    op.add_column('attendees', sa.Column('name_key', sa.String(length=100), server_default='', nullable=False))
    op.add_column('attendees', sa.Column('phone_key', sa.String(length=32), nullable=True))
    connection = op.get_bind()
    attendees = sa.table('attendees', sa.column('id', sa.String), sa.column('name', sa.String),
                         sa.column('phone', sa.String), sa.column('name_key', sa.String),
                         sa.column('phone_key', sa.String))
    update = (attendees.update().where(attendees.c.id == sa.bindparam('row_id'))
              .values(name_key=sa.bindparam('nk'), phone_key=sa.bindparam('pk')))
    rows = connection.execute(sa.select(attendees.c.id, attendees.c.name, attendees.c.phone)).all()
    for start in range(0, len(rows), 5000):
        connection.execute(update, [{"row_id": row.id, "nk": name_key(row.name), "pk": phone_key(row.phone)}
                                    for row in rows[start:start + 5000]])
    op.create_index('ix_attendees_village_id_name_key', 'attendees', ['village_id', 'name_key'], unique=False)
    op.create_index('ix_attendees_phone_key', 'attendees', ['phone_key'], unique=False)
    op.create_table(
        'merges',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kept_id', sa.String(length=36), nullable=False),
        sa.Column('merged_id', sa.String(length=36), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('moved', sa.JSON(), nullable=False),
        sa.Column('undone_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('undone_by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['kept_id'], ['attendees.id'], name=op.f('fk_merges_kept_id_attendees')),
        sa.ForeignKeyConstraint(['merged_id'], ['attendees.id'], name=op.f('fk_merges_merged_id_attendees')),
        sa.ForeignKeyConstraint(['undone_by_id'], ['users.id'], name=op.f('fk_merges_undone_by_id_users')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_merges_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_merges')),
    )
    op.create_index('ix_merges_kept_id', 'merges', ['kept_id'], unique=False)
    op.create_index('uq_merges_merged_id_active', 'merges', ['merged_id'], unique=True,
                    sqlite_where=sa.text('undone_at IS NULL'), postgresql_where=sa.text('undone_at IS NULL'))
    op.create_table(
        'duplicate_dismissals',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('first_id', sa.String(length=36), nullable=False),
        sa.Column('second_id', sa.String(length=36), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['first_id'], ['attendees.id'], name=op.f('fk_duplicate_dismissals_first_id_attendees')),
        sa.ForeignKeyConstraint(['second_id'], ['attendees.id'],
                                name=op.f('fk_duplicate_dismissals_second_id_attendees')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_duplicate_dismissals_user_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_duplicate_dismissals')),
        sa.UniqueConstraint('first_id', 'second_id', name=op.f('uq_duplicate_dismissals_first_id_second_id')),
    )
    op.create_index('ix_duplicate_dismissals_second_id', 'duplicate_dismissals', ['second_id'], unique=False)


def downgrade():
    op.drop_index('ix_duplicate_dismissals_second_id', table_name='duplicate_dismissals')
    op.drop_table('duplicate_dismissals')
    op.drop_index('uq_merges_merged_id_active', table_name='merges')
    op.drop_index('ix_merges_kept_id', table_name='merges')
    op.drop_table('merges')
    op.drop_index('ix_attendees_phone_key', table_name='attendees')
    op.drop_index('ix_attendees_village_id_name_key', table_name='attendees')
    # In place, not in batch mode: rebuilding attendees would drop the table the field records refer to.
    op.drop_column('attendees', 'phone_key')
    op.drop_column('attendees', 'name_key')
