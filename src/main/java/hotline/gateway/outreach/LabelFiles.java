package hotline.gateway.outreach;

import hotline.gateway.outreach.rules.LabelDictionary;
import java.nio.file.Path;

/** The label folder, read again for each register build and matching run: a new file needs no rebuild. */
public final class LabelFiles {

    private final Path dir;

    public LabelFiles(Path dir) {
        this.dir = dir;
    }

    public LabelDictionary read() {
        return LabelDictionary.load(dir, CriteriaValues.names());
    }
}
