package dev.quarry.cli;

import dev.quarry.datasets.Database;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --db} option every dataset command takes. */
final class DbOption {

    @Option(names = "--db", paramLabel = "PATH|JDBC-URL",
            description = "The database: a SQLite file or jdbc:postgresql://HOST/DB?user=..&password=..; default: "
                    + "$QUARRY_DB, else quarry.db in the Quarry home ($QUARRY_HOME, else ~/.quarry).")
    String db;

    /** Opens the database the option, the environment or the default names. */
    Database open() {
        return Database.open(Database.resolve(db, System.getenv(), home()));
    }

    static Path home() {
        String home = System.getenv("QUARRY_HOME");
        return home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".quarry");
    }
}
