-- userName is unique ignoring case (RFC 7643 caseExact false), and so is a group's displayName.
CREATE UNIQUE INDEX uniq_users_login_lower ON users (LOWER(login));
CREATE UNIQUE INDEX uniq_groups_name_lower ON groups (LOWER(name));
