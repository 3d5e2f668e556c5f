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
 * @param drafts            drafts are included (a unit's own, or the system's every draft)
 * @param namePattern       a LIKE pattern (escaped with a backslash) the lower-cased name matches, or null
 * @param numberPrefix      a LIKE pattern of the beginning of the project's number (hex digits and hyphens only),
 *                          or null; only with a name pattern (either matches)
 * @param numberSuffix      a LIKE pattern of the end of the project's number, where a time-ordered number's
 *                          {@link cn.egov.projects.domain.project.ProjectId#shortNumber short number} is; with the
 *                          prefix
 */
public record ListCriteria(String scopeUnit, boolean allClassified, List<UUID> classifiedAllowed,
                           List<UUID> onlyThese, Integer planYear, String unit, ProjectState state,
                           Category category, int limit, long offset, boolean drafts, String namePattern,
                           String numberPrefix, String numberSuffix) {

    /** Criteria without a searched text. */
    public ListCriteria(String scopeUnit, boolean allClassified, List<UUID> classifiedAllowed, List<UUID> onlyThese,
                        Integer planYear, String unit, ProjectState state, Category category, int limit,
                        long offset, boolean drafts) {
        this(scopeUnit, allClassified, classifiedAllowed, onlyThese, planYear, unit, state, category, limit, offset,
                drafts, null, null, null);
    }

    /**
     * The LIKE patterns of a searched text: the name contains it (lower case, {@code %}, {@code _} and the
     * backslash escaped); the number begins or ends with it, when it can be part of a number (the beginning of an
     * earlier number is its short number, the end of a time-ordered one); nulls for none.
     */
    public static String[] textPatterns(String text) {
        if (text == null || text.isBlank()) {
            return new String[] {null, null, null};
        }
        String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
        String escaped = lower.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        boolean number = lower.matches("[0-9a-f-]{1,36}");
        return new String[] {"%" + escaped + "%", number ? lower + "%" : null, number ? "%" + lower : null};
    }

    /** A person's criteria: drafts only within the scope's unit. */
    public ListCriteria(String scopeUnit, boolean allClassified, List<UUID> classifiedAllowed, List<UUID> onlyThese,
                        Integer planYear, String unit, ProjectState state, Category category, int limit,
                        long offset) {
        this(scopeUnit, allClassified, classifiedAllowed, onlyThese, planYear, unit, state, category, limit, offset,
                scopeUnit != null);
    }

    /**
     * The filter that chooses the index a page is read from, in the list's order ({@code ProjectDao.xml}, V38): a
     * state (alone or with a unit or a plan year: the state's index carries both), a unit (the filter's or the
     * scope's), a plan year; "none" for the order of every project.
     */
    public String lead() {
        if (state != null) {
            return "state";
        }
        if (unit != null || scopeUnit != null) {
            return "unit";
        }
        return planYear != null ? "year" : "none";
    }
}
