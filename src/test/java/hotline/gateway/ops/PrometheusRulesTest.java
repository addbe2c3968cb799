package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The alert rules in ops/prometheus parse (promtool check rules) and do what their unit tests say on synthetic series
 * (promtool test rules): each rule fires where it should and stays quiet where it should not.
 */
class PrometheusRulesTest {

    private static final Path RULES = Path.of("ops/prometheus").toAbsolutePath();

    @Test
    void theAlertRulesParse() throws Exception {
        Promtool.Result checked = Promtool.run(RULES, "check", "rules", "alerts.yml");
        assertThat(checked.exitCode()).as(checked.output()).isZero();
        assertThat(checked.output()).contains("SUCCESS");
    }

    @Test
    void theAlertRulesPassTheirUnitTests() throws Exception {
        Promtool.Result tested = Promtool.run(RULES, "test", "rules", "alerts.test.yml");
        assertThat(tested.exitCode()).as(tested.output()).isZero();
        assertThat(tested.output()).contains("SUCCESS");
    }

    /** The check is not blind: a rule whose expected alert does not come fails promtool's test. */
    @Test
    void aWrongExpectationFails(@TempDir Path temp) throws Exception {
        Files.copy(RULES.resolve("alerts.yml"), temp.resolve("alerts.yml"));
        Files.writeString(temp.resolve("wrong.test.yml"), """
                rule_files: [alerts.yml]
                evaluation_interval: 1m
                tests:
                  - interval: 1m
                    input_series:
                      - series: 'hotline_broker_up{instance="gw1:8081"}'
                        values: '1 1 1 1 1'
                    alert_rule_test:
                      - eval_time: 4m
                        alertname: HotlineBrokerDown
                        exp_alerts:
                          - exp_labels: {severity: critical}
                """);
        Promtool.Result tested = Promtool.run(temp, "test", "rules", "wrong.test.yml");
        assertThat(tested.exitCode()).as(tested.output()).isNotZero();
        assertThat(tested.output()).contains("FAILED");
    }
}
