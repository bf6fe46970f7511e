package org.configspec.store;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;
import org.configspec.core.error.ConfigSpecException;

/**
 * Where a store lives, parsed from what the user wrote: {@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, a plain path
 * (SQLite) or {@code jdbc:postgresql://host[:port]/database[?user=..&password=..]}.
 *
 * @param type    which database
 * @param target  the SQLite file, or the PostgreSQL JDBC URL
 * @param written the location as written
 */
public record StoreLocation(Type type, String target, String written) {
    /** The environment variable that overrides the default store. */
    public static final String ENV = "CONFIGSPEC_STORE";
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    public enum Type { SQLITE, POSTGRESQL }

    public StoreLocation {
        if (type == null || target == null || target.isBlank()) {
            throw new ConfigSpecException("store location must name a file or a database, got "
                    + (written == null ? "nothing" : "'" + written + "'"));
        }
        written = written == null ? target : written;
    }

    public static StoreLocation parse(String url) {
        if (url == null || url.isBlank()) {
            throw new ConfigSpecException("--store: expected sqlite:PATH, a file path or jdbc:postgresql://host/db, got nothing");
        }
        String u = url.trim();
        if (u.startsWith("jdbc:postgresql:")) {
            return new StoreLocation(Type.POSTGRESQL, u, u);
        }
        for (String prefix : new String[] {"jdbc:sqlite:", "sqlite:"}) {
            if (u.startsWith(prefix)) {
                String path = u.substring(prefix.length());
                if (path.isBlank()) {
                    throw new ConfigSpecException("--store '" + u + "': no file after '" + prefix + "'; expected " + prefix + "PATH");
                }
                return sqlite(path, u);
            }
        }
        if (SCHEME.matcher(u).matches()) {
            throw new ConfigSpecException("--store '" + redact(u) + "': unknown kind of store; allowed: sqlite:PATH, a file path,"
                    + " jdbc:postgresql://host[:port]/database");
        }
        return sqlite(u, u);
    }

    /** $CONFIGSPEC_STORE if set, else ~/.configspec/profiles.db. */
    public static StoreLocation defaultLocation(Map<String, String> env) {
        String v = env.get(ENV);
        if (v != null && !v.isBlank()) {
            return parse(v);
        }
        return sqlite(Path.of(System.getProperty("user.home"), ".configspec", "profiles.db").toString(), null);
    }

    private static StoreLocation sqlite(String path, String written) {
        String p = path.equals("~") || path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return new StoreLocation(Type.SQLITE, p, written == null ? "sqlite:" + p : written);
    }

    /** The location for messages: passwords replaced by ***. */
    public String display() {
        return redact(written);
    }

    public Path file() {
        if (type != Type.SQLITE) {
            throw new IllegalStateException("not a file store: " + display());
        }
        return Path.of(target);
    }

    static String redact(String url) {
        String s = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(s).replaceAll("//$1:***@");
    }
}
