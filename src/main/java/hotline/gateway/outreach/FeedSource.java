package hotline.gateway.outreach;

import hotline.gateway.intake.BatchFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A feed file that can be read more than once (a content hash first, then the rows): a posted body, or a file of an
 * inbox folder, never held whole in memory.
 */
public interface FeedSource {

    String name();

    BatchFile.Format format();

    /** The declared charset; null: UTF-8 (GBK when the file is not UTF-8, for a file of the inbox). */
    Charset charset();

    InputStream open() throws IOException;

    static FeedSource of(BatchFile file) {
        return new FeedSource() {
            @Override
            public String name() {
                return file.name();
            }

            @Override
            public BatchFile.Format format() {
                return file.format();
            }

            @Override
            public Charset charset() {
                return file.charset();
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(file.content());
            }
        };
    }

    static FeedSource of(Path path, BatchFile.Format format, Charset charset) {
        return new FeedSource() {
            @Override
            public String name() {
                return path.getFileName().toString();
            }

            @Override
            public BatchFile.Format format() {
                return format;
            }

            @Override
            public Charset charset() {
                return charset;
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(path);
            }
        };
    }
}
