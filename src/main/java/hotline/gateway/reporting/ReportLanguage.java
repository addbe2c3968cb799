package hotline.gateway.reporting;

/** The language of a CSV report's header row (the {@code lang} parameter); the figures themselves are the same. */
public enum ReportLanguage {
    /** The JSON field names (signedOnTimeRate, ...): the default, for programs that read the file. */
    KEYS,
    /** Chinese labels with units, e.g. 签收及时率(%): what the dashboard's download asks for. */
    ZH,
    /** English labels with units, e.g. on-time sign rate (%). */
    EN
}
