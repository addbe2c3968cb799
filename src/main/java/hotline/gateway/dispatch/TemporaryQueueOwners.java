package hotline.gateway.dispatch;

import java.util.Optional;

/** Who made a temporary queue: the broker user that created it, while it exists. */
public interface TemporaryQueueOwners {

    /** The creating user of this temporary queue; empty when there is no such temporary queue (any more). */
    Optional<String> owner(String queueName);
}
