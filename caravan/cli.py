"""Command-line tools: ``flask --app caravan user create``, ``device create``, ``device code``,
``device reenroll``, ``demo``."""
from __future__ import annotations

import os
from datetime import datetime
from zoneinfo import ZoneInfo

import click
from flask import Flask, current_app
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
    click.echo(f"enrollment code for a tablet in {area_code}, valid until {_local(row.expires_at)}:")
    click.echo(display(code))


@device_cli.command("reenroll")
@click.argument("device")
def reenroll_code(device):
    """Make a one-time code that re-enrolls the revoked tablet DEVICE (its id, or its name if no other
    tablet has it), as the office's "Re-enroll" button does: the tablet keeps its id and its records.
    Prints the code as the last line."""
    from sqlalchemy import select

    from caravan.models import Device
    from caravan.services.sync.enroll import display, new_enrollment_code
    found = db.session.get(Device, device) or db.session.scalars(select(Device).where(Device.name == device)).all()
    if isinstance(found, list):
        if not found:
            raise click.ClickException(f"device: no tablet with id or name {device!r}")
        if len(found) > 1:
            ids = ", ".join(d.id for d in found)
            raise click.ClickException(f"device: {len(found)} tablets are named {device!r}; give the id ({ids})")
        found = found[0]
    if not found.revoked:
        raise click.ClickException(f"device: {found.name} ({found.id}) is not revoked; it needs no re-enrollment")
    row, code = new_enrollment_code(found.area, device=found)
    db.session.commit()
    click.echo(f"re-enrollment code for {found.name} ({found.id}) in {found.area.code}, valid until "
               f"{_local(row.expires_at)}:")
    click.echo(display(code))


def _local(moment: datetime) -> str:
    """``moment`` in the county's time, as the office pages show times, with the zone named."""
    zone = current_app.config["BABEL_DEFAULT_TIMEZONE"]
    return f"{moment.astimezone(ZoneInfo(zone)):%Y-%m-%d %H:%M} ({zone})"


@click.command("demo")
@click.option("--password", default="caravan-demo", show_default=True, help="Password of the demo logins.")
def demo(password):
    """Fill the database with a realistic demo county and a past season; running it again adds nothing twice."""
    from caravan.demo.loader import load_demo
    from caravan.demo.season import TOWNSHIP_LOGINS, load_season
    from caravan.demo.stops import TOWNSHIP
    from caravan.demo.survey import load_survey
    summary = load_demo(password)
    season = load_season(password)
    season.update(load_survey())
    db.session.commit()
    for name, (added, total) in summary.items():
        click.echo(f"{name:>10}: {added} added, {total} in all")
    click.echo("season: " + (", ".join(f"{added} {name}" for name, added in season.items()) or "nothing") + " added")
    if _demo_office_settings():
        click.echo("office address and hours: written to " + os.path.join(current_app.instance_path, "caravan.cfg"))
    township = ", ".join(username for username, _role, _name in TOWNSHIP_LOGINS)
    click.echo(f"demo logins: field, office, admin (the county); {township} (township {TOWNSHIP}); "
               f"password: {password}")


def _demo_office_settings() -> bool:
    """Give the demo office an address and opening hours, unless they are set (settings file or
    environment): append them to instance/caravan.cfg and use them at once. Returns whether it wrote them."""
    from caravan.demo import data
    if current_app.config["OFFICE_ADDRESS"] or current_app.config["OFFICE_HOURS"]:
        return False
    path = os.path.join(current_app.instance_path, "caravan.cfg")
    existing = ""
    if os.path.exists(path):
        with open(path, encoding="utf-8") as fh:
            existing = fh.read()
    os.makedirs(current_app.instance_path, exist_ok=True)
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(("\n" if existing and not existing.endswith("\n") else "")
                 + "# The demo office (flask demo); residents read them on /jobs and on postings.\n"
                 + f"OFFICE_ADDRESS = {data.OFFICE_ADDRESS!r}\nOFFICE_HOURS = {data.OFFICE_HOURS!r}\n")
    current_app.config.update(OFFICE_ADDRESS=data.OFFICE_ADDRESS, OFFICE_HOURS=data.OFFICE_HOURS)
    return True


def init_app(app: Flask) -> None:
    """Register the command groups."""
    app.cli.add_command(user_cli)
    app.cli.add_command(device_cli)
    app.cli.add_command(demo)
    from caravan.cli_print import print_command
    app.cli.add_command(print_command)
    from caravan.cli_report import report_cli
    app.cli.add_command(report_cli)
    from caravan.cli_alerts import alerts_cli
    app.cli.add_command(alerts_cli)
