-- V13, for H2 (PostgreSQL mode) and PostgreSQL alike: reminders after downtime and the ledger's retention (issue 11).
--
-- reminder.late        the reminder went out after its day because the system was down (its daily pass or its
--                      message was missed); the message says so.
-- reminder.superseded  never sent: a reminder of a day the system missed, made stale by a later reminder of the same
--                      deadline to the same person (cancelled_at is set with it, so it is no longer pending).
-- reminder_pass        one row per day whose daily reminder pass is done: ON_TIME on its day, LATE when made up
--                      after downtime, SKIPPED when the downtime was longer than the catch-up window. The last day
--                      recorded is where the next pass resumes.
ALTER TABLE reminder ADD COLUMN late BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE reminder ADD COLUMN superseded BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE reminder_pass (
    pass_day     DATE                     NOT NULL,
    outcome      VARCHAR(10)              NOT NULL,
    reminders    BIGINT                   NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reminder_pass_pk PRIMARY KEY (pass_day),
    CONSTRAINT reminder_pass_outcome_check CHECK (outcome IN ('ON_TIME', 'LATE', 'SKIPPED'))
);
