-- Lossless hosts: what an identity provider writes and the host has no column for (name parts, every email, phone
-- numbers, addresses, title, the Enterprise User extension, ...) is kept as one jsonb document per SCIM link, beside
-- SonarQube's own tables, which keep their shape. NULL for links written before (read as the host's columns show).
-- Filters and sorting on document attributes run in SQL (SqlFilterTranslator.Builder#document).
ALTER TABLE scim_users ADD COLUMN attributes JSONB;
ALTER TABLE scim_groups ADD COLUMN attributes JSONB;
