package cn.egov.projects.persistence;

import cn.egov.projects.application.port.out.ReuseOpinionPort;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.resource.ReuseOpinion;
import cn.egov.projects.domain.resource.SimilarReference;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.resource.ResourceDao;
import cn.egov.projects.persistence.resource.ReuseOpinionRow;
import cn.egov.projects.persistence.resource.ReuseSimilarRow;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The Bureau's reuse opinions in {@code reuse_opinion} and {@code reuse_opinion_similar} ({@link ReuseOpinionPort}):
 * each stored once with what it names, in one adapter call (atomic even outside a use case's transaction), never
 * changed; read back the latest first.
 */
public final class ReuseOpinionAdapter implements ReuseOpinionPort {

    private final Sessions sessions;

    ReuseOpinionAdapter(Sessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void append(ReuseOpinion opinion) {
        Objects.requireNonNull(opinion, "opinion");
        ReuseOpinionRow row = new ReuseOpinionRow(opinion.id(), opinion.project().value(), opinion.verdict(),
                opinion.comment(), opinion.recordedBy(), opinion.recordedAt());
        List<ReuseSimilarRow> similar = new ArrayList<>();
        for (int seq = 0; seq < opinion.similar().size(); seq++) {
            SimilarReference r = opinion.similar().get(seq);
            similar.add(new ReuseSimilarRow(opinion.id(), seq, r.project().value(), r.resource(), r.name(),
                    r.projectName()));
        }
        sessions.call(session -> {
            ResourceDao dao = session.getMapper(ResourceDao.class);
            dao.insertOpinion(row);
            if (!similar.isEmpty()) {
                dao.insertSimilar(similar);
            }
            return null;
        });
    }

    @Override
    public List<ReuseOpinion> forProject(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return sessions.call(session -> {
            ResourceDao dao = session.getMapper(ResourceDao.class);
            List<ReuseOpinionRow> rows = dao.findOpinions(project.value());
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<UUID, List<SimilarReference>> similar = new HashMap<>();
            for (ReuseSimilarRow s : dao.findSimilar(project.value())) {
                similar.computeIfAbsent(s.opinionId(), k -> new ArrayList<>()).add(new SimilarReference(
                        new ProjectId(s.projectId()), s.resourceId(), s.name(), s.projectName()));
            }
            return rows.stream().map(r -> new ReuseOpinion(r.id(), new ProjectId(r.projectId()), r.verdict(),
                    r.comment(), similar.getOrDefault(r.id(), List.of()), r.recordedBy(), r.recordedAt())).toList();
        });
    }
}
