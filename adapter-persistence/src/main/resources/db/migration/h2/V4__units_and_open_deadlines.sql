-- V4: the municipality's units, open deadlines found by an index, and which child tables of a project hold rows.
-- The same statements on H2 (db/migration/h2) and PostgreSQL (db/migration/postgresql), which adds a storage
-- setting H2 does not know; keep the two files alike.

-- ---------------------------------------------------------------------------------------------------------------
-- The units of the municipality: implementing units (Art. 3) and the authorities of Art. 4
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE unit (
    code    VARCHAR(40)  NOT NULL,
    name_zh VARCHAR(100) NOT NULL,
    kind    VARCHAR(20)  NOT NULL,
    CONSTRAINT unit_pk PRIMARY KEY (code),
    CONSTRAINT unit_kind_check CHECK (kind IN ('IMPLEMENTING', 'AUTHORITY'))
);

-- ---------------------------------------------------------------------------------------------------------------
-- "Every open deadline due on or before a day" (reminders, to-do lists) reads the index (is_open, due_date, id) in
-- order and stops after a page. is_open is written by the adapter with every deadline row; the CHECK keeps it equal
-- to "neither met nor waived" whoever writes. A plain composite index, because H2 has no partial or expression
-- indexes; it replaces the index on due_date alone, which nothing reads any more.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE deadline ADD COLUMN is_open BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE deadline SET is_open = (met_on IS NULL AND waived_reason IS NULL);
ALTER TABLE deadline ALTER COLUMN is_open DROP DEFAULT;
ALTER TABLE deadline ADD CONSTRAINT deadline_is_open_check
    CHECK (is_open = (met_on IS NULL AND waived_reason IS NULL));
DROP INDEX deadline_due_date_idx;
CREATE INDEX deadline_open_due_idx ON deadline (is_open, due_date, id);

-- ---------------------------------------------------------------------------------------------------------------
-- Which child tables hold rows of the project: bit (n - 1) for the part numbered n in ChildRows (1 budget lines …
-- 24 deadlines), written with every save, so that loading a project reads only those tables. The default, every
-- bit set, means "not known: read them all" — what rows written before this version, or by anything but the
-- adapter, get.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE project ADD COLUMN child_parts INTEGER DEFAULT 16777215 NOT NULL;
