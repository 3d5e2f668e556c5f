-- V21, for H2 (PostgreSQL mode) and PostgreSQL alike: the information-resource catalogue of each project (资源目录,
-- Art. 6, 23) and the Bureau's reuse and duplicate-construction opinions (Art. 1, 6) — aggregates of their own beside
-- the project row, which they never change. Texts are bounded by the domain (in characters); the columns leave room
-- for characters outside the Basic Multilingual Plane. Enumerations are stored by name.

-- One row per project whose unit registered a resource: the catalogue's version, which every save checks and raises
-- (UPDATE … WHERE version = ?), so that two changes of one catalogue never interleave.
CREATE TABLE resource_catalogue (
    project_id UUID   NOT NULL,
    version    BIGINT NOT NULL,
    CONSTRAINT resource_catalogue_pk PRIMARY KEY (project_id),
    CONSTRAINT resource_catalogue_project_fk FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT resource_catalogue_version_check CHECK (version >= 1)
);

-- The resources of a catalogue in the order they were registered (seq). name_key is the name as names are compared
-- (full-width folded, lower case, no white space): two resources of one project never share it.
CREATE TABLE resource_entry (
    id                UUID                     NOT NULL,
    project_id        UUID                     NOT NULL,
    seq               INTEGER                  NOT NULL,
    name              VARCHAR(200)             NOT NULL,
    name_key          VARCHAR(300)             NOT NULL,
    kind              VARCHAR(20)              NOT NULL,
    owner_unit        VARCHAR(200)             NOT NULL,
    description       VARCHAR(2000),
    sharing           VARCHAR(20)              NOT NULL,
    sharing_condition VARCHAR(1000),
    openness          VARCHAR(20)              NOT NULL,
    registered_by     VARCHAR(100)             NOT NULL,
    registered_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by        VARCHAR(100),
    updated_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT resource_entry_pk PRIMARY KEY (id),
    CONSTRAINT resource_entry_catalogue_fk FOREIGN KEY (project_id)
        REFERENCES resource_catalogue (project_id) ON DELETE CASCADE,
    CONSTRAINT resource_entry_seq_unique UNIQUE (project_id, seq),
    CONSTRAINT resource_entry_name_unique UNIQUE (project_id, name_key),
    CONSTRAINT resource_entry_kind_check CHECK (kind IN ('DATA', 'APPLICATION', 'INTERFACE', 'INFRASTRUCTURE')),
    CONSTRAINT resource_entry_sharing_check CHECK (sharing IN ('UNCONDITIONAL', 'CONDITIONAL', 'NOT_SHARED')),
    CONSTRAINT resource_entry_condition_check CHECK (sharing = 'UNCONDITIONAL' OR sharing_condition IS NOT NULL),
    CONSTRAINT resource_entry_openness_check CHECK (openness IN ('OPEN', 'CONDITIONAL', 'NOT_OPEN'))
);
-- the similarity check reads the newest registrations first
CREATE INDEX resource_entry_registered_idx ON resource_entry (registered_at, id);

-- The Bureau's opinions, every one kept; seq orders them (the latest is the project's).
CREATE TABLE reuse_opinion (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY,
    id          UUID                     NOT NULL,
    project_id  UUID                     NOT NULL,
    verdict     VARCHAR(20)              NOT NULL,
    comment     VARCHAR(4000)            NOT NULL,
    recorded_by VARCHAR(100)             NOT NULL,
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT reuse_opinion_pk PRIMARY KEY (id),
    CONSTRAINT reuse_opinion_seq_unique UNIQUE (seq),
    CONSTRAINT reuse_opinion_project_fk FOREIGN KEY (project_id) REFERENCES project (id),
    CONSTRAINT reuse_opinion_verdict_check CHECK (verdict IN ('NO_DUPLICATION', 'PARTIAL_REUSE', 'DUPLICATE'))
);
CREATE INDEX reuse_opinion_project_idx ON reuse_opinion (project_id, seq);

-- The projects (resource_id null) and catalogued resources an opinion names, with their names as they were then.
CREATE TABLE reuse_opinion_similar (
    opinion_id   UUID         NOT NULL,
    seq          INTEGER      NOT NULL,
    project_id   UUID         NOT NULL,
    resource_id  UUID,
    name         VARCHAR(400) NOT NULL,
    project_name VARCHAR(400) NOT NULL,
    CONSTRAINT reuse_opinion_similar_pk PRIMARY KEY (opinion_id, seq),
    CONSTRAINT reuse_opinion_similar_opinion_fk FOREIGN KEY (opinion_id) REFERENCES reuse_opinion (id) ON DELETE CASCADE,
    CONSTRAINT reuse_opinion_similar_project_fk FOREIGN KEY (project_id) REFERENCES project (id)
);
