package hotline.gateway.classification.semantic;

/** Vector arithmetic of the package. */
final class Vectors {

    private Vectors() {}

    /** The dot product: the cosine of two L2-normalised vectors. */
    static double dot(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("dimensions differ: " + a.length + " and " + b.length);
        }
        // four independent sums, so that the multiplications overlap
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (int end = a.length - 3; i < end; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * A normalised copy of {@code v}.
     *
     * @throws IllegalArgumentException when {@code v} is empty, zero or not finite
     */
    static float[] normalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        double norm = Math.sqrt(sum);
        if (v.length == 0 || !(norm > 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("vector cannot be normalised (empty, zero or not finite)");
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / norm);
        }
        return out;
    }

    /** The normalised mean of {@code vectors} (all of one dimension, at least one). */
    static float[] normalisedMean(float[][] vectors) {
        double[] sum = new double[vectors[0].length];
        for (float[] v : vectors) {
            for (int i = 0; i < sum.length; i++) {
                sum[i] += v[i];
            }
        }
        float[] mean = new float[sum.length];
        for (int i = 0; i < sum.length; i++) {
            mean[i] = (float) (sum[i] / vectors.length);
        }
        return normalised(mean);
    }

    /** True when every component is finite and the length is 1 within float rounding. */
    static boolean isNormalised(float[] v) {
        double sum = 0;
        for (float x : v) {
            if (!Float.isFinite(x)) {
                return false;
            }
            sum += (double) x * x;
        }
        return v.length > 0 && Math.abs(sum - 1) < 1e-4;
    }

    /** Inserts {@code s} into the first {@code count} (descending) entries of {@code top}, dropping the last. */
    static void insertDescending(double[] top, int count, double s) {
        int at = count;
        while (at > 0 && top[at - 1] < s) {
            at--;
        }
        if (at >= top.length) {
            return;
        }
        int last = Math.min(count, top.length - 1);
        System.arraycopy(top, at, top, at + 1, last - at);
        top[at] = s;
    }
}
