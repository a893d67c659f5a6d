"""Training sessions: a place per language, and the session a resident is enrolled in.

A session's place was one text in whatever language the clerk typed; it becomes ``place_zh`` (the old
text, required like an event's) with ``place_ug`` and ``place_en`` beside it (empty: shown in Chinese).
An interest in a course gets ``session_id``: the session the office enrolled the resident in, so that
seats are counted per session and the resident's pass shows its dates and place. It is set on the
"enrolled" step and kept afterwards (completed, dropped) as the record of which session it was; a session
with residents enrolled in it is not removed (services.training.remove; the other interests let it go).

Revision ID: 0023
Revises: 0021
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0023'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade():
    # RENAME COLUMN keeps the rows in place on both databases (SQLite 3.25 and later).
    op.execute('ALTER TABLE training_sessions RENAME COLUMN place TO place_zh')
    op.add_column('training_sessions', sa.Column('place_ug', sa.String(length=200), nullable=False,
                                                 server_default=''))
    op.add_column('training_sessions', sa.Column('place_en', sa.String(length=200), nullable=False,
                                                 server_default=''))
    if op.get_bind().dialect.name == 'sqlite':
        # In place with its foreign key, as 0019 added notice_id (a batch rebuild of interests would
        # delete every referral step through their cascading key).
        op.execute('ALTER TABLE interests ADD COLUMN session_id VARCHAR(36) CONSTRAINT '
                   'fk_interests_session_id_training_sessions REFERENCES training_sessions (id)')
    else:
        op.add_column('interests', sa.Column('session_id', sa.String(length=36), nullable=True))
        op.create_foreign_key('fk_interests_session_id_training_sessions', 'interests', 'training_sessions',
                              ['session_id'], ['id'])
    op.create_index('ix_interests_session_id', 'interests', ['session_id'], unique=False)


def downgrade():
    op.drop_index('ix_interests_session_id', table_name='interests')
    if op.get_bind().dialect.name == 'sqlite':
        op.execute('ALTER TABLE interests DROP COLUMN session_id')  # in place, with its inline constraint
    else:
        op.drop_constraint('fk_interests_session_id_training_sessions', 'interests', type_='foreignkey')
        op.drop_column('interests', 'session_id')
    # The other languages' places cannot be kept in one column: the Chinese one stays.
    op.drop_column('training_sessions', 'place_en')
    op.drop_column('training_sessions', 'place_ug')
    op.execute('ALTER TABLE training_sessions RENAME COLUMN place_zh TO place')
