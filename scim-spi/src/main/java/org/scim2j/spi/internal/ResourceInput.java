package org.scim2j.spi.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.json.SchemaValidator;
import org.scim2j.core.schema.ResourceType;


/**
 * Reads the body of a POST or PUT (RFC 7644 §3.3, §3.5.1) into the canonical JSON a repository model is built
 * from, with readOnly values stripped by the service's {@link org.scim2j.core.json.WriteRules}.
 *
 * <p>Order matters: the body is parsed ({@code ScimJson} limits; malformed is 400 {@code invalidSyntax}), normalised
 * (canonical names, RFC 7643 §2.5 unassigned values, unknown attributes and schema URNs as configured), stripped of
 * readOnly values, and only then validated with required attributes enforced. Stripping before validating is what
 * lets Okta's {@code "groups": []}, {@code id} and {@code meta} through whatever shape they have: RFC 7644 §3.5.1
 * says readOnly input "SHALL be ignored".
 *
 * <p>{@code schemas}: the normaliser adds the core schema URN when a body omits it, so a body without it (or with
 * only an unknown id, as Entra's non-URN Microsoft group schema) is accepted when the rest is valid. Okta and Entra
 * always send the URN; being tolerant costs nothing and a strict server would only fail clients that are otherwise
 * right. With {@code UnknownAttributes.REJECT} an unknown URN is still a 400 {@code invalidSyntax}.
 */
final class ResourceInput {

    /**
     * A parsed body.
     *
     * @param resource the canonical resource without readOnly values ({@code id} too), validated; it belongs to
     *                 the caller
     */
    record Body(ObjectNode resource) {
    }

    private final ServiceContext context;

    ResourceInput(ServiceContext context) {
        this.context = context;
    }

    /**
     * Reads and checks a POST or PUT body.
     *
     * @throws ScimException 400 {@code invalidSyntax} for malformed JSON, 413 over the size limit, 400
     *                       {@code invalidValue} listing every schema problem
     */
    Body read(ResourceType type, byte[] body) {
        ObjectNode raw = context.json().readObject(body);
        ObjectNode canonical = context.normalizer().normalize(type, raw).resource();
        context.writeRules().stripReadOnly(type, canonical);
        context.validator().validate(type, canonical, SchemaValidator.Required.ENFORCE);
        return new Body(canonical);
    }

}
