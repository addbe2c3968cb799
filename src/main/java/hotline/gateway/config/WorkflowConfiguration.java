package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.assignment.AssignmentDeadlines;
import hotline.gateway.assignment.AssignmentRepository;
import hotline.gateway.classification.ModelRepository;
import hotline.gateway.criteria.Assessor;
import hotline.gateway.dispatch.Outbox;
import hotline.gateway.json.Json;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.security.BrokerCredentials;
import hotline.gateway.sla.Deadlines;
import hotline.gateway.sla.Extensions;
import hotline.gateway.sla.SlaDeadlines;
import hotline.gateway.sla.SlaMeter;
import hotline.gateway.sla.SlaPolicy;
import hotline.gateway.sla.SlaSweep;
import hotline.gateway.sla.WorkingTime;
import hotline.gateway.tracking.TicketQueries;
import hotline.gateway.web.ClientAuthentication;
import hotline.gateway.workflow.NeedCorrections;
import hotline.gateway.workflow.OfficeEvents;
import hotline.gateway.workflow.Redispatch;
import hotline.gateway.workflow.TicketEventRepository;
import hotline.gateway.workflow.TicketEventService;
import java.time.Clock;
import org.springframework.boot.autoconfigure.jms.artemis.ArtemisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The office workflow and the SLA tracker. */
@Configuration(proxyBeanMethods = false)
public class WorkflowConfiguration {

    @Bean
    AssignmentDeadlines assignmentDeadlines(
            SlaPolicy policy,
            Deadlines deadlines,
            Extensions extensions,
            WorkingTime workingTime,
            SlaMeter meter,
            GatewayProperties properties) {
        // Reports, criteria and ticket numbers count days in hotline.time-zone, deadlines in sla.yml's: one city.
        if (!policy.workingHours().zone().equals(properties.timeZone())) {
            throw new IllegalStateException("config/sla.yml calendar.zone ("
                    + policy.workingHours().zone() + ") differs from hotline.time-zone (" + properties.timeZone()
                    + "): set both to the city's zone");
        }
        return new SlaDeadlines(policy, deadlines, extensions, workingTime, meter);
    }

    @Bean
    NeedCorrections needCorrections(
            TicketEventRepository tickets,
            AssignmentRepository assignments,
            AssignmentDeadlines deadlines,
            Assessor assessor,
            ModelRepository examples,
            Json json,
            GatewayProperties properties) {
        return new NeedCorrections(
                tickets,
                assignments,
                deadlines,
                assessor,
                examples,
                json,
                properties.classification().semantic().correctionRetention());
    }

    @Bean
    TicketEventService ticketEventService(
            TicketEventRepository tickets,
            AssignmentRepository assignments,
            AssignmentDeadlines deadlines,
            JurisdictionDirectory directory,
            Redispatch redispatch,
            Outbox outbox,
            NeedCorrections corrections,
            TransactionTemplate transaction,
            Json json,
            Clock clock) {
        return new TicketEventService(
                tickets, assignments, deadlines, directory, redispatch, outbox, corrections, transaction, json, clock);
    }

    @Bean
    OfficeEvents officeEvents(
            TicketEventService service,
            TicketQueries queries,
            ObjectMapper json,
            GatewayProperties properties,
            Clock clock) {
        return new OfficeEvents(service, queries, json, properties.security().systemUsers(), clock);
    }

    @Bean
    BrokerCredentials brokerCredentials(ArtemisProperties artemis, GatewayProperties properties) {
        return new BrokerCredentials(
                artemis.getBrokerUrl(), properties.security().systemUsers());
    }

    @Bean
    ClientAuthentication clientAuthentication() {
        return new ClientAuthentication();
    }

    @Bean
    SlaSweep slaSweep(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            AssignmentRepository assignments,
            Outbox outbox,
            Json json,
            Clock clock,
            SlaConfiguration.SlaProperties properties) {
        return new SlaSweep(jdbc, transaction, assignments, outbox, json, clock, properties.sweepBatchSize());
    }
}
