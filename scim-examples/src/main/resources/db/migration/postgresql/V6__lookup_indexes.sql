-- Every lookup an identity provider makes uses an index at 1,000,000 users (issue 17; BENCHMARKS.md "Every IdP lookup
-- at 1,000,000 users"). Each index is on exactly the expression the filter translator writes for the attribute
-- (SqlFilterTranslator#indexAdvice; LookupIndexesTest checks these against it), so that the planner matches them.
-- userName (LOWER(login)) and a group's displayName (LOWER(name)) have their unique indexes since V2.

-- externalId: Entra ID matches users on it (objectId -> externalId) and may look groups up by it; caseExact.
CREATE INDEX IF NOT EXISTS idx_users_external_id ON users (external_id);
CREATE INDEX IF NOT EXISTS idx_scim_groups_external_id ON scim_groups (external_id);
-- SonarQube's own name and email columns, as a host that drops unmapped attributes filters them
-- (SCIM_UNMAPPED_ATTRIBUTES=drop: name.formatted and emails.value).
CREATE INDEX IF NOT EXISTS idx_users_email_lower ON users ((LOWER(email)));
CREATE INDEX IF NOT EXISTS idx_users_name_lower ON users ((LOWER(name)));

-- The document (V4): emails.value, alone or in a value path (Entra ID's emails[type eq "work"].value eq), through a
-- GIN index on the lower-cased values (JsonbIndexes#valuesFunction, SqlFilterTranslator.Builder#valuesIndex).
CREATE OR REPLACE FUNCTION scim_values(arr jsonb, sub text, fold boolean) RETURNS text[] LANGUAGE sql IMMUTABLE
    PARALLEL SAFE AS $$ SELECT coalesce(array_agg(CASE WHEN fold THEN lower(e ->> sub) ELSE e ->> sub END), '{}')
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(arr) = 'array' THEN arr ELSE '[]'::jsonb END) AS e
    WHERE jsonb_typeof(e -> sub) = 'string' $$;
CREATE INDEX IF NOT EXISTS idx_scim_users_emails_value ON scim_users USING GIN
    ((scim_values((attributes -> 'emails'), 'value', true)));
-- Singular document attributes administrators, scripts and identity providers match on.
CREATE INDEX IF NOT EXISTS idx_scim_users_employee_number ON scim_users
    ((LOWER(((attributes -> 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User') ->> 'employeeNumber'))));
CREATE INDEX IF NOT EXISTS idx_scim_users_family_name ON scim_users
    ((LOWER(((attributes -> 'name') ->> 'familyName'))));
CREATE INDEX IF NOT EXISTS idx_scim_users_given_name ON scim_users ((LOWER(((attributes -> 'name') ->> 'givenName'))));
-- Both name parts at once (an administrator's or script's lookup of a person): one index scan of the matches, where
-- the two indexes above would be read whole for a common pair and ANDed (16,471 and 25,130 entries for 410 users).
CREATE INDEX IF NOT EXISTS idx_scim_users_family_given_name ON scim_users
    ((LOWER(((attributes -> 'name') ->> 'familyName'))), (LOWER(((attributes -> 'name') ->> 'givenName'))));
CREATE INDEX IF NOT EXISTS idx_scim_users_formatted_name ON scim_users
    ((LOWER(((attributes -> 'name') ->> 'formatted'))));
CREATE INDEX IF NOT EXISTS idx_scim_users_display_name ON scim_users ((LOWER((attributes ->> 'displayName'))));

-- A full RFC 7643 §8.2 User's document is about 3 KB, over the 2 KB at which PostgreSQL moves it out of line to
-- TOAST; up to 4080 bytes it stays in the row, which halves the reads of a filter no index serves (BENCHMARKS.md,
-- issue 12). Applies to rows written from now on; existing rows move as they are updated (or by VACUUM FULL).
ALTER TABLE scim_users SET (toast_tuple_target = 4080);

-- Statistics of the new index expressions, now: without them the planner guesses that an equality on a document
-- value matches 0.5 % of the users and pages them by walking the primary key in order, reading every document on
-- the way (over 10 s at 1,000,000 users for employeeNumber eq, where the count took 0.04 ms with the index).
ANALYZE users;
ANALYZE scim_users;
ANALYZE scim_groups;
