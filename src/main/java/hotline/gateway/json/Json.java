package hotline.gateway.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The gateway's one way to write JSON (stored documents, messages) and to fingerprint a parsed request or event,
 * over the application's configured ObjectMapper, so that every document is written with the same settings.
 */
public final class Json {

    private final ObjectMapper mapper;

    public Json(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The value as a JSON document; null stays null (an absent column, not the text "null"). */
    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public JsonNode tree(Object value) {
        return mapper.valueToTree(value);
    }

    public JsonNode read(String document) {
        try {
            return mapper.readTree(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is not readable", e);
        }
    }

    /**
     * SHA-256 of the value as written: two values that parse alike (key order, spacing and defaults of the sender's
     * JSON aside) have the same fingerprint, which is how a retry is told from a different body under the same id.
     */
    public byte[] fingerprint(Object value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(value));
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot fingerprint " + value.getClass().getSimpleName(), e);
        }
    }
}
