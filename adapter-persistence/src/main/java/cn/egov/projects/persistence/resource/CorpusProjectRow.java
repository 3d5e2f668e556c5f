package cn.egov.projects.persistence.resource;

import java.util.UUID;

/** A project as the similarity corpus reads it: its id, version and document. */
public record CorpusProjectRow(UUID id, long version, String document) {
}
