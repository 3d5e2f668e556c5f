-- V15, for H2 (PostgreSQL mode) and PostgreSQL alike: what the web tier used to keep in each process's memory, now in
-- the database so that several stateless instances behind a load balancer share it.

-- Browser sessions (the Vert.x session store): the session's data as JSON, and when it ends unless used again. An
-- instance that dies loses nothing: the next request goes to another instance, which reads the same row.
CREATE TABLE web_session (
    session_id    VARCHAR(200)             NOT NULL,
    data          TEXT                     NOT NULL,
    timeout_ms    BIGINT                   NOT NULL,
    last_accessed TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT web_session_pk PRIMARY KEY (session_id)
);
CREATE INDEX web_session_expires_idx ON web_session (expires_at);

-- When each account's access (kind 'A': disabled, named to a project) or each username's sign-in (kind 'L': locked)
-- last changed, as a revision number common to every instance. Revisions are handed out one at a time by the single
-- row of access_revision_counter (its row lock orders them), so an instance that has read every revision up to n
-- has seen every change numbered up to n.
CREATE TABLE access_revision_counter (
    id       INTEGER NOT NULL,
    revision BIGINT  NOT NULL,
    CONSTRAINT access_revision_counter_pk PRIMARY KEY (id),
    CONSTRAINT access_revision_counter_single CHECK (id = 1)
);
INSERT INTO access_revision_counter (id, revision) VALUES (1, 0);

CREATE TABLE access_revision (
    kind       CHAR(1)                  NOT NULL,
    subject    VARCHAR(200)             NOT NULL,
    revision   BIGINT                   NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_revision_pk PRIMARY KEY (kind, subject),
    CONSTRAINT access_revision_kind_check CHECK (kind IN ('A', 'L'))
);
CREATE INDEX access_revision_revision_idx ON access_revision (revision);

-- The sign-in rate limits' counters: unsuccessful attempts per key ('a:' + client address, 'u:' + username) in each
-- fixed window, and whether a refusal was already recorded in the audit trail for that window.
CREATE TABLE sign_in_window (
    throttle_key VARCHAR(200)             NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER                  NOT NULL,
    refusal_told BOOLEAN                  NOT NULL,
    CONSTRAINT sign_in_window_pk PRIMARY KEY (throttle_key, window_start)
);
CREATE INDEX sign_in_window_start_idx ON sign_in_window (window_start);
