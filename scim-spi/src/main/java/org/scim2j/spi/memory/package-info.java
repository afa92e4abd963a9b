/**
 * Thread-safe in-memory repositories, documented as <b>for tests and prototypes</b>: nothing survives a restart.
 */
package org.scim2j.spi.memory;
