-- Lossless hosts: what an identity provider writes and the host has no column for (name parts, every email, phone
-- numbers, addresses, title, the Enterprise User extension, ...) is kept as one JSON document per SCIM link, beside
-- SonarQube's own tables, which keep their shape. NULL for links written before (read as the host's columns show).
-- H2 has no JSON path operators: filters on document attributes are evaluated by scim2j in memory.
ALTER TABLE scim_users ADD COLUMN attributes CHARACTER LARGE OBJECT;
ALTER TABLE scim_groups ADD COLUMN attributes CHARACTER LARGE OBJECT;
