-- V36, for H2 (PostgreSQL mode) and PostgreSQL alike: the reminders name the project's unit by its full name, and an
-- inbox message whose deadline has since been met or waived
-- is settled — 已办结 (met, with the day) or 已撤销 (waived: no longer to be done) — in the transaction that closes the
-- deadline. A settled message is no longer counted unread: read_at is set then, if it was unread.
ALTER TABLE inbox_message ADD COLUMN settled_on DATE;
ALTER TABLE inbox_message ADD COLUMN settled_as VARCHAR(20);
ALTER TABLE inbox_message ADD CONSTRAINT inbox_message_settled_check
    CHECK (settled_as IS NULL OR settled_as IN ('MET', 'WAIVED'));
-- the messages of a deadline, found when it closes
CREATE INDEX inbox_message_deadline_idx ON inbox_message (deadline_id);

-- carried over: the messages of deadlines closed before this version are settled as their deadlines stand (the day a
-- waiver was given is not recorded: those have no day), and no longer unread
UPDATE inbox_message SET
    settled_as = (SELECT CASE WHEN d.met_on IS NOT NULL THEN 'MET' ELSE 'WAIVED' END FROM deadline d
                  WHERE d.id = inbox_message.deadline_id),
    settled_on = (SELECT d.met_on FROM deadline d WHERE d.id = inbox_message.deadline_id)
WHERE EXISTS (SELECT 1 FROM deadline d WHERE d.id = inbox_message.deadline_id
              AND (d.met_on IS NOT NULL OR d.waived_reason IS NOT NULL));
UPDATE inbox_message SET read_at = CURRENT_TIMESTAMP WHERE settled_as IS NOT NULL AND read_at IS NULL;

-- the full name of the project's unit (太仓市公安局) a reminder's message names; null for reminders planned before this
-- version (their messages name no unit) and for a classified project's (Art. 27)
ALTER TABLE reminder ADD COLUMN unit_name VARCHAR(100);
