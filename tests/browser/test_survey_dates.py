"""Survey dates on a 360 px phone in Uyghur: each ISO date stays whole on its line (one box per date), where
"2026-10-18 – 2027-06-30" used to break inside the second date."""
import uuid
from datetime import date

import pytest
from playwright.sync_api import expect

from caravan.models import EmployerVisit, SurveyRound
from tests.browser.conftest import PHONE
from tests.browser.staff import sign_in

#: Each ISO date in the page's text, with the number of lines it stands on (1 when it is whole), measured
#: on the text itself, whatever markup holds it.
LINES = """() => {
  const found = [], walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const m of node.data.matchAll(/\\d{4}-\\d{2}-\\d{2}/g)) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
      found.push([m[0], lines.size]);
    }
  }
  return found;
}"""


@pytest.mark.browser
def test_survey_dates_are_never_broken_on_a_uyghur_phone(live_server, new_page, build, db, screenshot):
    county = build.county()
    county.name_ug = "كۆكتال ناھىيىسى"  # as long as the demo's: the period then wraps on a phone
    user = build.user("office", area=county)
    employer = build.employer(name_zh="阔克塔勒绿洲纺纱有限公司", area=county)
    survey_round = SurveyRound(name="2027年上半年用工需求调查", area=county, starts_on=date(2026, 10, 18),
                               ends_on=date(2027, 6, 30))
    db.session.add(survey_round)
    db.session.flush()
    visit_id = str(uuid.uuid4())
    db.session.add(EmployerVisit(id=visit_id, round_id=survey_round.id, employer_id=employer.id,
                                 visited_on=date(2026, 11, 20), staff_name="阿依古丽", user_id=user.id))
    db.session.commit()
    page = new_page(viewport=PHONE, locale="ug")
    sign_in(page, live_server, user)
    page.goto(live_server + "/lang/ug")
    for path, name, dates in ((f"/office/surveys/{survey_round.id}", "survey-dates-round-ug-phone", 3),
                              ("/office/surveys/", "survey-dates-list-ug-phone", 2),
                              (f"/office/surveys/visits/{visit_id}", "survey-dates-visit-ug-phone", 1)):
        page.goto(live_server + path)
        expect(page.locator("html")).to_have_attribute("dir", "rtl")
        screenshot(page, name)
        boxes = page.evaluate(LINES)
        assert len(boxes) == dates and all(n == 1 for _text, n in boxes), boxes
        assert {text for text, _n in boxes} & {"2027-06-30", "2026-11-20"}
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), path
