package cn.egov.projects.application.port.out;

import cn.egov.projects.domain.project.Project;

/**
 * Stores a project aggregate. {@link #update} is optimistic: it succeeds only when the stored version is still
 * the one the project was loaded with, and otherwise throws
 * {@link cn.egov.projects.application.error.ConcurrentChangeException} and changes nothing. Both set the new
 * version on the project ({@link Project#markSaved}).
 */
public interface SaveProjectPort {

    void insert(Project project);

    void update(Project project);
}
