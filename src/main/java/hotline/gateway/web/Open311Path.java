package hotline.gateway.web;

import hotline.gateway.validation.HttpProblemException;
import hotline.gateway.web.Open311Replies.Format;
import java.util.Locale;

/**
 * An Open311 path under /open311/v2/: its resource ({@code discovery}, {@code services}, {@code requests}, or a
 * collection and an item: {@code services/ELDERLY_CARE}) and the format its extension asks for.
 *
 * @param item the item of a collection (a service code, a request id, a token); null for a collection
 */
public record Open311Path(String resource, String item, Format format) {

    public static final String PREFIX = "/open311/v2/";

    /** The path's format alone, for an answer about a path that is otherwise wrong: JSON unless it ends in .xml. */
    public static Format formatOf(String path) {
        return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? Format.XML : Format.JSON;
    }

    /** 404 for a path that is not an Open311 resource with a .json or .xml extension. */
    public static Open311Path parse(String path) {
        if (path == null || !path.startsWith(PREFIX)) {
            throw notFound();
        }
        String rest = path.substring(PREFIX.length());
        int dot = rest.lastIndexOf('.');
        if (dot <= 0) {
            throw notFound();
        }
        Format format = switch (rest.substring(dot + 1)) {
            case "json" -> Format.JSON;
            case "xml" -> Format.XML;
            default -> throw notFound();
        };
        String name = rest.substring(0, dot);
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new Open311Path(name, null, format);
        }
        String item = name.substring(slash + 1);
        if (item.isEmpty() || item.contains("/")) {
            throw notFound();
        }
        return new Open311Path(name.substring(0, slash), item, format);
    }

    private static HttpProblemException notFound() {
        return new HttpProblemException(
                404,
                "Not found",
                "(path)",
                "is not an Open311 resource: discovery, services, services/{code}, requests, requests/{id} or"
                        + " tokens/{token}, each ending in .json or .xml");
    }
}
