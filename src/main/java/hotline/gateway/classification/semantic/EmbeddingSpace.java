package hotline.gateway.classification.semantic;

/**
 * The two embedding spaces of the semantic stage: the Chinese model's and the English model's. A text is
 * embedded in one space, chosen by its script ({@link #of}); every labelled example is embedded in both, so a
 * Chinese call and an English call each meet the examples of every need, whatever their language.
 */
public enum EmbeddingSpace {
    /** The Chinese model (bge-small-zh-v1.5): Chinese and mixed text, and text without letters. */
    ZH,
    /** The English model (bge-small-en-v1.5): text written mostly in Latin script. */
    EN;

    /**
     * A text goes to {@link #EN} when the share of Latin-script letters among all its letters is above this;
     * otherwise to {@link #ZH}. Letters are code points for which {@link Character#isLetter(int)} holds (Han
     * characters count as letters; digits, punctuation and spaces do not count at all).
     *
     * <p>0.6 rather than 0.5 because the Chinese model reads English fairly well (its vocabulary has English
     * word pieces) while the English model reads Chinese badly (single characters it barely knows): in doubt,
     * ZH. Note that every Latin letter counts, so a Chinese sentence with one long English word can still tip:
     * 老人要wheelchair has 10 Latin letters among 13 (0.77) and goes to EN, 老人需要轮椅, help has 4 of 10 and stays in
     * ZH.
     */
    public static final double LATIN_SHARE_FOR_EN = 0.6;

    /** The space for {@code text}; null, blank and letterless text go to {@link #ZH}. */
    public static EmbeddingSpace of(String text) {
        return latinShare(text) > LATIN_SHARE_FOR_EN ? EN : ZH;
    }

    /** The share of Latin-script letters among the letters of {@code text}, 0 when it has no letters. */
    public static double latinShare(String text) {
        if (text == null) {
            return 0;
        }
        int letters = 0;
        int latin = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN) {
                    latin++;
                }
            }
        }
        return letters == 0 ? 0 : (double) latin / letters;
    }
}
