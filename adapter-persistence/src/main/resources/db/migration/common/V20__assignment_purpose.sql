-- V20, for H2 (PostgreSQL mode) and PostgreSQL alike: what each person is named to a project for (RULES.md §1) —
-- 'REVIEW', an expert the Bureau draws to review it (Art. 8); 'ACCEPTANCE', an expert the implementing unit names to
-- accept it once it runs on trial (Art. 24); 'SCOPE', anyone the secrecy office names into a classified project's
-- 知悉范围 (Art. 27) — so that whoever may remove a person is decided by why the person was named: a unit cannot
-- remove a reviewer the Bureau named, nor see the reviewers before the review ends.
-- Until now only the Bureau's officers were named to classified projects and only experts to the others: the rows
-- of classified projects become 'SCOPE', the others 'REVIEW' (an expert a unit had named is kept as the Bureau's
-- reviewer: the unit can no longer remove it, the Bureau can).
ALTER TABLE account_project ADD COLUMN purpose VARCHAR(20);
UPDATE account_project SET purpose = CASE
    WHEN EXISTS (SELECT 1 FROM project p WHERE p.id = account_project.project_id AND p.classified = TRUE)
        THEN 'SCOPE'
    ELSE 'REVIEW' END;
ALTER TABLE account_project ALTER COLUMN purpose SET NOT NULL;
ALTER TABLE account_project ADD CONSTRAINT account_project_purpose_check
    CHECK (purpose IN ('REVIEW', 'ACCEPTANCE', 'SCOPE'));
