/**
 * The semantic second classification stage: where the need dictionary is unsure, compare the text with what the
 * city's labelled tickets, need descriptions and desk corrections teach, by sentence embeddings. Plain Java:
 * no Spring, Camel or JDBC here (an ArchUnit test keeps it so); only {@link BgeSmallEmbedders} touches the model
 * library (with {@code OnnxEnvironmentHold}, which keeps ONNX Runtime's environment alive through a shutdown).
 *
 * <h2>Parts</h2>
 * <ul>
 *   <li>{@link TextEmbedder}: text to an L2-normalised vector. {@link Embedders}: one per
 *       {@link EmbeddingSpace} (ZH, EN), chosen by the text's script. {@link BgeSmallEmbedders}: the real ones,
 *       loaded explicitly by {@link BgeSmallEmbedders#load()}, which answers the embedders or why not.</li>
 *   <li>{@link LabelledText}: an example, description or correction with its need. {@link NeedModel}: every
 *       labelled text embedded in both spaces, per need a centroid and the examples; scores a text vector per
 *       need; has a deterministic {@link NeedModel#version()} and a byte form to store.</li>
 *   <li>{@link SemanticClassifier}: a text to a {@link SemanticVerdict}: best need, runner-up, margin, whether it
 *       decided, and the nearest examples by id as evidence.</li>
 *   <li>{@link DangerModel}: danger descriptions embedded; a text's nearest one as a {@link DangerScore}, a
 *       hint at or above a threshold.</li>
 *   <li>{@link EmbeddingBudget}: at most n embeddings at once; a caller that finds none free gets nothing at once
 *       rather than waiting.</li>
 * </ul>
 *
 * <h2>Use</h2>
 * <pre>{@code
 * // at start-up
 * BgeSmallEmbedders.LoadResult result = BgeSmallEmbedders.load();
 * if (result instanceof BgeSmallEmbedders.Failed failed) {
 *     log.warn("semantic classification off: {}", failed.reason());
 * } else {
 *     BgeSmallEmbedders embedders = result.loaded().orElseThrow();
 *     NeedModel model = NeedModel.fromBytes(bytesOfTheCurrentVersion);  // or NeedModel.build(embedders, examples)
 *     SemanticClassifier classifier = new SemanticClassifier(embedders, model, minScore, minMargin);
 *     DangerModel danger = DangerModel.build(embedders, dangerDescriptions, dangerThreshold)
 *             .withExamples(DangerExamples.build(embedders, writtenCalls, 5), exampleMargin);
 *     EmbeddingBudget budget = new EmbeddingBudget(1);
 * }
 *
 * // per call, when the dictionary is unsure (and the text is not blank)
 * Optional<TextVector> vector = budget.tryRun(() -> embedders.embed(text));  // empty: budget spent
 * vector.map(classifier::classify);   // SemanticVerdict: use best when decided()
 * vector.flatMap(danger::hint);       // Optional<DangerScore>: a hint for the operator
 * }</pre>
 * Everything here is immutable and thread-safe once built.
 */
package hotline.gateway.classification.semantic;
