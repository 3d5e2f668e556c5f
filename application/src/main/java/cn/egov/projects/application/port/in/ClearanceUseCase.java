package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Role;
import cn.egov.projects.domain.project.UnitId;

import java.time.Instant;
import java.util.List;

/**
 * Clearances (涉密资格, RULES.md §1): the security administrator grants and revokes them, the security auditor reads
 * them; the secrecy office names only cleared people into a classified project's 知悉范围 (Art. 27). Revoking a
 * clearance takes the person out of every classified project's scope at once. Each change is audited.
 */
public interface ClearanceUseCase {

    /**
     * A person who may be named into a classified project's scope, and whether they are cleared.
     *
     * @param grantedAt when the clearance was granted (null: not cleared)
     * @param grantedBy the display name (or the migration) that granted it (null: not cleared)
     */
    record Person(String userId, String username, String displayName, Role role, UnitId unit, boolean enabled,
                  boolean cleared, Instant grantedAt, String grantedBy) {
    }

    /**
     * A change: the person as they now stand, and how many classified projects' scopes a revocation took them out of
     * (0 for a grant).
     */
    record Changed(Person person, int scopesLeft) {
    }

    /** Everyone of the roles named into classified scopes, and anyone cleared; the security administrator and auditor. */
    List<Person> list(Caller caller);

    Changed grant(Caller caller, String userId);

    Changed revoke(Caller caller, String userId);
}
