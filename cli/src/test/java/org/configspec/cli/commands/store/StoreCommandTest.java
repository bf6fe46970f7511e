package org.configspec.cli.commands.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.configspec.cli.Main;
import org.configspec.core.catalog.Catalog;
import org.configspec.core.catalog.CatalogReader;
import org.configspec.core.error.ConfigSpecException;
import org.configspec.core.json.MachineJson;
import org.configspec.core.profile.DraftProfile;
import org.configspec.store.AcceptanceDocument;
import org.configspec.store.DraftDocument;
import org.configspec.store.ProfileStore;
import org.configspec.store.SqliteProfileStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCommandTest {
    private static final Instant T0 = Instant.parse("2026-11-28T12:00:00Z");

    @TempDir
    Path tmp;

    Path db;
    String draftId;

    record Run(int code, String out, String err) {
    }

    /** Runs "configspec store ..." the way Main does: user errors print one line and exit 2. */
    static Run store(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "store";
        System.arraycopy(args, 0, all, 1, args.length);
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void storeTwoPaperProfiles() {
        db = tmp.resolve("profiles.db");
        Catalog paper = CatalogReader.paper();
        DraftProfile p = paper.draftProfiles().get(0);
        try (ProfileStore s = SqliteProfileStore.open(db)) {
            var d = new DraftDocument(p, paper.draft(p.draft(), p.quant()).orElseThrow(), "",
                    paper.device(p.device()).orElseThrow(), null).toDocument(T0);
            draftId = d.id();
            s.put(d);
            var a = paper.acceptance().get(0);
            s.put(new AcceptanceDocument(a, "", "", null).toDocument(T0.plusSeconds(1)));
        }
    }

    @Test
    void listShowsOneRowPerProfileAndFilters() {
        Run r = store("list", "--store", db.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("profiles in " + db + ": 2\n").contains(draftId).contains("acceptance");
        Run drafts = store("list", "--store", "sqlite:" + db, "--kind", "draft", "--format", "csv");
        assertThat(drafts.out().lines()).hasSize(2).first().isEqualTo("id,kind,device,draft,quant,target,created");
        Run none = store("list", "--store", db.toString(), "--device", "nowhere");
        assertThat(none.out()).isEqualTo("no profiles in " + db + " matching the filter\n");
    }

    @Test
    void listAndShowPrintJson() throws Exception {
        JsonNode list = MachineJson.strict().readTree(store("list", "--store", db.toString(), "--format", "json").out());
        assertThat(list.get("profiles")).hasSize(2);
        assertThat(list.get("profiles").get(0).get("id").asText()).isEqualTo(draftId);
        Run show = store("show", draftId, "--store", db.toString(), "--format", "json");
        assertThat(show.code()).isZero();
        JsonNode doc = MachineJson.strict().readTree(show.out());
        assertThat(doc.at("/document/kind").asText()).isEqualTo("draft");
        assertThat(doc.at("/document/draftProfile/tokPerS/value").isNumber()).isTrue();
        assertThat(doc.at("/document/draftProfile/tokPerS/aggregation").asText()).isEqualTo("mean");
        assertThat(store("show", draftId, "--store", db.toString()).out()).startsWith("id:      " + draftId + "\nkind:    draft\n");
    }

    @Test
    void exportThenImportCopiesEveryProfileAndReportsDuplicates() throws Exception {
        Path file = tmp.resolve("all.jsonl");
        assertThat(store("export", file.toString(), "--store", db.toString()).out())
                .isEqualTo("exported 2 profiles from " + db + " to " + file + "\n");
        Path other = tmp.resolve("other.db");
        Run first = store("import", file.toString(), "--store", other.toString());
        assertThat(first.out()).endsWith(": read 2, imported 2, already present 0, conflicting (skipped) 0\n");
        Run again = store("import", file.toString(), "--store", other.toString());
        assertThat(again.out()).endsWith(": read 2, imported 0, already present 2, conflicting (skipped) 0\n");
        assertThat(store("list", "--store", other.toString(), "--format", "csv").out())
                .isEqualTo(store("list", "--store", db.toString(), "--format", "csv").out());
        assertThat(Files.readAllLines(file)).hasSize(3);
    }

    @Test
    void userErrorsAreOneLineAndExitTwo() {
        Run unknown = store("show", "draft-nope", "--store", db.toString());
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).isEqualTo("configspec store show: store " + db + ": no profile with id 'draft-nope'; see 'configspec store list'\n");
        Run pg = store("list", "--store", "jdbc:postgresql://127.0.0.1:1/x?user=u&password=hunter2");
        assertThat(pg.code()).isEqualTo(2);
        assertThat(pg.err()).doesNotContain("hunter2").contains("password=***").contains("cannot connect").hasLineCount(1);
        Run bad = store("import", tmp.resolve("missing.jsonl").toString(), "--store", db.toString());
        assertThat(bad.err()).contains("missing.jsonl: no such file");
        assertThat(store().code()).isEqualTo(2);
    }
}
