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
            @DefaultValue("0.005") double minMargin,
            @DefaultValue("1") int neighbours,
            @DefaultValue("0.5") double centroidWeight,
            @DefaultValue("0.65") double dangerThreshold,

            @DefaultValue("config/classification/need-descriptions.yml")
            Path needDescriptions,

            @DefaultValue("config/classification/labelled-calls.jsonl")
            Path labelledCalls,

            @DefaultValue("config/classification/danger-descriptions.yml")
            Path dangerDescriptions,
            /** How long a desk's correction is kept as a labelled example. */
            @DefaultValue("730d") Duration correctionRetention,
            @DefaultValue("24h") Duration refreshPeriod,
            /** How often each instance looks for a newly activated version. */
            @DefaultValue("1m") Duration syncPeriod) {}

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
     * Broker users that act for whichever office an event names (the gateway's own); any other user must be an
     * office (office-<town>), a desk (desk-<district>, desk-city) or the hotline.
     */
    public record Security(@DefaultValue("gateway") java.util.Set<String> systemUsers) {}

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
