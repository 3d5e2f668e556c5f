package cn.egov.projects.persistence.resource;

import java.util.UUID;

/** A {@code reuse_opinion_similar} row: a project ({@code resourceId} null) or resource an opinion names. */
public record ReuseSimilarRow(UUID opinionId, int seq, UUID projectId, UUID resourceId, String name,
                              String projectName) {
}
