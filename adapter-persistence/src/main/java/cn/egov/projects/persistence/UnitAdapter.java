package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.UnitPort;
import cn.egov.projects.application.view.Unit;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.unit.UnitDao;
import cn.egov.projects.persistence.unit.UnitRow;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The municipality's units in the {@code unit} table ({@link UnitPort}). A code already taken is refused by the
 * primary key and reported as {@link IllegalStateException}.
 */
public final class UnitAdapter implements UnitPort {

    private final Sessions sessions;

    UnitAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Optional<Unit> find(UnitId id) {
        Objects.requireNonNull(id, "id");
        return Optional.ofNullable(sessions.call(s -> s.getMapper(UnitDao.class).find(id.code())))
                .map(UnitAdapter::unit);
    }

    @Override
    public void insert(Unit unit) {
        Objects.requireNonNull(unit, "unit");
        UnitRow row = new UnitRow(unit.id().code(), unit.nameZh(), unit.kind().name());
        try {
            sessions.call(s -> {
                s.getMapper(UnitDao.class).insert(row);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("unit " + unit.id() + " already exists", e);
            }
            throw e;
        }
    }

    @Override
    public List<Unit> all() {
        return sessions.call(s -> s.getMapper(UnitDao.class).all()).stream().map(UnitAdapter::unit).toList();
    }

    private static Unit unit(UnitRow row) {
        return new Unit(new UnitId(row.code()), row.nameZh(), Unit.Kind.valueOf(row.kind()));
    }
}
