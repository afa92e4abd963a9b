package org.scim2j.benchmarks.load;

import org.scim2j.core.json.ScimJson;
import org.scim2j.core.resource.Address;
import org.scim2j.core.resource.Email;
import org.scim2j.core.resource.EnterpriseUser;
import org.scim2j.core.resource.Im;
import org.scim2j.core.resource.Name;
import org.scim2j.core.resource.PhoneNumber;
import org.scim2j.core.resource.Photo;
import org.scim2j.core.resource.User;
import org.scim2j.core.resource.X509Certificate;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.spi.sql.ResourceDocument;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Loaded user {@code i} as a full RFC 7643 §8.2 User with the Enterprise User extension (§8.3), its values varied by
 * index, and the row the example host stores for it: the {@code users} columns and the {@code scim_users.attributes}
 * document, written by the library's {@link ResourceDocument} exactly as the example's
 * {@code JdbcUserRepository.DOCUMENTS.write(user, derivedColumns)} writes it for a POST of the same user.
 *
 * <p>Every attribute of §8.2 is set except {@code password} (never stored), {@code groups} (read-only, computed
 * from memberships) and {@code manager.displayName} (read-only: the service strips it from a POST, so the stored
 * document never has it). The values, and the fraction of users a filter on each selects:
 * <ul>
 *   <li>{@code userName} = the work email = {@link StoreLoader#login(int)}; {@code externalId} {@code ext-<i>}:
 *       unique;</li>
 *   <li>{@code title}: one of 20 common titles ({@link #COMMON_TITLES}, each about 5 % of users), except every
 *       100th user, whose title {@code Fellow <i/100>} is unique ({@link #rareTitle(int)});</li>
 *   <li>enterprise {@code employeeNumber} {@code 1000000 + i}: unique ({@link #employeeNumber(int)});
 *       {@code department} one of 25, {@code division} one of 5, {@code costCenter} one of 200, {@code manager} the
 *       first user of the user's ten (of its hundred for that user itself; user 0 has none);</li>
 *   <li>name parts, display name, nick name, profile URL, two emails (work primary, home), two phone numbers,
 *       two addresses, an IM, two photos, userType, preferredLanguage, locale, timezone and the §8.2
 *       certificate.</li>
 * </ul>
 */
public final class FullProfile {

    /** The titles most users have; user {@code i} (not a multiple of 100) has {@code COMMON_TITLES[i % 20]}. */
    public static final List<String> COMMON_TITLES = List.of("Software Engineer", "Senior Software Engineer",
            "Product Manager", "Sales Representative", "Account Executive", "Support Engineer", "Data Analyst",
            "QA Engineer", "DevOps Engineer", "Designer", "Technical Writer", "Recruiter", "Accountant",
            "Marketing Specialist", "Consultant", "Architect", "Team Lead", "Engineering Manager", "Intern",
            "Office Manager");

    private static final List<String> GIVEN = List.of("Barbara", "James", "Mary", "Robert", "Patricia", "John",
            "Jennifer", "Michael", "Linda", "David", "Elizabeth", "William", "Susan", "Richard", "Jessica", "Joseph",
            "Sarah", "Thomas", "Karen", "Charles", "Nancy", "Daniel", "Lisa", "Matthew", "Betty", "Anthony", "Sandra",
            "Mark", "Ashley", "Steven", "Aiko", "Ravi", "Fatima", "Lars", "Chen", "Olga", "Kwame", "Sofia", "Mateo",
            "Ingrid");
    private static final List<String> FAMILY = List.of("Jensen", "Smith", "Johnson", "Williams", "Brown", "Jones",
            "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson",
            "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White",
            "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King",
            "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
            "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Tanaka", "Kumar", "Okafor", "Novak", "Larsen",
            "Rossi", "Silva", "Dubois", "Schmidt", "Kowalski");
    private static final List<String> DEPARTMENTS = List.of("Tour Operations", "Engineering", "Sales", "Marketing",
            "Finance", "Legal", "Human Resources", "Support", "Research", "Facilities", "Security", "IT", "Product",
            "Design", "Procurement", "Logistics", "Customer Success", "Training", "Quality", "Partnerships",
            "Communications", "Data", "Operations", "Compliance", "Executive Office");
    private static final List<String> DIVISIONS = List.of("Theme Park", "Studios", "Consumer", "Enterprise",
            "Corporate");
    private static final List<String> CITIES = List.of("Hollywood|CA|91608", "Seattle|WA|98101",
            "Austin|TX|73301", "Boston|MA|02108", "Denver|CO|80202", "Chicago|IL|60601", "Miami|FL|33101",
            "Portland|OR|97201");
    private static final List<String> LOCALES = List.of("en-US", "en-GB", "fr-FR", "de-DE", "es-ES", "ja-JP");
    private static final List<String> ZONES = List.of("America/Los_Angeles", "America/New_York",
            "America/Chicago", "Europe/London", "Europe/Paris", "Asia/Tokyo");
    private static final ScimJson JSON = ScimJson.defaults();
    /** The certificate of RFC 7643 §8.2 (about 1.3 KB of base64), from the benchmarks' copy of that example. */
    private static final String CERTIFICATE = certificate();

    /**
     * The example host's document layout: the same declaration as {@code JdbcUserRepository.DOCUMENTS} in
     * scim-examples (package-private there). {@code LoadMain} checks at run time that a user POSTed through the
     * server is stored with the document this layout writes.
     */
    static final ResourceDocument<User> DOCUMENTS = ResourceDocument.builder(SchemaRegistry.standard(),
                    Schemas.USER_RESOURCE_TYPE, User.class)
            .column("userName").column("externalId").column("active")
            .computed("groups")
            .derivedColumn("name", "name.formatted")
            .derivedPrimaryValue("email", "emails")
            .build();

    private FullProfile() {
    }

    /** The row of one user: the {@code users} columns the example writes, and the document. */
    public record Row(String login, String name, String email, String externalId, String document) {
    }

    /** The unique title of every 100th user ({@code i % 100 == 0}); {@code null} for the others. */
    public static String rareTitle(int i) {
        return i % 100 == 0 ? "Fellow " + i / 100 : null;
    }

    /** User {@code i}'s title. */
    public static String title(int i) {
        String rare = rareTitle(i);
        return rare != null ? rare : COMMON_TITLES.get(i % COMMON_TITLES.size());
    }

    /** User {@code i}'s enterprise {@code employeeNumber}: unique. */
    public static String employeeNumber(int i) {
        return Integer.toString(1_000_000 + i);
    }

    /** User {@code i}'s {@code externalId}: unique. */
    public static String externalId(int i) {
        return "ext-" + i;
    }

    /** Loaded user {@code i}. */
    public static User user(int i) {
        return user(i, StoreLoader.login(i), true);
    }

    /**
     * A full user with index {@code i}'s values and the given {@code userName} (also its work email), e.g. a new
     * user to create.
     */
    public static User user(int i, String login, boolean active) {
        String given = GIVEN.get(i % GIVEN.size());
        String family = FAMILY.get((i / GIVEN.size()) % FAMILY.size());
        String middle = GIVEN.get((i / 7) % GIVEN.size());
        String prefix = i % 2 == 0 ? "Ms." : "Mr.";
        String suffix = i % 9 == 0 ? "III" : null;
        String formatted = prefix + " " + given + " " + middle.charAt(0) + " " + family + (suffix == null ? ""
                : ", " + suffix);
        String[] work = CITIES.get(i % CITIES.size()).split("\\|");
        String[] home = CITIES.get((i / 3) % CITIES.size()).split("\\|");
        String workStreet = (100 + i % 900) + " Universal City Plaza";
        String homeStreet = (1 + i % 9_999) + " " + family + " Street";
        String digits = String.format(Locale.ROOT, "%07d", i % 10_000_000);
        String locale = LOCALES.get(i % LOCALES.size());
        return User.builder()
                .userName(login)
                .externalId(externalId(i))
                .name(new Name(formatted, family, given, middle, prefix, suffix))
                .displayName(given + " " + family)
                .nickName(given.substring(0, Math.min(4, given.length())))
                .profileUrl("https://login.example.com/" + login)
                .emails(List.of(new Email(login, null, "work", true),
                        new Email(given.toLowerCase(Locale.ROOT) + "." + family.toLowerCase(Locale.ROOT) + "." + i
                                + "@home.example.net", null, "home", null)))
                .addresses(List.of(
                        new Address(workStreet + "\n" + work[0] + ", " + work[1] + " " + work[2] + " USA",
                                workStreet, work[0], work[1], work[2], "USA", "work", true),
                        new Address(homeStreet + "\n" + home[0] + ", " + home[1] + " " + home[2] + " USA",
                                homeStreet, home[0], home[1], home[2], "USA", "home", null)))
                .phoneNumbers(List.of(new PhoneNumber("+1-555-" + digits, null, "work", null),
                        new PhoneNumber("+1-556-" + digits, null, "mobile", null)))
                .ims(List.of(new Im("aim" + digits, null, "aim", null)))
                .photos(List.of(new Photo("https://photos.example.com/profilephoto/" + digits + "/F", null, "photo",
                                null),
                        new Photo("https://photos.example.com/profilephoto/" + digits + "/T", null, "thumbnail",
                                null)))
                .userType(i % 10 == 9 ? "Contractor" : "Employee")
                .title(title(i))
                .preferredLanguage(locale)
                .locale(locale)
                .timezone(ZONES.get(i % ZONES.size()))
                .active(active)
                .x509Certificates(List.of(new X509Certificate(CERTIFICATE, null, null, null)))
                .enterpriseUser(new EnterpriseUser(employeeNumber(i), Integer.toString(4000 + i % 200),
                        "Load Example Corporation", DIVISIONS.get(i % DIVISIONS.size()),
                        DEPARTMENTS.get((i / 3) % DEPARTMENTS.size()), manager(i)))
                .build();
    }

    /** The first user of {@code i}'s ten; of its hundred for that user; none for user 0. */
    private static EnterpriseUser.Manager manager(int i) {
        int m = i % 10 != 0 ? i - i % 10 : i - i % 100;
        if (m == i) {
            return null;
        }
        String id = StoreLoader.scimId(m);
        return new EnterpriseUser.Manager(id, "../Users/" + id, null);
    }

    private static String certificate() {
        try (InputStream in = FullProfile.class.getResourceAsStream(
                "/org/scim2j/benchmarks/user-rfc7643-8.2-enterprise.json")) {
            return JSON.readObject(in).path("x509Certificates").path(0).path("value").textValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user as a POST or PUT body. */
    public static String json(User user) {
        return JSON.toTree(user).toString();
    }

    /**
     * The row the example stores for a POST of {@code user}: {@code users.name} is {@code name.formatted} (which
     * every generated user has), {@code users.email} the primary email's value, and the document as
     * {@code JdbcUserRepository} writes it with those derived columns.
     */
    public static Row row(User user) {
        String name = user.name().formatted();
        String email = user.emails().stream().filter(e -> Boolean.TRUE.equals(e.primary())).findFirst()
                .orElseThrow().value();
        Map<String, Object> derived = new HashMap<>();
        derived.put("name", name);
        derived.put("email", email);
        return new Row(user.userName(), name, email, user.externalId(), DOCUMENTS.write(user, derived));
    }
}
