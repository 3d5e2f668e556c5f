-- V32, for H2 (PostgreSQL mode) and PostgreSQL alike: clearances (涉密资格) granted by the security administrator
-- (安全保密管理员, 三员分立). Only a cleared account may be named into a classified project's 知悉范围 (Art. 27).
CREATE TABLE security_clearance (
    user_id    VARCHAR(100)             NOT NULL,
    granted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    granted_by VARCHAR(100)             NOT NULL,
    CONSTRAINT security_clearance_pk PRIMARY KEY (user_id),
    CONSTRAINT security_clearance_account_fk FOREIGN KEY (user_id) REFERENCES account (user_id)
);

-- Whoever is named into a classified project's scope today keeps it: cleared by this migration (the security
-- administrator reviews the list on 涉密资格 and revokes what should not stand).
INSERT INTO security_clearance (user_id, granted_at, granted_by)
SELECT DISTINCT user_id, CURRENT_TIMESTAMP, 'V32' FROM account_project WHERE purpose = 'SCOPE';
