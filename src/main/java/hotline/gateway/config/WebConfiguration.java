package hotline.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import hotline.gateway.web.ApiRequestGuard;
import hotline.gateway.web.ProblemErrorReportValve;
import org.apache.catalina.Container;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The HTTP layer below the routes: the guard that caps and checks API requests before anything reads them, and
 * problem+json in place of Tomcat's HTML error page.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

    /** First in the filter chain after the character encoding: before Spring's form filter or Camel see a body. */
    @Bean
    FilterRegistrationBean<ApiRequestGuard> apiRequestGuard(ObjectMapper json, GatewayProperties properties) {
        FilterRegistrationBean<ApiRequestGuard> registration = new FilterRegistrationBean<>(new ApiRequestGuard(
                json, properties.http().maxBodyBytes(), properties.http().maxBatchBytes()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /**
     * Tomcat answers a malformed path or oversized headers itself, through its host's error report valve; this one
     * answers in problem+json. It replaces Spring Boot's (which only hides the stack trace), so this customizer runs
     * after Spring Boot's own (order 0).
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new WebServerFactoryCustomizer<>() {
            @Override
            public void customize(TomcatServletWebServerFactory factory) {
                factory.addContextCustomizers(context -> {
                    Container host = context.getParent();
                    Pipeline pipeline = host.getPipeline();
                    for (Valve valve : pipeline.getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            pipeline.removeValve(valve);
                        }
                    }
                    pipeline.addValve(new ProblemErrorReportValve());
                    if (host instanceof StandardHost standardHost) {
                        standardHost.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                    }
                });
            }
        };
    }
}
