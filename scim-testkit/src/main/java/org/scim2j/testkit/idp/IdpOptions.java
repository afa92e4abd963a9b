package org.scim2j.testkit.idp;

import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a host legitimately differs in, declared up front. A check that a declaration rules out is reported as
 * skipped, with a reason that names the declaration; nothing is skipped silently.
 *
 * <pre>{@code
 *   IdpOptions.defaults()
 *       .withNotKept("externalId", "displayName", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User")
 *       .withPatchNoContent("Group")
 * }</pre>
 *
 * @param notKept        attribute paths the host does not keep (it drops them, or never returns them), e.g.
 *                       {@code "name.givenName"}, {@code "externalId"} or an extension's schema URN for all of its
 *                       attributes. The suites send these attributes only where the identity provider always sends
 *                       them, and never read them back or filter on them. A path names the attribute of users
 *                       and groups alike; declaring {@code userName}, a group's {@code displayName} or
 *                       {@code members}, which both identity providers provision by, rules out nothing
 * @param patchNoContent resource type names whose PATCH the host answers with {@code 204 No Content} instead of
 *                       {@code 200} and the resource (RFC 7644 §3.5.2 allows both; scim2j's
 *                       {@code scim.patch.noContent}). Matched ignoring case
 */
public record IdpOptions(Set<String> notKept, Set<String> patchNoContent) {

    /** Copies the sets. */
    public IdpOptions {
        notKept = Set.copyOf(notKept);
        patchNoContent = Set.copyOf(patchNoContent);
    }

    /** Nothing declared: the host keeps every attribute and answers every PATCH with 200 and the resource. */
    public static IdpOptions defaults() {
        return new IdpOptions(Set.of(), Set.of());
    }

    /** These with more attributes not kept. */
    public IdpOptions withNotKept(String... attributePaths) {
        Set<String> all = new TreeSet<>(notKept);
        for (String path : attributePaths) {
            all.add(Objects.requireNonNull(path, "attribute path"));
        }
        return new IdpOptions(all, patchNoContent);
    }

    /** These with more resource types whose PATCH answers 204. */
    public IdpOptions withPatchNoContent(String... resourceTypeNames) {
        Set<String> all = new TreeSet<>(patchNoContent);
        all.addAll(Set.of(resourceTypeNames));
        return new IdpOptions(notKept, all);
    }

    /**
     * Whether the host keeps an attribute: not when it, a parent of it ({@code name} for {@code name.givenName}) or
     * its extension's schema URN is declared not kept. Compared ignoring case (RFC 7643 §2.1).
     */
    public boolean keeps(String attributePath) {
        String path = attributePath.toLowerCase(Locale.ROOT);
        for (String declared : notKept) {
            String d = declared.toLowerCase(Locale.ROOT);
            if (path.equals(d) || path.startsWith(d + ".") || path.startsWith(d + ":")) {
                return false;
            }
        }
        return true;
    }

    /** Whether the host answers a PATCH of this resource type with 204. */
    public boolean answersPatchWithNoContent(String resourceTypeName) {
        return patchNoContent.stream().anyMatch(name -> name.equalsIgnoreCase(resourceTypeName));
    }
}
