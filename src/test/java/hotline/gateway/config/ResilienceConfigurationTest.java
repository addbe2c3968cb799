package hotline.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ResilienceConfigurationTest {

    @Test
    void bindsWithDefaultsAndTakesWhatIsSet() {
        assertThat(ResilienceConfiguration.ResilienceProperties.of(new MockEnvironment()))
                .isEqualTo(new ResilienceConfiguration.ResilienceProperties(
                        Duration.ofSeconds(5), Duration.ofMillis(400), Duration.ofSeconds(30)));

        MockEnvironment set = new MockEnvironment();
        Map.of(
                        "hotline.resilience.database-retry-after", "10s",
                        "hotline.resilience.health-timeout", "250ms",
                        "hotline.resilience.queue-database-wait", "1m")
                .forEach(set::setProperty);
        assertThat(ResilienceConfiguration.ResilienceProperties.of(set))
                .isEqualTo(new ResilienceConfiguration.ResilienceProperties(
                        Duration.ofSeconds(10), Duration.ofMillis(250), Duration.ofMinutes(1)));
    }
}
