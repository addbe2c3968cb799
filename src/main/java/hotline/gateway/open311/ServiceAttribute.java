package hotline.gateway.open311;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One attribute of a service definition (GeoReport v2 GET services/{code}): what a client may send as
 * {@code attribute[code]=value}.
 *
 * @param datatype string, number, datetime, text, singlevaluelist or multivaluelist
 * @param values   the allowed keys of a list attribute; empty otherwise
 */
@JsonPropertyOrder({"variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"
})
public record ServiceAttribute(
        @JsonProperty("variable") boolean variable,
        @JsonProperty("code") String code,
        @JsonProperty("datatype") String datatype,
        @JsonProperty("required") boolean required,
        @JsonProperty("datatype_description") String datatypeDescription,
        @JsonProperty("order") int order,
        @JsonProperty("description") String description,
        @JsonProperty("values") List<Value> values) {

    public ServiceAttribute {
        values = List.copyOf(values);
    }

    /** One choice of a list attribute. */
    @JsonPropertyOrder({"key", "name"})
    public record Value(
            @JsonProperty("key") String key,
            @JsonProperty("name") String name) {}

    ServiceAttribute at(int position) {
        return new ServiceAttribute(
                variable, code, datatype, required, datatypeDescription, position, description, values);
    }

    boolean allows(String key) {
        return values.stream().anyMatch(value -> value.key().equals(key));
    }
}
