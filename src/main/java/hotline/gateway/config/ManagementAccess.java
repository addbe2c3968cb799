package hotline.gateway.config;

import hotline.gateway.web.AccessFilter;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.ManagementContextType;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The management port (MANAGEMENT_PORT) runs in a child context of its own: the application's access filter guards
 * it too, so the health probes stay open and everything else (metrics, health details, dispatch health) takes an
 * operator's key. Listed in META-INF/spring/...ManagementContextConfiguration.imports and kept out of the component
 * scan (HotlineGatewayApplication), so it is made only in that child context.
 */
@ManagementContextConfiguration(value = ManagementContextType.CHILD, proxyBeanMethods = false)
public class ManagementAccess {

    @Bean
    FilterRegistrationBean<AccessFilter> managementAccessFilter(AccessFilter accessFilter) {
        return SecurityConfiguration.registration(accessFilter);
    }
}
