package dev.quarry.datasets;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on SQLite, one temporary file per test. */
class SqliteDatabaseIT extends DatabaseContract {

    @TempDir
    Path temp;

    @Override
    String freshLocation() {
        return temp.resolve("sub/dir/quarry.db").toString();
    }
}
