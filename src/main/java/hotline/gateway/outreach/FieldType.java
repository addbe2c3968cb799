package hotline.gateway.outreach;

/** The kinds of value a feed's field holds, each with its own check (docs/outreach-feeds.md). */
enum FieldType {
    /** An 18-character resident ID number with its GB 11643 check digit: stored only as its pseudonym. */
    RESIDENT_ID,
    /** The population register's household number (1-64 characters): stored only as its pseudonym. */
    HOUSEHOLD_NO,
    /** YYYY-MM-DD. */
    DATE,
    /** true/false, 1/0, yes/no, Y/N, 是/否. */
    BOOLEAN,
    /** A whole number from 0 to 100,000. */
    COUNT,
    /** CNY, at most two decimals, from 0 to 100,000,000. */
    AMOUNT,
    /** A community's 12-digit statistical code. */
    COMMUNITY_CODE,
    /** One of the civil affairs programs (code or Chinese name). */
    PROGRAM,
    /** A disability grade, 1 (most severe) to 4. */
    GRADE,
    /** Text up to 200 characters. */
    TEXT
}
