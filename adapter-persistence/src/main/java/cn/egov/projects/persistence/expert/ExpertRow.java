package cn.egov.projects.persistence.expert;

/** An {@code expert} row. */
public record ExpertRow(String id, String userId, boolean active, String document) {
}
