"""The declarative base, the constraint naming convention, and columns shared by many models."""
from __future__ import annotations

import uuid
from datetime import datetime, timezone

from sqlalchemy import DateTime, Enum, MetaData, String, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: Stable constraint names, so migrations can drop and alter them on SQLite and PostgreSQL alike.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """The current time, timezone-aware in UTC."""
    return datetime.now(timezone.utc)


def new_uuid() -> str:
    """A random UUID as the 36-character string used for every entity that crosses sync."""
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator):
    """A timestamp stored in UTC and always read back timezone-aware.

    SQLite keeps no zone, PostgreSQL does; this type makes both give the same Python values.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None:
            if value.tzinfo is None:
                raise ValueError("naive datetime given to a UTC column")
            value = value.astimezone(timezone.utc)
            if dialect.name == "sqlite":
                value = value.replace(tzinfo=None)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


UUIDStr = String(36)


class UUIDPrimaryKey:
    """A client- or server-made UUID string as primary key."""

    id: Mapped[str] = mapped_column(UUIDStr, primary_key=True, default=new_uuid)


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, onupdate=utcnow)


class LocalizedName:
    """A name in each language caravan speaks, for things the office names once (areas, employers)."""

    name_zh: Mapped[str] = mapped_column(String(200))
    name_ug: Mapped[str] = mapped_column(String(200), default="")
    name_en: Mapped[str] = mapped_column(String(200), default="")

    def name_in(self, locale: str) -> str:
        """The name in ``locale``, falling back to Chinese when that translation is empty."""
        return getattr(self, f"name_{locale}", "") or self.name_zh


class Translated:
    """An entity with a ``translations`` list of rows that each carry a ``lang``."""

    def text(self, locale: str):
        """The translation in ``locale``, else the Chinese one, else any; None when there is none."""
        by_lang = {t.lang: t for t in self.translations}
        return by_lang.get(locale) or by_lang.get("zh") or next(iter(by_lang.values()), None)


def str_enum(cls: type, length: int = 16) -> Enum:
    """A Python enum stored as its string value in a VARCHAR (no native enum types to migrate)."""
    return Enum(cls, native_enum=False, length=length, validate_strings=True,
                values_callable=lambda members: [m.value for m in members])
