package cn.egov.projects.persistence.project;

import java.util.UUID;

/**
 * One text item of a list inside a list, in order: an expert of a review or an acceptance, a document of an
 * acceptance, a scope item of a change request. {@code parentSeq} is the position of the review, acceptance or
 * change it belongs to.
 */
public record NestedItemRow(UUID projectId, int parentSeq, int seq, String item) {
}
