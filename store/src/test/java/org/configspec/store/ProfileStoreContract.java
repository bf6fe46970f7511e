package org.configspec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.configspec.core.error.ConfigSpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every {@link ProfileStore} must do; run against SQLite and a real (embedded) PostgreSQL. */
abstract class ProfileStoreContract {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path tmp;

    /** The URL of a new, empty store (no schema yet). */
    abstract String freshStoreUrl() throws Exception;

    static ProfileDocument doc(String kind, String device, String draft, String quant, String target, int value, int second) {
        ObjectNode n = CanonicalJson.MAPPER.createObjectNode();
        n.put("value", value);
        n.put("note", "ü and \"quotes\"\nnewline");
        n.putObject("nested").put("z", 1).put("a", 2.5);
        return ProfileDocument.of(kind, new ProfileKeys(device, draft, quant, target), n, T0.plusSeconds(second));
    }

    static List<ProfileDocument> sample() {
        return List.of(
                doc("draft", "laptop", "stories15M", "Q8_0", null, 1, 1),
                doc("draft", "laptop", "stories15M", "Q4_0", null, 2, 2),
                doc("draft", "RPi 5", "stories15M", "Q8_0", null, 3, 3),
                doc("acceptance", null, "stories15M", "Q8_0", "stories15M-F32", 4, 4),
                doc("power", "RPi 5", null, null, null, 5, 5));
    }

    @Test
    void putThenGetReturnsTheSameDocumentAndPutIsIdempotentOnId() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ProfileDocument d = sample().get(0);
            assertThat(s.put(d)).isEqualTo(PutResult.INSERTED);
            assertThat(s.get(d.id())).contains(d);
            assertThat(s.put(d)).isEqualTo(PutResult.UNCHANGED);
            ProfileDocument sameContentLater = new ProfileDocument(d.id(), d.kind(), d.keys(), T0.plusSeconds(99), d.document());
            assertThat(s.put(sameContentLater)).isEqualTo(PutResult.UNCHANGED);
            assertThat(s.list(ProfileFilter.ALL)).containsExactly(d);
            assertThat(s.get("draft-0000")).isEmpty();
        }
    }

    @Test
    void aDifferentDocumentUnderAnExistingIdIsRefused() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ProfileDocument d = new ProfileDocument("run-1", "run", ProfileKeys.NONE, T0, "{\"a\":1}");
            s.put(d);
            ProfileDocument other = new ProfileDocument("run-1", "run", ProfileKeys.NONE, T0, "{\"a\":2}");
            assertThatThrownBy(() -> s.put(other)).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("run-1").hasMessageContaining("different document");
            assertThat(s.get("run-1")).contains(d);
        }
    }

    @Test
    void listFiltersByKindDeviceDraftAndTargetOldestFirst() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            List<ProfileDocument> all = sample();
            List<ProfileDocument> reversed = new ArrayList<>(all);
            java.util.Collections.reverse(reversed);
            assertThat(s.putAll(reversed)).containsOnly(PutResult.INSERTED);
            assertThat(s.list(ProfileFilter.ALL)).containsExactlyElementsOf(all);
            assertThat(s.list(ProfileFilter.kind("draft"))).containsExactly(all.get(0), all.get(1), all.get(2));
            assertThat(s.list(new ProfileFilter(null, "RPi 5", null, null))).containsExactly(all.get(2), all.get(4));
            assertThat(s.list(new ProfileFilter("draft", "laptop", "stories15M", null))).containsExactly(all.get(0), all.get(1));
            assertThat(s.list(new ProfileFilter(null, null, null, "stories15M-F32"))).containsExactly(all.get(3));
            assertThat(s.list(ProfileFilter.kind("nothing"))).isEmpty();
        }
    }

    @Test
    void deleteRemovesOneDocument() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            s.putAll(sample());
            String id = sample().get(1).id();
            assertThat(s.delete(id)).isTrue();
            assertThat(s.delete(id)).isFalse();
            assertThat(s.get(id)).isEmpty();
            assertThat(s.list(ProfileFilter.ALL)).hasSize(4);
        }
    }

    @Test
    void putAllIsAllOrNothing() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            s.put(new ProfileDocument("x-1", "run", ProfileKeys.NONE, T0, "{\"a\":1}"));
            List<ProfileDocument> batch = List.of(sample().get(0),
                    new ProfileDocument("x-1", "run", ProfileKeys.NONE, T0, "{\"a\":2}"));
            assertThatThrownBy(() -> s.putAll(batch)).isInstanceOf(ConfigSpecException.class).hasMessageContaining("x-1");
            assertThat(s.list(ProfileFilter.ALL)).hasSize(1);
        }
    }

    @Test
    void exportThenImportIntoAFreshStoreRoundTripsEveryDocument() throws Exception {
        Path file = tmp.resolve("out/profiles.jsonl");
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            s.putAll(sample());
            assertThat(JsonLines.export(s, file)).isEqualTo(5);
        }
        assertThat(Files.readAllLines(file)).hasSize(6).first().asString().contains(JsonLines.FORMAT);
        try (ProfileStore t = ProfileStores.open(freshStoreUrl())) {
            ImportReport r = JsonLines.importFile(t, file);
            assertThat(r).isEqualTo(new ImportReport(5, 5, 0, List.of()));
            assertThat(t.list(ProfileFilter.ALL)).containsExactlyElementsOf(sample());
            ImportReport again = JsonLines.importFile(t, file);
            assertThat(again).isEqualTo(new ImportReport(5, 0, 5, List.of()));
            assertThat(t.list(ProfileFilter.ALL)).hasSize(5);
        }
    }

    @Test
    void importSkipsAndReportsConflictingIds() throws Exception {
        Path file = tmp.resolve("conflict.jsonl");
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            s.put(new ProfileDocument("run-7", "run", ProfileKeys.NONE, T0, "{\"a\":1}"));
            s.put(sample().get(0));
            JsonLines.export(s, file);
        }
        try (ProfileStore t = ProfileStores.open(freshStoreUrl())) {
            t.put(new ProfileDocument("run-7", "run", ProfileKeys.NONE, T0, "{\"a\":2}"));
            ImportReport r = JsonLines.importFile(t, file);
            assertThat(r).isEqualTo(new ImportReport(2, 1, 0, List.of("run-7")));
            assertThat(t.get("run-7").orElseThrow().document()).isEqualTo("{\"a\":2}");
        }
    }

    @Test
    void migrationsAreAppliedOnAFreshDatabaseAndNotAgainOnReopen() throws Exception {
        String url = freshStoreUrl();
        try (ProfileStore s = ProfileStores.open(url)) {
            s.put(sample().get(0));
        }
        assertThat(appliedMigrations(url)).containsExactly("1:true");
        try (ProfileStore s = ProfileStores.open(url)) {
            assertThat(s.list(ProfileFilter.ALL)).containsExactly(sample().get(0));
        }
        assertThat(appliedMigrations(url)).containsExactly("1:true");
    }

    private static List<String> appliedMigrations(String url) throws SQLException {
        StoreLocation l = StoreLocation.parse(url);
        String jdbc = l.type() == StoreLocation.Type.SQLITE ? "jdbc:sqlite:" + l.target() : l.target();
        try (Connection c = DriverManager.getConnection(jdbc); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT version, success FROM " + Migrations.HISTORY_TABLE
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            List<String> out = new ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1) + ":" + rs.getBoolean(2));
            }
            return out;
        }
    }

    @Test
    void beginningARunTwiceWithTheSameKeyResumesIt() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ProfileRun a = s.beginRun("speed laptop", "{\"k\":4,\"prompts\":40}");
            assertThat(a.status()).isEqualTo(RunStatus.RUNNING);
            assertThat(s.recordItem(a.id(), "p1", "{\"tps\":1.5}")).isTrue();
            assertThat(s.recordItem(a.id(), "p1", "{\"tps\":9}")).isFalse();
            assertThat(s.recordItem(a.id(), "p2", "{\"tps\":2.5}")).isTrue();
            ProfileRun b = s.beginRun("speed laptop", "{ \"prompts\": 40, \"k\": 4 }");
            assertThat(b).isEqualTo(a);
            assertThat(s.completedItems(a.id())).extracting(RunItem::key, RunItem::seq, RunItem::result)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", 1L, "{\"tps\":1.5}"),
                            org.assertj.core.groups.Tuple.tuple("p2", 2L, "{\"tps\":2.5}"));
            assertThatThrownBy(() -> s.beginRun("speed laptop", "{\"k\":5}")).isInstanceOf(ConfigSpecException.class)
                    .hasMessageContaining("speed laptop").hasMessageContaining("{\"k\":5}");
            ProfileRun done = s.finishRun(a.id());
            assertThat(done.status()).isEqualTo(RunStatus.FINISHED);
            assertThat(done.finished()).isNotNull();
            assertThat(s.finishRun(a.id())).isEqualTo(done);
            assertThatThrownBy(() -> s.recordItem(a.id(), "p3", "{}")).hasMessageContaining("finished");
            assertThatThrownBy(() -> s.recordItem("no-such-run", "p3", "{}")).hasMessageContaining("no-such-run");
            assertThat(s.findRun("speed laptop")).contains(done);
            assertThat(s.findRun("other")).isEmpty();
        }
    }

    @Test
    void aResumableRunRefusesDuplicateItemKeysAndMeasuresNothingTwice() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ResumableRun r = new ResumableRun(s, "k", "{}");
            assertThatThrownBy(() -> r.run(List.of("a", "a"), x -> x, x -> "{}")).hasMessageContaining("'a' occurs twice");
            List<String> measured = new ArrayList<>();
            var first = r.run(List.of("a", "b"), x -> x, x -> {
                measured.add(x);
                return "{\"x\":\"" + x + "\"}";
            });
            assertThat(first.recorded()).isEqualTo(2);
            var again = r.run(List.of("a", "b"), x -> x, x -> {
                measured.add(x);
                return "{}";
            });
            assertThat(again.skipped()).isEqualTo(2);
            assertThat(measured).containsExactly("a", "b");
            assertThatThrownBy(() -> r.run(List.of("a", "c"), x -> x, x -> "{}")).hasMessageContaining("lacks item 'c'");
        }
    }

    /**
     * A measured document and its run item commit together or not at all: a process killed between storing a
     * document and recording its item used to leave the document behind, and the resumed run stored a second one for
     * the same step (found by scripts/chaos killing {@code profile all}).
     */
    @Test
    void putAndRecordStoresTheDocumentTogetherWithItsRunItemOrNeither() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ProfileRun run = s.beginRun("profile all", "{}");
            ProfileDocument first = sample().get(0);
            assertThat(s.putAndRecord(first, run.id(), "draft:a", "{\"document\":\"" + first.id() + "\"}")).isTrue();
            assertThat(s.get(first.id())).contains(first);
            assertThat(s.completedItems(run.id())).extracting(RunItem::key).containsExactly("draft:a");
            ProfileDocument second = sample().get(1);
            assertThat(s.putAndRecord(second, run.id(), "draft:a", "{}")).as("item already recorded").isFalse();
            assertThat(s.get(second.id())).as("no document for an item recorded before").isEmpty();
            s.finishRun(run.id());
            ProfileDocument third = sample().get(2);
            assertThatThrownBy(() -> s.putAndRecord(third, run.id(), "draft:b", "{}")).hasMessageContaining("finished");
            assertThat(s.get(third.id())).as("rolled back with its item").isEmpty();
            assertThat(s.list(ProfileFilter.ALL)).containsExactly(first);
        }
    }

    @Test
    void aStoringRunStoresOneDocumentPerItemAndNoneOnResuming() throws Exception {
        try (ProfileStore s = ProfileStores.open(freshStoreUrl())) {
            ResumableRun r = new ResumableRun(s, "k", "{}");
            List<ProfileDocument> docs = sample().subList(0, 2);
            List<Integer> measured = new ArrayList<>();
            var first = r.runStoring(List.of(0, 1), i -> "item" + i, i -> {
                measured.add(i);
                return docs.get(i);
            });
            assertThat(first.items()).extracting(RunItem::result)
                    .containsExactly("{\"document\":\"" + docs.get(0).id() + "\"}", "{\"document\":\"" + docs.get(1).id() + "\"}");
            var again = r.runStoring(List.of(0, 1), i -> "item" + i, i -> {
                measured.add(i);
                return sample().get(4);
            });
            assertThat(again.skipped()).isEqualTo(2);
            assertThat(measured).containsExactly(0, 1);
            assertThat(s.list(ProfileFilter.ALL)).containsExactlyInAnyOrderElementsOf(docs);
        }
    }

    /**
     * The point of the run log: a profiling run killed with SIGKILL loses nothing it had committed, and resuming it
     * records only the missing items, each exactly once.
     */
    @Test
    void aRunKilledWithSigkillResumesWithoutLosingOrDuplicatingItems() throws Exception {
        String url = freshStoreUrl();
        int items = 2000;
        int killAfter = 50;
        String key = "fake profiling run";
        try (ProfileStore s = ProfileStores.open(url)) {
            assertThat(s.findRun(key)).isEmpty(); // schema created before the child starts
        }
        Path log = tmp.resolve("child.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx96m", "-XX:TieredStopAtLevel=1", "-cp",
                System.getProperty("java.class.path"), FakeProfilingRun.class.getName(), url, key,
                String.valueOf(items), "2").redirectErrorStream(true).redirectOutput(log.toFile()).start();
        List<RunItem> beforeKill;
        String runId;
        try (ProfileStore watcher = ProfileStores.open(url)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                var run = watcher.findRun(key);
                if (run.isPresent() && watcher.completedItems(run.get().id()).size() >= killAfter) {
                    runId = run.get().id();
                    break;
                }
                assertThat(child.isAlive()).as("child exited early: %s", childLog(log)).isTrue();
                assertThat(System.nanoTime()).as("child did not record %d items in 60 s: %s", killAfter, childLog(log))
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
            beforeKill = watcher.completedItems(runId);
            assertThat(child.isAlive()).as("the child must still be running when killed").isTrue();
            child.destroyForcibly(); // SIGKILL
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        assertThat(child.exitValue()).isEqualTo(137);

        try (ProfileStore s = ProfileStores.open(url)) {
            List<RunItem> afterKill = s.completedItems(runId);
            assertThat(afterKill).containsAll(beforeKill).hasSizeLessThan(items);
            ProfileRun resumed = s.beginRun(key, FakeProfilingRun.params(items));
            assertThat(resumed.id()).isEqualTo(runId);
            assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);

            ResumableRun.Outcome outcome = FakeProfilingRun.run(s, key, items, 0);

            assertThat(outcome.run().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(outcome.skipped()).isEqualTo(afterKill.size());
            assertThat(outcome.recorded()).isEqualTo(items - afterKill.size());
            assertThat(outcome.items()).isEqualTo(s.completedItems(runId));
            List<RunItem> all = s.completedItems(runId);
            assertThat(all).extracting(RunItem::key).containsExactlyElementsOf(
                    IntStream.range(0, items).mapToObj(FakeProfilingRun::itemKey).collect(Collectors.toList()));
            assertThat(all).extracting(RunItem::seq).containsExactlyElementsOf(
                    IntStream.rangeClosed(1, items).mapToObj(i -> (long) i).collect(Collectors.toList()));
            for (int i = 0; i < items; i++) {
                assertThat(all.get(i).result()).isEqualTo(CanonicalJson.text(FakeProfilingRun.result(i), "expected"));
            }
            assertThat(all.subList(0, afterKill.size())).isEqualTo(afterKill);
            System.out.printf("kill -9 resume (%s): %d items seen before SIGKILL, %d committed at kill, %d recorded on resume%n",
                    getClass().getSimpleName(), beforeKill.size(), afterKill.size(), items - afterKill.size());
        }
    }

    private static String childLog(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log).strip() : "(no output)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
