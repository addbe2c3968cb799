package hotline.gateway.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import hotline.gateway.dispatch.ResultAddresses.ReplyTo;
import hotline.gateway.dispatch.ResultAddresses.ResultAddress;
import hotline.gateway.jurisdiction.OfficeCode;
import hotline.gateway.security.Actor;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A result goes only where its sender can read it. */
class ResultAddressesTest {

    private static final Actor TIANPING = new Actor("office-310104003", new OfficeCode("310104003"));
    private static final Actor DESK = new Actor("desk-310104", new OfficeCode("310104"));
    private static final Actor SYSTEM = new Actor("gateway", null);

    /** Temporary queues the broker knows, by their maker. */
    private final ResultAddresses addresses = new ResultAddresses(queue -> Optional.ofNullable(
            Map.of("tmp-tianping", "office-310104003", "tmp-other", "office-310101002", "tmp-gateway", "gateway")
                    .get(queue)));

    @Test
    void withoutAReplyAddressTheSendersOwnResultsQueue() {
        assertThat(addresses.of(TIANPING, null)).contains(new ResultAddress("ticket-results.310104003", false));
        assertThat(addresses.of(DESK, null)).contains(new ResultAddress("ticket-results.310104", false));
    }

    @Test
    void aTemporaryQueueTheSenderMadeIsTaken() {
        assertThat(addresses.of(TIANPING, new ReplyTo("tmp-tianping", true)))
                .contains(new ResultAddress("tmp-tianping", true));
        assertThat(addresses.of(SYSTEM, new ReplyTo("tmp-gateway", true)))
                .contains(new ResultAddress("tmp-gateway", true));
    }

    @Test
    void anyOtherReplyAddressIsIgnored() {
        ResultAddress own = new ResultAddress("ticket-results.310104003", false);
        assertThat(addresses.of(TIANPING, new ReplyTo("tmp-other", true))).contains(own);
        assertThat(addresses.of(TIANPING, new ReplyTo("tmp-gone", true))).contains(own);
        assertThat(addresses.of(TIANPING, new ReplyTo("ticket-results.310101002", false)))
                .contains(own);
        assertThat(addresses.of(TIANPING, new ReplyTo("tickets.310104003", false)))
                .contains(own);
        assertThat(addresses.of(TIANPING, new ReplyTo("tmp-tianping", false))).contains(own);
        assertThat(addresses.of(TIANPING, new ReplyTo("ticket-results.310104003", false)))
                .contains(own);
    }

    @Test
    void aBrokerThatCannotTellWhoMadeAQueueSendsTheResultToTheResultsQueue() {
        ResultAddresses failing = new ResultAddresses(queue -> {
            throw new IllegalStateException("management unavailable");
        });
        assertThat(failing.of(TIANPING, new ReplyTo("tmp-tianping", true)))
                .contains(new ResultAddress("ticket-results.310104003", false));
    }

    @Test
    void aSenderWithNoResultsQueueGetsNoneButItsOwnTemporaryQueue() {
        assertThat(addresses.of(SYSTEM, null)).isEmpty();
        assertThat(addresses.of(SYSTEM, new ReplyTo("tmp-tianping", true))).isEmpty();
        assertThat(addresses.of(SYSTEM, new ReplyTo("ticket-results.310104003", false)))
                .isEmpty();
        assertThat(addresses.of(null, new ReplyTo("tmp-tianping", true))).isEmpty();
    }
}
