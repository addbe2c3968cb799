package hotline.gateway.config;

import hotline.gateway.criteria.Assessor;
import hotline.gateway.criteria.Criteria;
import hotline.gateway.criteria.CriteriaCatalogue;
import hotline.gateway.criteria.CriteriaFiles;
import hotline.gateway.criteria.CriteriaVersionRepository;
import hotline.gateway.intake.AssessmentPreview;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Reads the assistance criteria once at start (a broken file stops the start) and stores their version, so that
 * every assessment can name the criteria that decided it.
 */
@Configuration(proxyBeanMethods = false)
public class CriteriaConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CriteriaConfiguration.class);

    @Bean
    Criteria criteria(GatewayProperties properties, CriteriaVersionRepository versions) {
        Criteria criteria = CriteriaFiles.load(properties.criteria().dir());
        boolean recorded = versions.recordIfAbsent(criteria);
        log.info(
                "Assistance criteria {} ({} programs from {}){}",
                criteria.version(),
                criteria.programs().size(),
                properties.criteria().dir(),
                recorded ? ", a new version" : "");
        return criteria;
    }

    @Bean
    Assessor assessor(Criteria criteria, GatewayProperties properties) {
        return new Assessor(criteria, properties.timeZone());
    }

    @Bean
    CriteriaCatalogue criteriaCatalogue(Criteria criteria, Clock clock, GatewayProperties properties) {
        return new CriteriaCatalogue(criteria, clock, properties.timeZone());
    }

    @Bean
    AssessmentPreview assessmentPreview(Assessor assessor, CriteriaCatalogue catalogue) {
        return new AssessmentPreview(assessor, catalogue);
    }
}
