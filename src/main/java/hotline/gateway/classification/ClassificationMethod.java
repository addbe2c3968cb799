package hotline.gateway.classification;

/** Which stage decided a request's needs. */
public enum ClassificationMethod {
    /** The need dictionary: sure enough on its own, or the semantic stage could not help. */
    DICTIONARY,
    /** The semantic stage, where the dictionary was unsure and its own margin was clear. */
    SEMANTIC,
    /** A dispatch desk or the office corrected the need (RECLASSIFY). */
    DESK,
    /** The sender chose the need (an Open311 service_code); the classifier's reading is kept as evidence. */
    SERVICE_CODE
}
