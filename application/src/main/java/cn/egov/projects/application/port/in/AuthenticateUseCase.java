package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.util.Optional;

/** Checks a username and password; empty when they do not match an enabled account. */
public interface AuthenticateUseCase {

    Optional<Actor> authenticate(String username, char[] password);

    /**
     * The person of an account as it stands now, for a session or a remembered credential whose account changed
     * since it signed in (its role's projects, its assignments); empty when the account is disabled or gone.
     */
    Optional<Actor> current(String userId);
}
