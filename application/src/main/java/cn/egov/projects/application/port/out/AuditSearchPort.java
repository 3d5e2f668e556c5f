package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.Page;

import java.util.List;

/** Searches the audit trail, newest first, with whether each record's project is classified. */
public interface AuditSearchPort {

    /**
     * The matching records about no project, or about a project in the scope (or about one no longer stored); the
     * records of a project outside the scope — a classified project outside the person's 知悉范围 (Art. 27) — are
     * neither listed nor counted, exactly as if they did not exist.
     */
    Page<AuditEntry> search(AuditFilter filter, ProjectListScope scope, int page, int size);

    /** A project's records, oldest first, at most {@code limit}. */
    List<AuditEntry> forProject(String projectId, int limit);
}
