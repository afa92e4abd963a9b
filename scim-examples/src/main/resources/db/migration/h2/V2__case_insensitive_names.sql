-- userName is unique ignoring case (RFC 7643 caseExact false), and so is a group's displayName.
-- H2 has no expression indexes: a generated column carries LOWER(...) and the unique index is on it.
ALTER TABLE users ADD COLUMN login_lower VARCHAR(255) GENERATED ALWAYS AS (LOWER(login));
CREATE UNIQUE INDEX uniq_users_login_lower ON users (login_lower);
ALTER TABLE groups ADD COLUMN name_lower VARCHAR(500) GENERATED ALWAYS AS (LOWER(name));
CREATE UNIQUE INDEX uniq_groups_name_lower ON groups (name_lower);
