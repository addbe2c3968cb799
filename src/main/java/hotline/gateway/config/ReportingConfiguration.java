package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.jurisdiction.JurisdictionDirectory;
import hotline.gateway.reporting.DistrictNames;
import hotline.gateway.reporting.OverdueRepository;
import hotline.gateway.reporting.ReportParameters;
import hotline.gateway.reporting.SlaReportRepository;
import hotline.gateway.web.HttpReplies;
import hotline.gateway.web.ReportReplies;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** The SLA reports and the overdue list, named as routes/reports.yaml calls them. */
@Configuration(proxyBeanMethods = false)
public class ReportingConfiguration {

    @Bean
    DistrictNames districtNames(JurisdictionDirectory directory) {
        return DistrictNames.of(directory);
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
