package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.security.ApiClientRepository;
import hotline.gateway.security.ApiClients;
import hotline.gateway.security.ApiKeys;
import hotline.gateway.security.BrokerCredentials;
import hotline.gateway.security.ClientSeeds;
import hotline.gateway.security.FailedLogins;
import hotline.gateway.tracking.TrackingCodeRepository;
import hotline.gateway.web.AccessFilter;
import hotline.gateway.web.AnswerHeaders;
import hotline.gateway.web.ProblemReplies;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.spi.ComponentCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who may do what over HTTP: the API clients and their keys, the access filter in front of every request, the
 * failed-login limits, and the clients made at start (the first operator; the local clients of the embedded runtime).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfiguration {

    @Bean
    ApiClientRepository apiClientRepository(JdbcTemplate jdbc, TransactionTemplate transaction) {
        return new ApiClientRepository(jdbc, transaction);
    }

    /** Made once the schema is migrated (JdbcTemplate waits for Flyway): the first operator, when configured. */
    @Bean
    ClientSeeds clientSeeds(ApiClientRepository repository, Clock clock, GatewayProperties properties) {
        ClientSeeds seeds = new ClientSeeds(repository, clock);
        GatewayProperties.Security security = properties.security();
        String hash = security.operatorKeySha256();
        if (hash != null && !hash.isBlank()) {
            seeds.operator(security.operatorClientId(), ApiKeys.parseHexHash(hash, "HOTLINE_OPERATOR_KEY_SHA256"));
        }
        return seeds;
    }

    @Bean
    ApiClients apiClients(
            ApiClientRepository repository,
            ClientSeeds seeds,
            JurisdictionDirectory directory,
            Clock clock,
            GatewayProperties properties) {
        return new ApiClients(
                repository,
                properties.security().systemUsers(),
                code -> code.length() == 9 ? directory.town(code) != null : directory.districtByCode(code) != null,
                clock,
                properties.security().keyCache(),
                System::nanoTime);
    }

    @Bean
    FailedLogins failedLogins(GatewayProperties properties, Clock clock, MeterRegistry registry) {
        GatewayProperties.LoginLimits limits = properties.security().failedLogins();
        return new FailedLogins(
                new FailedLogins.Limits(
                        limits.maxPerUser(), limits.maxPerAddress(), limits.window(), limits.maxTracked()),
                clock,
                registry);
    }

    @Bean
    TrackingCodeRepository trackingCodeRepository(JdbcTemplate jdbc) {
        return new TrackingCodeRepository(jdbc);
    }

    /** The access filter, one instance for the application's port and the management port (ManagementAccess). */
    @Bean
    AccessFilter accessFilter(
            ApiClients apiClients,
            BrokerCredentials brokerCredentials,
            FailedLogins failedLogins,
            TrackingCodeRepository trackingCodes,
            ProblemReplies problems,
            ObjectMapper json,
            MeterRegistry registry,
            GatewayProperties properties) {
        return new AccessFilter(
                apiClients,
                brokerCredentials,
                properties.security().systemUsers(),
                failedLogins,
                trackingCodes,
                problems,
                json,
                registry);
    }

    @Bean
    FilterRegistrationBean<AccessFilter> accessFilterRegistration(AccessFilter accessFilter) {
        return registration(accessFilter);
    }

    /** The filter in front of every request of a port: before anything reads the request. */
    static FilterRegistrationBean<AccessFilter> registration(AccessFilter accessFilter) {
        FilterRegistrationBean<AccessFilter> registration = new FilterRegistrationBean<>(accessFilter);
        registration.addUrlPatterns("/*");
        // Before anything reads the request; after Spring's character encoding and observation filters.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** Answers of routes carry only the headers an answer sets, never the request's (see AnswerHeaders). */
    @Bean
    ComponentCustomizer answerHeaders() {
        return ComponentCustomizer.forType(
                PlatformHttpComponent.class, component -> component.setHeaderFilterStrategy(new AnswerHeaders()));
    }

    /** The embedded default runtime only (no DB_URL): the clients of config/local-clients.yml, keys published. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnExpression("'${DB_URL:}'.isEmpty()")
    static class LocalClients {

        @Bean
        Boolean localClientsSeeded(ClientSeeds seeds, GatewayProperties properties) {
            seeds.local(ClientSeeds.readLocal(properties.security().localClients()));
            return Boolean.TRUE;
        }
    }
}
