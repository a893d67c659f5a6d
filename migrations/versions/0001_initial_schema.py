"""Initial schema: areas, employers, postings, notices, events, attendees, field records, staff, tablets,
audit log and what sync keeps.

Revision ID: 0001
Revises: 
Create Date: 2026-11-28

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('areas',
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('level', sa.Enum('county', 'township', 'village', name='arealevel', native_enum=False, length=16), nullable=False),
    sa.Column('parent_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_ug', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['parent_id'], ['areas.id'], name=op.f('fk_areas_parent_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_areas')),
    sa.UniqueConstraint('code', name=op.f('uq_areas_code'))
    )
    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_areas_parent_id'), ['parent_id'], unique=False)

    op.create_table('notices',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.Enum('training', 'policy', name='noticekind', native_enum=False, length=16), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'published', 'closed', name='publishstatus', native_enum=False, length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notices')),
    sa.UniqueConstraint('code', name=op.f('uq_notices_code'))
    )
    op.create_table('throttle_hits',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('bucket', sa.String(length=32), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_throttle_hits'))
    )
    with op.batch_alter_table('throttle_hits', schema=None) as batch_op:
        batch_op.create_index('ix_throttle_hits_bucket_key_at', ['bucket', 'key', 'at'], unique=False)

    op.create_table('changes',
    sa.Column('seq', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=36), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('deleted', sa.Boolean(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_changes_area_id_areas')),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_changes'))
    )
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_changes_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_changes_entity_id'), ['entity_id'], unique=False)

    op.create_table('employers',
    sa.Column('sector', sa.Enum('agriculture', 'manufacturing', 'construction', 'services', 'logistics', 'retail', 'health', 'education', 'other', name='sector', native_enum=False, length=16), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('contact_name', sa.String(length=100), nullable=False),
    sa.Column('contact_phone', sa.String(length=32), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('name_zh', sa.String(length=200), nullable=False),
    sa.Column('name_ug', sa.String(length=200), nullable=False),
    sa.Column('name_en', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_employers_area_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_employers'))
    )
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_employers_area_id'), ['area_id'], unique=False)

    op.create_table('events',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('kind', sa.Enum('bazaar', 'village', 'campus', 'job_fair', name='eventkind', native_enum=False, length=16), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=False),
    sa.Column('place_zh', sa.String(length=200), nullable=False),
    sa.Column('place_ug', sa.String(length=200), nullable=False),
    sa.Column('place_en', sa.String(length=200), nullable=False),
    sa.Column('starts_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('ends_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('status', sa.Enum('planned', 'cancelled', name='eventstatus', native_enum=False, length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_events_area_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_events')),
    sa.UniqueConstraint('code', name=op.f('uq_events_code'))
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_starts_at'), ['starts_at'], unique=False)

    op.create_table('notice_translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('notice_id', sa.String(length=36), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_notice_translations_notice_id_notices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_notice_translations')),
    sa.UniqueConstraint('notice_id', 'lang', name=op.f('uq_notice_translations_notice_id_lang'))
    )
    op.create_table('users',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('username', sa.String(length=64), nullable=False),
    sa.Column('display_name', sa.String(length=100), nullable=False),
    sa.Column('password_hash', sa.String(length=256), nullable=False),
    sa.Column('role', sa.Enum('field', 'office', 'admin', name='role', native_enum=False, length=16), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('last_sign_in_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_users_area_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_users')),
    sa.UniqueConstraint('username', name=op.f('uq_users_username'))
    )
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_users_area_id'), ['area_id'], unique=False)

    op.create_table('devices',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=False),
    sa.Column('token_hash', sa.String(length=64), nullable=True),
    sa.Column('last_sync_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_by_id', sa.Integer(), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_devices_area_id_areas')),
    sa.ForeignKeyConstraint(['created_by_id'], ['users.id'], name=op.f('fk_devices_created_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_devices')),
    sa.UniqueConstraint('token_hash', name=op.f('uq_devices_token_hash'))
    )
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_devices_area_id'), ['area_id'], unique=False)

    op.create_table('event_notices',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('notice_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_notices_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_event_notices_notice_id_notices'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'notice_id', name=op.f('pk_event_notices'))
    )
    op.create_table('postings',
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('employer_id', sa.String(length=36), nullable=False),
    sa.Column('sector', sa.Enum('agriculture', 'manufacturing', 'construction', 'services', 'logistics', 'retail', 'health', 'education', 'other', name='sector', native_enum=False, length=16), nullable=False),
    sa.Column('openings', sa.Integer(), nullable=False),
    sa.Column('wage_min', sa.Integer(), nullable=True),
    sa.Column('wage_max', sa.Integer(), nullable=True),
    sa.Column('wage_unit', sa.Enum('hour', 'day', 'month', 'piece', name='wageunit', native_enum=False, length=16), nullable=False),
    sa.Column('area_id', sa.String(length=36), nullable=True),
    sa.Column('housing', sa.Boolean(), nullable=False),
    sa.Column('meals', sa.Boolean(), nullable=False),
    sa.Column('transport', sa.Boolean(), nullable=False),
    sa.Column('valid_until', sa.Date(), nullable=True),
    sa.Column('status', sa.Enum('draft', 'published', 'closed', name='publishstatus', native_enum=False, length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_postings_area_id_areas')),
    sa.ForeignKeyConstraint(['employer_id'], ['employers.id'], name=op.f('fk_postings_employer_id_employers')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_postings')),
    sa.UniqueConstraint('code', name=op.f('uq_postings_code'))
    )
    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_postings_area_id'), ['area_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_postings_employer_id'), ['employer_id'], unique=False)

    op.create_table('attendees',
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('phone', sa.String(length=32), nullable=True),
    sa.Column('village_id', sa.String(length=36), nullable=True),
    sa.Column('group', sa.Enum('rural_worker', 'graduate', 'other', name='attendeegroup', native_enum=False, length=16), nullable=False),
    sa.Column('skills', sa.Text(), nullable=False),
    sa.Column('wishes', sa.Text(), nullable=False),
    sa.Column('consent_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('consent_version', sa.String(length=32), nullable=False),
    sa.Column('consent_channel', sa.Enum('tablet', 'self', 'office', name='consentchannel', native_enum=False, length=16), nullable=False),
    sa.Column('pass_token', sa.String(length=64), nullable=False),
    sa.Column('merged_into_id', sa.String(length=36), nullable=True),
    sa.Column('erased_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_attendees_device_id_devices')),
    sa.ForeignKeyConstraint(['merged_into_id'], ['attendees.id'], name=op.f('fk_attendees_merged_into_id_attendees')),
    sa.ForeignKeyConstraint(['village_id'], ['areas.id'], name=op.f('fk_attendees_village_id_areas')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_attendees')),
    sa.UniqueConstraint('pass_token', name=op.f('uq_attendees_pass_token'))
    )
    with op.batch_alter_table('attendees', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_attendees_village_id'), ['village_id'], unique=False)

    op.create_table('audit_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('entity_type', sa.String(length=32), nullable=False),
    sa.Column('entity_id', sa.String(length=64), nullable=False),
    sa.Column('detail', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_audit_entries_device_id_devices')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_audit_entries_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_entries'))
    )
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_audit_entries_action'), ['action'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_at'), ['at'], unique=False)
        batch_op.create_index(batch_op.f('ix_audit_entries_user_id'), ['user_id'], unique=False)

    op.create_table('event_postings',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_event_postings_event_id_events'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_event_postings_posting_id_postings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('event_id', 'posting_id', name=op.f('pk_event_postings'))
    )
    op.create_table('pending_records',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('record_id', sa.String(length=64), nullable=False),
    sa.Column('record_type', sa.String(length=32), nullable=False),
    sa.Column('status', sa.Enum('held', 'conflict', 'rejected', name='pendingstatus', native_enum=False, length=16), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_pending_records_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pending_records'))
    )
    with op.batch_alter_table('pending_records', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_pending_records_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pending_records_record_id'), ['record_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_pending_records_status'), ['status'], unique=False)

    op.create_table('posting_translations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('requirements', sa.Text(), nullable=False),
    sa.Column('work_place', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_posting_translations_posting_id_postings'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_posting_translations')),
    sa.UniqueConstraint('posting_id', 'lang', name=op.f('uq_posting_translations_posting_id_lang'))
    )
    op.create_table('sync_batches',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('record_count', sa.Integer(), nullable=False),
    sa.Column('accepted', sa.Integer(), nullable=False),
    sa.Column('duplicates', sa.Integer(), nullable=False),
    sa.Column('problems', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_sync_batches_device_id_devices')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_batches'))
    )
    with op.batch_alter_table('sync_batches', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_batches_device_id'), ['device_id'], unique=False)

    op.create_table('tallies',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.Enum('visitor', 'job_info', 'training_info', 'policy_advice', name='tallykind', native_enum=False, length=16), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('device_seq', sa.Integer(), nullable=True),
    sa.Column('device_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('count > 0 AND count <= 1000', name=op.f('ck_tallies_count_range')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_tallies_device_id_devices')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_tallies_event_id_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_tallies'))
    )
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_tallies_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_tallies_event_id'), ['event_id'], unique=False)

    op.create_table('checkins',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('attendee_id', sa.String(length=36), nullable=False),
    sa.Column('method', sa.Enum('scan', 'manual', 'register', name='checkinmethod', native_enum=False, length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('device_seq', sa.Integer(), nullable=True),
    sa.Column('device_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendees.id'], name=op.f('fk_checkins_attendee_id_attendees')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_checkins_device_id_devices')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_checkins_event_id_events')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkins'))
    )
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkins_attendee_id'), ['attendee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkins_event_id'), ['event_id'], unique=False)

    op.create_table('interests',
    sa.Column('attendee_id', sa.String(length=36), nullable=False),
    sa.Column('posting_id', sa.String(length=36), nullable=False),
    sa.Column('event_id', sa.String(length=36), nullable=True),
    sa.Column('status', sa.Enum('interested', 'referred', 'interviewed', 'hired', 'withdrawn', name='referralstatus', native_enum=False, length=16), nullable=False),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('device_seq', sa.Integer(), nullable=True),
    sa.Column('device_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendees.id'], name=op.f('fk_interests_attendee_id_attendees')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_interests_device_id_devices')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_interests_event_id_events')),
    sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_interests_posting_id_postings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_interests'))
    )
    with op.batch_alter_table('interests', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_interests_attendee_id'), ['attendee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interests_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_interests_posting_id'), ['posting_id'], unique=False)

    op.create_table('services_given',
    sa.Column('event_id', sa.String(length=36), nullable=False),
    sa.Column('attendee_id', sa.String(length=36), nullable=True),
    sa.Column('kind', sa.Enum('job_info', 'training_info', 'policy_advice', name='servicekind', native_enum=False, length=16), nullable=False),
    sa.Column('posting_id', sa.String(length=36), nullable=True),
    sa.Column('notice_id', sa.String(length=36), nullable=True),
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=True),
    sa.Column('device_seq', sa.Integer(), nullable=True),
    sa.Column('device_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['attendee_id'], ['attendees.id'], name=op.f('fk_services_given_attendee_id_attendees')),
    sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_services_given_device_id_devices')),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], name=op.f('fk_services_given_event_id_events')),
    sa.ForeignKeyConstraint(['notice_id'], ['notices.id'], name=op.f('fk_services_given_notice_id_notices')),
    sa.ForeignKeyConstraint(['posting_id'], ['postings.id'], name=op.f('fk_services_given_posting_id_postings')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_services_given'))
    )
    with op.batch_alter_table('services_given', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_services_given_attendee_id'), ['attendee_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_given_device_id'), ['device_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_services_given_event_id'), ['event_id'], unique=False)

    op.create_table('referral_steps',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('interest_id', sa.String(length=36), nullable=False),
    sa.Column('status', sa.Enum('interested', 'referred', 'interviewed', 'hired', 'withdrawn', name='referralstatus', native_enum=False, length=16), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['interest_id'], ['interests.id'], name=op.f('fk_referral_steps_interest_id_interests'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_referral_steps_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_referral_steps'))
    )
    with op.batch_alter_table('referral_steps', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_referral_steps_interest_id'), ['interest_id'], unique=False)



def downgrade():
    with op.batch_alter_table('referral_steps', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_referral_steps_interest_id'))

    op.drop_table('referral_steps')
    with op.batch_alter_table('services_given', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_services_given_event_id'))
        batch_op.drop_index(batch_op.f('ix_services_given_device_id'))
        batch_op.drop_index(batch_op.f('ix_services_given_attendee_id'))

    op.drop_table('services_given')
    with op.batch_alter_table('interests', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_interests_posting_id'))
        batch_op.drop_index(batch_op.f('ix_interests_device_id'))
        batch_op.drop_index(batch_op.f('ix_interests_attendee_id'))

    op.drop_table('interests')
    with op.batch_alter_table('checkins', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkins_event_id'))
        batch_op.drop_index(batch_op.f('ix_checkins_device_id'))
        batch_op.drop_index(batch_op.f('ix_checkins_attendee_id'))

    op.drop_table('checkins')
    with op.batch_alter_table('tallies', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_tallies_event_id'))
        batch_op.drop_index(batch_op.f('ix_tallies_device_id'))

    op.drop_table('tallies')
    with op.batch_alter_table('sync_batches', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_batches_device_id'))

    op.drop_table('sync_batches')
    op.drop_table('posting_translations')
    with op.batch_alter_table('pending_records', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_pending_records_status'))
        batch_op.drop_index(batch_op.f('ix_pending_records_record_id'))
        batch_op.drop_index(batch_op.f('ix_pending_records_device_id'))

    op.drop_table('pending_records')
    op.drop_table('event_postings')
    with op.batch_alter_table('audit_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_audit_entries_user_id'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_at'))
        batch_op.drop_index(batch_op.f('ix_audit_entries_action'))

    op.drop_table('audit_entries')
    with op.batch_alter_table('attendees', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_attendees_village_id'))

    op.drop_table('attendees')
    with op.batch_alter_table('postings', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_postings_employer_id'))
        batch_op.drop_index(batch_op.f('ix_postings_area_id'))

    op.drop_table('postings')
    op.drop_table('event_notices')
    with op.batch_alter_table('devices', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_devices_area_id'))

    op.drop_table('devices')
    with op.batch_alter_table('users', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_users_area_id'))

    op.drop_table('users')
    op.drop_table('notice_translations')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_starts_at'))
        batch_op.drop_index(batch_op.f('ix_events_area_id'))

    op.drop_table('events')
    with op.batch_alter_table('employers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_employers_area_id'))

    op.drop_table('employers')
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changes_entity_id'))
        batch_op.drop_index(batch_op.f('ix_changes_area_id'))

    op.drop_table('changes')
    with op.batch_alter_table('throttle_hits', schema=None) as batch_op:
        batch_op.drop_index('ix_throttle_hits_bucket_key_at')

    op.drop_table('throttle_hits')
    op.drop_table('notices')
    with op.batch_alter_table('areas', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_areas_parent_id'))

    op.drop_table('areas')
