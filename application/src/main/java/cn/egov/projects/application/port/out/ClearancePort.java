package cn.egov.projects.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The clearances (涉密资格) the security administrator grants: only a cleared account may be named into a classified
 * project's 知悉范围 (Art. 27). Revoking one also takes the account out of every classified project's scope, in the
 * same transaction.
 */
public interface ClearancePort {

    /** A clearance: whose, when and by whom it was granted. */
    record Clearance(String userId, Instant grantedAt, String grantedBy) {
    }

    Optional<Clearance> clearanceOf(String userId);

    /** Every clearance in force, by user id. */
    List<Clearance> cleared();

    /** @return false when the account was cleared already (left as it was) */
    boolean grant(String userId, Instant at, String by);

    /**
     * Ends the account's clearance and takes it out of the scope of every project it was named into for its scope.
     *
     * @return how many projects' scopes it left, or -1 when it held no clearance (nothing changed)
     */
    int revoke(String userId);
}
