-- V37, for H2 (PostgreSQL mode) and PostgreSQL alike: a deadline row is keyed by its project and place, (project_id,
-- seq), which was already unique, instead of by its own number alone. Every statement that writes deadline rows
-- names the project (ProjectDao.xml), and nothing reads a deadline by its number alone, so the index on the number
-- was kept up for no query: each deadline opened and each deadline met or waived (an update of is_open, which enters
-- every index of the row anew) wrote an entry into it, at a random place. With a million projects nearly every such
-- entry was the first change of its index page since the last checkpoint, which writes the whole page into the WAL:
-- a progress report wrote 1.07 full-page images for this index alone, of 4.7 in all. A deadline's number stays
-- unique by construction (a random UUID from the domain), and the project's document keeps it.
ALTER TABLE deadline DROP CONSTRAINT deadline_pk;
ALTER TABLE deadline ADD CONSTRAINT deadline_pk PRIMARY KEY (project_id, seq);
ALTER TABLE deadline DROP CONSTRAINT deadline_project_seq_unique;
