"""Areas: county > township > village. Staff, tablets and events belong to one."""
from __future__ import annotations

import enum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from caravan.models.base import Base, LocalizedName, Timestamps, UUIDPrimaryKey, str_enum


class AreaLevel(enum.StrEnum):
    county = "county"
    township = "township"
    village = "village"


class Area(UUIDPrimaryKey, LocalizedName, Timestamps, Base):
    __tablename__ = "areas"

    #: A short stable code given by the office (KT-01-02), used by the CLI and imports.
    code: Mapped[str] = mapped_column(String(32), unique=True)
    level: Mapped[AreaLevel] = mapped_column(str_enum(AreaLevel))
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("areas.id"), index=True)

    parent: Mapped[Area | None] = relationship(remote_side="Area.id", back_populates="children")
    children: Mapped[list[Area]] = relationship(back_populates="parent", order_by="Area.code")

    def lineage(self) -> list[Area]:
        """This area and its ancestors, the county first."""
        chain, area = [], self
        while area is not None:
            chain.append(area)
            area = area.parent
        return chain[::-1]

    def contains(self, other: Area | None) -> bool:
        """Whether ``other`` is this area or lies inside it."""
        return other is not None and self in other.lineage()

    def __repr__(self) -> str:
        return f"<Area {self.code}>"
