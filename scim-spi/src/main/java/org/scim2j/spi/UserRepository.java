package org.scim2j.spi;

import org.scim2j.core.resource.User;

/**
 * The store of {@code /Users}. A SonarQube-like host maps {@code userName} to its login, deactivates instead of
 * deleting, and stores the SCIM id in a link table.
 */
public interface UserRepository extends ResourceRepository<User> {
}
