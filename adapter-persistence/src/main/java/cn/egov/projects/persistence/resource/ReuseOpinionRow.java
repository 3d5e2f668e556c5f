package cn.egov.projects.persistence.resource;

import cn.egov.projects.domain.resource.ReuseVerdict;

import java.time.Instant;
import java.util.UUID;

/** A {@code reuse_opinion} row (its {@code seq} is the database's). */
public record ReuseOpinionRow(UUID id, UUID projectId, ReuseVerdict verdict, String comment, String recordedBy,
                              Instant recordedAt) {
}
