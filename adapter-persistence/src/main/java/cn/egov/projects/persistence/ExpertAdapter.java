package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.ExpertDrawPort;
import cn.egov.projects.application.port.out.ExpertPoolPort;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.persistence.expert.DrawRow;
import cn.egov.projects.persistence.expert.ExpertDao;
import cn.egov.projects.persistence.expert.ExpertDocuments;
import cn.egov.projects.persistence.expert.ExpertRow;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The expert pool in the {@code expert} table and the draws in {@code expert_draw} ({@link ExpertPoolPort},
 * {@link ExpertDrawPort}), each row with its record as a JSON document. An id or account already taken is refused
 * by the table's keys and reported as {@link IllegalStateException}; a draw is written only over the version it was
 * read at.
 */
public final class ExpertAdapter implements ExpertPoolPort, ExpertDrawPort {

    private final Sessions sessions;

    ExpertAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    private <T> T dao(Function<ExpertDao, T> work) {
        return sessions.call(s -> work.apply(s.getMapper(ExpertDao.class)));
    }

    @Override
    public List<Expert> all() {
        return dao(ExpertDao::all).stream().map(r -> ExpertDocuments.expert(r.document())).toList();
    }

    @Override
    public Optional<Expert> find(String id) {
        return Optional.ofNullable(dao(d -> d.find(id))).map(r -> ExpertDocuments.expert(r.document()));
    }

    @Override
    public Optional<Expert> findByUser(String userId) {
        return Optional.ofNullable(dao(d -> d.findByUser(userId))).map(r -> ExpertDocuments.expert(r.document()));
    }

    @Override
    public void insert(Expert expert) {
        ExpertRow row = row(expert);
        try {
            dao(d -> {
                d.insert(row);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("expert " + expert.id() + " or its account is already in the pool", e);
            }
            throw e;
        }
    }

    @Override
    public boolean update(Expert expert) {
        ExpertRow row = row(expert);
        try {
            return dao(d -> d.update(row)) == 1;
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("the account of expert " + expert.id() + " is another's", e);
            }
            throw e;
        }
    }

    private static ExpertRow row(Expert expert) {
        return new ExpertRow(expert.id(), expert.userId(), expert.active(), ExpertDocuments.write(expert));
    }

    @Override
    public void insert(ExpertDraw draw) {
        DrawRow row = row(draw);
        try {
            dao(d -> {
                d.insertDraw(row);
                return null;
            });
        } catch (PersistenceException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new IllegalStateException("draw " + draw.id() + " exists", e);
            }
            throw e;
        }
    }

    @Override
    public boolean update(ExpertDraw draw) {
        DrawRow row = row(draw);
        return dao(d -> d.updateDraw(row, draw.version() - 1)) == 1;
    }

    @Override
    public Optional<ExpertDraw> findDraw(String id) {
        return Optional.ofNullable(dao(d -> d.findDraw(id))).map(ExpertAdapter::draw);
    }

    @Override
    public List<ExpertDraw> forProject(ProjectId project) {
        return dao(d -> d.forProject(project.value())).stream().map(ExpertAdapter::draw).toList();
    }

    @Override
    public List<ExpertDraw> open() {
        return dao(ExpertDao::open).stream().map(ExpertAdapter::draw).toList();
    }

    private static DrawRow row(ExpertDraw draw) {
        return new DrawRow(draw.id(), draw.project().value(), draw.purpose().name(), draw.drawnAt(), draw.isOpen(),
                draw.version(), ExpertDocuments.write(draw));
    }

    /** The draw at the row's version (the document's is the same; the row's is the one the update checks). */
    private static ExpertDraw draw(DrawRow row) {
        ExpertDraw d = ExpertDocuments.draw(row.document());
        return d.version() == row.version() ? d : new ExpertDraw(d.id(), d.project(), d.purpose(), d.request(),
                d.subject(), d.seed(), d.pool(), d.result(), d.drawnBy(), d.drawnByName(), d.drawnAt(), d.seats(),
                d.replacements(), d.closedAt(), row.version());
    }
}
