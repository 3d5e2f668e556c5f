package cn.egov.projects.persistence.project;

import java.util.UUID;

/** A {@code project_person} row: the leader ({@link #LEADER}) or the responsible person ({@link #RESPONSIBLE}). */
public record PersonRow(UUID projectId, String duty, String name, String mobile, String email) {

    public static final String LEADER = "LEADER";
    public static final String RESPONSIBLE = "RESPONSIBLE";
}
