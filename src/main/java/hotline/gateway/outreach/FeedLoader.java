package hotline.gateway.outreach;

import hotline.gateway.validation.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads one department's feed file as its snapshot of a date: every row checked (a bad row is reported with its
 * line and fields and never stops the good ones), identity numbers turned into pseudonyms, and the good rows
 * replacing the feed's facts of that date in one transaction. The same file for the same date again changes nothing.
 */
public class FeedLoader {

    private static final Logger log = LoggerFactory.getLogger(FeedLoader.class);

    private final FeedRepository repository;
    private final Pseudonyms pseudonyms;
    private final Clock clock;

    public FeedLoader(FeedRepository repository, Pseudonyms pseudonyms, Clock clock) {
        this.repository = repository;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
    }

    /** @param loadedBy who sent it: a department client, or the inbox folder */
    public FeedLoadResult load(Feed feed, LocalDate date, FeedSource source, String loadedBy) {
        String hash = contentHash(source);
        if (repository.alreadyLoaded(feed, date, hash)) {
            return new FeedLoadResult(feed.id(), date, source.name(), "UNCHANGED", 0, 0, 0, List.of(), null);
        }
        Charset charset = charset(source);
        List<FeedLoadResult.RowError> listed = new ArrayList<>();
        int[] rows = {0};
        FeedRowConverter converter = new FeedRowConverter(feed, date, pseudonyms.copy());
        FeedRepository.Written written;
        try (Reader reader = reader(source, charset)) {
            FeedRows feedRows = new FeedRows(source.format(), reader);
            converter.checkHeader(feedRows.header());
            written = repository.replace(
                    new FeedRepository.Snapshot(feed, date, source.name(), hash, loadedBy, clock.instant()), sink -> {
                        int loaded = 0;
                        int rejected = 0;
                        List<FieldError> errors = new ArrayList<>();
                        while (feedRows.hasNext()) {
                            FeedRow row = feedRows.next();
                            rows[0]++;
                            errors.clear();
                            String line = row.unreadable() != null ? null : converter.convert(row, errors);
                            if (line == null) {
                                rejected++;
                                if (listed.size() < FeedLoadResult.MAX_LISTED_ERRORS) {
                                    listed.add(new FeedLoadResult.RowError(
                                            row.line(),
                                            row.unreadable() != null
                                                    ? List.of(new FieldError("(row)", row.unreadable()))
                                                    : List.copyOf(errors)));
                                }
                            } else {
                                sink.write(line);
                                loaded++;
                            }
                        }
                        return new FeedRepository.Written(loaded, rejected);
                    });
        } catch (FeedFileException e) {
            return FeedLoadResult.rejected(feed.id(), date, source.name(), e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        log.info(
                "Feed {} of {} ({}): {} rows, {} loaded, {} rejected",
                feed.id(),
                date,
                source.name(),
                rows[0],
                written.loaded(),
                written.rejected());
        return new FeedLoadResult(
                feed.id(), date, source.name(), "LOADED", rows[0], written.loaded(), written.rejected(), listed, null);
    }

    private static Reader reader(FeedSource source, Charset charset) throws IOException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new InputStreamReader(source.open(), decoder);
    }

    /**
     * The declared charset; else UTF-8 when the bytes are UTF-8, else GBK (what Chinese spreadsheets save). The re-key
     * reads the files with the same charset, so that a number decodes as it did when it was loaded.
     */
    static Charset charset(FeedSource source) {
        if (source.charset() != null) {
            return source.charset();
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(source.open(), utf8)) {
            char[] buffer = new char[1 << 16];
            while (reader.read(buffer) >= 0) {
                // reading is the check
            }
            return StandardCharsets.UTF_8;
        } catch (java.nio.charset.CharacterCodingException e) {
            return Charset.forName("GBK");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String contentHash(FeedSource source) {
        try (InputStream in = new DigestInputStream(source.open(), MessageDigest.getInstance("SHA-256"))) {
            byte[] buffer = new byte[1 << 16];
            while (in.read(buffer) >= 0) {
                // reading is the digest
            }
            return HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
