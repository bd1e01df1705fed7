package io.jixiao.commons.migration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.Resource;
import org.jboss.logging.Logger;

/**
 * Brings a database migrated under an earlier numbering onto the service's one sequence of migrations, before Flyway
 * validates it. A migration keeps its name and its content (so its checksum) when it is renumbered, as the shared
 * tables' scripts did when each service took them into its own sequence ({@code V0_1__commons.sql} became
 * {@code V1__commons.sql}, the service's own {@code V1__units.sql} became {@code V6__units.sql}): an applied migration
 * whose name the service now has under another version is recorded under that version. Nothing else is touched; a
 * database on the current numbering, or a new one, is left as it is.
 */
public class RenumberedMigrations implements Callback {

    private static final Logger LOG = Logger.getLogger(RenumberedMigrations.class);

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration conf = context.getConfiguration();
        try {
            Map<String, Resolved> versions = versionsByName(conf);
            LOG.debugf("%s: the service's migrations by name: %s", event, versions);
            renumber(context.getConnection(), conf, versions);
        } catch (SQLException e) {
            throw new FlywayException("could not renumber the schema history: " + e.getMessage(), e);
        }
    }

    @Override
    public String getCallbackName() {
        return "renumbered-migrations";
    }

    /** A migration of the service: its version and its script as Flyway records it. */
    record Resolved(String version, String script) {
    }

    /** Records each applied migration the service has under another version under that version. */
    static List<String> renumber(Connection connection, Configuration conf, Map<String, Resolved> versionsByName)
            throws SQLException {
        String schema = conf.getDefaultSchema() != null ? conf.getDefaultSchema() : connection.getSchema();
        try (ResultSet tables = connection.getMetaData().getTables(null, schema, conf.getTable(), null)) {
            if (!tables.next()) {
                return List.of(); // a new database: nothing applied yet
            }
        }
        String history = "\"" + schema + "\".\"" + conf.getTable() + "\"";
        List<String> renumbered = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select installed_rank, version, script from " + history + " where type = 'SQL' and success");
                ResultSet rows = select.executeQuery();
                PreparedStatement update = connection.prepareStatement(
                        "update " + history + " set version = ?, script = ? where installed_rank = ?")) {
            while (rows.next()) {
                String script = rows.getString("script");
                String name = name(fileName(script), conf);
                Resolved now = name == null ? null : versionsByName.get(name);
                if (now != null && !now.version().equals(rows.getString("version"))) {
                    update.setString(1, now.version());
                    update.setString(2, now.script());
                    update.setInt(3, rows.getInt("installed_rank"));
                    update.addBatch();
                    renumbered.add(script + " -> " + now.script());
                }
            }
            if (!renumbered.isEmpty()) {
                update.executeBatch();
                LOG.infof("schema history renumbered onto the service's one sequence: %s", renumbered);
            }
        }
        return renumbered;
    }

    /**
     * The service's migrations by name: {@code units.sql} → version {@code 6} for {@code V6__units.sql}, with the
     * script as Flyway records it (its path under the class path in a Quarkus application, else under the location).
     */
    static Map<String, Resolved> versionsByName(Configuration conf) {
        Map<String, Resolved> versions = new HashMap<>();
        for (String script : scripts(conf)) {
            String file = fileName(script);
            String name = name(file, conf);
            if (name != null) {
                String version = file.substring(conf.getSqlMigrationPrefix().length(),
                        file.indexOf(conf.getSqlMigrationSeparator())).replace('_', '.');
                if (versions.put(name, new Resolved(version, script)) != null) {
                    throw new FlywayException("two migrations are named " + name + ": their history is ambiguous");
                }
            }
        }
        return versions;
    }

    private static String fileName(String script) {
        return script == null ? null : script.substring(script.lastIndexOf('/') + 1);
    }

    /** The name of a versioned SQL migration file after its version ({@code units.sql}), else null. */
    private static String name(String script, Configuration conf) {
        String prefix = conf.getSqlMigrationPrefix();
        String separator = conf.getSqlMigrationSeparator();
        if (script == null || !script.startsWith(prefix) || !script.contains(separator)
                || !script.substring(prefix.length(), script.indexOf(separator)).matches("[0-9][0-9_.]*")) {
            return null;
        }
        return script.substring(script.indexOf(separator) + separator.length());
    }

    /**
     * The service's migration scripts: as Quarkus recorded them at build time (its resource provider, asked as Flyway
     * asks it, by file name prefix and suffix), else listed from the locations' directories on the class path.
     */
    private static List<String> scripts(Configuration conf) {
        String[] suffixes = conf.getSqlMigrationSuffixes();
        if (conf.getResourceProvider() != null) {
            return conf.getResourceProvider().getResources(conf.getSqlMigrationPrefix(), suffixes).stream()
                    .map(Resource::getRelativePath).toList();
        }
        List<String> files = new ArrayList<>();
        try {
            for (Location location : conf.getLocations()) {
                for (URL url : Collections.list(conf.getClassLoader().getResources(location.getRootPath()))) {
                    if ("file".equals(url.getProtocol())) {
                        try (Stream<Path> listed = Files.list(Path.of(url.toURI()))) {
                            listed.map(p -> p.getFileName().toString())
                                    .filter(f -> Stream.of(suffixes).anyMatch(f::endsWith)).forEach(files::add);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return files;
    }
}
