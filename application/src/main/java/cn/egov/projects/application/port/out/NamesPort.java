package cn.egov.projects.application.port.out;

import java.util.Collection;
import java.util.Map;

/**
 * The names people read instead of identifiers: a person's display name for an account's user id, a unit's full name
 * for its code (e.g. 太仓市公安局 for {@code TC-GAJ}). Names that are not known are left out of the answers; the
 * caller then shows the identifier as it is.
 */
public interface NamesPort {

    /** The display names of those of these accounts that exist, by user id. */
    Map<String, String> people(Collection<String> userIds);

    /** Every unit's full name, by code. */
    Map<String, String> units();

    /** Knows no names (identifiers are shown as they are). */
    NamesPort NONE = new NamesPort() {
        @Override
        public Map<String, String> people(Collection<String> userIds) {
            return Map.of();
        }

        @Override
        public Map<String, String> units() {
            return Map.of();
        }
    };
}
