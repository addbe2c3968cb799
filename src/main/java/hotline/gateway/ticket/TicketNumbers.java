package hotline.gateway.ticket;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.LongSupplier;

/**
 * Readable, unique ticket numbers: the day in the city's time zone and a serial, e.g. 20261128-0000123. The serial
 * comes from a database sequence in blocks of {@link #BLOCK_SIZE}, so several gateway instances never collide and a
 * number costs a round trip only once per block.
 */
public final class TicketNumbers {

    public static final int BLOCK_SIZE = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final LongSupplier nextBlock;
    private final Clock clock;
    private final ZoneId zone;
    private long next;
    private long limit;

    public TicketNumbers(LongSupplier nextBlock, Clock clock, ZoneId zone) {
        this.nextBlock = nextBlock;
        this.clock = clock;
        this.zone = zone;
    }

    public String next() {
        long serial = nextSerial();
        String digits = Long.toString(serial);
        String padded = digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
        return LocalDate.now(clock.withZone(zone)).format(DAY) + "-" + padded;
    }

    private synchronized long nextSerial() {
        if (next == limit) {
            long block = nextBlock.getAsLong();
            next = (block - 1) * BLOCK_SIZE + 1;
            limit = next + BLOCK_SIZE;
        }
        return next++;
    }
}
