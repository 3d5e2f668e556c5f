-- V22, for H2 (PostgreSQL mode) and PostgreSQL alike: the grades the Big Data Bureau records in its yearly performance
-- evaluation (绩效考核, Art. 4) — one per plan year and subject, a project (by its id) or a unit (by its code). A
-- later grade replaces the row; the audit trail keeps every one recorded. The scores are computed from the projects'
-- documents when read, not stored.
CREATE TABLE performance_grade (
    plan_year    INTEGER                  NOT NULL,
    subject_kind VARCHAR(10)              NOT NULL,
    subject      VARCHAR(100)             NOT NULL,
    grade        VARCHAR(20)              NOT NULL,
    comment      TEXT,
    graded_by    TEXT                     NOT NULL,
    graded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT performance_grade_pk PRIMARY KEY (plan_year, subject_kind, subject),
    CONSTRAINT performance_grade_kind_check CHECK (subject_kind IN ('PROJECT', 'UNIT')),
    CONSTRAINT performance_grade_grade_check CHECK (grade IN ('EXCELLENT', 'GOOD', 'FAIR', 'POOR')),
    CONSTRAINT performance_grade_year_check CHECK (plan_year BETWEEN 2000 AND 2100)
);
