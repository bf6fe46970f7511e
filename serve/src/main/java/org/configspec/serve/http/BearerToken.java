package org.configspec.serve.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Map;
import org.configspec.core.error.ConfigSpecException;

/**
 * The verifier's bearer token and the check of an {@code Authorization} header against it. The scheme is matched
 * case-insensitively (RFC 7235: {@code bearer}, {@code Bearer}, {@code BEARER}), followed by one or more spaces; the
 * credentials are compared in constant time.
 */
public final class BearerToken {
    /** The environment variable {@code serve} and {@code run} read the token from. */
    public static final String ENVIRONMENT = "CONFIGSPEC_TOKEN";
    private static final String SCHEME = "bearer";
    private final byte[] secret;

    public BearerToken(String secret) {
        if (secret == null || secret.isBlank()) {
            throw new ConfigSpecException("the bearer token (--token, --token-file or " + ENVIRONMENT + ") is blank"
                    + " (allowed: a non-empty secret)");
        }
        for (int i = 0; i < secret.length(); i++) {
            char c = secret.charAt(i);
            if (c <= ' ' || c > '~') {
                throw new ConfigSpecException("the bearer token (--token, --token-file or " + ENVIRONMENT + ") holds a"
                        + " space, control or non-ASCII character at offset " + i + " (allowed: printable ASCII"
                        + " without spaces)");
            }
        }
        this.secret = secret.getBytes(StandardCharsets.US_ASCII);
    }

    /** True when {@code header} (the whole Authorization value, may be null) carries this token. */
    public boolean accepts(String header) {
        byte[] given = credentials(header);
        // compare even when the scheme is wrong, so that the time taken does not tell which part failed
        boolean same = MessageDigest.isEqual(given == null ? new byte[0] : given, secret);
        return given != null && same;
    }

    private static byte[] credentials(String header) {
        if (header == null || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length()) || header.charAt(SCHEME.length()) != ' ') {
            return null;
        }
        int i = SCHEME.length();
        while (i < header.length() && header.charAt(i) == ' ') {
            i++;
        }
        return header.substring(i).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The token from, in this order, {@code --token}, {@code --token-file} (its first line; the file should be
     * readable by its owner only) or the {@value #ENVIRONMENT} environment variable; null when none is given.
     * Giving both flags is an error.
     */
    public static String resolve(String flag, Path file, Map<String, String> environment) {
        if (flag != null && file != null) {
            throw new ConfigSpecException("--token and --token-file both given: use one");
        }
        if (flag != null) {
            return flag;
        }
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new ConfigSpecException("--token-file " + file + ": not a regular file (allowed: a file whose"
                        + " first line is the token)");
            }
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException | RuntimeException e) {
                throw new ConfigSpecException("--token-file " + file + ": cannot read it (" + e.getClass().getSimpleName()
                        + ")");
            }
            String line = text.lines().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw new ConfigSpecException("--token-file " + file + ": the first line is empty (allowed: the token)");
            }
            return line;
        }
        String env = environment.get(ENVIRONMENT);
        return env == null || env.isBlank() ? null : env.strip();
    }
}
