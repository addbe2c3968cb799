package hotline.gateway.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void findsTheMetricsNotTheFunctionsLabelsOrClauses() {
        assertThat(
                        PromQl.metricNames(
                                "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket{uri=\"/api/v1/calls\"}[5m])))"))
                .containsExactly("http_server_requests_seconds_bucket");
        assertThat(PromQl.metricNames(
                        "count((max by (queue) (hotline_broker_queue_messages{kind=~\"tickets|triage\"}) > 0) and on (queue) "
                                + "(max by (queue) (hotline_broker_queue_consumers) == 0)) or vector(0)"))
                .containsExactly("hotline_broker_queue_consumers", "hotline_broker_queue_messages");
        assertThat(PromQl.metricNames("sum(rate(a_total[5m])) / sum(rate(b_total[5m] offset 1h)) > 0.01"))
                .containsExactly("a_total", "b_total");
        assertThat(PromQl.metricNames("max(hotline_outbox_pending)")).containsExactly("hotline_outbox_pending");
    }
}
