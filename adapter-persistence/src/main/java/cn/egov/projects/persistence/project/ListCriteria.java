package cn.egov.projects.persistence.project;

import cn.egov.projects.domain.catalog.Category;
import cn.egov.projects.domain.project.ProjectState;

import java.util.List;
import java.util.UUID;

/**
 * A list's scope, filter and page flattened for the SQL of {@link ProjectDao#list}: null means "not restricted".
 *
 * @param scopeUnit         only this unit's projects (unit staff)
 * @param allClassified     classified projects of the scope are included
 * @param classifiedAllowed classified projects included one by one
 * @param onlyThese         nothing but these projects (experts); empty means none at all
 */
public record ListCriteria(String scopeUnit, boolean allClassified, List<UUID> classifiedAllowed,
                           List<UUID> onlyThese, Integer planYear, String unit, ProjectState state,
                           Category category, int limit, long offset) {
}
