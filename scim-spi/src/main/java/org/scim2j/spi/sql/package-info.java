/**
 * SQL push-down of SCIM filters and sorting: {@link org.scim2j.spi.sql.SqlFilterTranslator} turns a filter into a
 * parameterised {@code WHERE} condition ({@link org.scim2j.spi.sql.SqlCondition}) and {@code sortBy} into
 * {@code ORDER BY} keys ({@link org.scim2j.spi.sql.SqlOrder}) that select and order rows as scim-core's in-memory
 * evaluator and sorter would, on H2 and PostgreSQL. JDBC-free: the host runs the SQL.
 */
package org.scim2j.spi.sql;
