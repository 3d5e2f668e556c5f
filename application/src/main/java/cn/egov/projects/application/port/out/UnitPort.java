package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Optional;

/** The municipality's units. */
public interface UnitPort {

    Optional<Unit> find(UnitId id);

    /** Adds a unit; a code already taken is refused with {@link IllegalStateException}. */
    void insert(Unit unit);

    /** Every unit, by code. */
    List<Unit> all();
}
