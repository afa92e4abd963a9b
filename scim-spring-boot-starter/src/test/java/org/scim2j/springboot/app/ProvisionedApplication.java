package org.scim2j.springboot.app;

import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A Spring Boot application that adds SCIM as the README says: the starter, two beans and three properties
 * ({@code application.properties}). It also has a page of its own that Spring Security guards, to show the SCIM
 * path's chain leaves the application's security alone.
 */
@SpringBootApplication
public class ProvisionedApplication {

    // tag::beans[]
    @Bean
    UserRepository users() {
        return new InMemoryUserRepository();   // yours: over your own user table
    }

    @Bean
    GroupRepository groups() {
        return new InMemoryGroupRepository();
    }
    // end::beans[]

    /** A page of the application itself. */
    @RestController
    static class Hello {
        @GetMapping("/hello")
        String hello() {
            return "hello";
        }
    }
}
