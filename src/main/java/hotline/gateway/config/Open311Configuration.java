package hotline.gateway.config;

import hotline.gateway.classification.NeedDictionary;
import hotline.gateway.intake.IntakeService;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.open311.Discovery;
import hotline.gateway.open311.Open311Api;
import hotline.gateway.open311.Open311Repository;
import hotline.gateway.open311.ServiceCatalogue;
import hotline.gateway.open311.ServiceCatalogueFile;
import hotline.gateway.security.ApiClients;
import hotline.gateway.security.FailedLogins;
import hotline.gateway.web.Open311Http;
import hotline.gateway.web.Open311Replies;
import hotline.gateway.web.Open311RequestGuard;
import hotline.gateway.web.ProblemReplies;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;

/** Open311 GeoReport v2 under /open311/v2/ (routes/open311.yaml): the service catalogue, the API and its HTTP side. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(Open311Configuration.Open311Properties.class)
public class Open311Configuration {

    /**
     * @param services   the services: names, groups, attributes per need (config/open311/services.yml)
     * @param url        the GeoReport v2 endpoint as clients reach it, for the discovery document
     * @param changeset  when the endpoint last changed (w3 date-time), for the discovery document
     * @param contact    who to contact about the endpoint
     * @param keyService where a developer gets an api_key
     */
    @ConfigurationProperties("hotline.open311")
    public record Open311Properties(
            @DefaultValue("config/open311/services.yml") Path services,

            @DefaultValue("http://localhost:8080/open311/v2")
            String url,

            @DefaultValue("2026-12-01T00:00:00+08:00") String changeset,
            @DefaultValue("12345 hotline operations") String contact,

            @DefaultValue(
                    "An operator makes an Open311 client and its key: POST /api/v1/admin/clients with role OPEN311")
            String keyService) {}

    @Bean
    ServiceCatalogue open311Services(
            Open311Properties open311, GatewayProperties properties, JurisdictionDirectory directory) {
        return ServiceCatalogueFile.load(
                open311.services(),
                properties.classification().semantic().needDescriptions(),
                NeedDictionary.load(properties.classification().dictionary()),
                directory.districts());
    }

    @Bean
    Open311Api open311Api(
            ServiceCatalogue services,
            IntakeService intake,
            JdbcTemplate jdbc,
            Clock clock,
            Open311Properties open311,
            GatewayProperties properties) {
        return new Open311Api(
                services,
                intake,
                new Open311Repository(jdbc),
                Discovery.of(open311.url(), open311.changeset(), open311.contact(), open311.keyService()),
                clock,
                properties.timeZone());
    }

    @Bean
    Open311Replies open311Replies() {
        return new Open311Replies();
    }

    @Bean
    Open311Http open311Http(
            Open311Api api,
            ApiClients apiClients,
            FailedLogins failedLogins,
            Open311Replies replies,
            ProblemReplies problems) {
        return new Open311Http(api, apiClients, failedLogins, replies, problems);
    }

    /** As the API's guard: first, before Spring's form filter or Camel see a body; forms accepted here only. */
    @Bean
    FilterRegistrationBean<Open311RequestGuard> open311RequestGuard(
            Open311Replies replies, GatewayProperties properties) {
        FilterRegistrationBean<Open311RequestGuard> registration = new FilterRegistrationBean<>(
                new Open311RequestGuard(replies, properties.http().maxBodyBytes()));
        registration.addUrlPatterns("/open311/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }
}
