package hotline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A real HTTP client of the gateway, as the hotline system, a centre, a manager or an operator would be. Unless told
 * otherwise it sends the credentials of the local client that would make the request (config/local-clients.yml):
 * calls, ticket reads, criteria and assessments as the hotline system, reports as a centre (centreId
 * {@link LocalClients#CENTRE_ID}), reports read and the dashboard as a city-wide manager, the actuator and the admin
 * API as an operator; office lists and events as nobody (offices use {@link #as} with their broker user).
 */
public final class GatewayClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Send the default credentials for the path. */
    private static final String DEFAULT = "(default)";

    private final int port;
    /** The management port: paths under /actuator go there. */
    private final int managementPort;
    /** The Authorization header; null for none, DEFAULT for the path's local client. */
    private final String authorization;

    private final Map<String, String> headers;
    private final String localAddress;

    /** A client of a gateway whose actuator answers on its application port. */
    public GatewayClient(int port) {
        this(port, port);
    }

    /** A client of a gateway with its actuator on a management port of its own. */
    public GatewayClient(int port, int managementPort) {
        this(port, managementPort, DEFAULT, Map.of(), null);
    }

    private GatewayClient(
            int port, int managementPort, String authorization, Map<String, String> headers, String localAddress) {
        this.port = port;
        this.managementPort = managementPort;
        this.authorization = authorization;
        this.headers = Map.copyOf(headers);
        this.localAddress = localAddress;
    }

    /** The same client sending HTTP Basic credentials (an API client's id and key, or a broker user) with every request. */
    public GatewayClient as(String user, String password) {
        return new GatewayClient(port, managementPort, basic(user, password), headers, localAddress);
    }

    /** The same client sending a key alone, in X-Api-Key, and no Authorization. */
    public GatewayClient withKey(String key) {
        return new GatewayClient(port, managementPort, null, with("X-Api-Key", key), localAddress);
    }

    /** The same client without credentials. */
    public GatewayClient anonymous() {
        return new GatewayClient(port, managementPort, null, headers, localAddress);
    }

    /** The same client sending this header with every request too. */
    public GatewayClient header(String name, String value) {
        return new GatewayClient(port, managementPort, authorization, with(name, value), localAddress);
    }

    /**
     * The same client connecting from this local address (any of 127.0.0.0/8 on Linux): the gateway sees another
     * client address, as it would another machine. Plain HTTP/1.1 over a socket, one connection per request.
     */
    public GatewayClient from(String address) {
        return new GatewayClient(port, managementPort, authorization, headers, address);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public Response post(String path, String contentType, byte[] body) {
        Map<String, String> sent = requestHeaders("POST", path);
        if (contentType != null) {
            sent.put("Content-Type", contentType);
        }
        return send("POST", path, sent, body);
    }

    public Response postJson(String path, String json) {
        return post(path, "application/json", json);
    }

    public Response get(String path) {
        return send("GET", path, requestHeaders("GET", path), null);
    }

    public Response delete(String path) {
        return send("DELETE", path, requestHeaders("DELETE", path), null);
    }

    private Map<String, String> requestHeaders(String method, String path) {
        Map<String, String> sent = new LinkedHashMap<>(headers);
        String credentials = DEFAULT.equals(authorization) ? defaultCredentials(method, path) : authorization;
        if (credentials != null) {
            sent.put("Authorization", credentials);
        }
        return sent;
    }

    /** The local client that would send this request (see the class comment). */
    public static String defaultCredentials(String method, String pathAndQuery) {
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        if (path.startsWith("/actuator") || path.startsWith("/api/v1/admin")) {
            return basic(LocalClients.OPERATOR, LocalClients.OPERATOR_KEY);
        }
        if (path.startsWith("/api/v1/reports/sla")
                || path.startsWith("/api/v1/reports/overdue")
                || path.startsWith("/dashboard")
                || path.startsWith("/webjars")) {
            return basic(LocalClients.MANAGER, LocalClients.MANAGER_KEY);
        }
        if (method.equals("POST") && path.startsWith("/api/v1/reports")) {
            return basic(LocalClients.CENTRE, LocalClients.CENTRE_KEY);
        }
        if (path.startsWith("/api/v1/offices") || path.endsWith("/events")) {
            return null;
        }
        return basic(LocalClients.HOTLINE, LocalClients.HOTLINE_KEY);
    }

    private Map<String, String> with(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + portOf(path) + path);
    }

    /** The port that answers a path: the management port for the actuator, the application's for the rest. */
    public int portOf(String path) {
        return path.startsWith("/actuator") ? managementPort : port;
    }

    private Response send(String method, String path, Map<String, String> sent, byte[] body) {
        if (localAddress != null) {
            return sendFrom(method, path, sent, body);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(60))
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        sent.forEach(request::header);
        try {
            HttpResponse<String> response =
                    HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, List<String>> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            answered.putAll(response.headers().map());
            return new Response(response.statusCode(), answered, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response sendFrom(String method, String path, Map<String, String> sent, byte[] body) {
        try (Socket socket =
                new Socket(InetAddress.getByName("127.0.0.1"), portOf(path), InetAddress.getByName(localAddress), 0)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
            head.append("Host: 127.0.0.1:").append(portOf(path)).append("\r\n");
            head.append("Connection: close\r\n");
            sent.forEach((name, value) ->
                    head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ")
                    .append(body == null ? 0 : body.length)
                    .append("\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> answered = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            answered.computeIfAbsent(lines[i].substring(0, colon).trim(), name -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] rest = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        List<String> encoding = answered.getOrDefault("Transfer-Encoding", List.of());
        if (!encoding.isEmpty() && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            rest = unchunk(rest);
        }
        return new Response(status, answered, new String(rest, StandardCharsets.UTF_8));
    }

    private static byte[] unchunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                break;
            }
            body.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("no line end in a chunked body");
    }

    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String contentType() {
            return header("Content-Type");
        }

        /** The first value of an answer's header; "" when absent. */
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? "" : values.get(0);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
