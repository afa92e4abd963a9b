-- The tables a SonarQube-style host has (names and shapes follow SonarQube's), plus a version column for ETags.
-- Times are epoch milliseconds, as in SonarQube.

CREATE TABLE users (
    uuid                       VARCHAR(40)  NOT NULL,
    login                      VARCHAR(255) NOT NULL,
    name                       VARCHAR(200),
    email                      VARCHAR(100),
    active                     BOOLEAN      NOT NULL,
    external_id                VARCHAR(255),
    external_login             VARCHAR(255),
    external_identity_provider VARCHAR(100),
    version                    BIGINT       NOT NULL,
    created_at                 BIGINT       NOT NULL,
    updated_at                 BIGINT       NOT NULL,
    CONSTRAINT pk_users PRIMARY KEY (uuid)
);

-- A host user is managed by SCIM while it has a row here; DELETE removes the row (the user stays, deactivated).
CREATE TABLE scim_users (
    scim_uuid VARCHAR(40) NOT NULL,
    user_uuid VARCHAR(40) NOT NULL,
    CONSTRAINT pk_scim_users PRIMARY KEY (scim_uuid),
    CONSTRAINT uniq_scim_users_user_uuid UNIQUE (user_uuid),
    CONSTRAINT fk_scim_users_user FOREIGN KEY (user_uuid) REFERENCES users (uuid)
);

CREATE TABLE groups (
    uuid        VARCHAR(40)  NOT NULL,
    name        VARCHAR(500) NOT NULL,
    description VARCHAR(200),
    version     BIGINT       NOT NULL,
    created_at  BIGINT       NOT NULL,
    updated_at  BIGINT       NOT NULL,
    CONSTRAINT pk_groups PRIMARY KEY (uuid)
);

CREATE TABLE groups_users (
    group_uuid VARCHAR(40) NOT NULL,
    user_uuid  VARCHAR(40) NOT NULL,
    CONSTRAINT pk_groups_users PRIMARY KEY (group_uuid, user_uuid),
    CONSTRAINT fk_groups_users_group FOREIGN KEY (group_uuid) REFERENCES groups (uuid),
    CONSTRAINT fk_groups_users_user FOREIGN KEY (user_uuid) REFERENCES users (uuid)
);
CREATE INDEX idx_groups_users_user ON groups_users (user_uuid);

-- external_id is the SCIM group's externalId (Entra ID sends one); SonarQube's groups table has no column for it.
CREATE TABLE scim_groups (
    scim_uuid   VARCHAR(40)  NOT NULL,
    group_uuid  VARCHAR(40)  NOT NULL,
    external_id VARCHAR(255),
    CONSTRAINT pk_scim_groups PRIMARY KEY (scim_uuid),
    CONSTRAINT uniq_scim_groups_group_uuid UNIQUE (group_uuid),
    CONSTRAINT fk_scim_groups_group FOREIGN KEY (group_uuid) REFERENCES groups (uuid)
);

-- Host settings, as SonarQube's internal_properties: here the SHA-256 of a generated SCIM admin token.
CREATE TABLE internal_properties (
    kee        VARCHAR(100) NOT NULL,
    text_value VARCHAR(4000),
    created_at BIGINT       NOT NULL,
    CONSTRAINT pk_internal_properties PRIMARY KEY (kee)
);
