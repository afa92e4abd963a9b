package org.scim2j.examples.sonar.store;

import org.scim2j.core.error.ScimException;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.User;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code users} column values of a SCIM user, as a create or replace writes them: {@code login},
 * SonarQube's one display {@code name}, the one {@code email}, and {@code external_id}; each checked against its
 * column's length (400 {@code invalidValue}, not a store failure).
 */
record UserColumns(String login, String name, String email, String externalId) {

    static final int LOGIN_LENGTH = 255;
    static final int NAME_LENGTH = 200;
    static final int EMAIL_LENGTH = 100;
    static final int EXTERNAL_ID_LENGTH = 255;

    /**
     * @param previous the stored user when replacing (PUT, or the result of a PATCH), else {@code null}
     * @throws ScimException 400 {@code invalidValue} for a missing {@code userName} or a value too long
     */
    static UserColumns of(User user, User previous) {
        String login = user.userName();
        if (login == null || login.isBlank()) {
            throw ScimException.invalidValue("userName is required");
        }
        return new UserColumns(Rows.fit(login, LOGIN_LENGTH, "userName"),
                Rows.fit(nameOf(user, previous == null ? null : previous.name()), NAME_LENGTH, "name"),
                Rows.fit(emailOf(user), EMAIL_LENGTH, "emails.value"),
                Rows.fit(user.externalId(), EXTERNAL_ID_LENGTH, "externalId"));
    }

    /**
     * The one name column (SonarQube's display name): {@code name.formatted}, else given and family name, else
     * {@code displayName}. A PATCH of {@code name.givenName} / {@code name.familyName} (Entra ID, P9 and P15)
     * leaves {@code formatted} as it was: when the parts changed and {@code formatted} did not, the parts win,
     * and a part not given is taken from the previous name (split at its first space when the previous name
     * was only a formatted one, as when dropping unmapped attributes).
     *
     * @param before the stored name when replacing, else {@code null}
     */
    private static String nameOf(User user, Name before) {
        Name name = user.name();
        String formatted = name == null ? null : name.formatted();
        String given = name == null ? null : name.givenName();
        String family = name == null ? null : name.familyName();
        boolean parts = notBlank(given) || notBlank(family);
        boolean partsChanged = before != null && parts && (!Objects.equals(given, before.givenName())
                || !Objects.equals(family, before.familyName()));
        if (notBlank(formatted) && !(partsChanged && formatted.equals(before.formatted()))) {
            return formatted;
        }
        if (parts) {
            String g = given;
            String f = family;
            if (before != null && before.givenName() == null && before.familyName() == null
                    && before.formatted() != null) {
                String[] stored = before.formatted().split(" ", 2);
                g = notBlank(g) ? g : stored[0];
                f = notBlank(f) ? f : stored.length > 1 ? stored[1] : null;
            }
            return Stream.of(g, f).filter(UserColumns::notBlank).collect(Collectors.joining(" "));
        }
        return notBlank(user.displayName()) ? user.displayName() : null;
    }

    /** The primary email's value, else the first one's. */
    private static String emailOf(User user) {
        List<Email> emails = user.emails().stream().filter(e -> notBlank(e.value())).toList();
        return emails.stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                .or(() -> emails.stream().findFirst()).map(Email::value).orElse(null);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
