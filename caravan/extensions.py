"""Flask extensions, created unbound and bound to an app in :func:`caravan.create_app`."""
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from htmx_flask import Htmx

from caravan.models.base import Base

db = SQLAlchemy(model_class=Base)
migrate = Migrate()
#: A date with a time in the short form (the office's lists) is written year first, e.g. 2026-12-03 08:15, in
#: every language: "12/3/26" in English reads as 12 March to many readers.
babel = Babel(date_formats=dict(Babel.default_date_formats, **{"datetime.short": "yyyy-MM-dd HH:mm"}))
csrf = CSRFProtect()
login = LoginManager()
htmx = Htmx()
