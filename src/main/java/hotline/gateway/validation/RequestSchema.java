package hotline.gateway.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import com.networknt.schema.keyword.AnnotationKeyword;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request body's JSON Schema (draft 2020-12, {@code src/main/resources/schemas/requests/<name>.schema.json}): the
 * one statement of what a body may hold, which the gateway checks every body against. Before the schema, every body
 * is made storable ({@link StorableJson}) and its enum values matched without regard to case; the schema's failures
 * become one message per field ({@link SchemaErrors}). Schemas are loaded once and shared: they are immutable.
 */
public final class RequestSchema {

    /** The base of every request schema's {@code $id}; the files are on the class path under {@link #FOLDER}. */
    public static final String BASE_ID = "https://hotline.gateway/schemas/requests/";

    public static final String FOLDER = "schemas/requests/";

    /** Every request schema, by the name of its file (the common definitions first). */
    public static final List<String> NAMES =
            List.of("common", "call", "report", "office-event", "assessment", "api-client");

    public static final String CALL = "call";
    public static final String REPORT = "report";
    public static final String OFFICE_EVENT = "office-event";
    public static final String ASSESSMENT = "assessment";
    public static final String API_CLIENT = "api-client";

    private static final Map<String, RequestSchema> LOADED = new ConcurrentHashMap<>();

    private final String id;
    private final Schema schema;
    private final SchemaDocuments documents;
    private final SchemaErrors translation;

    private RequestSchema(String id, Schema schema, SchemaDocuments documents) {
        this.id = id;
        this.schema = schema;
        this.documents = documents;
        this.translation = new SchemaErrors(documents);
    }

    /** The schema of that name (call, report, office-event, assessment, api-client). */
    public static RequestSchema named(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no request schema " + name);
        }
        return LOADED.computeIfAbsent(name, Loader::load);
    }

    /** The {@code $id} of the schema. */
    public String id() {
        return id;
    }

    /**
     * Checks a body: a body that is not a JSON object is refused at once; otherwise the answer holds every bad field
     * (the caller adds its own checks and throws).
     */
    public CheckedBody check(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw InvalidInputException.of("(body)", "must be a JSON object");
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        List<FieldError> errors = new ArrayList<>();
        StorableJson.clean(copy, errors);
        documents.normalizeEnums(copy, id);
        Map<String, SchemaErrors.Translated> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            byField.put(error.field(), new SchemaErrors.Translated(error, -1));
        }
        for (Error error : schema.validate(copy)) {
            SchemaErrors.Translated translated = translation.translate(error);
            byField.merge(
                    translated.error().field(),
                    translated,
                    (first, second) -> second.rank() < first.rank() ? second : first);
        }
        return new CheckedBody(
                copy,
                byField.values().stream().map(SchemaErrors.Translated::error).toList());
    }

    /** Checks a body and refuses it with every bad field; answers the checked body. */
    public ObjectNode validate(JsonNode body) {
        CheckedBody checked = check(body);
        checked.throwIfInvalid();
        return checked.body();
    }

    /** The registry of the request schemas, with the gateway's formats asserted and x- keywords as annotations. */
    private static final class Loader {

        private static final SchemaDocuments DOCUMENTS = new SchemaDocuments(FOLDER, NAMES);
        private static final SchemaRegistry REGISTRY = registry();

        static RequestSchema load(String name) {
            String id = BASE_ID + name + ".schema.json";
            return new RequestSchema(id, REGISTRY.getSchema(SchemaLocation.of(id)), DOCUMENTS);
        }

        private static SchemaRegistry registry() {
            Dialect dialect = Dialect.builder(Dialects.getDraft202012())
                    .formats(Arrays.stream(RequestFormat.values())
                            .map(Loader::format)
                            .toList())
                    .keyword(new AnnotationKeyword("x-message"))
                    .build();
            return SchemaRegistry.withDialect(
                    dialect,
                    builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build())
                            .schemaIdResolvers(resolvers -> resolvers.mapPrefix(BASE_ID, "classpath:" + FOLDER)));
        }

        private static Format format(RequestFormat format) {
            return new Format() {
                @Override
                public String getName() {
                    return format.schemaName();
                }

                @Override
                public boolean matches(ExecutionContext context, String value) {
                    return format.problem(value) == null;
                }
            };
        }
    }
}
