package hotline.gateway.validation;

/** A request refused at the HTTP level (media type, size), before its content is read. */
public class HttpProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String field;

    /** @param field what is wrong: a header (Content-Type) or the body */
    public HttpProblemException(int status, String title, String field, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
