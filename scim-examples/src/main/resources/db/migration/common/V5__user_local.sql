-- SonarQube marks the accounts it keeps itself (the built-in admin, users created in its UI) with user_local.
-- SCIM never adopts such an account: a POST /Users with its login is refused with 409 uniqueness.
ALTER TABLE users ADD COLUMN user_local BOOLEAN DEFAULT FALSE NOT NULL;
