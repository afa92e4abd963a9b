package org.scim2j.core.json.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.scim2j.core.internal.ResourceParts;
import org.scim2j.core.resource.Address;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.EnterpriseUser;
import org.scim2j.core.resource.Entitlement;
import org.scim2j.core.resource.Group;
import org.scim2j.core.resource.GroupMembership;
import org.scim2j.core.resource.Im;
import org.scim2j.core.resource.Member;
import org.scim2j.core.resource.Meta;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.PhoneNumber;
import org.scim2j.core.resource.Photo;
import org.scim2j.core.resource.Role;
import org.scim2j.core.resource.User;
import org.scim2j.core.resource.X509Certificate;
import org.scim2j.core.schema.ScimDateTime;
import org.scim2j.core.schema.Schemas;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Binds a JSON tree to a {@link User} or a {@link Group} in one pass, for the trees databind would bind without
 * coercing anything: every member named exactly as the class names it, strings as strings, booleans as booleans,
 * lists as arrays of objects, complex values without sub-attributes the class does not model, and dateTimes that
 * {@link ScimDateTime#parse} reads. It declines anything else (a name in another case, a number where a string is
 * expected, {@code "True"}, a single value where a list is expected, a null list element, an unknown sub-attribute,
 * a bad dateTime) by returning {@code null}, and the caller binds that tree with databind, whose coercions and
 * error messages stay the rule. What it binds equals what databind binds; {@code TypedReadProperties} in the tests
 * checks both on generated and on perturbed trees. Stateless.
 */
public final class ResourceReader {

    /**
     * Every property Jackson finds on {@code User.Builder}, which a member in another case would also reach; only the
     * other names go to {@code otherAttribute}. {@code extension} is the builder's {@code extension(Object)}.
     */
    static final Set<String> USER_PROPERTIES = ResourceParts.names("schemas", "id", "externalId", "meta",
            "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
            "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates", Schemas.ENTERPRISE_USER, "extension");
    /** Every property Jackson finds on {@code Group.Builder}. */
    static final Set<String> GROUP_PROPERTIES = ResourceParts.names("schemas", "id", "externalId", "meta",
            "displayName", "members");

    private static final String[] NAME_PARTS = {"formatted", "familyName", "givenName", "middleName",
        "honorificPrefix", "honorificSuffix"};
    private static final String[] ENTERPRISE_PARTS = {"employeeNumber", "costCenter", "organization", "division",
        "department"};
    private static final String[] MANAGER_PARTS = {"value", "$ref", "displayName"};
    private static final String[] ADDRESS_PARTS = {"formatted", "streetAddress", "locality", "region", "postalCode",
        "country", "type"};
    private static final String[] PLAIN_PARTS = {"value", "display", "type"};
    private static final String[] REFERENCE_PARTS = {"value", "$ref", "display", "type"};

    /** Thrown to abandon a tree the one-pass binding does not take; preallocated, without a stack trace. */
    private static final RuntimeException DECLINE = new RuntimeException("declined", null, false, false) {
        private static final long serialVersionUID = 1L;
    };

    private ResourceReader() {
    }

    /**
     * The user or group {@code tree} holds, or {@code null} when {@code type} is neither or when databind must bind
     * the tree (see the class comment).
     */
    public static <T> T read(JsonNode tree, Class<T> type) {
        if (!(tree instanceof ObjectNode object)) {
            return null;
        }
        try {
            if (type == User.class) {
                return type.cast(user(object));
            }
            if (type == Group.class) {
                return type.cast(group(object));
            }
            return null;
        } catch (RuntimeException e) {
            // DECLINE, or a value databind may read otherwise (a NaN that has no BigDecimal): databind decides.
            return null;
        }
    }

    private static User user(ObjectNode tree) {
        User.Builder b = User.builder();
        for (Map.Entry<String, JsonNode> member : tree.properties()) {
            JsonNode v = member.getValue();
            switch (member.getKey()) {
                case "schemas" -> b.schemas(strings(v));
                case "id" -> b.id(text(v));
                case "externalId" -> b.externalId(text(v));
                case "meta" -> b.meta(meta(v));
                case "userName" -> b.userName(text(v));
                case "name" -> b.name(name(v));
                case "displayName" -> b.displayName(text(v));
                case "nickName" -> b.nickName(text(v));
                case "profileUrl" -> b.profileUrl(text(v));
                case "title" -> b.title(text(v));
                case "userType" -> b.userType(text(v));
                case "preferredLanguage" -> b.preferredLanguage(text(v));
                case "locale" -> b.locale(text(v));
                case "timezone" -> b.timezone(text(v));
                case "active" -> b.active(bool(v));
                case "password" -> b.password(text(v));
                case "emails" -> b.emails(list(v, Email::new));
                case "phoneNumbers" -> b.phoneNumbers(list(v, PhoneNumber::new));
                case "ims" -> b.ims(list(v, Im::new));
                case "photos" -> b.photos(list(v, Photo::new));
                case "addresses" -> b.addresses(addresses(v));
                case "groups" -> b.groups(references(v, GroupMembership::new));
                case "entitlements" -> b.entitlements(list(v, Entitlement::new));
                case "roles" -> b.roles(list(v, Role::new));
                case "x509Certificates" -> b.x509Certificates(list(v, X509Certificate::new));
                case Schemas.ENTERPRISE_USER -> b.enterpriseUser(enterprise(v));
                default -> b.otherAttribute(other(member.getKey(), USER_PROPERTIES), v);
            }
        }
        return b.build();
    }

    private static Group group(ObjectNode tree) {
        Group.Builder b = Group.builder();
        for (Map.Entry<String, JsonNode> member : tree.properties()) {
            JsonNode v = member.getValue();
            switch (member.getKey()) {
                case "schemas" -> b.schemas(strings(v));
                case "id" -> b.id(text(v));
                case "externalId" -> b.externalId(text(v));
                case "meta" -> b.meta(meta(v));
                case "displayName" -> b.displayName(text(v));
                case "members" -> b.members(references(v, Member::new));
                default -> b.otherAttribute(other(member.getKey(), GROUP_PROPERTIES), v);
            }
        }
        return b.build();
    }

    /** A name that is not a property in another case (nor {@code extension}), so databind would call the any-setter. */
    private static String other(String name, Set<String> properties) {
        if (properties.contains(name)) {
            throw DECLINE;
        }
        return name;
    }

    private static Meta meta(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String resourceType = null;
        OffsetDateTime created = null;
        OffsetDateTime lastModified = null;
        String location = null;
        String version = null;
        for (Map.Entry<String, JsonNode> f : object(v).properties()) {
            JsonNode x = f.getValue();
            switch (f.getKey()) {
                case "resourceType" -> resourceType = text(x);
                case "created" -> created = dateTime(x);
                case "lastModified" -> lastModified = dateTime(x);
                case "location" -> location = text(x);
                case "version" -> version = text(x);
                default -> throw DECLINE;
            }
        }
        return new Meta(resourceType, created, lastModified, location, version);
    }

    private static Name name(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String[] parts = new String[6];
        for (Map.Entry<String, JsonNode> f : object(v).properties()) {
            parts[index(f.getKey(), NAME_PARTS)] = text(f.getValue());
        }
        return new Name(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5]);
    }

    private static EnterpriseUser enterprise(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String[] parts = new String[5];
        EnterpriseUser.Manager manager = null;
        for (Map.Entry<String, JsonNode> f : object(v).properties()) {
            if (f.getKey().equals("manager")) {
                manager = manager(f.getValue());
            } else {
                parts[index(f.getKey(), ENTERPRISE_PARTS)] =
                        text(f.getValue());
            }
        }
        return new EnterpriseUser(parts[0], parts[1], parts[2], parts[3], parts[4], manager);
    }

    private static EnterpriseUser.Manager manager(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        String[] parts = new String[3];
        for (Map.Entry<String, JsonNode> f : object(v).properties()) {
            parts[index(f.getKey(), MANAGER_PARTS)] = text(f.getValue());
        }
        return new EnterpriseUser.Manager(parts[0], parts[1], parts[2]);
    }

    private static List<Address> addresses(JsonNode v) {
        List<Address> out = new ArrayList<>(size(v));
        for (JsonNode element : v) {
            String[] parts = new String[7];
            Boolean primary = null;
            for (Map.Entry<String, JsonNode> f : object(element).properties()) {
                if (f.getKey().equals("primary")) {
                    primary = bool(f.getValue());
                } else {
                    parts[index(f.getKey(), ADDRESS_PARTS)] = text(f.getValue());
                }
            }
            out.add(new Address(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6], primary));
        }
        return out;
    }

    /** The constructor of a value of RFC 7643 §2.4's shape: {@code value}, {@code display}, {@code type}, ... */
    private interface Plain<T> {
        T of(String value, String display, String type, Boolean primary);
    }

    /** The constructor of a reference to another resource: a user's group, a group's member. */
    private interface Reference<T> {
        T of(String value, String ref, String display, String type);
    }

    /** A null list is read as an empty one, as the builders' setters do. */
    private static <T> List<T> list(JsonNode v, Plain<T> factory) {
        List<T> out = new ArrayList<>(size(v));
        for (JsonNode element : v) {
            String[] parts = new String[3];
            Boolean primary = null;
            for (Map.Entry<String, JsonNode> f : object(element).properties()) {
                if (f.getKey().equals("primary")) {
                    primary = bool(f.getValue());
                } else {
                    parts[index(f.getKey(), PLAIN_PARTS)] = text(f.getValue());
                }
            }
            out.add(factory.of(parts[0], parts[1], parts[2], primary));
        }
        return out;
    }

    private static <T> List<T> references(JsonNode v, Reference<T> factory) {
        List<T> out = new ArrayList<>(size(v));
        for (JsonNode element : v) {
            String[] parts = new String[4];
            for (Map.Entry<String, JsonNode> f : object(element).properties()) {
                parts[index(f.getKey(), REFERENCE_PARTS)] = text(f.getValue());
            }
            out.add(factory.of(parts[0], parts[1], parts[2], parts[3]));
        }
        return out;
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>(size(v));
        for (JsonNode element : v) {
            if (!element.isTextual()) {
                throw DECLINE;
            }
            out.add(element.textValue());
        }
        return out;
    }

    /** The number of elements of an array (iterating a null yields nothing); declines anything else. */
    private static int size(JsonNode v) {
        if (!v.isArray() && !v.isNull()) {
            throw DECLINE;
        }
        return v.size();
    }

    private static ObjectNode object(JsonNode v) {
        if (v instanceof ObjectNode o) {
            return o;
        }
        throw DECLINE;
    }

    /** The position of {@code key} among {@code names}; declines a sub-attribute the class does not model. */
    private static int index(String key, String[] names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return i;
            }
        }
        throw DECLINE;
    }

    private static String text(JsonNode v) {
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isNull()) {
            return null;
        }
        throw DECLINE;
    }

    private static Boolean bool(JsonNode v) {
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNull()) {
            return null;
        }
        throw DECLINE;
    }

    private static OffsetDateTime dateTime(JsonNode v) {
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw DECLINE;
        }
        return ScimDateTime.parse(v.textValue()).orElseThrow(() -> DECLINE);
    }
}
