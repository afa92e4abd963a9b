package org.scim2j.springboot.bare;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A web application with the starter on its classpath but no repository beans. */
@SpringBootApplication
public class BareApplication {
}
