-- ---------------------------------------------------------------------------------------------------------------
-- The reminder engine's ledger (RULES.md §5): one row per reminder to one person on one channel, written in the same
-- transaction as the change that makes it due (a transactional outbox). Its unique key (deadline, offset, recipient,
-- channel) makes each reminder go out once, whichever instance plans it and however often. The engine's scheduler
-- (scheduled_tasks, V5) runs one execution per digest_key: one message per person, channel and day, carrying every
-- reminder of that key not yet sent nor cancelled. For a classified project (Art. 27) no name is kept here.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE reminder (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    deadline_id    UUID                     NOT NULL,
    offset_days    INTEGER                  NOT NULL,
    recipient      VARCHAR(320)             NOT NULL,
    channel        VARCHAR(10)              NOT NULL,
    digest_key     VARCHAR(600)             NOT NULL,
    remind_on      DATE                     NOT NULL,
    audience       VARCHAR(20)              NOT NULL,
    recipient_name VARCHAR(100),
    project_id     UUID                     NOT NULL,
    project_name   VARCHAR(200),
    classified     BOOLEAN                  NOT NULL,
    kind           VARCHAR(40)              NOT NULL,
    due_date       DATE                     NOT NULL,
    article        VARCHAR(20)              NOT NULL,
    planned_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    sent_at        TIMESTAMP WITH TIME ZONE,
    cancelled_at   TIMESTAMP WITH TIME ZONE,
    dead_letter_id BIGINT,
    CONSTRAINT reminder_pk PRIMARY KEY (id),
    CONSTRAINT reminder_once UNIQUE (deadline_id, offset_days, recipient, channel),
    CONSTRAINT reminder_channel_check CHECK (channel IN ('EMAIL', 'SMS'))
);
CREATE INDEX reminder_digest_idx ON reminder (digest_key);
CREATE INDEX reminder_deadline_idx ON reminder (deadline_id);
CREATE INDEX reminder_remind_on_idx ON reminder (remind_on);

-- messages given up after the configured attempts, for the administrator to see and send off again
CREATE TABLE reminder_dead_letter (
    id         BIGINT GENERATED ALWAYS AS IDENTITY,
    digest_key VARCHAR(600)             NOT NULL,
    channel    VARCHAR(10)              NOT NULL,
    recipient  VARCHAR(320)             NOT NULL,
    remind_on  DATE                     NOT NULL,
    reminders  INTEGER                  NOT NULL,
    attempts   INTEGER                  NOT NULL,
    last_error VARCHAR(1000),
    failed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retried_at TIMESTAMP WITH TIME ZONE,
    retried_by VARCHAR(100),
    CONSTRAINT reminder_dead_letter_pk PRIMARY KEY (id)
);
CREATE INDEX reminder_dead_letter_failed_idx ON reminder_dead_letter (failed_at);
