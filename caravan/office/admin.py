"""Administration: staff accounts and tablets."""
from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import DataRequired, Length, Regexp

from caravan.auth.access import role_required
from caravan.extensions import db
from caravan.i18n import current_locale_str
from caravan.labels import ROLES
from caravan.models import Device, Role, User
from caravan.office import bp
from caravan.office.common import scope
from caravan.services import users
from caravan.services.scope import areas_within, within


class NewUserForm(FlaskForm):
    username = StringField(_l("User name"), validators=[
        DataRequired(), Length(max=64),
        Regexp(r"^[A-Za-z0-9._]+$", message=_l("Letters, digits, '.' and '_' only."))])
    display_name = StringField(_l("Full name"), validators=[Length(max=100)])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(), Length(min=users.MIN_PASSWORD_LENGTH, max=200,
                               message=_l("At least %(num)d characters.", num=users.MIN_PASSWORD_LENGTH))])
    role = SelectField(_l("Role"), choices=[SelectChoice(value, label) for value, label in ROLES.items()])
    #: Not checked against the choices by WTForms: an area outside the administrator's is refused by
    #: users.create_user with a message that says why (WTForms would say only "Not a valid choice").
    area = SelectField(_l("Area"), validate_choice=False)


@bp.route("/admin/", methods=["GET", "POST"])
@role_required(Role.admin)
def admin_home():
    """Staff and tablets, and a form to add a staff member."""
    form = NewUserForm()
    locale = current_locale_str()
    # A township administrator sees and adds staff of the township and its villages, never above.
    areas = areas_within(scope())
    form.area.choices = [SelectChoice(a.code, f"{a.code} {a.name_in(locale)}") for a in areas]
    status = 200
    if form.validate_on_submit():
        try:
            user = users.create_user(form.username.data, form.password.data, form.role.data, form.area.data,
                                     form.display_name.data or "", by=current_user, scope=scope())
        except users.UserError as exc:
            if exc.code == "area":
                form.area.errors.append(_("Choose an area within yours."))
            else:
                form.username.errors.append(_("This user name is taken.") if exc.code == "taken" else str(exc))
            status = 422
        else:
            db.session.commit()
            return redirect(url_for("office.admin_home", created=user.username))
    elif request.method == "POST":
        status = 422
    # Their areas are among ``areas``, loaded already: naming them costs no further query.
    staff = db.session.scalars(select(User).where(within(User.area_id, scope())).order_by(User.role, User.username))
    devices = db.session.scalars(select(Device).where(within(Device.area_id, scope())).order_by(Device.name))
    return render_template("office/admin.html", form=form, staff=list(staff), devices=list(devices),
                           # Only a fresh GET after adding says so; a failed POST to the same URL must not.
                           created=request.args.get("created") if request.method == "GET" else None), status
