package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.classification.DangerTaxonomy;
import hotline.gateway.classification.NeedClassifier;
import hotline.gateway.classification.NeedDictionary;
import hotline.gateway.classification.TwoStageClassifier;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.dispatch.OutboxRelay;
import hotline.gateway.dispatch.TicketPublisher;
import hotline.gateway.intake.BatchIntake;
import hotline.gateway.intake.InboxFiles;
import hotline.gateway.intake.IntakeDecider;
import hotline.gateway.intake.IntakeRepository;
import hotline.gateway.intake.IntakeService;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.jurisdiction.JurisdictionResolver;
import hotline.gateway.ticket.PublicLinks;
import hotline.gateway.ticket.TicketNumbers;
import hotline.gateway.web.HttpRequests;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Builds the domain objects from config/ once at start: dictionaries and directories are never rebuilt per request. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GatewayProperties.class)
public class GatewayConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DangerTaxonomy dangerTaxonomy(GatewayProperties properties) {
        return DangerTaxonomy.load(properties.classification().dangerTaxonomy());
    }

    @Bean
    NeedClassifier needClassifier(GatewayProperties properties, DangerTaxonomy dangerTaxonomy) {
        GatewayProperties.Classification settings = properties.classification();
        NeedDictionary dictionary = NeedDictionary.load(settings.dictionary()).with(dangerTaxonomy);
        return settings.minConfidence() == null
                ? new NeedClassifier(dictionary)
                : new NeedClassifier(dictionary, settings.minConfidence());
    }

    @Bean
    JurisdictionDirectory jurisdictionDirectory(GatewayProperties properties) {
        GatewayProperties.Jurisdiction files = properties.jurisdiction();
        return JurisdictionDirectory.load(files.districts(), files.towns(), files.communities(), files.gazetteer());
    }

    @Bean
    JurisdictionResolver jurisdictionResolver(JurisdictionDirectory directory) {
        return new JurisdictionResolver(directory);
    }

    @Bean
    TicketNumbers ticketNumbers(JdbcTemplate jdbc, Clock clock, GatewayProperties properties) {
        return new TicketNumbers(
                () -> jdbc.queryForObject("SELECT nextval('ticket_number_block_seq')", Long.class),
                clock,
                properties.timeZone());
    }

    /**
     * Property access by generated lambdas instead of reflective calls: writing an intake answer and its stored
     * documents spent a measurable share of a call's CPU in reflection (docs/performance.md). Spring Boot adds every
     * Module bean to the application's ObjectMapper.
     */
    @Bean
    BlackbirdModule blackbirdModule() {
        return new BlackbirdModule();
    }

    @Bean
    Json json(ObjectMapper mapper) {
        return new Json(mapper);
    }

    @Bean
    IntakeDecider intakeDecider(
            TwoStageClassifier classifier,
            Assessor assessor,
            JurisdictionResolver resolver,
            AssignmentDeadlines deadlines,
            PublicLinks links) {
        return new IntakeDecider(classifier, assessor, resolver, deadlines, links);
    }

    @Bean
    IntakeService intakeService(
            IntakeDecider decider,
            TicketNumbers numbers,
            IntakeRepository repository,
            AssignmentDeadlines deadlines,
            Json json,
            Clock clock,
            MeterRegistry registry) {
        return new IntakeService(decider, numbers, repository, deadlines, json, clock, new IntakeMetrics(registry));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc) {
        return new Outbox(jdbc);
    }

    @Bean
    OutboxRelay outboxRelay(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            TicketPublisher publisher,
            Clock clock,
            GatewayProperties properties) {
        return new OutboxRelay(
                jdbc,
                transaction,
                publisher,
                clock,
                properties.relay().batchSize(),
                properties.relay().maxBackoff());
    }

    @Bean
    HttpRequests httpRequests(ObjectMapper mapper, GatewayProperties properties) {
        return new HttpRequests(
                mapper, properties.http().maxBodyBytes(), properties.http().maxBatchBytes());
    }

    @Bean
    InboxFiles inboxFiles(BatchIntake batchIntake, ObjectMapper json) {
        return new InboxFiles(batchIntake, json);
    }

    /**
     * Inbox files already taken, kept in the database so that a restart or a second instance does not take them
     * again.
     */
    @Bean
    JdbcMessageIdRepository inboxFilesRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "inbox-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Bean
    BatchIntake batchIntake(IntakeService intake, ObjectMapper json, GatewayProperties properties) {
        return new BatchIntake(intake, json, properties.batch().maxRows());
    }
}
