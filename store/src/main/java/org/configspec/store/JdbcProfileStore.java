package org.configspec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.configspec.core.error.ConfigSpecException;

/**
 * The SQL both databases share (schema {@code db/migration/store/V1__profile_store.sql}). One connection, used by
 * one thread at a time; every write is its own transaction unless stated otherwise.
 */
abstract class JdbcProfileStore implements ProfileStore {
    private static final String DOC_COLUMNS = "id, kind, device, draft, quant, target, created_ms, document";
    private static final String RUN_COLUMNS = "id, run_key, params, status, started_ms, finished_ms";

    private final StoreLocation location;
    private final Connection connection;
    private final Clock clock;

    JdbcProfileStore(StoreLocation location, Connection connection, Clock clock) {
        this.location = location;
        this.connection = connection;
        this.clock = clock;
    }

    @Override
    public String location() {
        return location.display();
    }

    @Override
    public synchronized PutResult put(ProfileDocument d) {
        return sql("put " + d.id(), () -> insert(d));
    }

    @Override
    public synchronized List<PutResult> putAll(List<ProfileDocument> documents) {
        return sql("put " + documents.size() + " documents", () -> inTransaction(() -> {
            List<PutResult> out = new ArrayList<>();
            for (ProfileDocument d : documents) {
                out.add(insert(d));
            }
            return out;
        }));
    }

    private PutResult insert(ProfileDocument d) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO profile_document (" + DOC_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            st.setString(1, d.id());
            st.setString(2, d.kind());
            setNullable(st, 3, d.keys().device());
            setNullable(st, 4, d.keys().draft());
            setNullable(st, 5, d.keys().quant());
            setNullable(st, 6, d.keys().target());
            st.setLong(7, d.created().toEpochMilli());
            st.setString(8, d.document());
            if (st.executeUpdate() == 1) {
                return PutResult.INSERTED;
            }
        }
        ProfileDocument existing = find(d.id()).orElseThrow(() -> new SQLException("document vanished during put"));
        if (!existing.sameContent(d)) {
            throw new ConfigSpecException("store " + location() + ": profile " + d.id()
                    + " already exists with a different document; ids must identify one document (delete it first)");
        }
        return PutResult.UNCHANGED;
    }

    @Override
    public synchronized Optional<ProfileDocument> get(String id) {
        return sql("get " + id, () -> find(id));
    }

    private Optional<ProfileDocument> find(String id) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + DOC_COLUMNS + " FROM profile_document WHERE id = ?")) {
            st.setString(1, id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(document(rs)) : Optional.empty();
            }
        }
    }

    @Override
    public synchronized List<ProfileDocument> list(ProfileFilter f) {
        return sql("list", () -> {
            List<String> where = new ArrayList<>();
            List<String> args = new ArrayList<>();
            condition(where, args, "kind", f.kind());
            condition(where, args, "device", f.device());
            condition(where, args, "draft", f.draft());
            condition(where, args, "target", f.target());
            String q = "SELECT " + DOC_COLUMNS + " FROM profile_document"
                    + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where)) + " ORDER BY created_ms, id";
            try (PreparedStatement st = connection.prepareStatement(q)) {
                for (int i = 0; i < args.size(); i++) {
                    st.setString(i + 1, args.get(i));
                }
                List<ProfileDocument> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(document(rs));
                    }
                }
                return out;
            }
        });
    }

    private static void condition(List<String> where, List<String> args, String column, String value) {
        if (value != null) {
            where.add(column + " = ?");
            args.add(value);
        }
    }

    @Override
    public synchronized boolean delete(String id) {
        return sql("delete " + id, () -> {
            try (PreparedStatement st = connection.prepareStatement("DELETE FROM profile_document WHERE id = ?")) {
                st.setString(1, id);
                return st.executeUpdate() == 1;
            }
        });
    }

    @Override
    public synchronized ProfileRun beginRun(String runKey, String params) {
        if (runKey == null || runKey.isBlank() || runKey.length() > 1024) {
            throw new ConfigSpecException("store " + location() + ": run key must be 1..1024 characters, got "
                    + (runKey == null ? "nothing" : runKey.length() + " characters"));
        }
        String canonical = CanonicalJson.text(params == null ? "{}" : params, "run '" + runKey + "': params");
        return sql("begin run '" + runKey + "'", () -> {
            try (PreparedStatement st = connection.prepareStatement("INSERT INTO profile_run (" + RUN_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (run_key) DO NOTHING")) {
                st.setString(1, UUID.randomUUID().toString());
                st.setString(2, runKey);
                st.setString(3, canonical);
                st.setString(4, RunStatus.RUNNING.name());
                st.setLong(5, now().toEpochMilli());
                st.setNull(6, Types.BIGINT);
                st.executeUpdate();
            }
            ProfileRun run = runWhere("run_key", runKey).orElseThrow(() -> new SQLException("run vanished after insert"));
            if (!run.params().equals(canonical)) {
                throw new ConfigSpecException("store " + location() + ": run '" + runKey + "' (" + run.id()
                        + ") was begun with params " + run.params() + ", not " + canonical
                        + "; resume it with the same parameters or use another run key");
            }
            return run;
        });
    }

    @Override
    public synchronized Optional<ProfileRun> findRun(String runKey) {
        return sql("find run '" + runKey + "'", () -> runWhere("run_key", runKey));
    }

    private Optional<ProfileRun> runWhere(String column, String value) throws SQLException {
        try (PreparedStatement st = connection.prepareStatement("SELECT " + RUN_COLUMNS + " FROM profile_run WHERE " + column + " = ?")) {
            st.setString(1, value);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long finished = rs.getLong(6);
                boolean running = rs.wasNull();
                return Optional.of(new ProfileRun(rs.getString(1), rs.getString(2), rs.getString(3),
                        RunStatus.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)),
                        running ? null : Instant.ofEpochMilli(finished)));
            }
        }
    }

    private ProfileRun runningRun(String runId) throws SQLException {
        ProfileRun run = runWhere("id", runId).orElseThrow(() -> new ConfigSpecException("store " + location()
                + ": no run with id '" + runId + "'; begin it with beginRun"));
        if (run.isFinished()) {
            throw new ConfigSpecException("store " + location() + ": run '" + run.key() + "' (" + runId
                    + ") is finished; it takes no more items");
        }
        return run;
    }

    @Override
    public synchronized boolean recordItem(String runId, String itemKey, String result) {
        String canonical = itemResult(runId, itemKey, result);
        return sql("record item '" + itemKey + "' of run " + runId, () -> record(runId, itemKey, canonical));
    }

    @Override
    public synchronized boolean putAndRecord(ProfileDocument d, String runId, String itemKey, String result) {
        String canonical = itemResult(runId, itemKey, result);
        return sql("put " + d.id() + " and record item '" + itemKey + "' of run " + runId, () -> inTransaction(() -> {
            if (!record(runId, itemKey, canonical)) {
                return false;
            }
            insert(d);
            return true;
        }));
    }

    private String itemResult(String runId, String itemKey, String result) {
        if (itemKey == null || itemKey.isBlank() || itemKey.length() > 1024) {
            throw new ConfigSpecException("store " + location() + ": run " + runId + ": item key must be 1..1024 characters, got "
                    + (itemKey == null ? "nothing" : itemKey.length() + " characters"));
        }
        return CanonicalJson.text(result, "run " + runId + " item '" + itemKey + "'");
    }

    private boolean record(String runId, String itemKey, String canonical) throws SQLException {
        runningRun(runId);
        // One statement, so one transaction: the item and its sequence number commit together or not at all.
        try (PreparedStatement st = connection.prepareStatement("INSERT INTO profile_run_item"
                + " (run_id, item_key, seq, recorded_ms, result)"
                + " SELECT ?, ?, COALESCE(MAX(seq), 0) + 1, ?, ? FROM profile_run_item WHERE run_id = ?"
                + " ON CONFLICT (run_id, item_key) DO NOTHING")) {
            st.setString(1, runId);
            st.setString(2, itemKey);
            st.setLong(3, now().toEpochMilli());
            st.setString(4, canonical);
            st.setString(5, runId);
            return st.executeUpdate() == 1;
        }
    }

    @Override
    public synchronized List<RunItem> completedItems(String runId) {
        return sql("read items of run " + runId, () -> {
            try (PreparedStatement st = connection.prepareStatement("SELECT item_key, seq, recorded_ms, result"
                    + " FROM profile_run_item WHERE run_id = ? ORDER BY seq, item_key")) {
                st.setString(1, runId);
                List<RunItem> out = new ArrayList<>();
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RunItem(rs.getString(1), rs.getLong(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public synchronized ProfileRun finishRun(String runId) {
        return sql("finish run " + runId, () -> {
            try (PreparedStatement st = connection.prepareStatement(
                    "UPDATE profile_run SET status = ?, finished_ms = ? WHERE id = ? AND status = ?")) {
                st.setString(1, RunStatus.FINISHED.name());
                st.setLong(2, now().toEpochMilli());
                st.setString(3, runId);
                st.setString(4, RunStatus.RUNNING.name());
                st.executeUpdate();
            }
            return runWhere("id", runId).orElseThrow(() -> new ConfigSpecException("store " + location()
                    + ": no run with id '" + runId + "'"));
        });
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new ConfigSpecException("store " + location() + ": close failed: " + e.getMessage(), e);
        }
    }

    private Instant now() {
        return clock.instant();
    }

    private static ProfileDocument document(ResultSet rs) throws SQLException {
        return new ProfileDocument(rs.getString(1), rs.getString(2),
                new ProfileKeys(rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6)),
                Instant.ofEpochMilli(rs.getLong(7)), rs.getString(8));
    }

    private static void setNullable(PreparedStatement st, int i, String v) throws SQLException {
        if (v == null) {
            st.setNull(i, Types.VARCHAR);
        } else {
            st.setString(i, v);
        }
    }

    private <T> T inTransaction(SqlWork<T> work) throws SQLException {
        connection.setAutoCommit(false);
        try {
            T t = work.run();
            connection.commit();
            return t;
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private <T> T sql(String what, SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ConfigSpecException("store " + location() + ": " + what + " failed: " + oneLine(e.getMessage()), e);
        }
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T run() throws SQLException;
    }
}
