"""Every field record names the staff member signed in on the tablet that made it: a nullable staff_id
on attendees, checkins, services_given, tallies and interests (null for records from tablet apps that did
not name one yet). The office counts an event's records by staff member, so the four tables that carry an
event get an index on (event_id, staff_id); a registration is counted through its check-in, by attendee id.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None

TABLES = ('attendees', 'checkins', 'services_given', 'tallies', 'interests')
WITH_EVENT = ('checkins', 'services_given', 'tallies', 'interests')


def upgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in TABLES:
        name = f'fk_{table}_staff_id_users'
        if sqlite:
            # SQLite adds a column with its foreign key in place (ALTER cannot add the constraint later);
            # batch mode would rebuild the table, and dropping attendees or interests to do so would delete
            # or refuse the rows that refer to them.
            op.execute(f'ALTER TABLE {table} ADD COLUMN staff_id INTEGER '
                       f'CONSTRAINT {name} REFERENCES users (id)')
        else:
            op.add_column(table, sa.Column('staff_id', sa.Integer(), nullable=True))
            op.create_foreign_key(name, table, 'users', ['staff_id'], ['id'])
    for table in WITH_EVENT:
        op.create_index(f'ix_{table}_event_id_staff_id', table, ['event_id', 'staff_id'], unique=False)


def downgrade():
    sqlite = op.get_bind().dialect.name == 'sqlite'
    for table in WITH_EVENT:
        op.drop_index(f'ix_{table}_event_id_staff_id', table_name=table)
    for table in TABLES:
        if sqlite and table == 'tallies':
            # 0008 rebuilt tallies (a new CHECK), which turned the inline constraint into a table constraint
            # that SQLite will not drop in place; nothing refers to tallies, so a rebuild is safe here.
            with op.batch_alter_table(table) as batch_op:
                batch_op.drop_column('staff_id')
            continue
        if not sqlite:  # SQLite drops the column with its inline constraint (3.35 and later), in place
            op.drop_constraint(f'fk_{table}_staff_id_users', table, type_='foreignkey')
        op.drop_column(table, 'staff_id')
