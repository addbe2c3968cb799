package hotline.gateway.outreach;

/** Valid resident ID numbers (GB 11643 check character) for tests and the synthetic feeds. */
public final class ResidentIds {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private ResidentIds() {}

    /** @param birth yyyyMMdd; @param serial 0-999 */
    public static String of(String area, String birth, int serial) {
        String body = area + birth + String.format("%03d", serial);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        return body + CHECK[sum % 11];
    }
}
