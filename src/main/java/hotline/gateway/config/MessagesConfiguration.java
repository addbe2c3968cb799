package hotline.gateway.config;

import hotline.gateway.dispatch.BrokerTemporaryQueues;
import hotline.gateway.dispatch.ResultAddresses;
import hotline.gateway.json.Json;
import hotline.gateway.ticket.PublicLinks;
import hotline.gateway.web.ProblemReplies;
import hotline.gateway.web.TicketEventMessages;
import hotline.gateway.workflow.OfficeEvents;
import jakarta.jms.ConnectionFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The messages offices exchange with the gateway: the links they carry, and the results of their queued events. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MessagesConfiguration.MessageProperties.class)
public class MessagesConfiguration {

    /**
     * @param publicBaseUrl where offices reach the gateway's REST API (PUBLIC_BASE_URL): messages' links start with it
     */
    @ConfigurationProperties("hotline")
    public record MessageProperties(
            @DefaultValue("http://localhost:8080") URI publicBaseUrl) {}

    @Bean
    PublicLinks publicLinks(MessageProperties properties) {
        return new PublicLinks(properties.publicBaseUrl());
    }

    @Bean
    ResultAddresses resultAddresses(ConnectionFactory connectionFactory) {
        return new ResultAddresses(new BrokerTemporaryQueues(connectionFactory, Duration.ofSeconds(5)));
    }

    @Bean
    TicketEventMessages ticketEventMessages(
            OfficeEvents events, ResultAddresses addresses, ProblemReplies problems, Json json, Clock clock) {
        return new TicketEventMessages(events, addresses, problems, json, clock);
    }
}
