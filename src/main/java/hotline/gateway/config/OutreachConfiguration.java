package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.Program;
import hotline.gateway.intake.IntakeRepository;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.outreach.CallHouseholds;
import hotline.gateway.outreach.FeedIntake;
import hotline.gateway.outreach.FeedLoader;
import hotline.gateway.outreach.FeedRepository;
import hotline.gateway.outreach.HouseholdReads;
import hotline.gateway.outreach.LabelFiles;
import hotline.gateway.outreach.MatchRequests;
import hotline.gateway.outreach.MatchingJob;
import hotline.gateway.outreach.MatchingRepository;
import hotline.gateway.outreach.MatchingSettings;
import hotline.gateway.outreach.OutreachReports;
import hotline.gateway.outreach.PseudonymKey;
import hotline.gateway.outreach.PseudonymKeyCheck;
import hotline.gateway.outreach.Pseudonyms;
import hotline.gateway.outreach.ReadRepository;
import hotline.gateway.outreach.Register;
import hotline.gateway.outreach.RegisterRepository;
import hotline.gateway.outreach.RekeyRepository;
import hotline.gateway.outreach.RekeyRequests;
import hotline.gateway.outreach.Rekeying;
import hotline.gateway.outreach.SnapshotRetention;
import hotline.gateway.outreach.TagIndex;
import hotline.gateway.sla.Deadlines;
import hotline.gateway.sla.SlaPolicy;
import hotline.gateway.sla.SlaSpan;
import hotline.gateway.ticket.TicketNumbers;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import javax.sql.DataSource;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Outreach: feeds, the register, labels, matching and its reads, from the settings under hotline.outreach. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutreachConfiguration.OutreachProperties.class)
public class OutreachConfiguration {

    /**
     * @param labels            the label dictionary's folder (config/labels)
     * @param pseudonymKey      OUTREACH_PSEUDONYM_KEY; empty: a key generated under ./data (embedded default only)
     * @param pseudonymKeyFile  where the generated key is kept
     * @param visitWithin       a visit ticket's RESOLVE target ("10 working days")
     * @param dailyCap          visit tickets an office receives a day at most, highest risk first (-1: no cap)
     * @param visitedWithin     a household visited within this period gets no new ticket
     * @param programs          the programs matching looks for
     * @param snapshotRetention feed snapshots older than this are deleted (each feed's latest is kept)
     * @param feedsDir          the feeds' inbox folders; a re-key may read files under it
     * @param pseudonymKeyPrevious OUTREACH_PSEUDONYM_KEY_PREVIOUS: the key the register was made with, for a re-key
     * @param registerConnections connections that stage a rebuild of the register side by side (about the database
     *     server's cores; each holds one of the pool's connections while the register is rebuilt)
     * @param ticketConnections connections that write a run's visit tickets side by side (as above, while tickets are
     *     opened)
     */
    @ConfigurationProperties("hotline.outreach")
    public record OutreachProperties(
            @DefaultValue("config/labels") Path labels,
            String pseudonymKey,
            @DefaultValue("data/outreach-pseudonym.key") Path pseudonymKeyFile,
            @DefaultValue("10 working days") String visitWithin,
            @DefaultValue("50") int dailyCap,
            @DefaultValue("180d") Duration visitedWithin,

            @DefaultValue({
                "SUBSISTENCE_ALLOWANCE",
                "LOW_INCOME_FAMILY",
                "SPECIAL_HARDSHIP",
                "MEDICAL_ASSISTANCE",
                "EDUCATION_ASSISTANCE",
                "SUBDISTRICT_ASSISTANCE"
            })
            Set<Program> programs,

            @DefaultValue("400d") Duration snapshotRetention,
            @DefaultValue("data/feeds") Path feedsDir,
            String pseudonymKeyPrevious,
            @DefaultValue("2") int registerConnections,
            @DefaultValue("2") int ticketConnections) {}

    @Bean
    Pseudonyms outreachPseudonyms(OutreachProperties properties) {
        return new Pseudonyms(PseudonymKey.load(properties.pseudonymKey(), properties.pseudonymKeyFile()));
    }

    @Bean
    FeedLoader feedLoader(FeedRepository repository, Pseudonyms pseudonyms, Clock clock) {
        return new FeedLoader(repository, pseudonyms, clock);
    }

    @Bean
    PseudonymKeyCheck pseudonymKeyCheck(JdbcTemplate jdbc, Pseudonyms pseudonyms) {
        return new PseudonymKeyCheck(jdbc, pseudonyms);
    }

    @Bean
    FeedIntake feedIntake(FeedLoader loader, PseudonymKeyCheck keyCheck, ObjectMapper json) {
        return new FeedIntake(loader, keyCheck, json);
    }

    @Bean
    Rekeying rekeying(
            RekeyRepository repository,
            PseudonymKeyCheck keyCheck,
            Pseudonyms pseudonyms,
            TransactionTemplate transaction,
            ObjectMapper json,
            Clock clock) {
        return new Rekeying(repository, keyCheck, pseudonyms, transaction, json, clock);
    }

    @Bean
    RekeyRequests rekeyRequests(Rekeying rekeying, OutreachProperties properties) {
        byte[] previous = PseudonymKey.previous(properties.pseudonymKeyPrevious());
        return new RekeyRequests(rekeying, previous == null ? null : new Pseudonyms(previous), properties.feedsDir());
    }

    /** Feed files of the inbox already taken, kept in the database like the centres' inbox files. */
    @Bean
    JdbcMessageIdRepository feedFilesRepository(DataSource dataSource) {
        JdbcMessageIdRepository repository = new JdbcMessageIdRepository(dataSource, "outreach-feed-files");
        repository.setCreateTableIfNotExists(false);
        return repository;
    }

    @Bean
    LabelFiles labelFiles(OutreachProperties properties) {
        LabelFiles files = new LabelFiles(properties.labels());
        files.read(); // a mistake in a label file stops the gateway at start, naming the file and entry
        return files;
    }

    @Bean
    RegisterRepository registerRepository(
            JdbcTemplate jdbc, PlatformTransactionManager transactions, OutreachProperties properties) {
        return new RegisterRepository(jdbc, transactions, properties.registerConnections());
    }

    @Bean
    Register outreachRegister(
            RegisterRepository repository,
            LabelFiles labels,
            Criteria criteria,
            TransactionTemplate transaction,
            Clock clock,
            GatewayProperties gateway) {
        return new Register(repository, labels, criteria, transaction, clock, gateway.timeZone());
    }

    @Bean
    hotline.gateway.outreach.VisitTickets visitTickets(
            TicketNumbers numbers,
            JurisdictionDirectory directory,
            AssignmentDeadlines deadlines,
            Deadlines visitDeadlines,
            SlaPolicy policy,
            Json json,
            OutreachProperties properties,
            GatewayProperties gateway,
            hotline.gateway.ticket.PublicLinks links) {
        SlaSpan visit =
                SlaSpan.parse(properties.visitWithin(), policy.workingHours().perDay());
        return new hotline.gateway.outreach.VisitTickets(
                numbers, directory, deadlines, visitDeadlines, visit, json, gateway.timeZone(), links);
    }

    @Bean
    MatchingJob matchingJob(
            Register register,
            MatchingRepository repository,
            LabelFiles labels,
            Criteria criteria,
            Assessor assessor,
            hotline.gateway.outreach.VisitTickets visitTickets,
            IntakeRepository tickets,
            TransactionTemplate transaction,
            OutreachProperties properties,
            ObjectMapper json,
            Clock clock,
            GatewayProperties gateway,
            MeterRegistry metrics) {
        return new MatchingJob(
                register,
                repository,
                labels,
                criteria,
                assessor,
                visitTickets,
                tickets,
                transaction,
                new MatchingSettings(
                        properties.programs(),
                        properties.dailyCap(),
                        properties.visitedWithin(),
                        properties.ticketConnections()),
                json,
                clock,
                gateway.timeZone(),
                metrics);
    }

    @Bean
    CallHouseholds callHouseholds(JdbcTemplate jdbc, Pseudonyms pseudonyms, Clock clock, MatchingJob job) {
        CallHouseholds merges = new CallHouseholds(jdbc, pseudonyms, clock);
        job.mergeCallHouseholdsWith(merges);
        return merges;
    }

    @Bean
    MatchRequests matchRequests(MatchingJob job, PseudonymKeyCheck keyCheck) {
        return new MatchRequests(job, keyCheck);
    }

    @Bean
    SnapshotRetention snapshotRetention(FeedRepository feeds, OutreachProperties properties, Clock clock) {
        return new SnapshotRetention(feeds, properties.snapshotRetention(), clock);
    }

    @Bean
    TagIndex tagIndex(ReadRepository reads, LabelFiles labels) {
        return new TagIndex(reads, labels);
    }

    @Bean
    HouseholdReads householdReads(ReadRepository reads, Clock clock) {
        return new HouseholdReads(reads, clock);
    }

    @Bean
    OutreachReports outreachReports(ReadRepository reads, LabelFiles labels) {
        return new OutreachReports(reads, labels);
    }
}
