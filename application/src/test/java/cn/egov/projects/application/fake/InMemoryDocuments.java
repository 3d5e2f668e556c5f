package cn.egov.projects.application.fake;

import cn.egov.projects.application.port.out.DocumentPort;
import cn.egov.projects.application.view.StoredDocument;
import cn.egov.projects.domain.project.ProjectId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Documents kept in memory. */
public final class InMemoryDocuments implements DocumentPort, Rollback {

    private final Map<UUID, StoredDocument> documents = new LinkedHashMap<>();

    @Override
    public synchronized void store(StoredDocument document) {
        documents.put(document.id(), document);
    }

    @Override
    public synchronized Optional<StoredDocument> load(UUID id) {
        return Optional.ofNullable(documents.get(id));
    }

    @Override
    public synchronized List<StoredDocument> listFor(ProjectId project) {
        return documents.values().stream().filter(d -> d.project().equals(project))
                .map(StoredDocument::withoutContent).toList();
    }

    @Override
    public synchronized Runnable checkpoint() {
        var saved = new LinkedHashMap<>(documents);
        return () -> {
            synchronized (this) {
                documents.clear();
                documents.putAll(saved);
            }
        };
    }
}
