package hotline.gateway.classification;

import hotline.gateway.classification.semantic.DangerScore;
import java.time.Instant;

/**
 * Where the second look's hints go: beside the rules' urgency on the ticket, and to the queue holding the ticket, in
 * one step (the ticket's workflow owns both, so the writing lives there).
 */
@FunctionalInterface
public interface DangerHints {

    /** Gives {@code ticket} the hint, unless a rule has made it urgent meanwhile. */
    void give(DangerLookRepository.Pending ticket, DangerScore hint, Instant at);
}
