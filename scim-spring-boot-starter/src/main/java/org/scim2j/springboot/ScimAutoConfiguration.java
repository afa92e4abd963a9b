package org.scim2j.springboot;

import io.micrometer.core.instrument.MeterRegistry;
import org.scim2j.core.schema.SchemaRegistry;
import org.scim2j.http.Authenticator;
import org.scim2j.http.ScimConfiguration;
import org.scim2j.http.TokenAuthenticator;
import org.scim2j.http.TokenVerifier;
import org.scim2j.micrometer.ScimMetrics;
import org.scim2j.servlet.ScimServlet;
import org.scim2j.spi.GroupRepository;
import org.scim2j.spi.UserRepository;
import org.scim2j.spi.event.ScimObserver;
import org.scim2j.spi.service.MeResolver;
import org.scim2j.spi.service.ScimService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Serves SCIM 2.0 over the application's {@link UserRepository} and {@link GroupRepository} beans: a
 * {@link ScimServlet} at {@code scim.path} (default {@code /scim/v2}), configured by {@link ScimProperties} and
 * authenticating the token whose SHA-256 is {@code scim.token.sha256}. Active in a servlet web application once both
 * repository beans exist. Each part backs off when the application declares its own bean of the type: a
 * {@link ScimService} (e.g. with more resource types), an {@link Authenticator} (e.g. several tokens). A
 * {@link SchemaRegistry} bean (schema extensions), a {@link MeResolver} bean and every {@link ScimObserver} bean
 * are used when present; with Micrometer and a {@code MeterRegistry} bean (Spring Boot's actuator), a
 * {@link ScimMetrics} observer records every request and write.
 *
 * <p>With Spring Security present, a filter chain for {@code scim.path} only is added ahead of the application's:
 * no CSRF token (identity providers send none), no HTTP session, and no Spring authentication, since the servlet
 * authenticates every request with its own token. The application's other chains still guard everything else.
 */
// After the configurations whose beans the conditions below look for: Spring Security's (and the actuator's), whose
// default chain must be declared before this one's SCIM chain exists, and Micrometer's registries.
@AutoConfiguration(afterName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(ScimServlet.class)
@ConditionalOnBean({UserRepository.class, GroupRepository.class})
@EnableConfigurationProperties(ScimProperties.class)
public class ScimAutoConfiguration {

    /** The bean name of the SCIM path's security filter chain; declare a bean of this name to replace it. */
    public static final String SECURITY_FILTER_CHAIN = "scimSecurityFilterChain";

    /**
     * The protocol service over the two repositories, with the {@code scim.*} service settings and every
     * {@link ScimObserver} bean (in their {@code @Order}).
     */
    @Bean
    @ConditionalOnMissingBean
    public ScimService scimService(UserRepository users, GroupRepository groups, ScimProperties properties,
                                   ObjectProvider<SchemaRegistry> registry, ObjectProvider<MeResolver> me,
                                   ObjectProvider<ScimObserver> observers) {
        ScimService.Builder builder = ScimService.builder().users(users).groups(groups)
                .config(configuration(properties).serviceConfig());
        registry.ifAvailable(builder::registry);
        me.ifAvailable(builder::me);
        observers.orderedStream().forEach(builder::observer);
        return builder.build();
    }

    /** Bearer or Basic (token as user name) authentication against {@code scim.token.sha256}. */
    @Bean
    @ConditionalOnMissingBean
    public Authenticator scimAuthenticator(ScimProperties properties) {
        String hash = properties.getToken().getSha256();
        if (hash == null || hash.isBlank()) {
            throw new IllegalStateException("SCIM needs a token: set scim.token.sha256 to the hex SHA-256 of the "
                    + "token identity providers send, or declare an org.scim2j.http.Authenticator bean");
        }
        return TokenAuthenticator.bearerOrBasic(TokenVerifier.sha256(hash, properties.getToken().getPrincipal()));
    }

    /** The servlet at {@code scim.path} and everything below it. */
    @Bean
    @ConditionalOnMissingBean(name = "scimServletRegistration")
    public ServletRegistrationBean<ScimServlet> scimServletRegistration(ScimService service,
                                                                        Authenticator authenticator,
                                                                        ScimProperties properties) {
        ScimServlet servlet = new ScimServlet(service, authenticator, configuration(properties).httpSettings());
        ServletRegistrationBean<ScimServlet> registration =
                new ServletRegistrationBean<>(servlet, mapping(properties.getPath()));
        registration.setName("scim");
        return registration;
    }

    static ScimConfiguration configuration(ScimProperties properties) {
        return ScimConfiguration.of(properties.toConfigurationKeys());
    }

    /** {@code /scim/v2} (or {@code /scim/v2/}) becomes the servlet mapping {@code /scim/v2/*}. */
    static String mapping(String path) {
        String p = path == null ? "" : path.trim();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty() || !p.startsWith("/") || p.contains("*")) {
            throw new IllegalStateException("scim.path must be a path such as /scim/v2, not '" + path + "'");
        }
        return p + "/*";
    }

    /** The {@code scim.requests} timer and {@code scim.writes} counter, when the application has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
    @ConditionalOnBean(type = "io.micrometer.core.instrument.MeterRegistry")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ScimMetrics scimMetrics(MeterRegistry registry) {
            return new ScimMetrics(registry);
        }
    }

    /** The SCIM path's own security filter chain, when Spring Security's web configuration is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class})
    @ConditionalOnBean(HttpSecurity.class)
    static class SecurityConfiguration {

        /**
         * Ahead of the application's chains (which keep guarding every other path): the SCIM servlet authenticates
         * with its token, so Spring neither asks for a login nor a CSRF token nor creates a session here.
         */
        @Bean(SECURITY_FILTER_CHAIN)
        @ConditionalOnMissingBean(name = SECURITY_FILTER_CHAIN)
        @Order(Ordered.HIGHEST_PRECEDENCE + 50)
        SecurityFilterChain scimSecurityFilterChain(HttpSecurity http, ScimProperties properties) throws Exception {
            String mapping = mapping(properties.getPath());
            return http.securityMatcher(mapping.substring(0, mapping.length() - 1) + "**")
                    .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                    .csrf(csrf -> csrf.disable())
                    .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                    .requestCache(cache -> cache.disable())
                    .build();
        }
    }
}
