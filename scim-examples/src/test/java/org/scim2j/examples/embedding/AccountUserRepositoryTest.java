package org.scim2j.examples.embedding;

import org.scim2j.spi.UserRepository;
import org.scim2j.testkit.UserRepositoryContract;

import java.util.Set;

// tag::kit[]
/** The compliance kit over the accounts table: every test is inherited, this class only sets the store up. */
class AccountUserRepositoryTest extends UserRepositoryContract {

    @Override
    protected UserRepository newRepository() {
        return new AccountUserRepository(FreshDatabase.create());   // a fresh, empty store for every test
    }

    @Override
    protected Set<String> unsupportedAttributes() {
        // What the accounts table does not keep: the kit neither compares these nor filters on them.
        return Set.of("nickName", "title", "userType", "preferredLanguage", "locale", "timezone", "phoneNumbers",
                "name.formatted", "name.middleName", "name.honorificPrefix", "name.honorificSuffix", "profileUrl",
                "emails", "ims", "photos", "addresses", "entitlements", "roles", "x509Certificates",
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
    }
}
// end::kit[]
