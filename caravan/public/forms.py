"""The self-registration form. The service checks every field again (the sync API reuses it)."""
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, RadioField, SelectChoice, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Optional, Regexp

from caravan.labels import GROUPS
from caravan.services.residents import MAX_NAME, MAX_PHONE, MAX_TEXT


class RegisterForm(FlaskForm):
    name = StringField(_l("Your name"), validators=[
        DataRequired(message=_l("Please write your name.")),
        Length(max=MAX_NAME, message=_l("At most %(max)d characters.", max=MAX_NAME))],
        render_kw={"autocomplete": "name", "maxlength": MAX_NAME})
    phone = StringField(_l("Phone number (optional)"), validators=[
        Optional(), Length(max=MAX_PHONE, message=_l("At most %(max)d characters.", max=MAX_PHONE)),
        Regexp(r"^\+?[0-9][0-9 -]{4,30}$", message=_l("Please write digits only."))],
        render_kw={"autocomplete": "tel", "inputmode": "tel", "maxlength": MAX_PHONE, "dir": "ltr"})
    village = SelectField(_l("Village"), validate_choice=True)
    group = RadioField(_l("You are"), choices=[SelectChoice(value, label) for value, label in GROUPS.items()],
                       validators=[InputRequired(message=_l("Please choose one."))])
    skills = TextAreaField(_l("What can you do? (optional)"), validators=[
        Length(max=MAX_TEXT, message=_l("At most %(max)d characters.", max=MAX_TEXT))],
        render_kw={"rows": 2, "maxlength": MAX_TEXT})
    wishes = TextAreaField(_l("What work are you looking for? (optional)"), validators=[
        Length(max=MAX_TEXT, message=_l("At most %(max)d characters.", max=MAX_TEXT))],
        render_kw={"rows": 2, "maxlength": MAX_TEXT})
    consent = BooleanField(_l("I agree"), validators=[
        DataRequired(message=_l("You can register only if you agree."))])
