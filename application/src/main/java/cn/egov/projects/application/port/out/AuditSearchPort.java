package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.Page;

import java.util.List;

/** Searches the audit trail, newest first, with whether each record's project is classified. */
public interface AuditSearchPort {

    Page<AuditEntry> search(AuditFilter filter, int page, int size);

    /** A project's records, oldest first, at most {@code limit}. */
    List<AuditEntry> forProject(String projectId, int limit);
}
