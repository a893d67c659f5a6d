"""One-time codes with which a tablet enrolls itself; only a hash of each code is stored."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, UTCDateTime, utcnow


class EnrollmentCode(Base):
    __tablename__ = "enrollment_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    #: SHA-256 of the normalised code, hex; the code itself is shown once to the office user.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    #: The area the enrolled tablet will serve.
    area_id: Mapped[str] = mapped_column(ForeignKey("areas.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    #: The tablet that enrolled with the code; set when the code is made for a re-enrollment code, which
    #: gives that tablet a new token instead of making a new one.
    device_id: Mapped[str | None] = mapped_column(ForeignKey("devices.id"))

    area = relationship("Area")
    created_by = relationship("User")
    device = relationship("Device")
