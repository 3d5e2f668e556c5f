package cn.egov.projects.persistence.h2;

import org.h2.store.fs.FilePathWrapper;

import java.io.IOException;
import java.nio.channels.FileChannel;

/**
 * H2's file system with synchronous writes to the database file: the store file ({@code *.mv.db}) is opened in
 * {@code "rwd"} mode (O_DSYNC), so each write H2 makes returns only once its data is on the device. With
 * {@code WRITE_DELAY=0} H2 writes the changes of every committed transaction before the commit returns (commits
 * that arrive together share one write), so a commit that returned is on disk; and through a
 * {@link NewestChunkChannel}, whose store header always names the newest chunk, it is also found again when the file
 * is opened after a crash. Other files (the trace file, temporary results) are written as usual. Paths of this file
 * system start with {@value #SCHEME}{@code :}.
 */
public final class DurableFilePath extends FilePathWrapper {

    /** The scheme of this file system in H2 URLs: {@code jdbc:h2:durable:/path/to/db}. */
    public static final String SCHEME = "durable";

    /** H2's suffix of the store file, whose writes are made synchronous. */
    static final String STORE_SUFFIX = ".mv.db";

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        if (name.endsWith(STORE_SUFFIX) && "rw".equals(mode)) {
            return new NewestChunkChannel(getBase().open("rwd"));
        }
        return getBase().open(mode);
    }
}
