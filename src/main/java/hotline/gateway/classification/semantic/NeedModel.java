package hotline.gateway.classification.semantic;

import hotline.gateway.classification.NeedCode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the labelled texts teach: per {@link EmbeddingSpace} and need, the centroid of the need's examples and
 * the examples' vectors themselves. Immutable and thread-safe; building it embeds every example, scoring a text
 * is arithmetic only.
 *
 * <h2>Building</h2>
 * {@link #build} embeds each {@link LabelledText} in <em>both</em> spaces, so a Chinese call (embedded by the
 * Chinese model) and an English call (by the English model) each meet the examples of every need, whichever
 * language the examples were written in. A need's centroid in a space is the mean of its examples' normalised
 * vectors, normalised. A model needs examples of at least two needs; a need without examples is not scored.
 * Building costs two embeddings per example (tens of milliseconds each, see bench/embedding.sh): build once,
 * store the {@link #toBytes bytes} with the {@link #version}, and let every instance {@link #fromBytes load}
 * them. {@link #with} and {@link #without} change a few examples (desk corrections) without embedding the others
 * again.
 *
 * <p>The Chinese model reads English fairly well, so in the ZH space every example counts, the English ones for
 * their meaning. The English model does not read Chinese: in the EN space all Chinese texts lie close together
 * whatever they say (cosines of 0.7 to 0.86 between a medical request, a noise complaint and a thank-you), so an
 * English call is scored only against the examples written mostly in Latin script (each example's language is
 * {@link EmbeddingSpace#of} its text, kept with it); a need without any such example counts all of its examples
 * there. Give every need a few English descriptions. (On the labelled calls' tuning part, 5-fold cross-validated,
 * this was one to two calls in a hundred better than scoring English calls against every example.)
 *
 * <h2>Scoring</h2>
 * For a text vector {@code v} in its space, per need:
 * <pre>
 *   score = w &middot; cos(v, centroid) + (1 - w) &middot; mean of the k largest cos(v, example) among the need's examples
 * </pre>
 * with {@code k} = {@link #neighbours()} (fewer when the need has fewer examples) and {@code w} =
 * {@link #centroidWeight()}. The centroid says how close the text is to the need as a whole; the nearest
 * examples catch a need that covers several distinct situations (MEDICAL: hospital bills, chronic illness
 * medication, ...) whose centroid lies between them and near none. Defaults: k = {@value #DEFAULT_NEIGHBOURS},
 * w = {@value #DEFAULT_CENTROID_WEIGHT}. With k = 1 and w = 0 this is the nearest-neighbour rule; with w = 1,
 * nearest-centroid. k and w are scoring settings, not part of what is learnt: they are not stored in the bytes
 * and do not change the version.
 *
 * <h2>Version</h2>
 * The first {@value #VERSION_LENGTH} hex digits of a SHA-256 over the format, both spaces' model ids and, for
 * every example in id order, its id, need, urgent flag, source, the SHA-256 of its text and (format 2) its language. Equal for equal
 * content however it was built (one build, or a build followed by {@link #with}/{@link #without}) and in
 * whatever order the examples came; different when any of it differs.
 *
 * <h2>Bytes</h2>
 * A compact binary form ({@link #toBytes}): a header with the format, version, model ids and dimensions, then per
 * example its id, need, flag, source, text digest, language (from format 2 on; bytes of format 1 are still read,
 * their examples counting in both spaces) and its two vectors as 32-bit floats (some 3.6 KB per example
 * with 512 + 384 dimensions), and a SHA-256 of all that at the end. The texts themselves are not stored: they
 * may hold what callers said about themselves. {@link #fromBytes} checks the checksum, recomputes the version and
 * refuses bytes that do not match either.
 */
public final class NeedModel {

    /** Default number of nearest examples per need, k. */
    public static final int DEFAULT_NEIGHBOURS = 3;
    /** Default weight of the centroid similarity, w (the nearest examples get 1 - w). */
    public static final double DEFAULT_CENTROID_WEIGHT = 0.5;
    /** Hex digits of the version. */
    public static final int VERSION_LENGTH = 12;

    private static final int MAGIC = 0x48474E4D; // "HGNM"
    private static final int FORMAT = 2;
    /** The first format, without the examples' languages: still read (every example counts in both spaces). */
    private static final int FORMAT_WITHOUT_LANGUAGES = 1;

    private static final int MAX_DIMENSION = 65_536;
    private static final int CHECKSUM_LENGTH = 32;
    private static final EmbeddingSpace[] SPACES = EmbeddingSpace.values();
    private static final NeedCode[] NEEDS = NeedCode.values();

    /**
     * An example as stored: everything but its text. {@code language} is the space its text is read in
     * ({@link EmbeddingSpace#of}); null for an example of the first format, which counts in both spaces.
     */
    private record Example(
            String id, NeedCode need, boolean urgent, String source, byte[] textDigest, EmbeddingSpace language) {}

    private final List<Example> examples; // in id order
    private final Map<EmbeddingSpace, String> modelIds;
    private final Map<EmbeddingSpace, float[][]> vectors; // [example][dimension], normalised
    private final Map<EmbeddingSpace, float[][]> centroids; // [need ordinal], null for a need without examples
    private final Map<EmbeddingSpace, boolean[]> counted; // [example]: whether it is scored in that space
    private final Map<EmbeddingSpace, int[]> countedPerNeed; // [need ordinal]
    private final int[] exampleCounts; // per need ordinal
    private final List<NeedCode> needs;
    private final int neighbours;
    private final double centroidWeight;
    private final String version;

    private NeedModel(
            List<Example> examples,
            Map<EmbeddingSpace, String> modelIds,
            Map<EmbeddingSpace, float[][]> vectors,
            int neighbours,
            double centroidWeight) {
        checkScoring(neighbours, centroidWeight);
        this.examples = List.copyOf(examples);
        this.modelIds = Collections.unmodifiableMap(new EnumMap<>(modelIds));
        this.vectors = Collections.unmodifiableMap(new EnumMap<>(vectors));
        this.neighbours = neighbours;
        this.centroidWeight = centroidWeight;
        this.exampleCounts = new int[NEEDS.length];
        for (Example e : this.examples) {
            exampleCounts[e.need().ordinal()]++;
        }
        List<NeedCode> present = new ArrayList<>();
        for (NeedCode need : NEEDS) {
            if (exampleCounts[need.ordinal()] > 0) {
                present.add(need);
            }
        }
        if (present.size() < 2) {
            throw new IllegalArgumentException("a need model needs examples of at least two needs, got " + present);
        }
        this.needs = List.copyOf(present);
        Map<EmbeddingSpace, float[][]> centres = new EnumMap<>(EmbeddingSpace.class);
        Map<EmbeddingSpace, boolean[]> countedIn = new EnumMap<>(EmbeddingSpace.class);
        Map<EmbeddingSpace, int[]> countedCounts = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            boolean[] scored = scoredIn(space, this.examples, exampleCounts);
            int[] perNeedCount = new int[NEEDS.length];
            for (int i = 0; i < scored.length; i++) {
                if (scored[i]) {
                    perNeedCount[this.examples.get(i).need().ordinal()]++;
                }
            }
            float[][] all = this.vectors.get(space);
            float[][] perNeed = new float[NEEDS.length][];
            for (NeedCode need : present) {
                float[][] members = new float[perNeedCount[need.ordinal()]][];
                int n = 0;
                for (int i = 0; i < all.length; i++) {
                    if (scored[i] && this.examples.get(i).need() == need) {
                        members[n++] = all[i];
                    }
                }
                perNeed[need.ordinal()] = Vectors.normalisedMean(members);
            }
            centres.put(space, perNeed);
            countedIn.put(space, scored);
            countedCounts.put(space, perNeedCount);
        }
        this.centroids = Collections.unmodifiableMap(centres);
        this.counted = Collections.unmodifiableMap(countedIn);
        this.countedPerNeed = Collections.unmodifiableMap(countedCounts);
        this.version = computeVersion(this.modelIds, this.examples);
    }

    /**
     * Which examples count in {@code space}: in ZH every example (the Chinese model reads English fairly well); in EN
     * only the examples written mostly in Latin script (the English model cannot read Chinese), and those of the
     * first format, whose language is not known. A need without any such example counts all of its examples there.
     */
    private static boolean[] scoredIn(EmbeddingSpace space, List<Example> examples, int[] exampleCounts) {
        boolean[] scored = new boolean[examples.size()];
        int[] perNeed = new int[NEEDS.length];
        for (int i = 0; i < scored.length; i++) {
            EmbeddingSpace language = examples.get(i).language();
            scored[i] = space == EmbeddingSpace.ZH || language == null || language == space;
            if (scored[i]) {
                perNeed[examples.get(i).need().ordinal()]++;
            }
        }
        for (int i = 0; i < scored.length; i++) {
            int need = examples.get(i).need().ordinal();
            if (perNeed[need] == 0 && exampleCounts[need] > 0) {
                scored[i] = true;
            }
        }
        return scored;
    }

    /** A model with the default scoring ({@value #DEFAULT_NEIGHBOURS} neighbours, centroid weight 0.5). */
    public static NeedModel build(Embedders embedders, Collection<LabelledText> examples) {
        return build(embedders, examples, DEFAULT_NEIGHBOURS, DEFAULT_CENTROID_WEIGHT);
    }

    /**
     * Embeds every example in both spaces and builds the model.
     *
     * @param neighbours     k, the number of nearest examples per need whose mean similarity counts (at least 1)
     * @param centroidWeight w, the weight of the centroid similarity, 0..1 (the nearest examples get 1 - w)
     * @throws IllegalArgumentException when two examples share an id, when fewer than two needs have examples,
     *     when an embedder returns a vector that is not finite and non-zero or whose dimension differs from the
     *     first one's, or for a k or w out of range
     */
    public static NeedModel build(
            Embedders embedders, Collection<LabelledText> examples, int neighbours, double centroidWeight) {
        Objects.requireNonNull(embedders, "embedders");
        checkScoring(neighbours, centroidWeight);
        List<LabelledText> sorted = sortedById(examples);
        Map<EmbeddingSpace, String> modelIds = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            modelIds.put(space, embedders.embedder(space).modelId());
        }
        Map<EmbeddingSpace, float[][]> vectors = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            vectors.put(space, embedAll(embedders.embedder(space), sorted, -1));
        }
        return new NeedModel(
                sorted.stream().map(NeedModel::example).toList(), modelIds, vectors, neighbours, centroidWeight);
    }

    /**
     * The vector this model holds for {@code example} in {@code space} (normalised; a copy), when it holds an example
     * of that id with that very text; empty otherwise. Lets what was embedded for the model serve again (the danger
     * examples are the same written calls) without embedding it twice.
     */
    public Optional<float[]> storedVector(LabelledText example, EmbeddingSpace space) {
        int i = indexOf(example.id());
        if (i < 0) {
            return Optional.empty();
        }
        byte[] digest = sha256().digest(example.text().getBytes(StandardCharsets.UTF_8));
        if (!Arrays.equals(examples.get(i).textDigest(), digest)) {
            return Optional.empty();
        }
        return Optional.of(vectors.get(space)[i].clone());
    }

    /**
     * This model with {@code added} embedded and added; an example whose id is already here is replaced (a
     * correction of its need or text). Only the added texts are embedded. The version is the one a
     * {@link #build} over the resulting examples would give.
     *
     * @throws IllegalArgumentException when {@code embedders} are not the models this one was built with, or two
     *     added examples share an id
     */
    public NeedModel with(Embedders embedders, Collection<LabelledText> added) {
        checkSameModels(embedders);
        List<LabelledText> sortedAdded = sortedById(added);
        Set<String> replaced = new HashSet<>();
        for (LabelledText t : sortedAdded) {
            replaced.add(t.id());
        }
        Map<EmbeddingSpace, float[][]> addedVectors = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            addedVectors.put(space, embedAll(embedders.embedder(space), sortedAdded, vectors.get(space)[0].length));
        }
        // merge two id-sorted lists
        List<Example> merged = new ArrayList<>(examples.size() + sortedAdded.size());
        Map<EmbeddingSpace, List<float[]>> mergedVectors = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            mergedVectors.put(space, new ArrayList<>());
        }
        int i = 0;
        int j = 0;
        while (i < examples.size() || j < sortedAdded.size()) {
            boolean takeOld = j == sortedAdded.size()
                    || (i < examples.size()
                            && examples.get(i).id().compareTo(sortedAdded.get(j).id()) < 0);
            if (takeOld) {
                if (!replaced.contains(examples.get(i).id())) {
                    merged.add(examples.get(i));
                    for (EmbeddingSpace space : SPACES) {
                        mergedVectors.get(space).add(vectors.get(space)[i]);
                    }
                }
                i++;
            } else {
                merged.add(example(sortedAdded.get(j)));
                for (EmbeddingSpace space : SPACES) {
                    mergedVectors.get(space).add(addedVectors.get(space)[j]);
                }
                j++;
            }
        }
        return new NeedModel(merged, modelIds, toArrays(mergedVectors), neighbours, centroidWeight);
    }

    /**
     * This model without the examples of the given ids (ids not here are ignored).
     *
     * @throws IllegalArgumentException when fewer than two needs would keep examples
     */
    public NeedModel without(Collection<String> ids) {
        Set<String> removed = Set.copyOf(ids);
        List<Example> kept = new ArrayList<>();
        Map<EmbeddingSpace, List<float[]>> keptVectors = new EnumMap<>(EmbeddingSpace.class);
        for (EmbeddingSpace space : SPACES) {
            keptVectors.put(space, new ArrayList<>());
        }
        for (int i = 0; i < examples.size(); i++) {
            if (!removed.contains(examples.get(i).id())) {
                kept.add(examples.get(i));
                for (EmbeddingSpace space : SPACES) {
                    keptVectors.get(space).add(vectors.get(space)[i]);
                }
            }
        }
        return new NeedModel(kept, modelIds, toArrays(keptVectors), neighbours, centroidWeight);
    }

    /** The same examples scored with other settings (see the class comment); the version stays. */
    public NeedModel withScoring(int neighbours, double centroidWeight) {
        return new NeedModel(examples, modelIds, vectors, neighbours, centroidWeight);
    }

    /**
     * Every need that has examples, scored for {@code text}, best first (ties in {@link NeedCode} order).
     *
     * @throws IllegalArgumentException when the vector is not of this model's model or dimension for its space
     */
    public List<NeedScore> score(TextVector text) {
        return evaluate(text, 0).scores();
    }

    /**
     * The {@code n} examples nearest to {@code text} (most similar first; ties in id order), whatever their need.
     *
     * @throws IllegalArgumentException as {@link #score}
     */
    public List<NearestExample> nearest(TextVector text, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        return evaluate(text, n).nearest();
    }

    /** Scores and nearest examples from one pass over the examples. */
    record Evaluation(List<NeedScore> scores, List<NearestExample> nearest) {}

    Evaluation evaluate(TextVector text, int nearestCount) {
        Objects.requireNonNull(text, "text");
        EmbeddingSpace space = text.space();
        if (!modelIds.get(space).equals(text.modelId())) {
            throw new IllegalArgumentException("vector of model " + text.modelId() + ", but this model's " + space
                    + " examples were embedded by " + modelIds.get(space));
        }
        float[][] all = vectors.get(space);
        float[] v = text.vector();
        if (v.length != all[0].length) {
            throw new IllegalArgumentException(
                    "vector of dimension " + v.length + ", expected " + all[0].length + " in " + space);
        }
        double[] similarity = new double[all.length];
        boolean[] scored = counted.get(space);
        int[] scoredPerNeed = countedPerNeed.get(space);
        // per need, its k largest similarities so far, in descending order
        double[][] top = new double[NEEDS.length][];
        int[] topCount = new int[NEEDS.length];
        for (NeedCode need : needs) {
            top[need.ordinal()] = new double[Math.min(neighbours, scoredPerNeed[need.ordinal()])];
        }
        for (int i = 0; i < all.length; i++) {
            if (!scored[i]) {
                similarity[i] = Double.NEGATIVE_INFINITY; // never among the nearest
                continue;
            }
            double s = Vectors.dot(v, all[i]);
            similarity[i] = s;
            int need = examples.get(i).need().ordinal();
            Vectors.insertDescending(top[need], topCount[need], s);
            topCount[need] = Math.min(topCount[need] + 1, top[need].length);
        }
        float[][] centres = centroids.get(space);
        List<NeedScore> scores = new ArrayList<>(needs.size());
        for (NeedCode need : needs) {
            double centroid = Vectors.dot(v, centres[need.ordinal()]);
            double[] best = top[need.ordinal()];
            double sum = 0;
            for (double s : best) {
                sum += s;
            }
            double neighbour = sum / best.length;
            scores.add(new NeedScore(
                    need, centroidWeight * centroid + (1 - centroidWeight) * neighbour, centroid, neighbour));
        }
        scores.sort(Comparator.comparingDouble(NeedScore::score).reversed().thenComparing(NeedScore::need));
        return new Evaluation(List.copyOf(scores), nearest(similarity, Math.min(nearestCount, countScored(scored))));
    }

    private static int countScored(boolean[] scored) {
        int n = 0;
        for (boolean b : scored) {
            n += b ? 1 : 0;
        }
        return n;
    }

    private List<NearestExample> nearest(double[] similarity, int n) {
        if (n == 0) {
            return List.of();
        }
        // a partial selection: n is small (evidence), the examples are in id order, so the first of equals wins
        int[] chosen = new int[Math.min(n, similarity.length)];
        int count = 0;
        for (int i = 0; i < similarity.length; i++) {
            int at = count;
            while (at > 0 && similarity[chosen[at - 1]] < similarity[i]) {
                at--;
            }
            if (at < chosen.length) {
                int last = Math.min(count, chosen.length - 1);
                System.arraycopy(chosen, at, chosen, at + 1, last - at);
                chosen[at] = i;
                count = Math.min(count + 1, chosen.length);
            }
        }
        List<NearestExample> result = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Example e = examples.get(chosen[k]);
            result.add(new NearestExample(e.id(), e.need(), similarity[chosen[k]]));
        }
        return List.copyOf(result);
    }

    /** See the class comment. */
    public String version() {
        return version;
    }

    /** The id of the model whose vectors this model holds for {@code space}. */
    public String modelId(EmbeddingSpace space) {
        return modelIds.get(space);
    }

    /** The vectors' dimension in {@code space}. */
    public int dimension(EmbeddingSpace space) {
        return vectors.get(space)[0].length;
    }

    /** The needs that have examples (the needs {@link #score} scores), in {@link NeedCode} order. */
    public List<NeedCode> needs() {
        return needs;
    }

    /** The number of examples per need that has any, in {@link NeedCode} order. */
    public Map<NeedCode, Integer> exampleCounts() {
        Map<NeedCode, Integer> counts = new LinkedHashMap<>();
        for (NeedCode need : needs) {
            counts.put(need, exampleCounts[need.ordinal()]);
        }
        return Collections.unmodifiableMap(counts);
    }

    /** The number of examples. */
    public int size() {
        return examples.size();
    }

    /** The examples' ids, in order. */
    public List<String> ids() {
        return examples.stream().map(Example::id).toList();
    }

    /** k: see the class comment. */
    public int neighbours() {
        return neighbours;
    }

    /** w: see the class comment. */
    public double centroidWeight() {
        return centroidWeight;
    }

    @Override
    public String toString() {
        return "NeedModel[" + version + ", " + examples.size() + " examples, " + exampleCounts() + ", k=" + neighbours
                + ", w=" + centroidWeight + "]";
    }

    /** The format its bytes take: the first one only for a model read from bytes of that format. */
    private int format() {
        return examples.stream().allMatch(e -> e.language() != null) ? FORMAT : FORMAT_WITHOUT_LANGUAGES;
    }

    /** The model as bytes, to store; see the class comment. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(format());
            out.writeUTF(version);
            out.writeByte(SPACES.length);
            for (EmbeddingSpace space : SPACES) {
                out.writeUTF(space.name());
                out.writeUTF(modelIds.get(space));
                out.writeInt(dimension(space));
            }
            out.writeInt(examples.size());
            for (int i = 0; i < examples.size(); i++) {
                Example e = examples.get(i);
                out.writeUTF(e.id());
                out.writeUTF(e.need().name());
                out.writeBoolean(e.urgent());
                out.writeUTF(e.source());
                out.write(e.textDigest());
                if (format() == FORMAT) {
                    out.writeUTF(e.language().name());
                }
                for (EmbeddingSpace space : SPACES) {
                    float[] v = vectors.get(space)[i];
                    ByteBuffer buffer = ByteBuffer.allocate(v.length * Float.BYTES);
                    buffer.asFloatBuffer().put(v);
                    out.write(buffer.array());
                }
            }
            out.write(sha256().digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not on a byte array
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes bytes}, with the default scoring. */
    public static NeedModel fromBytes(byte[] bytes) {
        return fromBytes(bytes, DEFAULT_NEIGHBOURS, DEFAULT_CENTROID_WEIGHT);
    }

    /**
     * Reads {@link #toBytes bytes}, with the given scoring (see {@link #build}).
     *
     * @throws IllegalArgumentException when the bytes are not a need model of this format, are damaged or
     *     truncated (the checksum differs), name a need this gateway does not know, or do not match their
     *     version
     */
    public static NeedModel fromBytes(byte[] bytes, int neighbours, double centroidWeight) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length < 8 + CHECKSUM_LENGTH || ByteBuffer.wrap(bytes).getInt() != MAGIC) {
            throw new IllegalArgumentException("not a need model");
        }
        int bodyLength = bytes.length - CHECKSUM_LENGTH;
        MessageDigest checksum = sha256();
        checksum.update(bytes, 0, bodyLength);
        if (!Arrays.equals(checksum.digest(), Arrays.copyOfRange(bytes, bodyLength, bytes.length))) {
            throw new IllegalArgumentException("need model bytes damaged or truncated (checksum differs)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bodyLength))) {
            in.readInt(); // the magic number
            int format = in.readInt();
            if (format != FORMAT && format != FORMAT_WITHOUT_LANGUAGES) {
                throw new IllegalArgumentException("need model format " + format + ", this gateway reads "
                        + FORMAT_WITHOUT_LANGUAGES + " and " + FORMAT);
            }
            String storedVersion = in.readUTF();
            int spaceCount = in.readUnsignedByte();
            if (spaceCount != SPACES.length) {
                throw new IllegalArgumentException(
                        "need model with " + spaceCount + " spaces, expected " + SPACES.length);
            }
            Map<EmbeddingSpace, String> modelIds = new EnumMap<>(EmbeddingSpace.class);
            int[] dimensions = new int[SPACES.length];
            for (EmbeddingSpace space : SPACES) {
                String name = in.readUTF();
                if (!name.equals(space.name())) {
                    throw new IllegalArgumentException("need model space " + name + ", expected " + space);
                }
                modelIds.put(space, in.readUTF());
                int dimension = in.readInt();
                if (dimension < 1 || dimension > MAX_DIMENSION) {
                    throw new IllegalArgumentException("need model dimension out of range: " + dimension);
                }
                dimensions[space.ordinal()] = dimension;
            }
            int count = in.readInt();
            int vectorBytes = Arrays.stream(dimensions).sum() * Float.BYTES;
            if (count < 0 || (long) count * vectorBytes > in.available()) {
                throw new IllegalArgumentException("need model truncated: " + count + " examples announced");
            }
            List<Example> examples = new ArrayList<>(count);
            Map<EmbeddingSpace, float[][]> vectors = new EnumMap<>(EmbeddingSpace.class);
            for (EmbeddingSpace space : SPACES) {
                vectors.put(space, new float[count][]);
            }
            String previous = null;
            for (int i = 0; i < count; i++) {
                String id = in.readUTF();
                String needName = in.readUTF();
                NeedCode need;
                try {
                    need = NeedCode.valueOf(needName);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("need model example " + id + ": unknown need " + needName);
                }
                boolean urgent = in.readBoolean();
                String source = in.readUTF();
                byte[] digest = new byte[32];
                in.readFully(digest);
                EmbeddingSpace language = null;
                if (format == FORMAT) {
                    String languageName = in.readUTF();
                    try {
                        language = EmbeddingSpace.valueOf(languageName);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException(
                                "need model example " + id + ": unknown language " + languageName);
                    }
                }
                if (previous != null && previous.compareTo(id) >= 0) {
                    throw new IllegalArgumentException("need model examples out of order at " + id);
                }
                previous = id;
                examples.add(new Example(id, need, urgent, source, digest, language));
                for (EmbeddingSpace space : SPACES) {
                    byte[] raw = new byte[dimensions[space.ordinal()] * Float.BYTES];
                    in.readFully(raw);
                    float[] v = new float[dimensions[space.ordinal()]];
                    ByteBuffer.wrap(raw).asFloatBuffer().get(v);
                    if (!Vectors.isNormalised(v)) {
                        throw new IllegalArgumentException(
                                "need model example " + id + ": " + space + " vector is not finite and of length 1");
                    }
                    vectors.get(space)[i] = v;
                }
            }
            if (in.available() > 0) {
                throw new IllegalArgumentException("need model has " + in.available() + " bytes after its end");
            }
            NeedModel model = new NeedModel(examples, modelIds, vectors, neighbours, centroidWeight);
            if (!model.version.equals(storedVersion)) {
                throw new IllegalArgumentException("need model content does not match its version " + storedVersion
                        + " (computed " + model.version + "): corrupt or altered");
            }
            return model;
        } catch (IOException e) {
            throw new IllegalArgumentException("need model truncated or malformed: " + e, e);
        }
    }

    private void checkSameModels(Embedders embedders) {
        Objects.requireNonNull(embedders, "embedders");
        for (EmbeddingSpace space : SPACES) {
            String id = embedders.embedder(space).modelId();
            if (!modelIds.get(space).equals(id)) {
                throw new IllegalArgumentException("this model's " + space + " vectors were embedded by "
                        + modelIds.get(space) + ", not by " + id + ": build a new model");
            }
        }
    }

    private static void checkScoring(int neighbours, double centroidWeight) {
        if (neighbours < 1) {
            throw new IllegalArgumentException("neighbours (k) must be at least 1: " + neighbours);
        }
        if (!(centroidWeight >= 0 && centroidWeight <= 1)) {
            throw new IllegalArgumentException("centroidWeight (w) must be within 0..1: " + centroidWeight);
        }
    }

    /** The index of the example with this id (the examples are in id order), or -1. */
    private int indexOf(String id) {
        int low = 0;
        int high = examples.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            int order = examples.get(middle).id().compareTo(id);
            if (order == 0) {
                return middle;
            }
            if (order < 0) {
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return -1;
    }

    private static List<LabelledText> sortedById(Collection<LabelledText> texts) {
        Objects.requireNonNull(texts, "examples");
        List<LabelledText> sorted = new ArrayList<>(texts);
        sorted.sort(Comparator.comparing(LabelledText::id));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).id().equals(sorted.get(i - 1).id())) {
                throw new IllegalArgumentException(
                        "two examples with id " + sorted.get(i).id());
            }
        }
        return sorted;
    }

    /** Embeds every text, normalised, checking that all have one dimension ({@code dimension}, or the first's). */
    private static float[][] embedAll(TextEmbedder embedder, List<LabelledText> texts, int dimension) {
        float[][] result = new float[texts.size()][];
        for (int i = 0; i < texts.size(); i++) {
            LabelledText t = texts.get(i);
            float[] v;
            try {
                v = Vectors.normalised(embedder.embed(t.text()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "example " + t.id() + " (" + embedder.modelId() + "): " + e.getMessage(), e);
            }
            if (dimension < 0) {
                dimension = v.length;
            } else if (v.length != dimension) {
                throw new IllegalArgumentException("example " + t.id() + " (" + embedder.modelId() + "): dimension "
                        + v.length + ", expected " + dimension);
            }
            result[i] = v;
        }
        return result;
    }

    private static Map<EmbeddingSpace, float[][]> toArrays(Map<EmbeddingSpace, List<float[]>> lists) {
        Map<EmbeddingSpace, float[][]> arrays = new EnumMap<>(EmbeddingSpace.class);
        lists.forEach((space, list) -> arrays.put(space, list.toArray(float[][]::new)));
        return arrays;
    }

    private static Example example(LabelledText t) {
        return new Example(
                t.id(),
                t.need(),
                t.urgent(),
                t.source(),
                sha256().digest(t.text().getBytes(StandardCharsets.UTF_8)),
                EmbeddingSpace.of(t.text()));
    }

    private static String computeVersion(Map<EmbeddingSpace, String> modelIds, List<Example> examples) {
        MessageDigest digest = sha256();
        boolean withLanguages = examples.stream().allMatch(e -> e.language() != null);
        update(digest, "hotline-need-model/" + (withLanguages ? FORMAT : FORMAT_WITHOUT_LANGUAGES));
        for (EmbeddingSpace space : SPACES) {
            update(digest, space.name());
            update(digest, modelIds.get(space));
        }
        for (Example e : examples) { // in id order
            update(digest, e.id());
            update(digest, e.need().name());
            update(digest, e.urgent() ? "urgent" : "-");
            update(digest, e.source());
            digest.update(e.textDigest());
            if (withLanguages) {
                update(digest, e.language().name());
            }
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, VERSION_LENGTH);
    }

    /** Length-prefixed, so that no two different sequences of strings hash alike. */
    private static void update(MessageDigest digest, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        digest.update(ByteBuffer.allocate(Integer.BYTES).putInt(utf8.length).array());
        digest.update(utf8);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
