package cn.egov.projects.application.view;

import java.util.Map;

/**
 * The names of the people and units a page mentions, by user id and by unit code, so that the page reads
 * 王经办（太仓市公安局） rather than an identifier.
 */
public record Names(Map<String, String> people, Map<String, String> units) {

    public static final Names NONE = new Names(Map.of(), Map.of());

    public Names {
        people = Map.copyOf(people);
        units = Map.copyOf(units);
    }

    /** The person's display name, or null when unknown. */
    public String person(String userId) {
        return userId == null ? null : people.get(userId);
    }

    /** The unit's full name, or null when unknown. */
    public String unit(String code) {
        return code == null ? null : units.get(code);
    }
}
