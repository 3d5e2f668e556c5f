package cn.egov.projects.application.port.out;

import cn.egov.projects.application.view.AuditEntry;
import cn.egov.projects.application.view.AuditFilter;
import cn.egov.projects.application.view.Page;

import java.util.List;

/** Searches the audit trail, newest first, with whether each record's project is classified. */
public interface AuditSearchPort {

    /**
     * The project operation records (操作记录): the matching records about a project in the scope, and the Bureau's
     * declaration windows; the records of a project outside the scope — a draft of another unit, a classified project
     * outside the person's 知悉范围 (Art. 27) — are neither listed nor counted, exactly as if they did not exist. The
     * security records (sign-ins, accounts, …) are not among them: they are the security auditor's alone.
     */
    Page<AuditEntry> search(AuditFilter filter, ProjectListScope scope, int page, int size);

    /** The whole security audit trail (安全审计, 三员分立): every matching record, of every kind. */
    Page<AuditEntry> searchSecurityTrail(AuditFilter filter, int page, int size);

    /** A project's records, oldest first, at most {@code limit}. */
    List<AuditEntry> forProject(String projectId, int limit);
}
