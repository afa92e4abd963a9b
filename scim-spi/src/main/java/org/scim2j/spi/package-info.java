/**
 * The repository SPI a host implements: {@link org.scim2j.spi.UserRepository}, {@link org.scim2j.spi.GroupRepository}
 * and {@link org.scim2j.spi.GenericRepository} for custom resource types, with the request and result records they
 * exchange with the protocol service.
 */
package org.scim2j.spi;
