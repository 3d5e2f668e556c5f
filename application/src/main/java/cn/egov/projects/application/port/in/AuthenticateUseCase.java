package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.util.Optional;

/** Checks a username and password; empty when they do not match an enabled account. */
public interface AuthenticateUseCase {

    Optional<Actor> authenticate(String username, char[] password);
}
