package cn.egov.projects.persistence.project;

import java.util.UUID;

/** One text item of a project's list, in order: a scope item, a performance goal, an implementation-plan item. */
public record ItemRow(UUID projectId, int seq, String item) {
}
