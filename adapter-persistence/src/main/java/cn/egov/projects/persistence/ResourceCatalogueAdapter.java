package cn.egov.projects.persistence;

import cn.egov.projects.application.error.ConcurrentChangeException;
import cn.egov.projects.application.port.out.ProjectListScope;
import cn.egov.projects.application.port.out.ResourceCataloguePort;
import cn.egov.projects.application.port.out.SimilarityCorpusPort;
import cn.egov.projects.domain.project.Project;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.UnitId;
import cn.egov.projects.domain.resource.ResourceCatalogue;
import cn.egov.projects.domain.resource.ResourceEntry;
import cn.egov.projects.persistence.crypto.FieldCipher;
import cn.egov.projects.persistence.mybatis.Sessions;
import cn.egov.projects.persistence.mybatis.SqlErrors;
import cn.egov.projects.persistence.project.ProjectDocuments;
import cn.egov.projects.persistence.resource.CorpusProjectRow;
import cn.egov.projects.persistence.resource.ResourceDao;
import cn.egov.projects.persistence.resource.ResourceEntryRow;
import cn.egov.projects.persistence.resource.ScopeCriteria;
import org.apache.ibatis.exceptions.PersistenceException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Resource catalogues in the {@code resource_catalogue} and {@code resource_entry} tables
 * ({@link ResourceCataloguePort}), and the similarity corpus read within a list scope ({@link SimilarityCorpusPort}).
 *
 * <p>{@link #save} is optimistic: a new catalogue's row is inserted at version 1 (a second insert of the same
 * project fails on the key), a stored one's version raised only {@code WHERE version = ?}; either failing is a
 * {@link ConcurrentChangeException} before anything else is written. Then the entries are written anew, in the
 * catalogue's order (at most {@link ResourceCatalogue#MAX_ENTRIES} rows). The corpus is streamed: each project is
 * read from its document ({@link ProjectDocuments}, older layouts upgraded) and handed over before the next row is
 * fetched.
 */
public final class ResourceCatalogueAdapter implements ResourceCataloguePort, SimilarityCorpusPort {

    private final Sessions sessions;
    private final FieldCipher cipher;

    ResourceCatalogueAdapter(Sessions sessions, FieldCipher cipher) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    @Override
    public ResourceCatalogue load(ProjectId project) {
        Objects.requireNonNull(project, "project");
        return sessions.call(session -> {
            ResourceDao dao = session.getMapper(ResourceDao.class);
            Long version = dao.findCatalogueVersion(project.value());
            if (version == null) {
                return ResourceCatalogue.empty(project);
            }
            List<ResourceEntry> entries = dao.findEntries(project.value()).stream().map(ResourceEntryRow::toEntry)
                    .toList();
            return ResourceCatalogue.restore(project, version, entries);
        });
    }

    @Override
    public void save(ResourceCatalogue catalogue) {
        Objects.requireNonNull(catalogue, "catalogue");
        UUID project = catalogue.project().value();
        long expected = catalogue.version();
        List<ResourceEntry> entries = catalogue.entries();
        List<ResourceEntryRow> rows = new ArrayList<>(entries.size());
        for (int seq = 0; seq < entries.size(); seq++) {
            rows.add(ResourceEntryRow.of(catalogue.project(), seq, entries.get(seq)));
        }
        try {
            sessions.call(session -> {
                ResourceDao dao = session.getMapper(ResourceDao.class);
                if (expected == 0) {
                    dao.insertCatalogue(project);
                } else if (dao.updateCatalogueVersion(project, expected) != 1) {
                    throw new ConcurrentChangeException("the resource catalogue of project " + project
                            + " is no longer at version " + expected);
                }
                dao.deleteEntries(project);
                if (!rows.isEmpty()) {
                    dao.insertEntries(rows);
                }
                return null;
            });
        } catch (PersistenceException e) {
            if (expected == 0 && SqlErrors.isUniqueViolation(e) || SqlErrors.isConcurrencyConflict(e)) {
                throw new ConcurrentChangeException("the resource catalogue of project " + project
                        + " is being changed by another request");
            }
            throw e;
        }
        catalogue.markSaved(expected + 1);
    }

    @Override
    public int projects(ProjectListScope scope, int limit, Consumer<Project> each) {
        ScopeCriteria criteria = criteria(scope, limit);
        int[] count = {0};
        sessions.call(session -> {
            session.getMapper(ResourceDao.class).scanProjects(criteria, context -> {
                CorpusProjectRow row = context.getResultObject();
                each.accept(Project.restore(ProjectDocuments.read(row.id(), row.version(), row.document(),
                        cipher)));
                count[0]++;
            });
            return null;
        });
        return count[0];
    }

    @Override
    public int resources(ProjectListScope scope, int limit, BiConsumer<ProjectId, ResourceEntry> each) {
        ScopeCriteria criteria = criteria(scope, limit);
        int[] count = {0};
        sessions.call(session -> {
            session.getMapper(ResourceDao.class).scanResources(criteria, context -> {
                ResourceEntryRow row = context.getResultObject();
                each.accept(new ProjectId(row.projectId()), row.toEntry());
                count[0]++;
            });
            return null;
        });
        return count[0];
    }

    private static ScopeCriteria criteria(ProjectListScope scope, int limit) {
        Objects.requireNonNull(scope, "scope");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return new ScopeCriteria(scope.unit().map(UnitId::code).orElse(null), scope.allClassified(),
                uuids(scope.classifiedAllowed()), scope.onlyThese().map(ResourceCatalogueAdapter::uuids).orElse(null),
                limit);
    }

    private static List<UUID> uuids(Set<ProjectId> ids) {
        return ids.stream().map(ProjectId::value).sorted(Comparator.naturalOrder()).toList();
    }
}
