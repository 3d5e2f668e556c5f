package cn.egov.projects.persistence.resource;

import java.util.List;
import java.util.UUID;

/**
 * A list scope flattened for the SQL of {@link ResourceDao}, as a project list applies it: null means "not
 * restricted".
 *
 * @param scopeUnit         only this unit's projects (unit staff)
 * @param allClassified     classified projects of the scope are included
 * @param classifiedAllowed classified projects included one by one
 * @param onlyThese         nothing but these projects (experts); empty means none at all
 * @param limit             the most rows read
 */
public record ScopeCriteria(String scopeUnit, boolean allClassified, List<UUID> classifiedAllowed,
                            List<UUID> onlyThese, int limit) {
}
