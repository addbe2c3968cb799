package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.util.Objects;

/**
 * A text whose need is known: what the {@link NeedModel} learns from. Three kinds share this record, told apart
 * by {@code source} and the id's form (a convention, not enforced):
 * <ul>
 *   <li>training examples from the city's labelled tickets (source {@code "ticket"}, id the ticket number);</li>
 *   <li>need descriptions written for the purpose, a few per need and language (source {@code "description"},
 *       ids like {@code desc:MEDICAL:zh:2});</li>
 *   <li>corrections by a dispatch desk that re-routed a ticket (source {@code "desk"}, id the ticket number).</li>
 * </ul>
 * Include {@link NeedCode#OTHER} examples (thanks, information requests, off-topic calls) so that such calls
 * score as OTHER rather than as the least unlikely need.
 *
 * <p>The text is only embedded: a {@link NeedModel} keeps its digest, never the text itself, and evidence
 * names examples by id.
 *
 * @param id     unique within a model, at most {@value #MAX_ID_LENGTH} characters
 * @param text   the text as a call or report states it
 * @param need   the need it expresses
 * @param urgent whether it was an urgent case (kept with the example; does not change need scores)
 * @param source where it came from (see above)
 */
public record LabelledText(String id, String text, NeedCode need, boolean urgent, String source) {

    /** Longest id accepted. */
    public static final int MAX_ID_LENGTH = 200;

    public LabelledText {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(need, "need");
        Objects.requireNonNull(source, "source");
        if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("id must be 1.." + MAX_ID_LENGTH + " characters: '" + id + "'");
        }
        if (text.isBlank()) {
            throw new IllegalArgumentException("text of " + id + " is blank");
        }
        if (source.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("source of " + id + " is longer than " + MAX_ID_LENGTH);
        }
    }

    /** A labelled text that was not urgent. */
    public static LabelledText of(String id, String text, NeedCode need, String source) {
        return new LabelledText(id, text, need, false, source);
    }
}
