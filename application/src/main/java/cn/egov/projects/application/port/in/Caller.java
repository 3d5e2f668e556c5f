package cn.egov.projects.application.port.in;

import cn.egov.projects.domain.access.Actor;

import java.util.Objects;

/** Who calls a use case, and from which request (for the audit trail). */
public record Caller(Actor actor, String requestId, String sourceAddress) {

    public Caller {
        Objects.requireNonNull(actor, "actor");
        requestId = requestId == null ? "-" : requestId;
        sourceAddress = sourceAddress == null ? "-" : sourceAddress;
    }
}
