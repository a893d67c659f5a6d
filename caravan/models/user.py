"""Staff accounts."""
from __future__ import annotations

import enum
from datetime import datetime

from flask import current_app
from flask_login import UserMixin
from sqlalchemy import Boolean, ForeignKey, Integer, String, false
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates
from werkzeug.security import check_password_hash, generate_password_hash

from caravan.models.base import Base, Timestamps, UTCDateTime, str_enum


class Role(enum.StrEnum):
    field = "field"      #: works at the stall with a tablet
    office = "office"    #: manages postings, events and follow-up for an area
    admin = "admin"      #: also manages staff and tablets


#: What each role may do, from the least to the most.
ROLE_RANK = {Role.field: 1, Role.office: 2, Role.admin: 3}


class User(UserMixin, Timestamps, Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    password_hash: Mapped[str] = mapped_column(String(256))
    role: Mapped[Role] = mapped_column(str_enum(Role))
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: Part of every session's user id (see get_id): raising it ends all of this user's sessions, even
    #: copies of their cookies. Raised on sign-out, a new password and deactivation.
    session_version: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: Set when an administrator resets the password: the user signs in with the temporary one and must
    #: choose their own before anything else.
    must_change_password: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    area = relationship("Area")

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    def get_id(self) -> str:
        """The id kept in the session cookie: the user's id and their session version."""
        return f"{self.id}:{self.session_version or 0}"

    def end_sessions(self) -> None:
        """End every session of this user: cookies that name the old version no longer sign anyone in."""
        self.session_version = (self.session_version or 0) + 1

    @validates("active")
    def _deactivation_ends_sessions(self, _key: str, value: bool) -> bool:
        if self.active and not value:
            self.end_sessions()
        return value

    def set_password(self, password: str) -> None:
        """Store a salted hash of ``password`` (scrypt unless PASSWORD_HASH_METHOD says otherwise); a new
        password ends the user's sessions (a signed-in user changing their own signs in again)."""
        if self.password_hash:
            self.end_sessions()
        self.password_hash = generate_password_hash(password, current_app.config["PASSWORD_HASH_METHOD"])

    def check_password(self, password: str) -> bool:
        """Whether ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def has_role(self, role: Role) -> bool:
        """Whether this user may act as ``role`` (an admin may do what an office user may)."""
        return ROLE_RANK[self.role] >= ROLE_RANK[role]

    def __repr__(self) -> str:
        return f"<User {self.username} {self.role}>"
