package hotline.gateway.web;

/** A request refused at the HTTP level (media type, size), before its content is read. */
public class HttpProblemException extends RuntimeException {

    private final int status;
    private final String title;

    public HttpProblemException(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
