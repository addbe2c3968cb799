package hotline.gateway.support;

/** The local API clients of config/local-clients.yml (made in the embedded runtime the tests run), with their keys. */
public final class LocalClients {

    public static final String HOTLINE = "hotline-local";
    public static final String HOTLINE_KEY = "local-only-hotline-key";
    /** A community centre, scoped to centreId {@link #CENTRE_ID}. */
    public static final String CENTRE = "centre-xh-03";

    public static final String CENTRE_ID = "CAC-XH-03";
    public static final String CENTRE_KEY = "local-only-centre-xh-03-key";
    public static final String OTHER_CENTRE = "centre-hp-01";
    public static final String OTHER_CENTRE_ID = "CAC-HP-01";
    public static final String OTHER_CENTRE_KEY = "local-only-centre-hp-01-key";
    /** A city-wide manager. */
    public static final String MANAGER = "manager-local";

    public static final String MANAGER_KEY = "local-only-manager-key";
    public static final String OPERATOR = "operator-local";
    public static final String OPERATOR_KEY = "local-only-operator-key";

    private LocalClients() {}
}
