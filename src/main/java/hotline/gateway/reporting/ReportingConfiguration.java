package hotline.gateway.reporting;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.config.GatewayProperties;
import hotline.gateway.web.HttpReplies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SLA reports and the overdue list, named as routes/reports.yaml calls them. */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {

    @Bean
    DistrictNames districtNames(GatewayProperties properties) {
        return DistrictNames.load(properties.jurisdiction().districts());
    }

    @Bean
    ReportParameters reportParameters(Clock clock, GatewayProperties properties, DistrictNames districtNames) {
        return new ReportParameters(clock, properties.timeZone(), districtNames);
    }

    @Bean
    SlaReportRepository slaReports(JdbcTemplate jdbc, ObjectMapper json, Clock clock, DistrictNames districtNames) {
        return new SlaReportRepository(jdbc, json, clock, districtNames);
    }

    @Bean
    OverdueRepository overdueTickets(JdbcTemplate jdbc, Clock clock) {
        return new OverdueRepository(jdbc, clock);
    }

    @Bean
    ReportReplies reportReplies(HttpReplies httpReplies) {
        return new ReportReplies(httpReplies);
    }
}
