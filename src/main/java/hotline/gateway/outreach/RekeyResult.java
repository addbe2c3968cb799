package hotline.gateway.outreach;

import java.util.List;
import java.util.Map;

/**
 * What a re-key did.
 *
 * @param status         REKEYED, or UNCHANGED when the register is already under the new key (a repeated request)
 * @param rows           rows of the file read; {@code rejected} of them could not be read (listed with line and field)
 * @param changed        rows changed per table: facts, persons, households, findings, and accessLog (pairs kept for the
 *                       audit of households that were read)
 * @param droppedFacts   facts deleted because the file did not name their person (only with dropUnmapped=true)
 * @param oldFingerprint the previous key's fingerprint (an HMAC of a fixed text, not the key)
 */
public record RekeyResult(
        String status,
        long rows,
        long rejected,
        List<FeedLoadResult.RowError> errors,
        Map<String, Long> changed,
        long droppedFacts,
        String oldFingerprint,
        String newFingerprint) {

    static RekeyResult unchanged(String fingerprint) {
        return new RekeyResult("UNCHANGED", 0, 0, List.of(), Map.of(), 0, fingerprint, fingerprint);
    }
}
