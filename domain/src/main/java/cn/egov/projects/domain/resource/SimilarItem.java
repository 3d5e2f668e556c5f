package cn.egov.projects.domain.resource;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectId;
import cn.egov.projects.domain.project.ProjectState;
import cn.egov.projects.domain.project.UnitId;

import java.util.List;
import java.util.Objects;

/**
 * A project, or a catalogued resource of a project, that looks like the project checked, with its score and what
 * matched.
 *
 * @param resource null for a project
 * @param score    0 to 1, three decimals: the cosine of the two texts' TF-IDF weights ({@link DuplicateCheck})
 * @param terms    the phrases of its text the checked project shares, most telling first
 * @param fields   where they are: 项目名称, 建设内容, 资源名称, 资源描述
 */
public record SimilarItem(ProjectId project, String projectName, UnitId unit, ProjectState state, Category category,
                          ResourceEntry resource, double score, List<String> terms, List<String> fields) {

    public SimilarItem {
        Objects.requireNonNull(project, "project");
        terms = List.copyOf(terms);
        fields = List.copyOf(fields);
    }

    public boolean isResource() {
        return resource != null;
    }
}
