-- The tables of the embedding sample: a host's own accounts and teams, as an application has them before it adds
-- SCIM. Plain SQL that H2 2.x and PostgreSQL both run. Nothing here is SCIM-specific except that the repositories
-- need a version and two timestamps per row (meta.version, meta.created, meta.lastModified).
-- tag::accounts[]
CREATE TABLE accounts (
    id           VARCHAR(36)  PRIMARY KEY,     -- the SCIM id: a UUID the repository assigns
    login        VARCHAR(255) NOT NULL,        -- userName, as the client wrote it
    login_key    VARCHAR(255) NOT NULL UNIQUE, -- LOWER(login): userName is unique ignoring case
    external_id  VARCHAR(255),
    display_name VARCHAR(255),
    given_name   VARCHAR(255),
    family_name  VARCHAR(255),
    email        VARCHAR(255),
    active       BOOLEAN      NOT NULL,
    version      BIGINT       NOT NULL,        -- +1 on every write: meta.version, the ETag
    created_at   BIGINT       NOT NULL,        -- epoch milliseconds: meta.created
    updated_at   BIGINT       NOT NULL         -- meta.lastModified
);
-- end::accounts[]
CREATE TABLE teams (
    id           VARCHAR(36)  PRIMARY KEY,
    name         VARCHAR(255) NOT NULL,
    name_key     VARCHAR(255) NOT NULL UNIQUE, -- LOWER(name): displayName is unique ignoring case
    external_id  VARCHAR(255),
    version      BIGINT       NOT NULL,
    created_at   BIGINT       NOT NULL,
    updated_at   BIGINT       NOT NULL
);
CREATE TABLE team_members (
    team_id      VARCHAR(36)  NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    account_id   VARCHAR(36)  NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    PRIMARY KEY (team_id, account_id)
);
