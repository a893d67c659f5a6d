"""A resident has at most one open interest in a posting: a partial unique index on interests.

Before it, two tablets (or a tablet and the resident's phone) could each store an open interest of the
same person in the same posting. The upgrade keeps one of each such group open (the one the office has
taken furthest, else the first received) and withdraws the others with a referral step that says why, so
that no record is deleted and the index can be built.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01

"""
from datetime import datetime, timezone

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

OPEN = "status <> 'withdrawn'"
#: How far the office has taken an interest; the furthest of a group stays open.
PROGRESS = {"interested": 0, "referred": 1, "interviewed": 2, "hired": 3}


def upgrade():
    conn = op.get_bind()
    rows = conn.execute(sa.text(
        f"SELECT id, attendee_id, posting_id, status FROM interests WHERE {OPEN} "
        "ORDER BY attendee_id, posting_id, received_at, id")).all()
    groups = {}
    for row in rows:
        groups.setdefault((row.attendee_id, row.posting_id), []).append(row)
    now = datetime.now(timezone.utc)
    if conn.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # as caravan's UTCDateTime stores it there
    for group in groups.values():
        if len(group) < 2:
            continue
        keep = max(group, key=lambda r: PROGRESS.get(r.status, 0))  # max() keeps the first of equals
        for row in group:
            if row is keep:
                continue
            conn.execute(sa.text("UPDATE interests SET status = 'withdrawn' WHERE id = :id"), {"id": row.id})
            conn.execute(sa.text(
                "INSERT INTO referral_steps (interest_id, status, at, note) VALUES (:id, 'withdrawn', :at, :note)"
            ).bindparams(sa.bindparam("at", type_=sa.DateTime(timezone=True))),
                {"id": row.id, "at": now, "note": f"The same as interest {keep.id}, which stays open."})
    op.create_index('uq_interests_open_attendee_posting', 'interests', ['attendee_id', 'posting_id'],
                    unique=True, sqlite_where=sa.text(OPEN), postgresql_where=sa.text(OPEN))


def downgrade():
    # The interests withdrawn by the upgrade stay withdrawn: which were open before cannot be told apart
    # from later withdrawals, and an extra open copy is what the index was made to prevent.
    op.drop_index('uq_interests_open_attendee_posting', table_name='interests')
