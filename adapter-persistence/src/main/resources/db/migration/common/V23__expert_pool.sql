-- V23, for H2 (PostgreSQL mode) and PostgreSQL alike: the expert pool (专家库) the Bureau keeps, and every draw of
-- experts for a project (Art. 8 review, Art. 24 acceptance) with its panel. Each row keeps its record as a JSON
-- document (ExpertDocuments): an expert with fields, employer and declared relations; a draw with everything it was
-- made from (pool snapshot, the subject avoided, the request, the seed) and what it gave (exclusions with reasons,
-- experts and reserves in order), then the panel's declarations, refusals, replacements and opinions — so that a draw
-- can be replayed and checked. The columns beside the document are what is searched or checked: the expert's
-- account (one pool entry per account), the draw's project, whether it is still open, and its version (each change
-- of a draw's panel is a new version, written only over the version it was read at).
CREATE TABLE expert (
    id        VARCHAR(36)  NOT NULL,
    user_id   VARCHAR(100) NOT NULL,
    active    BOOLEAN      NOT NULL,
    document  TEXT         NOT NULL,
    CONSTRAINT expert_pk PRIMARY KEY (id),
    CONSTRAINT expert_user_uq UNIQUE (user_id)
);

CREATE TABLE expert_draw (
    id         VARCHAR(36)              NOT NULL,
    project_id UUID                     NOT NULL,
    purpose    VARCHAR(20)              NOT NULL,
    drawn_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    is_open    BOOLEAN                  NOT NULL,
    version    BIGINT                   NOT NULL,
    document   TEXT                     NOT NULL,
    CONSTRAINT expert_draw_pk PRIMARY KEY (id),
    CONSTRAINT expert_draw_purpose_check CHECK (purpose IN ('REVIEW', 'ACCEPTANCE'))
);
CREATE INDEX expert_draw_project_idx ON expert_draw (project_id, drawn_at);
CREATE INDEX expert_draw_open_idx ON expert_draw (is_open, drawn_at);
