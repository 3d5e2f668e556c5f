-- V27, for H2 (PostgreSQL mode) and PostgreSQL alike: no plaintext recipient in the reminder ledger (security issue 14).
--
-- reminder.recipient_index  the recipient's keyed blind index (HMAC-SM3, 64 hex digits, key derived from the data key
--                           file outside the database): it stands for the recipient in the unique key that makes each
--                           reminder go out once, in digest_key (CHANNEL|index|day…) and so in the scheduler's task
--                           ids and data.
-- reminder.recipient        the address encrypted with SM4-GCM (sm4gcm:v1:<key id>:…, bound to the row's unique key),
-- reminder_dead_letter.recipient  likewise (bound to the dead letter's digest_key): widened for the ciphertext.
--
-- The key is not given to Flyway, so the rows written before this migration are carried over at the application's
-- first start after it (PersonalDataSweep, run again because personal_data_state.swept is reset here): each gets its
-- blind index, its digest_key with the index in place of the address, and its address encrypted, one batch a
-- transaction, before the reminder engine starts. A reminder sent before keeps its row (and sent_at): planned again,
-- it meets its unique key and is not sent again.
--
-- The scheduler's pending message executions are named by the old digest keys (plaintext addresses): they are removed
-- here, and the engine's sweep, which runs when the engine starts, schedules again every message of the last 14 days
-- whose reminders are still pending, under its new key.
ALTER TABLE reminder ADD COLUMN recipient_index VARCHAR(64);
ALTER TABLE reminder ALTER COLUMN recipient SET DATA TYPE VARCHAR(600);
ALTER TABLE reminder DROP CONSTRAINT reminder_once;
ALTER TABLE reminder ADD CONSTRAINT reminder_once UNIQUE (deadline_id, offset_days, recipient_index, channel);
ALTER TABLE reminder_dead_letter ALTER COLUMN recipient SET DATA TYPE VARCHAR(600);
DELETE FROM scheduled_tasks WHERE task_name = 'reminder-digest';
UPDATE personal_data_state SET swept = FALSE WHERE id = 1;
