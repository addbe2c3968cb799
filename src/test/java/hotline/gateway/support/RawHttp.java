package hotline.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * HTTP/1.1 over a plain socket, for requests an ordinary client refuses to send: a malformed path ({@code %ZZ}),
 * oversized headers, a body streamed in chunks that never ends before the server answers. The body is written on its
 * own thread while the answer is read, so a server that answers early (413) is heard; one request per connection.
 */
public final class RawHttp {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RawHttp() {}

    /** What to send: the request line's method and target (sent as given), headers, and a body or none. */
    public record Request(String method, String target, Map<String, String> headers, Body body) {}

    /**
     * A body: its bytes come from a stream opened when sending starts; sent with a Content-Length when the length is
     * known, else in chunks.
     */
    public record Body(java.util.function.Supplier<InputStream> content, long length) {

        public static Body of(byte[] bytes) {
            return new Body(() -> new java.io.ByteArrayInputStream(bytes), bytes.length);
        }

        public static Body chunked(java.util.function.Supplier<InputStream> content) {
            return new Body(content, -1);
        }
    }

    public record Response(int status, Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "");
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + text(), e);
            }
        }
    }

    /** Sends the request and reads the whole answer; the bytes of the body the server did not wait for are dropped. */
    public static Response send(int port, Request request) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder head = new StringBuilder()
                    .append(request.method())
                    .append(' ')
                    .append(request.target())
                    .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
                    .append(port)
                    .append("\r\nConnection: close\r\n");
            request.headers()
                    .forEach((name, value) ->
                            head.append(name).append(": ").append(value).append("\r\n"));
            if (request.body() != null) {
                head.append(
                        request.body().length() < 0
                                ? "Transfer-Encoding: chunked\r\n"
                                : "Content-Length: " + request.body().length() + "\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            CompletableFuture<Void> writing = request.body() == null
                    ? CompletableFuture.completedFuture(null)
                    : CompletableFuture.runAsync(() -> write(request.body(), out));
            Response response = read(socket.getInputStream());
            try {
                writing.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // the server stopped reading (it answered early and closed): what was not sent is not needed
            }
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Body body, OutputStream out) {
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body.content().get()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                if (body.length() < 0) {
                    out.write((Integer.toHexString(read) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(buffer, 0, read);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                } else {
                    out.write(buffer, 0, read);
                }
            }
            if (body.length() < 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        byte[] bytes = all.toByteArray();
        int end = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        if (end < 0) {
            throw new IOException("no complete answer: " + new String(bytes, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(bytes, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(
                    lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, body);
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(java.util.Arrays.copyOfRange(chunked, at, chunked.length), new byte[] {'\r', '\n'});
            String size = new String(chunked, at, lineEnd, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            at += lineEnd + 2;
            if (length == 0) {
                break;
            }
            body.write(chunked, at, length);
            at += length + 2;
        }
        return body.toByteArray();
    }

    private static int indexOf(byte[] bytes, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= bytes.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (bytes[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A body of the given size, made as it is read: never held in memory. */
    public static InputStream generated(long size, byte fill) {
        return new InputStream() {
            private long left = size;

            @Override
            public int read() {
                if (left <= 0) {
                    return -1;
                }
                left--;
                return fill;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (left <= 0) {
                    return -1;
                }
                int n = (int) Math.min(length, left);
                java.util.Arrays.fill(buffer, offset, offset + n, fill);
                left -= n;
                return n;
            }
        };
    }
}
