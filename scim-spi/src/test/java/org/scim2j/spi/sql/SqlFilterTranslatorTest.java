package org.scim2j.spi.sql;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.scim2j.core.error.ScimException;
import org.scim2j.core.error.ScimType;
import org.scim2j.core.filter.FilterEvaluator;
import org.scim2j.core.filter.ResourceFilter;
import org.scim2j.core.query.AttributeSelection;
import org.scim2j.core.query.SortKey;
import org.scim2j.core.query.SortOrder;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.core.schema.Schemas;
import org.scim2j.filter.AttributePath;
import org.scim2j.filter.Filter;
import org.scim2j.filter.FilterValue;
import org.scim2j.spi.SearchRequest;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import org.junit.jupiter.params.provider.Arguments;

class SqlFilterTranslatorTest {

    private static final String EMAILS = "SELECT 1 FROM user_emails e WHERE e.user_uuid = u.uuid";

    private static final SqlFilterTranslator USERS = SqlFilterTranslator
            .builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
            .column("id", "u.uuid")
            .column("userName", "u.login")
            .column("name.familyName", "u.last_name")
            .column("active", "u.active")
            .column("externalId", "u.external_id")
            .column("meta.created", "u.created_at")
            .column(Schemas.ENTERPRISE_USER + ":employeeNumber", "u.emp_no")
            .multiValued("emails", EMAILS, Map.of("value", "e.email", "type", "e.type", "primary", "e.is_primary"))
            .build();

    private static final SqlFilterTranslator NUMBERS = SqlFilterTranslator.builder(SqlFixture.REGISTRY,
                    SqlFixture.USER)
            .column(SqlFixture.EXT + ":loginCount", "u.login_count")
            .column(SqlFixture.EXT + ":score", "u.score")
            .build();

    private static SqlCondition sql(String filter) {
        return USERS.translate(Filter.parse(filter));
    }

    static Stream<Arguments> operators() {
        return Stream.of(
                arguments("userName eq \"bjensen\"", "LOWER(u.login) = LOWER(?)", List.of("bjensen")),
                arguments("userName ne \"bjensen\"", "(u.login IS NULL OR LOWER(u.login) <> LOWER(?))",
                        List.of("bjensen")),
                arguments("userName co \"jen\"", "LOWER(u.login) LIKE LOWER(?) ESCAPE '\\'", List.of("%jen%")),
                arguments("userName sw \"bj\"", "LOWER(u.login) LIKE LOWER(?) ESCAPE '\\'", List.of("bj%")),
                arguments("userName ew \"sen\"", "LOWER(u.login) LIKE LOWER(?) ESCAPE '\\'", List.of("%sen")),
                arguments("userName gt \"m\"", "LOWER(u.login) > LOWER(?)", List.of("m")),
                arguments("userName ge \"m\"", "LOWER(u.login) >= LOWER(?)", List.of("m")),
                arguments("userName lt \"m\"", "LOWER(u.login) < LOWER(?)", List.of("m")),
                arguments("userName le \"m\"", "LOWER(u.login) <= LOWER(?)", List.of("m")),
                arguments("userName pr", "(u.login IS NOT NULL AND u.login <> '')", List.of()),
                arguments("userName eq null", "NOT (u.login IS NOT NULL AND u.login <> '')", List.of()),
                arguments("userName ne null", "(u.login IS NOT NULL AND u.login <> '')", List.of()),
                // caseExact (RFC 7643 §3.1): no LOWER
                arguments("externalId eq \"X-1\"", "u.external_id = ?", List.of("X-1")),
                arguments("externalId ne \"X-1\"", "(u.external_id IS NULL OR u.external_id <> ?)", List.of("X-1")),
                arguments("externalId sw \"X\"", "u.external_id LIKE ? ESCAPE '\\'", List.of("X%")),
                arguments("externalId gt \"X\"", "u.external_id > ?", List.of("X")),
                arguments("active eq true", "u.active = ?", List.of(true)),
                arguments("active ne false", "(u.active IS NULL OR u.active <> ?)", List.of(false)),
                arguments("active pr", "u.active IS NOT NULL", List.of()),
                arguments("active eq null", "NOT (u.active IS NOT NULL)", List.of()),
                arguments("meta.created gt \"2011-05-13T04:42:34Z\"", "u.created_at > ?",
                        List.of(OffsetDateTime.parse("2011-05-13T04:42:34Z"))),
                arguments("meta.created le \"2011-05-13t06:42:34.5+02:00\"", "u.created_at <= ?",
                        List.of(OffsetDateTime.parse("2011-05-13T04:42:34.5Z"))),
                arguments("meta.created eq \"2011-05-13T04:42:34\"", "u.created_at = ?",
                        List.of(OffsetDateTime.parse("2011-05-13T04:42:34Z"))),
                arguments(Schemas.ENTERPRISE_USER + ":employeeNumber eq \"7\"", "LOWER(u.emp_no) = LOWER(?)",
                        List.of("7")),
                arguments("urn:ietf:params:scim:schemas:core:2.0:User:USERNAME eq \"x\"", "LOWER(u.login) = LOWER(?)",
                        List.of("x")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("operators")
    void translatesEachOperator(String filter, String expectedSql, List<Object> expectedParameters) {
        SqlCondition c = sql(filter);
        assertAll(() -> assertThat(c.sql()).isEqualTo(expectedSql),
                () -> assertThat(c.parameters()).isEqualTo(expectedParameters));
    }

    @Test
    void indexAdviceIsTheExpressionTheTranslatorWrites() {
        // userName is not caseExact (RFC 7643 §4.1.1): LOWER(u.login) = LOWER(?), served by an index on LOWER(login)
        IndexAdvice userName = USERS.indexAdvice("userName").orElseThrow();
        assertThat(sql("userName eq \"a\"").sql()).startsWith(userName.expression() + " = ");
        assertThat(userName.createIndex("idx_login", "users", "u"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS idx_login ON users ((LOWER(login)))");
        // externalId is caseExact (§3.1): the column itself
        assertThat(USERS.indexAdvice("externalId").orElseThrow().createIndex("idx_ext", "users", "u"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS idx_ext ON users (external_id)");
        assertThat(USERS.indexAdvice("meta.created").orElseThrow().operators())
                .containsExactlyInAnyOrder("eq", "gt", "ge", "lt", "le");
        assertThat(userName.operators()).containsExactly("eq");
        // a sub-attribute held in a sub-query: the host indexes the sub-query's table, the advice cannot say how
        assertThat(USERS.indexAdvice("emails.value")).isEmpty();
        assertThatThrownBy(() -> USERS.indexAdvice("nickName2")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aLoweredColumnReplacesLowerOfTheColumnInComparisons() {
        SqlFilterTranslator h2 = SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
                .column("userName", "u.login").loweredColumn("userName", "u.login_lower")
                .column("emails.value", "u.email").loweredColumn("emails.value", "u.email_lower")
                .column("externalId", "u.external_id")
                .build();
        assertThat(h2.translate(Filter.parse("userName eq \"A\"")).sql()).isEqualTo("u.login_lower = LOWER(?)");
        assertThat(h2.translate(Filter.parse("userName ne \"A\"")).sql())
                .isEqualTo("(u.login IS NULL OR u.login_lower <> LOWER(?))");
        assertThat(h2.translate(Filter.parse("emails.value sw \"A\"")).sql())
                .contains("u.email_lower LIKE LOWER(?) ESCAPE");
        assertThat(h2.indexAdvice("userName").orElseThrow().createIndex("idx_login", "users", "u"))
                .isEqualTo("CREATE INDEX IF NOT EXISTS idx_login ON users (login_lower)");
        assertThatThrownBy(() -> SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
                .column("externalId", "u.external_id").loweredColumn("externalId", "u.x").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("caseExact");
        assertThatThrownBy(() -> SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
                .loweredColumn("userName", "u.login_lower").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column");
    }

    @Test
    void bindsIntegersAsLongAndDecimalsAsBigDecimal() {
        SqlCondition integer = NUMBERS.translate(Filter.parse(SqlFixture.EXT + ":loginCount ge 5.0"));
        SqlCondition big = NUMBERS.translate(Filter.parse(SqlFixture.EXT + ":loginCount lt 1.5"));
        SqlCondition decimal = NUMBERS.translate(Filter.parse(SqlFixture.EXT + ":score ne 2"));
        assertThat(integer.sql()).isEqualTo("u.login_count >= ?");
        assertThat(integer.parameters()).containsExactly(5L);
        assertThat(big.parameters()).containsExactly(new BigDecimal("1.5"));
        assertThat(decimal.sql()).isEqualTo("(u.score IS NULL OR u.score <> ?)");
        assertThat(decimal.parameters()).containsExactly(new BigDecimal("2"));
    }

    @Test
    void escapesLikeMetacharactersInTheBoundPatternOnly() {
        assertThat(sql("userName co \"50%\"").parameters()).containsExactly("%50\\%%");
        assertThat(sql("userName sw \"a_b\"").parameters()).containsExactly("a\\_b%");
        assertThat(sql("userName ew \"c:\\\\dir\"").parameters()).containsExactly("%c:\\\\dir");
        assertThat(sql("userName co \"%_\\\\\"").parameters()).containsExactly("%\\%\\_\\\\%");
        assertThat(sql("userName co \"\"").parameters()).containsExactly("%%");
        assertThat(sql("userName co \"%_\\\\\"").sql()).isEqualTo("LOWER(u.login) LIKE LOWER(?) ESCAPE '\\'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"x' OR '1'='1", "\"; DROP TABLE users; --", "'); DELETE FROM users; --",
            "\\' OR 1=1 --", "*/ OR /*", "%' --"})
    void valuesNeverReachTheSqlText(String hostile) {
        SqlCondition eq = USERS.translate(Filter.eq("userName", hostile));
        SqlCondition ne = USERS.translate(Filter.ne("externalId", hostile));
        SqlCondition co = USERS.translate(Filter.co("userName", hostile));
        SqlCondition sw = USERS.translate(Filter.valuePath("emails", Filter.sw("value", hostile)));
        for (SqlCondition c : List.of(eq, ne, co, sw)) {
            assertThat(c.sql()).doesNotContain(hostile).doesNotContain("DROP").doesNotContain("DELETE")
                    .doesNotContain("/*");
            assertThat(c.sql().chars().filter(ch -> ch == '?').count()).isEqualTo(1);
        }
        assertThat(eq.parameters()).containsExactly(hostile);
        assertThat(ne.parameters()).containsExactly(hostile);
        assertThat(co.parameters()).containsExactly("%" + SqlValues.escapeLike(hostile) + "%");
        assertThat(sw.parameters()).containsExactly(SqlValues.escapeLike(hostile) + "%");
    }

    @Test
    void andBindsTighterThanOrAndEveryGroupIsParenthesised() {
        assertThat(sql("userName eq \"a\" or userName eq \"b\" and active eq true").sql())
                .isEqualTo("(LOWER(u.login) = LOWER(?) OR (LOWER(u.login) = LOWER(?) AND u.active = ?))");
        assertThat(sql("(userName eq \"a\" or userName eq \"b\") and active eq true").sql())
                .isEqualTo("((LOWER(u.login) = LOWER(?) OR LOWER(u.login) = LOWER(?)) AND u.active = ?)");
        assertThat(sql("userName eq \"a\" or userName eq \"b\" and active eq true").parameters())
                .containsExactly("a", "b", true);
    }

    @Test
    void notIsTwoValued() {
        // col = ? is UNKNOWN on NULL; NOT UNKNOWN would drop the row that "not (userName eq ...)" must match
        assertThat(sql("not (userName eq \"a\")").sql()).isEqualTo("(LOWER(u.login) = LOWER(?)) IS NOT TRUE");
        assertThat(sql("not (userName eq \"a\" or active eq true)").sql())
                .isEqualTo("(LOWER(u.login) = LOWER(?) OR u.active = ?) IS NOT TRUE");
        // expressions that are never UNKNOWN get a plain NOT
        assertThat(sql("not (userName ne \"a\")").sql())
                .isEqualTo("NOT (u.login IS NULL OR LOWER(u.login) <> LOWER(?))");
        assertThat(sql("not (emails[type eq \"work\"])").sql())
                .isEqualTo("NOT EXISTS (" + EMAILS + " AND LOWER(e.type) = LOWER(?))");
        assertThat(sql("not (not (userName pr))").sql())
                .isEqualTo("NOT (NOT (u.login IS NOT NULL AND u.login <> ''))");
    }

    @Test
    void multiValuedAttributesBecomeExists() {
        assertThat(sql("emails[type eq \"work\" and value co \"@example.com\"]").sql()).isEqualTo("EXISTS (" + EMAILS
                + " AND (LOWER(e.type) = LOWER(?) AND LOWER(e.email) LIKE LOWER(?) ESCAPE '\\'))");
        assertThat(sql("emails.value eq \"a@b\"").sql())
                .isEqualTo("EXISTS (" + EMAILS + " AND LOWER(e.email) = LOWER(?))");
        assertThat(sql("emails eq \"a@b\"").sql()).isEqualTo(sql("emails.value eq \"a@b\"").sql());
        assertThat(sql("emails.primary eq true").sql()).isEqualTo("EXISTS (" + EMAILS + " AND e.is_primary = ?)");
        // some value differs, or there is no value at all (as FilterEvaluator decides)
        assertThat(sql("emails.value ne \"a@b\"").sql()).isEqualTo("(EXISTS (" + EMAILS
                + " AND LOWER(e.email) <> LOWER(?)) OR NOT EXISTS (" + EMAILS + " AND e.email IS NOT NULL))");
        assertThat(sql("emails pr").sql()).isEqualTo("EXISTS (" + EMAILS + " AND (e.is_primary IS NOT NULL OR "
                + "(e.type IS NOT NULL AND e.type <> '') OR (e.email IS NOT NULL AND e.email <> '')))");
        assertThat(sql("emails[not (type eq \"work\")]").sql())
                .isEqualTo("EXISTS (" + EMAILS + " AND (LOWER(e.type) = LOWER(?)) IS NOT TRUE)");
    }

    @Test
    void aSingleColumnCanHoldAMultiValuedAttribute() {
        SqlFilterTranslator sonar = SqlFilterTranslator.builder(SchemaRegistry.standard(),
                Schemas.USER_RESOURCE_TYPE).column("emails.value", "u.email").build();
        assertThat(sonar.translate(Filter.parse("emails eq \"a@b\"")).sql())
                .isEqualTo("(u.email IS NOT NULL AND LOWER(u.email) = LOWER(?))");
        assertThat(sonar.translate(Filter.parse("emails[value ew \"@b\"]")).sql())
                .isEqualTo("(u.email IS NOT NULL AND LOWER(u.email) LIKE LOWER(?) ESCAPE '\\')");
        assertThat(sonar.orderBy(AttributePath.parse("emails"), SortOrder.ASCENDING).sql())
                .isEqualTo("LOWER(NULLIF(u.email, '')) ASC NULLS LAST");
        assertThat(sonar.supports(Filter.parse("emails[type eq \"work\"]"))).isFalse();
    }

    @Test
    void unmappedAttributesAreAllNamedInOneInvalidFilter() {
        assertThatThrownBy(() -> sql("title eq \"x\" and (emails[display eq \"y\"] or name.givenName pr) "
                + "and userName eq \"z\""))
                .isInstanceOfSatisfying(ScimException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER);
                })
                .hasMessageContaining("cannot filter User resources on 'title', 'emails[display]', "
                        + "'name.givenName': this server can only filter on id, userName, name.familyName");
    }

    @Test
    void schemaErrorsAreTheEvaluatorsInvalidFilter() {
        assertThatThrownBy(() -> sql("active gt true")).isInstanceOfSatisfying(ScimException.class,
                e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_FILTER)).hasMessageContaining("'gt'");
        assertThatThrownBy(() -> sql("userName eq 1")).isInstanceOf(ScimException.class)
                .hasMessageContaining("userName");
        assertThatThrownBy(() -> sql("meta.created gt \"yesterday\"")).isInstanceOf(ScimException.class)
                .hasMessageContaining("RFC 3339");
        assertThatThrownBy(() -> sql("password eq \"x\"")).isInstanceOf(ScimException.class)
                .hasMessageContaining("never returned");
    }

    @Test
    void supportsAndFilterSupportAgreeWithTranslate() {
        assertThat(USERS.supports(Filter.parse("userName eq \"a\" and emails[type eq \"work\"]"))).isTrue();
        assertThat(USERS.supports(Filter.parse("userName eq \"a\" and title pr"))).isFalse();
        assertThat(USERS.supports(Filter.parse("emails[display pr]"))).isFalse();
        assertThat(USERS.supports(Filter.parse("nickName eq \"x\""))).isFalse();
        // mapped but ill-typed: supported, so that translate answers with the evaluator's precise 400
        assertThat(USERS.supports(Filter.eq("active", FilterValue.of("yes")))).isTrue();
        assertThat(USERS.filterSupport().supports(Filter.parse("title pr"))).isFalse();
        assertThat(USERS.filterSupport().description()).isEqualTo("id, userName, name.familyName, active, externalId, "
                + "meta.created, " + Schemas.ENTERPRISE_USER + ":employeeNumber, emails[primary, type, value] "
                + "(with eq, ne, co, sw, ew, gt, ge, lt, le, pr, and, or, not)");
    }

    @Test
    void aResolvedFilterIsTranslatedInOnePassWhoseEmptyAnswerIsTheFilterSupportsNo() {
        FilterEvaluator evaluator = new FilterEvaluator(SchemaRegistry.standard());
        for (String text : List.of("userName eq \"a\" and emails[type eq \"work\"]", "userName eq \"a\" and title pr",
                "emails[display pr]", "nickName eq \"x\"", "name.familyName sw \"J\" or not (active eq true)")) {
            ResourceFilter resolved = evaluator.compile(Filter.parse(text), Schemas.USER_RESOURCE_TYPE);

            Optional<SqlCondition> condition = USERS.condition(resolved);

            assertThat(USERS.filterSupport().supports(resolved)).as(text).isEqualTo(condition.isPresent());
            assertThat(USERS.supports(resolved.filter())).as(text).isEqualTo(condition.isPresent());
            condition.ifPresent(c -> assertThat(c).as(text).isEqualTo(sql(text)));
        }
        ResourceFilter group = evaluator.compile(Filter.parse("displayName eq \"x\""), Schemas.GROUP_RESOURCE_TYPE);
        assertThatThrownBy(() -> USERS.condition(group)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSqlOfOneResolvedFilterIsWrittenOnceForTheSupportCheckAndTheSearch() {
        ResourceFilter resolved = new FilterEvaluator(SchemaRegistry.standard()).compile(
                Filter.parse("userName eq \"a\" or emails[type eq \"work\"]"), Schemas.USER_RESOURCE_TYPE);

        assertThat(USERS.filterSupport().supports(resolved)).isTrue();
        SqlCondition first = USERS.condition(resolved).orElseThrow();

        assertThat(USERS.translate(SearchRequest.resolved(resolved, null, 1, 10, null, AttributeSelection.all())))
                .isSameAs(first);
        assertThat(NUMBERS.supports(resolved.filter())).isFalse(); // another translator writes its own
    }

    @Test
    void aSearchRequestIsTranslatedFromTheServicesResolutionOrResolvedHereWhenBuiltByHand() {
        Filter filter = Filter.parse("emails[type eq \"work\" and value eq \"a@x\"]");
        ResourceFilter resolved = new FilterEvaluator(SchemaRegistry.standard()).compile(filter,
                Schemas.USER_RESOURCE_TYPE);
        SortKey sortKey = SortKey.resolve(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE,
                AttributePath.parse("userName"), SortOrder.DESCENDING);
        SearchRequest byService = SearchRequest.resolved(resolved, sortKey, 1, 10, null, AttributeSelection.all());
        SearchRequest byHand = new SearchRequest(filter, AttributePath.parse("userName"), SortOrder.DESCENDING, 1, 10,
                null, AttributeSelection.all());

        assertThat(USERS.translate(byService)).isEqualTo(USERS.translate(byHand)).isEqualTo(sql(filter.toString()));
        assertThat(USERS.orderBy(byService)).isEqualTo(USERS.orderBy(byHand));
        assertThat(USERS.orderBy(byService).sql()).isEqualTo("LOWER(NULLIF(u.login, '')) DESC NULLS FIRST, u.uuid ASC");
        assertThat(USERS.sortSupport().supports(sortKey)).isTrue();
        assertThat(USERS.sortSupport().supports(SortKey.resolve(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE,
                AttributePath.parse("title"), null))).isFalse();
    }

    @Test
    void orderByPutsMissingValuesLastAscendingAndFirstDescendingThenId() {
        assertThat(USERS.orderBy(AttributePath.parse("userName"), SortOrder.ASCENDING).sql())
                .isEqualTo("LOWER(NULLIF(u.login, '')) ASC NULLS LAST, u.uuid ASC");
        assertThat(USERS.orderBy(AttributePath.parse("externalId"), SortOrder.DESCENDING).sql())
                .isEqualTo("NULLIF(u.external_id, '') DESC NULLS FIRST, u.uuid ASC");
        assertThat(USERS.orderBy(AttributePath.parse("meta.created"), null).sql())
                .isEqualTo("u.created_at ASC NULLS LAST, u.uuid ASC");
        assertThat(USERS.orderBy(AttributePath.parse("id"), SortOrder.ASCENDING).sql())
                .isEqualTo("NULLIF(u.uuid, '') ASC NULLS LAST");
        assertThat(USERS.orderBy(null, SortOrder.ASCENDING).sql()).isEqualTo("u.uuid ASC");
    }

    @Test
    void orderByRejectsWhatItCannotSortAsInvalidValue() {
        for (String sortBy : List.of("title", "emails", "nickName2", "name")) {
            assertThatThrownBy(() -> USERS.orderBy(AttributePath.parse(sortBy), SortOrder.ASCENDING))
                    .isInstanceOfSatisfying(ScimException.class,
                            e -> assertThat(e.scimType()).isEqualTo(ScimType.INVALID_VALUE))
                    .hasMessageContaining(sortBy);
        }
    }

    @Test
    void lowerFunctionAndCollationAreConfigurable() {
        SqlFilterTranslator t = SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
                .column("userName", "u.login").lowerFunction("public.fold").collation("\"C\"").build();
        assertThat(t.translate(Filter.parse("userName eq \"a\"")).sql()).isEqualTo("public.fold(u.login) = "
                + "public.fold(?)");
        assertThat(t.translate(Filter.parse("userName lt \"a\"")).sql())
                .isEqualTo("public.fold(u.login) COLLATE \"C\" < public.fold(?) COLLATE \"C\"");
        assertThat(t.orderBy(AttributePath.parse("userName"), SortOrder.DESCENDING).sql())
                .isEqualTo("public.fold(NULLIF(u.login, '')) COLLATE \"C\" DESC NULLS FIRST");
    }

    @Test
    void columnExpressionsAreGroupedSoOperatorsCannotBindIntoThem() {
        SqlFilterTranslator t = SqlFilterTranslator.builder(SchemaRegistry.standard(), Schemas.USER_RESOURCE_TYPE)
                .column("displayName", "u.first_name || ' ' || u.last_name").build();
        assertThat(t.translate(Filter.parse("displayName pr")).sql())
                .isEqualTo("((u.first_name || ' ' || u.last_name) IS NOT NULL AND (u.first_name || ' ' || "
                        + "u.last_name) <> '')");
    }

    @Test
    void builderRejectsMappingsThatCannotWork() {
        SqlFilterTranslator.Builder b = SqlFilterTranslator.builder(SchemaRegistry.standard(),
                Schemas.USER_RESOURCE_TYPE);
        assertThatThrownBy(() -> b.column("nickName2", "u.x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown attribute 'nickName2'");
        assertThatThrownBy(() -> b.column("name", "u.x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map its sub-attributes");
        assertThatThrownBy(() -> b.column("userName eq", "u.x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.multiValued("userName", EMAILS, Map.of("value", "e.x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.multiValued("emails", EMAILS, Map.of("colour", "e.x")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("colour");
        assertThatThrownBy(() -> b.lowerFunction("LOWER(x); DROP")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.collation("\"C\"; DROP")).isInstanceOf(IllegalArgumentException.class);
        b.multiValued("emails", EMAILS, Map.of("value", "e.email"));
        assertThatThrownBy(() -> b.column("emails.type", "u.t")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void dateTimesAreReadAsTheEvaluatorReadsThem() {
        assertThat(SqlValues.dateTime("2011-05-13T04:42:34Z")).isEqualTo("2011-05-13T04:42:34Z");
        assertThat(SqlValues.dateTime("2011-05-13t04:42:34.1234567891z"))
                .isEqualTo(OffsetDateTime.parse("2011-05-13T04:42:34.123456789Z"));
        assertThat(SqlValues.dateTime("2011-05-13T04:42:34-07:30"))
                .isEqualTo(OffsetDateTime.parse("2011-05-13T12:12:34Z"));
        assertThat(SqlValues.dateTime("2011-05-13T04:42:34")).isEqualTo(OffsetDateTime.parse(
                "2011-05-13T04:42:34Z"));
    }
}
