package hotline.gateway.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.stereotype.Component;

/**
 * The OpenAPI document of the REST API, as committed in {@value #RESOURCE}: read once, served as JSON at
 * /api/v1/api-doc. It is the contract integrators generate clients from; OpenApiContractTest keeps it equal to the
 * routes and the request and response schemas.
 */
@Component("apiDocument")
public class ApiDocument {

    public static final String RESOURCE = "openapi/hotline-api.yaml";

    private final JsonNode document;

    public ApiDocument() {
        try (InputStream in = ApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public JsonNode document() {
        return document;
    }
}
