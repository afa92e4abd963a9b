package org.scim2j.core.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The Enterprise User extension of RFC 7643 §4.3, held by {@link User#enterpriseUser()} and written under the
 * {@code urn:ietf:params:scim:schemas:extension:enterprise:2.0:User} key.
 *
 * @param employeeNumber the employee number
 * @param costCenter     the cost center
 * @param organization   the organization
 * @param division       the division
 * @param department     the department
 * @param manager        the user's manager
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnterpriseUser(String employeeNumber, String costCenter, String organization, String division,
                             String department, Manager manager) {

    /**
     * The manager of an enterprise user (RFC 7643 §4.3).
     *
     * @param value       the manager's {@code id}
     * @param ref         the manager's URI ({@code $ref})
     * @param displayName the manager's display name, read-only
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Manager(String value, @JsonProperty("$ref") String ref, String displayName) {
    }
}
