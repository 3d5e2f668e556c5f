-- V10, for H2 (PostgreSQL mode) and PostgreSQL alike: what the staff's working place keeps besides projects.

-- Failed sign-ins and locks (5 failures in 15 minutes lock a username for 15 minutes), shared by every instance.
CREATE TABLE login_failure (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    username       VARCHAR(200)             NOT NULL,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    source_address TEXT,
    CONSTRAINT login_failure_pk PRIMARY KEY (id)
);
CREATE INDEX login_failure_username_idx ON login_failure (username, at);

CREATE TABLE login_lock (
    username     VARCHAR(200)             NOT NULL,
    locked_until TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT login_lock_pk PRIMARY KEY (username)
);

-- Each person's private calendar-feed token, kept only as its SHA-256 digest.
CREATE TABLE calendar_token (
    user_id      VARCHAR(100)             NOT NULL,
    token_digest VARCHAR(64)              NOT NULL,
    issued_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT calendar_token_pk PRIMARY KEY (user_id),
    CONSTRAINT calendar_token_digest_unique UNIQUE (token_digest),
    CONSTRAINT calendar_token_account_fk FOREIGN KEY (user_id) REFERENCES account (user_id)
);

-- The answers of state-changing requests sent with an Idempotency-Key, per caller and key (kept 24 hours);
-- status is NULL while the first request is running.
CREATE TABLE idempotency_record (
    user_id     VARCHAR(100)             NOT NULL,
    idem_key    VARCHAR(100)             NOT NULL,
    fingerprint VARCHAR(200)             NOT NULL,
    status      INTEGER,
    body        TEXT,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT idempotency_record_pk PRIMARY KEY (user_id, idem_key)
);
CREATE INDEX idempotency_record_created_idx ON idempotency_record (created_at);

-- The audit search filters by user and by action, newest first.
CREATE INDEX audit_record_user_idx ON audit_record (user_id, at);
CREATE INDEX audit_record_action_idx ON audit_record (action, at);
