package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.ExpertDrawPort;
import cn.egov.projects.application.port.out.ExpertPoolPort;
import cn.egov.projects.domain.expert.Expert;
import cn.egov.projects.domain.expert.ExpertDraw;
import cn.egov.projects.domain.project.ProjectId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/** The expert pool and the recorded draws kept in memory. */
public final class InMemoryExperts implements ExpertPoolPort, ExpertDrawPort, Rollback {

    private final TreeMap<String, Expert> experts = new TreeMap<>();
    private final LinkedHashMap<String, ExpertDraw> draws = new LinkedHashMap<>();

    @Override
    public synchronized List<Expert> all() {
        return List.copyOf(experts.values());
    }

    @Override
    public synchronized Optional<Expert> find(String id) {
        return Optional.ofNullable(experts.get(id));
    }

    @Override
    public synchronized Optional<Expert> findByUser(String userId) {
        return experts.values().stream().filter(e -> e.userId().equals(userId)).findFirst();
    }

    @Override
    public synchronized void insert(Expert expert) {
        if (experts.containsKey(expert.id()) || findByUser(expert.userId()).isPresent()) {
            throw new IllegalStateException("expert exists: " + expert.id());
        }
        experts.put(expert.id(), expert);
    }

    @Override
    public synchronized boolean update(Expert expert) {
        return experts.replace(expert.id(), expert) != null;
    }

    @Override
    public synchronized void insert(ExpertDraw draw) {
        if (draws.putIfAbsent(draw.id(), draw) != null) {
            throw new IllegalStateException("draw exists: " + draw.id());
        }
    }

    @Override
    public synchronized boolean update(ExpertDraw draw) {
        ExpertDraw stored = draws.get(draw.id());
        if (stored == null || stored.version() != draw.version() - 1) {
            return false;
        }
        draws.put(draw.id(), draw);
        return true;
    }

    @Override
    public synchronized Optional<ExpertDraw> findDraw(String id) {
        return Optional.ofNullable(draws.get(id));
    }

    @Override
    public synchronized List<ExpertDraw> forProject(ProjectId project) {
        return draws.values().stream().filter(d -> d.project().equals(project)).toList();
    }

    @Override
    public synchronized List<ExpertDraw> open() {
        return draws.values().stream().filter(ExpertDraw::isOpen).toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        var savedExperts = new TreeMap<>(experts);
        var savedDraws = new LinkedHashMap<>(draws);
        return () -> {
            synchronized (this) {
                experts.clear();
                experts.putAll(savedExperts);
                draws.clear();
                draws.putAll(savedDraws);
            }
        };
    }

    /** Every draw, oldest first. */
    public synchronized List<ExpertDraw> allDraws() {
        return new ArrayList<>(draws.values());
    }
}
