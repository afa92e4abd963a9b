package org.scim2j.testkit.idp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;
import org.junit.platform.testkit.engine.Events;
import org.scim2j.core.patch.PatchOptions;
import org.scim2j.spi.memory.InMemoryGroupRepository;
import org.scim2j.spi.memory.InMemoryUserRepository;
import org.scim2j.spi.service.ScimResponse;
import org.scim2j.spi.service.ScimService;
import org.scim2j.spi.service.ScimServiceConfig;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The suites catch what Okta and Entra ID would trip over, and say so: each runs (through the JUnit Platform, as
 * Surefire runs it) against an in-process host with one planted flaw, and the failure names the source step, what the
 * identity provider would do and what accepts it. A declaration skips, with the declaration as reason.
 */
class SuitesCatchProblemsTest {

    /** Set only while this test runs the planted hosts, so that no other runner (an IDE, -Dtest) fails them. */
    private static final String PLANTED = "scim2j.testkit.idp.planted";

    private static Events run(Class<?> contract) {
        System.setProperty(PLANTED, "true");
        try {
            return EngineTestKit.engine("junit-jupiter").selectors(selectClass(contract)).execute().testEvents();
        } finally {
            System.clearProperty(PLANTED);
        }
    }

    /** Failure messages by test method name. */
    private static Map<String, String> failures(Events events) {
        Map<String, String> out = new TreeMap<>();
        events.failed().stream().forEach(event -> out.put(method(event), event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage()));
        return out;
    }

    /** Skip reasons by test method name. */
    private static Map<String, String> skips(Events events) {
        Map<String, String> out = new TreeMap<>();
        events.stream().filter(e -> e.getType() == EventType.FINISHED).filter(e -> e.getPayload(
                TestExecutionResult.class).map(r -> r.getStatus() == TestExecutionResult.Status.ABORTED)
                .orElse(false)).forEach(event -> out.put(method(event), event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable).orElseThrow().getMessage()));
        return out;
    }

    private static String method(Event event) {
        return event.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName()).orElse(event.getTestDescriptor().getDisplayName());
    }

    @Test
    void aStrictPatchEngineIsToldWhichToleranceEntraNeeds() {
        Map<String, String> failed = failures(run(StrictPatchHost.class));
        assertThat(failed).containsKeys("entraCompat_defaultDisableWithStringFalse",
                "entraCompat_multiReplaceWithCapitalisedOps", "entraTut_membershipInEveryForm",
                "entraTut_renameGroup");
        assertThat(failed.get("entraCompat_defaultDisableWithStringFalse"))
                .startsWith("[ENTRA-COMPAT P6] PATCH /Users/")
                .contains("answered 400", "Entra ID would: log the disable as failed and leave the user's access",
                        "to accept it: switch on tolerance CASE_INSENSITIVE_OPS (scim.patch.tolerance."
                                + "CASE_INSENSITIVE_OPS=true, or scim.patch.profile=entra");
        // The flagged (lower-case, boolean) form is RFC 7644 and passes a strict engine.
        assertThat(failed).doesNotContainKey("entraCompat_flaggedDisable");
    }

    @Test
    void aHostAnswering404ForAnEmptySearchFailsOktasRequiredSteps() {
        Map<String, String> failed = failures(run(NotFoundForNoMatchHost.class));
        assertThat(failed).containsKey("oktaSpec9and11_noMatchIsAnEmptyList");
        assertThat(failed.get("oktaSpec9and11_noMatchIsAnEmptyList"))
                .startsWith("[OKTA-SPEC 9] GET /Users?filter=userName%20eq%20%22abcdefgh%40example.com%22")
                .contains("answered 404", "expected: 200 with a ListResponse",
                        "Okta would: fail the required step \"Get invalid User by username\"",
                        "to accept it: a query answers 200 with a ListResponse even when nothing matches");
    }

    @Test
    void anUndeclared204ForGroupPatchIsToldToDeclareIt() {
        Map<String, String> failed = failures(run(UndeclaredNoContentHost.class));
        assertThat(failed).containsKeys("oktaScim20_oinMembershipDelta", "oktaScim20_renameWithEchoedId")
                .allSatisfy((test, message) -> assertThat(message).contains(
                        "declare it with IdpOptions.withPatchNoContent(\"Group\")"));
    }

    @Test
    void aHostThatForgetsDeactivatedUsersFailsTheCrudTest() {
        Map<String, String> failed = failures(run(ForgetsInactiveUsersHost.class));
        assertThat(failed.get("oktaCrud6and7_aiwDeactivateAndReactivateByPut"))
                .startsWith("[OKTA-CRUD 6] GET /Users/")
                .contains("a deactivated user is still readable", "active false deactivates, never deletes");
    }

    @Test
    void aHostThatDropsAnAttributeIsToldToKeepOrDeclareIt() {
        Map<String, String> failed = failures(run(DropsNameHost.class));
        assertThat(failed.get("oktaSpec8_requiredAttributesAreKept")).startsWith("[OKTA-SPEC 8] ")
                .contains("Okta would: fail \"Get Users/{{id}}\"");
        assertThat(failed.get("oktaSpec7and8_usersEndpointAndGetById"))
                .contains("declare it with IdpOptions.withNotKept(\"name.givenName\")");
    }

    @Test
    void aDeclarationSkipsWithItsNameAndEverythingElseStillRuns() {
        Events events = run(DeclaredDropHost.class);
        assertThat(failures(events)).isEmpty();
        assertThat(skips(events)).containsEntry("entraTut_matchByExternalId",
                "Assumption failed: not run: IdpOptions.notKept declares externalId not kept by the host");
        assertThat(events.succeeded().count()).isGreaterThan(15);
    }

    // ---- the planted hosts

    private static ScimService service(ScimServiceConfig config) {
        return ScimService.builder().users(new InMemoryUserRepository()).groups(new InMemoryGroupRepository())
                .config(config).build();
    }

    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class StrictPatchHost extends EntraContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.builder().patchOptions(PatchOptions.strict())
                    .build()), (q, r) -> r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }
    }

    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class NotFoundForNoMatchHost extends OktaContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.defaults()), (q, r) -> r.status() == 200
                    && r.bodyText().contains("\"totalResults\":0") ? error(404, "User not found") : r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }
    }

    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class UndeclaredNoContentHost extends OktaContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.builder().noContentOnPatch(Set.of("Group"))
                    .build()), (q, r) -> r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }
    }

    /** Answers 404 for every inactive user it reads: as a host that deletes on deactivation would. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class ForgetsInactiveUsersHost extends OktaContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.defaults()), (q, r) -> q.method().equals("GET")
                    && r.status() == 200 && r.bodyText().startsWith("{") && r.bodyText().contains("\"active\":false")
                    && !r.bodyText().contains("ListResponse") ? error(404, "no such user") : r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }
    }

    /** Keeps no name parts and does not declare it. */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class DropsNameHost extends OktaContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.defaults()), (q, r) -> r.bodyText().contains("\"name\"")
                    ? new ScimResponse(r.status(), r.headers(), r.bodyText().replaceAll("\"name\":\\{[^}]*},?", "")
                            .getBytes(StandardCharsets.UTF_8)) : r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }
    }

    /** A compliant host that declares it keeps no externalId (and does keep it: the declaration only skips). */
    @EnabledIfSystemProperty(named = PLANTED, matches = "true", disabledReason = "run by SuitesCatchProblemsTest")
    static class DeclaredDropHost extends EntraContract {
        private static InProcessHost host;

        @BeforeAll
        static void start() throws Exception {
            host = new InProcessHost(service(ScimServiceConfig.defaults()), (q, r) -> r);
        }

        @AfterAll
        static void stop() {
            host.close();
        }

        @Override
        protected ScimTarget target() {
            return host.target();
        }

        @Override
        protected IdpOptions options() {
            return IdpOptions.defaults().withNotKept("externalId");
        }
    }

    private static ScimResponse error(int status, String detail) {
        return new ScimResponse(status, Map.of("Content-Type", ScimResponse.CONTENT_TYPE),
                ("{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                        + "\",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
