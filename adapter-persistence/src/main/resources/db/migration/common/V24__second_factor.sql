-- V24, for H2 (PostgreSQL mode) and PostgreSQL alike: the second factor of sign-in (TOTP, RFC 6238) and the security
-- settings the security administrator keeps.

-- One secret per account. Until a code of it confirms the enrolment (confirmed = FALSE) it signs nobody in. last_step
-- is the RFC 6238 time step of the last code accepted (-1: none): a code of that step or an earlier one is a replay.
-- The secret is kept as base64 for now; it is to be sealed with the SM4 field cipher of personal data.
CREATE TABLE second_factor (
    user_id     VARCHAR(100)             NOT NULL,
    algorithm   VARCHAR(10)              NOT NULL,
    secret      VARCHAR(200)             NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL,
    confirmed   BOOLEAN                  NOT NULL,
    last_step   BIGINT                   NOT NULL,
    CONSTRAINT second_factor_pk PRIMARY KEY (user_id),
    CONSTRAINT second_factor_account_fk FOREIGN KEY (user_id) REFERENCES account (user_id),
    CONSTRAINT second_factor_algorithm_check CHECK (algorithm IN ('SM3', 'SHA1'))
);

-- The security settings by name (e.g. step_up.bdb_approvals = true), with who set each last and when. A setting not
-- stored has its default.
CREATE TABLE security_policy (
    name       VARCHAR(100)             NOT NULL,
    setting    VARCHAR(200)             NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    changed_by VARCHAR(100)             NOT NULL,
    CONSTRAINT security_policy_pk PRIMARY KEY (name)
);
