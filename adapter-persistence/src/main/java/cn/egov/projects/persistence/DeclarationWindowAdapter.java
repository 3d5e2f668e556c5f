package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.DeclarationWindowPort;
import cn.egov.projects.domain.declaration.DeclarationWindow;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.window.WindowDao;
import cn.egov.projects.persistence.window.WindowMapper;

import java.util.Objects;
import java.util.Optional;

/**
 * Declaration windows in the {@code declaration_window} table ({@link DeclarationWindowPort}): saving a window
 * updates the row of its plan year, or inserts it when there is none.
 */
public final class DeclarationWindowAdapter implements DeclarationWindowPort {

    private final Sessions sessions;

    DeclarationWindowAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public Optional<DeclarationWindow> find(int planYear) {
        return Optional.ofNullable(sessions.call(s -> s.getMapper(WindowDao.class).find(planYear)))
                .map(WindowMapper.INSTANCE::toWindow);
    }

    @Override
    public void save(DeclarationWindow window) {
        var row = WindowMapper.INSTANCE.toRow(Objects.requireNonNull(window, "window"));
        sessions.call(s -> {
            WindowDao dao = s.getMapper(WindowDao.class);
            if (dao.update(row) == 0) {
                dao.insert(row);
            }
            return null;
        });
    }
}
