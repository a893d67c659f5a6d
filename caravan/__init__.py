"""caravan: a field tool for public employment services.

:func:`create_app` is the one application factory; everything else hangs off it.
"""
from __future__ import annotations

import os

from flask import Flask

#: The repository root, where templates/, static/ and migrations/ live beside the package.
PROJECT_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def create_app(config: dict | None = None) -> Flask:
    """Build the app: configuration, extensions, blueprints, CLI commands.

    ``config`` overrides everything else (tests pass their database URL and settings here).
    """
    app = Flask(
        __name__,
        template_folder=os.path.join(PROJECT_ROOT, "templates"),
        static_folder=os.path.join(PROJECT_ROOT, "static"),
        instance_relative_config=True,
        # The instance folder (caravan.cfg, the SQLite file, the generated secret key): ./instance
        # beside the package unless CARAVAN_INSTANCE_PATH names another, e.g. /var/lib/caravan.
        instance_path=os.environ.get("CARAVAN_INSTANCE_PATH") or None,
    )
    from caravan.config import load_config
    load_config(app, config)

    from caravan import auth, cli, database, errors, field, i18n, labels, logs, office, public, security, sync
    from caravan.extensions import csrf, db, htmx, migrate

    database.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(PROJECT_ROOT, "migrations"),
                     render_as_batch=True, compare_type=True)
    csrf.init_app(app)
    htmx.init_app(app)
    i18n.init_app(app)
    labels.init_app(app)
    errors.init_app(app)
    security.init_app(app)
    logs.init_app(app)
    auth.init_app(app)
    app.register_blueprint(public.bp)
    app.register_blueprint(field.bp, url_prefix="/field")
    app.register_blueprint(office.bp, url_prefix="/office")
    app.register_blueprint(sync.bp, url_prefix="/api/sync/v1")
    csrf.exempt(sync.bp)  # tablets authenticate with a bearer token, not a cookie
    cli.init_app(app)
    if app.config["TRUSTED_PROXIES"]:
        from werkzeug.middleware.proxy_fix import ProxyFix
        hops = int(app.config["TRUSTED_PROXIES"])
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    return app
