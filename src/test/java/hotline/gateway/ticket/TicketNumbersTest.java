package hotline.gateway.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void numbersAreTheCitysDayAndASerialTakenInBlocksOfFifty() {
        AtomicLong blocks = new AtomicLong();
        // 23:30 UTC on 28 November is already 29 November in Shanghai.
        Clock clock = Clock.fixed(Instant.parse("2026-11-28T23:30:00Z"), ZoneOffset.UTC);
        TicketNumbers numbers = new TicketNumbers(blocks::incrementAndGet, clock, ZoneId.of("Asia/Shanghai"));

        assertThat(numbers.next()).isEqualTo("20261129-0000001");
        for (int i = 2; i < 50; i++) {
            numbers.next();
        }
        assertThat(numbers.next()).isEqualTo("20261129-0000050");
        assertThat(blocks.get()).isEqualTo(1);
        assertThat(numbers.next()).isEqualTo("20261129-0000051");
        assertThat(blocks.get()).isEqualTo(2);
    }

    @Test
    void aSerialBeyondSevenDigitsIsWrittenWhole() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-29T01:00:00Z"), ZoneOffset.UTC);
        TicketNumbers numbers = new TicketNumbers(() -> 200_001, clock, ZoneId.of("Asia/Shanghai"));
        assertThat(numbers.next()).isEqualTo("20261129-10000001");
    }
}
