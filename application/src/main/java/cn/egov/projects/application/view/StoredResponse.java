package cn.egov.projects.application.view;

import java.time.Instant;

/**
 * What a state-changing request with an {@code Idempotency-Key} answered, kept so that a retry gets the same answer
 * and acts once.
 *
 * @param fingerprint what identifies the request (method, path, body digest): a key reused for another request is
 *                    refused
 * @param status      the HTTP status of the first answer, or null while the first request is still being handled
 */
public record StoredResponse(String fingerprint, Integer status, String body, Instant createdAt) {

    public boolean completed() {
        return status != null;
    }
}
