package hotline.gateway.config;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings a city tunes, with the defaults of config/application.yml. */
@ConfigurationProperties("hotline")
public record GatewayProperties(
        @DefaultValue("Asia/Shanghai") ZoneId timeZone,
        @DefaultValue Classification classification,
        @DefaultValue Jurisdiction jurisdiction,
        @DefaultValue Batch batch,
        @DefaultValue Inbox inbox,
        @DefaultValue Relay relay,
        @DefaultValue CriteriaSettings criteria,
        @DefaultValue Security security,
        @DefaultValue Http http) {

    public record Classification(
            @DefaultValue("config/need-dictionary.csv") Path dictionary,

            @DefaultValue("config/classification/danger-taxonomy.yml")
            Path dangerTaxonomy,
            /** Null: the classifier's own default. */
            Double minConfidence,
            @DefaultValue Semantic semantic) {}

    /**
     * The semantic second stage. Its thresholds were chosen on the tuning part's cross-validation
     * (bench/classification.sh); {@code permits} 0 means one concurrent embedding per core.
     */
    public record Semantic(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("0") int permits,
            @DefaultValue("0.55") double minScore,
            @DefaultValue("0.001") double minMargin,
            @DefaultValue("5") int neighbours,
            @DefaultValue("0.5") double centroidWeight,
            @DefaultValue("0.65") double dangerThreshold,
            /** A hint also where a call comes this much nearer to urgent written calls than to the others. */
            @DefaultValue("0.02") double dangerExampleMargin,
            /** A need the dictionary named with a confidence below this is open to the stage's contest (0: never). */
            @DefaultValue("0.76") double contestBelow,
            /** The margin by which the stage's own need must lead to overturn the dictionary's. */
            @DefaultValue("0.02") double contestMargin,

            @DefaultValue("config/classification/need-descriptions.yml")
            Path needDescriptions,

            @DefaultValue("config/classification/labelled-calls.jsonl")
            Path labelledCalls,

            @DefaultValue("config/classification/danger-descriptions.yml")
            Path dangerDescriptions,

            @DefaultValue("config/classification/danger-phrasings.jsonl")
            Path dangerPhrasings,
            /** How long a desk's correction is kept as a labelled example. */
            @DefaultValue("730d") Duration correctionRetention,
            @DefaultValue("24h") Duration refreshPeriod,
            /** How often each instance looks for a newly activated version. */
            @DefaultValue("1m") Duration syncPeriod,
            /** How often the second look at the calls the stage did not read at intake takes a batch. */
            @DefaultValue("5s") Duration secondLookPeriod,
            /** Only tickets made this recently get the second look. */
            @DefaultValue("24h") Duration secondLookWindow,
            /** The most tickets one pass of the second look takes. */
            @DefaultValue("20") int secondLookBatch) {}

    public record Jurisdiction(
            @DefaultValue("config/districts.csv") Path districts,
            @DefaultValue("config/jurisdictions.csv") Path towns,
            @DefaultValue("config/communities.csv") Path communities,
            @DefaultValue("config/gazetteer.csv") Path gazetteer) {}

    public record Batch(@DefaultValue("10000") int maxRows) {}

    /** The folder where centres drop batch files; done/ and failed/ are made inside it. */
    public record Inbox(@DefaultValue("inbox") Path dir) {}

    /** The folder of the assistance criteria files (*.yml), read once at start. */
    public record CriteriaSettings(
            @DefaultValue("config/criteria") Path dir) {}

    /**
     * Who may do what over HTTP.
     *
     * @param systemUsers broker users that act for whichever office an event names (the gateway's own); any other
     *     user must be an office (office-<town>), a desk (desk-<district>, desk-city) or the hotline
     * @param operatorKeySha256 the hex SHA-256 of the first operator's key (HOTLINE_OPERATOR_KEY_SHA256): a client
     *     {@code operatorClientId} with that key is made at start when absent; empty: none
     * @param localClients API clients with published keys, made at start only in the embedded default runtime
     * @param keyCache how long a key the database accepted is taken without asking again (a revoked key works on other
     *     instances at most this long); 0: always ask
     * @param failedLogins after how many failed authentications a user or an address waits, and how long
     */
    public record Security(
            @DefaultValue("gateway") java.util.Set<String> systemUsers,
            String operatorKeySha256,
            @DefaultValue("operator") String operatorClientId,
            @DefaultValue("config/local-clients.yml") Path localClients,
            @DefaultValue("2s") Duration keyCache,
            @DefaultValue LoginLimits failedLogins) {}

    /**
     * Failed authentications (API keys, office passwords, tracking codes) per gateway instance: after
     * {@code maxPerUser} failures of one user or ticket number, or {@code maxPerAddress} from one client address,
     * within {@code window}, 429 until the window has passed; at most {@code maxTracked} users and addresses are
     * remembered.
     */
    public record LoginLimits(
            @DefaultValue("5") int maxPerUser,
            @DefaultValue("20") int maxPerAddress,
            @DefaultValue("5m") Duration window,
            @DefaultValue("100000") int maxTracked) {}

    /** The largest body the gateway reads: a single request, and a batch file. */
    public record Http(
            @DefaultValue("65536") int maxBodyBytes,
            @DefaultValue("33554432") int maxBatchBytes) {}

    /** The outbox relay: how many messages per broker transaction, how often it looks, how long it backs off. */
    public record Relay(
            @DefaultValue("200") int batchSize,
            @DefaultValue("200ms") Duration period,
            @DefaultValue("5s") Duration maxBackoff) {}
}
