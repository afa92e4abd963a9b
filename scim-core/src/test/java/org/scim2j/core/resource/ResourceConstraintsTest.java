package org.scim2j.core.resource;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

/** The jakarta.validation annotations, checked with Hibernate Validator (a test-only dependency). */
class ResourceConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void createValidator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void closeValidator() {
        factory.close();
    }

    private static Set<String> invalidProperties(Object resource) {
        return validator.validate(resource).stream()
                .map(ConstraintViolation::getPropertyPath).map(Object::toString).collect(Collectors.toSet());
    }

    @Test
    void rfc7643_4_1_userNameMustNotBeBlank() {
        assertThat(invalidProperties(User.builder().build())).containsExactly("userName");
        assertThat(invalidProperties(User.builder().userName("  ").build())).containsExactly("userName");
        assertThat(invalidProperties(User.builder().userName("bjensen").build())).isEmpty();
    }

    @Test
    void rfc7643_4_2_groupDisplayNameMustNotBeBlank() {
        assertThat(invalidProperties(Group.builder().build())).containsExactly("displayName");
        assertThat(invalidProperties(Group.builder().displayName("Tour Guides").build())).isEmpty();
    }
}
