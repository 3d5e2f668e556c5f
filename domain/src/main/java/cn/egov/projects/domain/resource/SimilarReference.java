package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.project.ProjectId;

import java.util.Objects;
import java.util.UUID;

/**
 * A project, or a resource of a project's catalogue, that an opinion names as like the project reviewed — with
 * the names as they were when the opinion was given (the opinion is a record: later renaming does not change it).
 *
 * @param resource    the resource of {@code project}'s catalogue, or null when the project itself is meant
 * @param name        the resource's name, or the project's for a project
 * @param projectName the project's name
 */
public record SimilarReference(ProjectId project, UUID resource, String name, String projectName) {

    /** The longest name kept (a project's name has at most 200 characters). */
    public static final int MAX_NAME = 200;

    public SimilarReference {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectName, "projectName");
        if (name.length() > MAX_NAME || projectName.length() > MAX_NAME) {
            throw new IllegalArgumentException("a name of a similar project or resource has at most " + MAX_NAME
                    + " characters");
        }
    }

    public boolean isResource() {
        return resource != null;
    }
}
