"""Employer demand survey: rounds, visits and their vacancy lines.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'survey_rounds',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('name', sa.String(length=200), nullable=False),
        sa.Column('area_id', sa.String(length=36), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=False),
        sa.Column('ends_on', sa.Date(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['area_id'], ['areas.id'], name=op.f('fk_survey_rounds_area_id_areas')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_survey_rounds')),
    )
    op.create_index(op.f('ix_survey_rounds_area_id'), 'survey_rounds', ['area_id'])
    op.create_table(
        'employer_visits',
        sa.Column('id', sa.String(length=36), nullable=False),
        sa.Column('round_id', sa.String(length=36), nullable=False),
        sa.Column('employer_id', sa.String(length=36), nullable=False),
        sa.Column('visited_on', sa.Date(), nullable=False),
        sa.Column('staff_name', sa.String(length=100), nullable=False),
        sa.Column('contact_name', sa.String(length=100), nullable=False),
        sa.Column('contact_phone', sa.String(length=32), nullable=False),
        sa.Column('planned_hires', sa.Integer(), nullable=True),
        sa.Column('plans', sa.Text(), nullable=False),
        sa.Column('training_needs', sa.Text(), nullable=False),
        sa.Column('notes', sa.Text(), nullable=False),
        sa.Column('user_id', sa.Integer(), nullable=True),
        sa.Column('device_id', sa.String(length=36), nullable=True),
        sa.Column('device_seq', sa.Integer(), nullable=True),
        sa.Column('device_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('staff_id', sa.Integer(), nullable=True),
        sa.Column('received_at', sa.DateTime(timezone=True), nullable=True),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(['round_id'], ['survey_rounds.id'],
                                name=op.f('fk_employer_visits_round_id_survey_rounds')),
        sa.ForeignKeyConstraint(['employer_id'], ['employers.id'],
                                name=op.f('fk_employer_visits_employer_id_employers')),
        sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_employer_visits_user_id_users')),
        sa.ForeignKeyConstraint(['device_id'], ['devices.id'], name=op.f('fk_employer_visits_device_id_devices')),
        sa.ForeignKeyConstraint(['staff_id'], ['users.id'], name=op.f('fk_employer_visits_staff_id_users')),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_employer_visits')),
    )
    op.create_index(op.f('ix_employer_visits_round_id'), 'employer_visits', ['round_id'])
    op.create_index(op.f('ix_employer_visits_employer_id'), 'employer_visits', ['employer_id'])
    op.create_table(
        'visit_vacancies',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('visit_id', sa.String(length=36), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('occupation', sa.String(length=100), nullable=False),
        sa.Column('count', sa.Integer(), nullable=False),
        sa.Column('wage_min', sa.Integer(), nullable=True),
        sa.Column('wage_max', sa.Integer(), nullable=True),
        sa.Column('wage_unit', sa.Enum('hour', 'day', 'month', 'piece', name='wageunit', native_enum=False,
                                       length=16), nullable=False),
        sa.Column('requirements', sa.Text(), nullable=False),
        sa.Column('posting_id', sa.String(length=36), nullable=True),
        sa.ForeignKeyConstraint(['visit_id'], ['employer_visits.id'],
                                name=op.f('fk_visit_vacancies_visit_id_employer_visits'), ondelete='CASCADE'),
        sa.ForeignKeyConstraint(['posting_id'], ['postings.id'],
                                name=op.f('fk_visit_vacancies_posting_id_postings'), ondelete='SET NULL'),
        sa.PrimaryKeyConstraint('id', name=op.f('pk_visit_vacancies')),
    )
    op.create_index(op.f('ix_visit_vacancies_visit_id'), 'visit_vacancies', ['visit_id'])


def downgrade():
    op.drop_index(op.f('ix_visit_vacancies_visit_id'), table_name='visit_vacancies')
    op.drop_table('visit_vacancies')
    op.drop_index(op.f('ix_employer_visits_employer_id'), table_name='employer_visits')
    op.drop_index(op.f('ix_employer_visits_round_id'), table_name='employer_visits')
    op.drop_table('employer_visits')
    op.drop_index(op.f('ix_survey_rounds_area_id'), table_name='survey_rounds')
    op.drop_table('survey_rounds')
