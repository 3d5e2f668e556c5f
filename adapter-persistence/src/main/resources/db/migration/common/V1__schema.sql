-- The schema of egov-projects, for H2 (PostgreSQL mode) and PostgreSQL alike.
-- Vendor-specific parts live in db/migration/h2 and db/migration/postgresql under the same version numbers.

-- ---------------------------------------------------------------------------------------------------------------
-- Projects: one row per aggregate (Project.Snapshot) with the profile's and the lifecycle's scalars, so that lists
-- filter and sort in SQL; everything the project holds as lists lives in the child tables below, kept in order
-- by seq. Saving a project updates this row under its version (optimistic locking) and replaces the children.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE project (
    id                              UUID          NOT NULL,
    unit                            VARCHAR(40)   NOT NULL,
    policy_id                       VARCHAR(100)  NOT NULL,
    version                         BIGINT        NOT NULL,
    name                            VARCHAR(200)  NOT NULL,
    plan_year                       INTEGER       NOT NULL,
    category                        VARCHAR(40)   NOT NULL,
    nature                          VARCHAR(40)   NOT NULL,
    service_kind                    VARCHAR(40),
    supervised_project              UUID,
    software_development            BOOLEAN       NOT NULL,
    funding_source                  VARCHAR(40)   NOT NULL,
    classified                      BOOLEAN       NOT NULL,
    uses_cryptography               BOOLEAN       NOT NULL,
    total_investment                NUMERIC(16,2) NOT NULL,
    state                           VARCHAR(40)   NOT NULL,
    suspended_from                  VARCHAR(40),
    created_on                      DATE          NOT NULL,
    declared_on                     DATE,
    supplementary                   BOOLEAN       NOT NULL,
    supplementary_requirement       TEXT,
    supplementary_feasibility_study TEXT,
    higher_level_reported_on        DATE,
    no_procurement_reason           TEXT,
    substantive_start_on            DATE,
    trial_start_on                  DATE,
    operating_from                  DATE,
    acceptance_report_on            DATE,
    final_accounts_on               DATE,
    final_accounts_amount           NUMERIC(16,2),
    maintenance_arrangement         TEXT,
    CONSTRAINT project_pk PRIMARY KEY (id),
    CONSTRAINT project_version_positive CHECK (version > 0)
);
CREATE INDEX project_unit_idx ON project (unit);
CREATE INDEX project_plan_year_idx ON project (plan_year);
CREATE INDEX project_state_idx ON project (state);
CREATE INDEX project_created_on_idx ON project (created_on, id);

-- the declaration: budget lines, construction content, performance goals, accountable people (Art. 2, 4, 19)
CREATE TABLE project_budget_line (
    project_id  UUID          NOT NULL,
    seq         INTEGER       NOT NULL,
    item        VARCHAR(200)  NOT NULL,
    amount      NUMERIC(16,2) NOT NULL,
    supervision BOOLEAN       NOT NULL,
    CONSTRAINT project_budget_line_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_budget_line_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_scope_item (
    project_id UUID    NOT NULL,
    seq        INTEGER NOT NULL,
    item       TEXT    NOT NULL,
    CONSTRAINT project_scope_item_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_scope_item_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_performance_goal (
    project_id UUID    NOT NULL,
    seq        INTEGER NOT NULL,
    goal       TEXT    NOT NULL,
    CONSTRAINT project_performance_goal_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_performance_goal_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- duty: LEADER (分管领导) or RESPONSIBLE (责任人); a project has both or neither
CREATE TABLE project_person (
    project_id UUID        NOT NULL,
    duty       VARCHAR(20) NOT NULL,
    name       VARCHAR(50) NOT NULL,
    mobile     VARCHAR(20) NOT NULL,
    email      TEXT        NOT NULL,
    CONSTRAINT project_person_pk PRIMARY KEY (project_id, duty),
    CONSTRAINT project_person_duty_check CHECK (duty IN ('LEADER', 'RESPONSIBLE')),
    CONSTRAINT project_person_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- expert review opinions (Art. 8) and feasibility reviews (Art. 10), with their experts
CREATE TABLE project_review (
    project_id  UUID    NOT NULL,
    seq         INTEGER NOT NULL,
    reviewed_on DATE,
    approved    BOOLEAN NOT NULL,
    opinion     TEXT,
    CONSTRAINT project_review_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_review_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_review_expert (
    project_id UUID    NOT NULL,
    review_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    CONSTRAINT project_review_expert_pk PRIMARY KEY (project_id, review_seq, seq),
    CONSTRAINT project_review_expert_review_fk FOREIGN KEY (project_id, review_seq)
        REFERENCES project_review (project_id, seq) ON DELETE CASCADE
);

-- Finance's funding opinion (Art. 8), the government's approval (Art. 8, 10), the place in the plan (Art. 9, 10)
CREATE TABLE project_funding_opinion (
    project_id UUID          NOT NULL,
    opinion_on DATE,
    amount     NUMERIC(16,2),
    opinion    TEXT,
    CONSTRAINT project_funding_opinion_pk PRIMARY KEY (project_id),
    CONSTRAINT project_funding_opinion_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_government_approval (
    project_id      UUID          NOT NULL,
    approved_on     DATE,
    approved_budget NUMERIC(16,2),
    reference       TEXT,
    CONSTRAINT project_government_approval_pk PRIMARY KEY (project_id),
    CONSTRAINT project_government_approval_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_plan_inclusion (
    project_id  UUID    NOT NULL,
    included_on DATE,
    plan_year   INTEGER NOT NULL,
    addition    BOOLEAN NOT NULL,
    reference   TEXT,
    CONSTRAINT project_plan_inclusion_pk PRIMARY KEY (project_id),
    CONSTRAINT project_plan_inclusion_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- the implementation plan and its content (Art. 13)
CREATE TABLE project_implementation_plan (
    project_id   UUID          NOT NULL,
    submitted_on DATE,
    budget       NUMERIC(16,2),
    schedule     TEXT,
    CONSTRAINT project_implementation_plan_pk PRIMARY KEY (project_id),
    CONSTRAINT project_implementation_plan_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_implementation_scope_item (
    project_id UUID    NOT NULL,
    seq        INTEGER NOT NULL,
    item       TEXT    NOT NULL,
    CONSTRAINT project_implementation_scope_item_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_implementation_scope_item_plan_fk FOREIGN KEY (project_id)
        REFERENCES project_implementation_plan (project_id) ON DELETE CASCADE
);

-- the Bureau's reviews before procurement (Art. 13), contracts (Art. 14), progress reports (Art. 16)
CREATE TABLE project_pre_procurement_review (
    project_id  UUID    NOT NULL,
    seq         INTEGER NOT NULL,
    reviewed_on DATE,
    passed      BOOLEAN NOT NULL,
    opinion     TEXT,
    CONSTRAINT project_pre_procurement_review_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_pre_procurement_review_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_contract (
    project_id      UUID          NOT NULL,
    seq             INTEGER       NOT NULL,
    contract_number TEXT,
    supplier        TEXT,
    amount          NUMERIC(16,2),
    signed_on       DATE,
    warranty_end    DATE,
    filed_on        DATE,
    CONSTRAINT project_contract_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_contract_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_progress_report (
    project_id       UUID    NOT NULL,
    seq              INTEGER NOT NULL,
    reported_on      DATE,
    percent_complete INTEGER NOT NULL,
    summary          TEXT,
    CONSTRAINT project_progress_report_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_progress_report_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- change requests (Art. 18) and the content they ask for
CREATE TABLE project_change_request (
    project_id   UUID          NOT NULL,
    seq          INTEGER       NOT NULL,
    id           UUID,
    requested_on DATE,
    description  TEXT,
    new_budget   NUMERIC(16,2),
    status       VARCHAR(40),
    decided_on   DATE,
    decision     TEXT,
    CONSTRAINT project_change_request_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_change_request_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_change_scope_item (
    project_id UUID    NOT NULL,
    change_seq INTEGER NOT NULL,
    seq        INTEGER NOT NULL,
    item       TEXT    NOT NULL,
    CONSTRAINT project_change_scope_item_pk PRIMARY KEY (project_id, change_seq, seq),
    CONSTRAINT project_change_scope_item_change_fk FOREIGN KEY (project_id, change_seq)
        REFERENCES project_change_request (project_id, seq) ON DELETE CASCADE
);

-- written reports of delay, suspension or termination (Art. 17); security and crypto reviews (Art. 4)
CREATE TABLE project_situation_report (
    project_id  UUID        NOT NULL,
    seq         INTEGER     NOT NULL,
    reported_on DATE,
    kind        VARCHAR(40),
    reason      TEXT,
    to_bureau   BOOLEAN     NOT NULL,
    to_finance  BOOLEAN     NOT NULL,
    CONSTRAINT project_situation_report_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_situation_report_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_security_review (
    project_id  UUID        NOT NULL,
    seq         INTEGER     NOT NULL,
    reviewed_on DATE,
    kind        VARCHAR(40),
    passed      BOOLEAN     NOT NULL,
    opinion     TEXT,
    CONSTRAINT project_security_review_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_security_review_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- the self-inspection report (Art. 23) and the acceptances with their experts and documents (Art. 24)
CREATE TABLE project_self_inspection (
    project_id         UUID NOT NULL,
    inspected_on       DATE,
    content_completion TEXT,
    resource_catalogue TEXT,
    performance_goals  TEXT,
    CONSTRAINT project_self_inspection_pk PRIMARY KEY (project_id),
    CONSTRAINT project_self_inspection_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_acceptance (
    project_id UUID    NOT NULL,
    seq        INTEGER NOT NULL,
    held_on    DATE,
    passed     BOOLEAN NOT NULL,
    conclusion TEXT,
    late       BOOLEAN NOT NULL,
    CONSTRAINT project_acceptance_pk PRIMARY KEY (project_id, seq),
    CONSTRAINT project_acceptance_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

CREATE TABLE project_acceptance_expert (
    project_id     UUID    NOT NULL,
    acceptance_seq INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    CONSTRAINT project_acceptance_expert_pk PRIMARY KEY (project_id, acceptance_seq, seq),
    CONSTRAINT project_acceptance_expert_acceptance_fk FOREIGN KEY (project_id, acceptance_seq)
        REFERENCES project_acceptance (project_id, seq) ON DELETE CASCADE
);

CREATE TABLE project_acceptance_document (
    project_id     UUID    NOT NULL,
    acceptance_seq INTEGER NOT NULL,
    seq            INTEGER NOT NULL,
    name           TEXT    NOT NULL,
    CONSTRAINT project_acceptance_document_pk PRIMARY KEY (project_id, acceptance_seq, seq),
    CONSTRAINT project_acceptance_document_acceptance_fk FOREIGN KEY (project_id, acceptance_seq)
        REFERENCES project_acceptance (project_id, seq) ON DELETE CASCADE
);

-- the Bureau's termination with its notice, and Finance's recovery of the funds (Art. 17)
CREATE TABLE project_termination (
    project_id         UUID          NOT NULL,
    terminated_on      DATE,
    reason             TEXT,
    notice             TEXT,
    funds_recovered_on DATE,
    funds_recovered    NUMERIC(16,2),
    CONSTRAINT project_termination_pk PRIMARY KEY (project_id),
    CONSTRAINT project_termination_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);

-- the statutory deadlines of each project (RULES.md §5); open ones are those with neither met_on nor waived_reason
CREATE TABLE deadline (
    id            UUID        NOT NULL,
    project_id    UUID        NOT NULL,
    seq           INTEGER     NOT NULL,
    kind          VARCHAR(40) NOT NULL,
    ref           TEXT,
    start_date    DATE        NOT NULL,
    due_date      DATE        NOT NULL,
    provisional   BOOLEAN     NOT NULL,
    met_on        DATE,
    waived_reason TEXT,
    CONSTRAINT deadline_pk PRIMARY KEY (id),
    CONSTRAINT deadline_project_seq_unique UNIQUE (project_id, seq),
    CONSTRAINT deadline_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);
-- a plain index: partial indexes (WHERE met_on IS NULL ...) do not exist on H2
CREATE INDEX deadline_due_date_idx ON deadline (due_date);

-- ---------------------------------------------------------------------------------------------------------------
-- The Bureau's declaration windows, one per plan year (Art. 7)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE declaration_window (
    plan_year INTEGER NOT NULL,
    opens_on  DATE    NOT NULL,
    closes_on DATE    NOT NULL,
    CONSTRAINT declaration_window_pk PRIMARY KEY (plan_year)
);

-- ---------------------------------------------------------------------------------------------------------------
-- The append-only audit trail: rows are inserted and read, never updated or deleted (on PostgreSQL a trigger
-- refuses both, see db/migration/postgresql)
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE audit_record (
    id             BIGINT GENERATED ALWAYS AS IDENTITY,
    at             TIMESTAMP WITH TIME ZONE NOT NULL,
    user_id        TEXT,
    role           VARCHAR(40),
    unit           TEXT,
    action         TEXT,
    article        TEXT,
    project_id     TEXT,
    from_state     VARCHAR(40),
    to_state       VARCHAR(40),
    request_id     TEXT,
    source_address TEXT,
    summary        TEXT,
    CONSTRAINT audit_record_pk PRIMARY KEY (id)
);
CREATE INDEX audit_record_project_idx ON audit_record (project_id, at);
CREATE INDEX audit_record_at_idx ON audit_record (at);

-- ---------------------------------------------------------------------------------------------------------------
-- Documents attached to projects; the content column is added per vendor (V2): BYTEA on PostgreSQL, a BLOB on H2
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE document (
    id           UUID                     NOT NULL,
    project_id   UUID                     NOT NULL,
    file_name    TEXT,
    content_type TEXT,
    size         BIGINT                   NOT NULL,
    sha256       VARCHAR(64)              NOT NULL,
    kind         TEXT,
    uploaded_by  TEXT,
    uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT document_pk PRIMARY KEY (id),
    CONSTRAINT document_size_check CHECK (size >= 0)
);
CREATE INDEX document_project_idx ON document (project_id, uploaded_at);

-- ---------------------------------------------------------------------------------------------------------------
-- Accounts (only a salted slow hash of the password) and the projects explicitly assigned to them
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE account (
    user_id       VARCHAR(100) NOT NULL,
    username      VARCHAR(200) NOT NULL,
    display_name  TEXT,
    role          VARCHAR(40)  NOT NULL,
    unit          VARCHAR(40),
    mobile        TEXT,
    email         TEXT,
    password_hash TEXT         NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    CONSTRAINT account_pk PRIMARY KEY (user_id),
    CONSTRAINT account_username_unique UNIQUE (username)
);

CREATE TABLE account_project (
    user_id    VARCHAR(100) NOT NULL,
    project_id UUID         NOT NULL,
    CONSTRAINT account_project_pk PRIMARY KEY (user_id, project_id),
    CONSTRAINT account_project_account_fk FOREIGN KEY (user_id) REFERENCES account (user_id)
);
