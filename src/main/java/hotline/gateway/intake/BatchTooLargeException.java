package hotline.gateway.intake;

/** A batch with more rows than one request may carry. */
public class BatchTooLargeException extends RuntimeException {

    public BatchTooLargeException(int maxRows) {
        super("a batch may have at most " + maxRows + " rows");
    }
}
