package hotline.gateway.reporting;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The managers' dashboard: static files under classpath:static/dashboard/ (no build step) that call the report API.
 * /dashboard redirects to /dashboard/ so that the page's relative links resolve; /dashboard/ serves index.html.
 */
@Configuration(proxyBeanMethods = false)
public class DashboardPages implements WebMvcConfigurer {

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/dashboard", "/dashboard/").setKeepQueryParams(true);
        registry.addViewController("/dashboard/").setViewName("forward:/dashboard/index.html");
    }
}
