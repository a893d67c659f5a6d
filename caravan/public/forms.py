"""The self-registration form. Its text fields follow caravan.services.resident_rules, the rules the sync API
and the tablet apply too; the service checks every field again on saving."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, ValidationError

from caravan.labels import GROUPS
from caravan.services import resident_rules
from caravan.services.resident_rules import MAX_NAME, MAX_PHONE, MAX_TEXT


class FollowsRule:
    """A WTForms validator: the field passes :func:`caravan.services.resident_rules.check_field` for
    ``rule`` (a resident field's name), with the rule's message in the user's language."""

    def __init__(self, rule: str):
        self.rule = rule
        self.field_flags = {"required": True} if resident_rules.TEXT_FIELDS[rule][1] else {}

    def __call__(self, form, field):
        _value, code = resident_rules.check_field(self.rule, field.data)
        if code is not None:
            raise ValidationError(resident_rules.message(self.rule, code))


class RegisterForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[FollowsRule("name")],
                       render_kw={"autocomplete": "name", "maxlength": MAX_NAME})
    phone = StringField(_l("Phone number (optional)"), validators=[FollowsRule("phone")],
                        render_kw={"autocomplete": "tel", "inputmode": "tel", "maxlength": MAX_PHONE, "dir": "ltr"})
    village = SelectField(_l("Village"), validate_choice=True)
    group = RadioField(_l("You are"), choices=[SelectChoice(value, label) for value, label in GROUPS.items()],
                       validators=[InputRequired(message=_l("Please choose one."))])
    skills = TextAreaField(_l("What can you do? (optional)"), validators=[FollowsRule("skills")],
                           render_kw={"rows": 2, "maxlength": MAX_TEXT})
    wishes = TextAreaField(_l("What work are you looking for? (optional)"), validators=[FollowsRule("wishes")],
                           render_kw={"rows": 2, "maxlength": MAX_TEXT})
    consent = BooleanField(_l("I agree"), validators=[
        DataRequired(message=_l("You can register only if you agree."))])
