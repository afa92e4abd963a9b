/**
 * The SCIM filter language of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.4.2.2">RFC 7644 §3.4.2.2</a>,
 * with the attribute paths of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.10">§3.10</a> and the PATCH
 * paths of <a href="https://www.rfc-editor.org/rfc/rfc7644#section-3.5.2">§3.5.2</a>: a parser with positioned
 * errors, an immutable AST and a canonical printer. No schema and no JSON library: what an attribute means is
 * scim-core's business.
 *
 * <ul>
 *   <li>{@link org.scim2j.filter.Filter} is the sealed AST ({@link org.scim2j.filter.Comparison},
 *       {@link org.scim2j.filter.Presence}, {@link org.scim2j.filter.And}, {@link org.scim2j.filter.Or},
 *       {@link org.scim2j.filter.Not}, {@link org.scim2j.filter.ValuePath}), with factories named after the RFC's
 *       operators ({@code Filter.eq}, {@code Filter.and}, ...) and {@link org.scim2j.filter.FilterVisitor} for
 *       callers that want every node kind handled.</li>
 *   <li>{@link org.scim2j.filter.FilterParser} parses filters, PATCH paths and attribute paths, strictly or
 *       leniently; every failure is a {@link org.scim2j.filter.FilterParseException} with the 0-based position of
 *       the offending character.</li>
 *   <li>{@code toString()} of a filter is canonical filter text that parses back to an equal filter.</li>
 * </ul>
 *
 * <pre>{@code
 *   Filter f = Filter.parse("userName eq \"bjensen\" and emails[type eq \"work\"]");
 *   Filter same = Filter.and(Filter.eq("userName", "bjensen"), Filter.valuePath("emails", Filter.eq("type", "work")));
 * }</pre>
 *
 * <p>Every type is immutable and thread-safe.
 */
package org.scim2j.filter;
