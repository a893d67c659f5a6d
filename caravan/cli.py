"""Command-line tools: ``flask --app caravan user create``, ``device create``, ``device code``, ``demo``."""
from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from caravan.extensions import db
from caravan.services import devices, users

user_cli = AppGroup("user", help="Staff accounts.")
device_cli = AppGroup("device", help="Enrolled tablets.")


@user_cli.command("create")
@click.argument("username")
@click.option("--role", type=click.Choice(["field", "office", "admin"]), required=True)
@click.option("--area", "area_code", required=True, help="Area code, e.g. KT or KT-01.")
@click.option("--name", "display_name", default="", help="Full name shown in the app.")
@click.password_option(help="At least 8 characters; asked for when not given.")
def create_user(username, role, area_code, display_name, password):
    """Add a staff account."""
    try:
        user = users.create_user(username, password, role, area_code, display_name)
    except users.UserError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"created {user.role} user {user.username} in {area_code}")


@device_cli.command("create")
@click.argument("name")
@click.option("--area", "area_code", required=True, help="Area code, e.g. KT-01.")
def create_device(name, area_code):
    """Enroll a tablet; prints its token as the last line (shown once only)."""
    try:
        device, token = devices.create_device(name, area_code)
    except devices.DeviceError as exc:
        raise click.ClickException(str(exc)) from exc
    db.session.commit()
    click.echo(f"created device {device.name} ({device.id}) in {area_code}; its token, shown once:")
    click.echo(token)


@device_cli.command("code")
@click.option("--area", "area_code", required=True, help="Area code, e.g. KT-01.")
def enrollment_code(area_code):
    """Make a one-time enrollment code (24 hours) for a tablet of AREA; prints it as the last line."""
    from sqlalchemy import select

    from caravan.models import Area
    from caravan.services.sync.enroll import display, new_enrollment_code
    area = db.session.scalar(select(Area).where(Area.code == area_code))
    if area is None:
        raise click.ClickException(f"area: no area with code {area_code!r}")
    row, code = new_enrollment_code(area)
    db.session.commit()
    click.echo(f"enrollment code for a tablet in {area_code}, valid until {row.expires_at:%Y-%m-%d %H:%M} UTC:")
    click.echo(display(code))


@click.command("demo")
@click.option("--password", default="caravan-demo", show_default=True, help="Password of the demo logins.")
def demo(password):
    """Fill the database with a realistic demo county; running it again adds nothing twice."""
    from caravan.demo.loader import load_demo
    summary = load_demo(password)
    db.session.commit()
    for name, (added, total) in summary.items():
        click.echo(f"{name:>10}: {added} added, {total} in all")
    click.echo(f"demo logins: field, office, admin; password: {password}")


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(user_cli)
    app.cli.add_command(device_cli)
    app.cli.add_command(demo)
    from caravan.cli_print import print_command
    app.cli.add_command(print_command)
    from caravan.cli_report import report_cli
    app.cli.add_command(report_cli)
