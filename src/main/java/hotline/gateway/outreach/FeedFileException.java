package hotline.gateway.outreach;

/** A feed file that cannot be taken as a whole: no header, an unknown column, an unknown format. */
public final class FeedFileException extends RuntimeException {

    public FeedFileException(String message) {
        super(message);
    }
}
