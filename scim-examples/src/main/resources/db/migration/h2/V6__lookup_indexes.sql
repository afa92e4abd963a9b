-- Every lookup an identity provider makes uses an index (issue 17). H2 keeps the document as text (V4), so filters
-- on document attributes run in memory there; these serve the columns' lookups.
-- externalId: Entra ID matches users on it (objectId -> externalId) and may look groups up by it; caseExact.
CREATE INDEX idx_users_external_id ON users (external_id);
CREATE INDEX idx_scim_groups_external_id ON scim_groups (external_id);
-- SonarQube's own name and email columns, case-insensitive (SCIM_UNMAPPED_ATTRIBUTES=drop filters them). H2 has no
-- expression indexes: a generated column carries LOWER(...) and the index is on it, as for login in V2.
ALTER TABLE users ADD COLUMN email_lower VARCHAR(100) GENERATED ALWAYS AS (LOWER(email));
CREATE INDEX idx_users_email_lower ON users (email_lower);
ALTER TABLE users ADD COLUMN name_lower VARCHAR(200) GENERATED ALWAYS AS (LOWER(name));
CREATE INDEX idx_users_name_lower ON users (name_lower);
