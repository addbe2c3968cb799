package hotline.gateway.dispatch;

import hotline.gateway.security.Actor;
import hotline.gateway.ticket.message.TicketResult;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the result of an office's event goes: only where the sender can read it. A JMSReplyTo is taken when it is the
 * sender's own results queue or a temporary queue the sender's broker user made; any other reply address is ignored,
 * and the result goes to the sender's ticket-results.&lt;office&gt; queue. A system user has no results queue: its
 * result goes to a temporary queue of its own, or nowhere.
 */
public class ResultAddresses {

    private static final Logger log = LoggerFactory.getLogger(ResultAddresses.class);

    private final TemporaryQueueOwners owners;

    public ResultAddresses(TemporaryQueueOwners owners) {
        this.owners = owners;
    }

    /** The results queue of an office, desk or the hotline: ticket-results.&lt;office code&gt;. */
    public static String resultsQueue(Actor sender) {
        return TicketResult.ADDRESS_PREFIX + sender.office().value();
    }

    /**
     * @param sender  who sent the event; null when the broker named nobody it knows
     * @param replyTo the message's JMSReplyTo, if any
     */
    public Optional<ResultAddress> of(Actor sender, ReplyTo replyTo) {
        if (sender == null) {
            return Optional.empty();
        }
        if (replyTo != null) {
            if (replyTo.temporary()) {
                if (madeBy(replyTo.address(), sender)) {
                    return Optional.of(new ResultAddress(replyTo.address(), true));
                }
            } else if (!sender.system() && replyTo.address().equals(resultsQueue(sender))) {
                return Optional.of(new ResultAddress(replyTo.address(), false));
            }
        }
        return sender.system() ? Optional.empty() : Optional.of(new ResultAddress(resultsQueue(sender), false));
    }

    /**
     * Whether the sender's user made this temporary queue. A broker that cannot tell (the management request failed)
     * counts as no: the result then goes to the sender's results queue rather than the event being tried again.
     */
    private boolean madeBy(String queue, Actor sender) {
        try {
            return owners.owner(queue).filter(sender.user()::equals).isPresent();
        } catch (RuntimeException e) {
            log.warn("Cannot tell who made temporary queue {}: {}", queue, e.toString());
            return false;
        }
    }

    /**
     * A message's reply address.
     *
     * @param address   the broker address (a temporary queue's is its generated name)
     * @param temporary a temporary queue
     */
    public record ReplyTo(String address, boolean temporary) {}

    /** Where to send a result: a queue, or a temporary queue (which is never created by sending). */
    public record ResultAddress(String address, boolean temporary) {}
}
