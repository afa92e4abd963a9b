package org.scim2j.examples.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimRequest;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The README's hooks: writes and the host's bookkeeping in one transaction, and an audit observer beside them. */
class TransactionalUserRepositoryTest {

    private final List<String> journal = new ArrayList<>();

    private final TransactionalUserRepository.Transactions tx = new TransactionalUserRepository.Transactions() {
        @Override
        public <T> T inTransaction(java.util.function.Supplier<T> work) {
            journal.add("begin");
            T result = work.get();
            journal.add("commit");
            return result;
        }
    };

    @Test
    void aCreateAndItsBookkeepingRunInOneTransactionAndTheObserverAfterIt() {
        ScimService service = ScimService.builder()
                .users(new TransactionalUserRepository(new InMemoryUserRepository(), tx,
                        (what, id, context) -> journal.add(what + " by " + context.principal())))
                .observer(new AuditLog())
                .observer(new org.scim2j.spi.event.ScimObserver() {
                    @Override
                    public void onWrite(org.scim2j.spi.event.WriteEvent event) {
                        journal.add("observed " + event.kind());
                    }
                })
                .build();

        ScimResponse response = service.handle(new ScimRequest("POST", "/Users", Map.of(), Map.of(),
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"bjensen\"}"
                        .getBytes(StandardCharsets.UTF_8), "okta", "https://example.com/scim/v2", "r1"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(journal).containsExactly("begin", "created by okta", "commit", "observed CREATED");
    }
}
