package cn.egov.projects.application.port.out;

import java.util.List;

/** The append-only audit trail: records are added and read, never changed or removed. */
public interface AuditTrailPort {

    void append(AuditRecord record);

    /** A project's records, oldest first. */
    List<AuditRecord> forProject(String projectId);
}
