"""Every phone number the demo writes follows the README's rule, so that no demo alert reaches a real phone."""
import re
from pathlib import Path

from sqlalchemy import select

from caravan.demo.loader import load_demo
from caravan.demo.survey import load_survey

README = Path(__file__).resolve().parent.parent / "README.md"


def demo_prefix() -> str:
    """The prefix the README promises ("the numbers begin with 100")."""
    return re.search(r"numbers begin with (\d+)", README.read_text()).group(1)


def phones_in_database(db) -> dict[str, list[str]]:
    """Every non-empty value of every column named like a phone, by table.column."""
    found = {}
    for table in db.metadata.sorted_tables:
        for column in table.columns:
            if "phone" in column.name:
                values = db.session.scalars(select(column).where(column.is_not(None), column != "")).all()
                found[f"{table.name}.{column.name}"] = values
    return found


def test_demo_residents_employers_and_visits_have_phones_that_reach_nobody(app, db):
    load_demo("demo-pass-4")
    load_survey()
    db.session.commit()
    prefix, found = demo_prefix(), phones_in_database(db)
    for column in ("attendees.phone", "employers.contact_phone", "employer_visits.contact_phone"):
        assert found[column], column  # the demo does write some
    wrong = {column: [v for v in values if not v.startswith(prefix)] for column, values in found.items()}
    assert wrong == {column: [] for column in found}
