"""Training courses: sessions of a training notice, and interests in a course.

A notice of kind training gets sessions (dates, place, seats, language of instruction, the area where it
is held). An interest is now in a posting or in a course (a notice): ``posting_id`` may be empty when
``notice_id`` is set, exactly one of the two (a check); one open interest per resident and course (a
partial unique index like the postings' one; a course interest closes as ``dropped``).

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None

COURSE_OPEN = "status <> 'dropped'"
ONE_SUBJECT = "(posting_id IS NULL) <> (notice_id IS NULL)"


def upgrade():
    op.create_table(
        'training_sessions',
        sa.Column('notice_id', sa.String(length=36), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=True),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('place', sa.String(length=200), nullable=False),
        sa.Column('seats', sa.Integer(), nullable=False),
        sa.Column('language', sa.Enum('zh', 'ug', 'bilingual', 'en', name='instructionlanguage',
                                      native_enum=False, length=16), nullable=False),
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.CheckConstraint('seats >= 1 AND seats <= 1000', name=op.f('ck_training_sessions_seats_range')),
        sa.CheckConstraint('ends_on >= starts_on', name=op.f('ck_training_sessions_dates_order')),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_training_sessions_area_id_areas')),
        sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], ondelete='CASCADE',
                                name=op.f('fk_training_sessions_notice_id_notices')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_training_sessions')),
    )
    op.create_index(op.f('ix_training_sessions_notice_id'), 'training_sessions', ['notice_id'], unique=False)
    op.create_index(op.f('ix_training_sessions_area_id'), 'training_sessions', ['area_id'], unique=False)
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_interests(upgrade=True)
    else:
        op.add_column('interests', sa.Column('notice_id', sa.String(length=36), nullable=True))
        op.create_foreign_key('fk_interests_notice_id_notices', 'interests', 'notices', ['notice_id'], ['id'])
        op.alter_column('interests', 'posting_id', existing_type=sa.String(length=36), nullable=True)
        op.create_check_constraint('ck_interests_one_subject', 'interests', ONE_SUBJECT)
    op.create_index('ix_interests_notice_id', 'interests', ['notice_id'], unique=False)
    op.create_index('uq_interests_open_attendee_notice', 'interests', ['attendee_id', 'notice_id'], unique=True,
                    sqlite_where=sa.text(COURSE_OPEN), postgresql_where=sa.text(COURSE_OPEN))


def downgrade():
    # Interests in courses cannot be expressed in the old schema (an interest needs a posting): they go,
    # with their referral steps (the steps' foreign key cascades on PostgreSQL; deleted first for SQLite).
    op.execute('DELETE FROM referral_steps WHERE interest_id IN (SELECT id FROM interests WHERE notice_id IS NOT NULL)')
    op.execute('DELETE FROM interests WHERE notice_id IS NOT NULL')
    op.drop_index('uq_interests_open_attendee_notice', table_name='interests')
    op.drop_index('ix_interests_notice_id', table_name='interests')
    if op.get_bind().dialect.name == 'sqlite':
        _sqlite_interests(upgrade=False)
    else:
        op.drop_constraint('ck_interests_one_subject', 'interests', type_='check')
        op.alter_column('interests', 'posting_id', existing_type=sa.String(length=36), nullable=False)
        op.drop_constraint('fk_interests_notice_id_notices', 'interests', type_='foreignkey')
        op.drop_column('interests', 'notice_id')
    op.drop_index(op.f('ix_training_sessions_area_id'), table_name='training_sessions')
    op.drop_index(op.f('ix_training_sessions_notice_id'), table_name='training_sessions')
    op.drop_table('training_sessions')


#: The column and the constraint as SQLite's stored CREATE TABLE text has them before and after.
POSTING_NOT_NULL, POSTING_NULL = 'posting_id VARCHAR(36) NOT NULL', 'posting_id VARCHAR(36)'
CHECK_SQL = f', \n\tCONSTRAINT ck_interests_one_subject CHECK ({ONE_SUBJECT})\n)'


def _sqlite_interests(upgrade: bool):
    """Change interests in place on SQLite: no batch rebuild, because dropping the old table would delete
    every referral step (their foreign key cascades; see 0010). A new column is added in place with its
    foreign key (as in 0007); dropping NOT NULL and adding a CHECK that every row already meets do not
    change the stored rows, so they are edits of the stored CREATE TABLE text (SQLite's documented
    procedure for such changes: writable_schema, then a new schema_version)."""
    conn = op.get_bind()
    if upgrade:
        op.execute('ALTER TABLE interests ADD COLUMN notice_id VARCHAR(36) '
                   'CONSTRAINT fk_interests_notice_id_notices REFERENCES notices (id)')
    sql = conn.execute(sa.text("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'interests'")).scalar()
    if upgrade:
        assert POSTING_NOT_NULL in sql and sql.rstrip().endswith(')'), 'interests is not as 0016 left it'
        new = sql.replace(POSTING_NOT_NULL, POSTING_NULL, 1).rstrip()[:-1].rstrip() + CHECK_SQL
    else:
        assert CHECK_SQL in sql, 'interests is not as 0019 left it'
        new = sql.replace(CHECK_SQL, '\n)').replace(POSTING_NULL + ',', POSTING_NOT_NULL + ',', 1)
    version = conn.execute(sa.text('PRAGMA schema_version')).scalar()
    conn.execute(sa.text('PRAGMA writable_schema = ON'))
    conn.execute(sa.text("UPDATE sqlite_master SET sql = :sql WHERE type = 'table' AND name = 'interests'"),
                 {'sql': new})
    conn.execute(sa.text(f'PRAGMA schema_version = {version + 1}'))
    conn.execute(sa.text('PRAGMA writable_schema = OFF'))
    if not upgrade:
        op.execute('ALTER TABLE interests DROP COLUMN notice_id')  # in place, with its inline constraint
