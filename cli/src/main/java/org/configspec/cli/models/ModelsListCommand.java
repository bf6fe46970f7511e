package org.configspec.cli.models;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.configspec.cli.options.FormatOption;
import org.configspec.llm.model.ModelStore;
import org.configspec.report.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code configspec models list}: the default family with size, sha256 prefix and whether it is prepared. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the default models: name, present/absent, size, sha256 prefix, recipe.")
public final class ModelsListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    FormatOption format;

    @Override
    public Integer call() {
        return LlmCommands.run(spec, () -> {
            Format f = format.get();
            PrintWriter out = spec.commandLine().getOut();
            var entries = ModelStore.defaultStore().list();
            if (f == Format.TABLE) {
                out.printf("%-20s %-8s %12s  %-12s  %s%n", "NAME", "STATUS", "SIZE_BYTES", "SHA256", "RECIPE");
            } else if (f == Format.CSV) {
                out.println("name,status,size_bytes,sha256,path,recipe");
            } else {
                out.println("[");
            }
            int i = 0;
            for (ModelStore.Entry e : entries) {
                String status = e.present() ? "present" : "absent";
                if (f == Format.TABLE) {
                    out.printf("%-20s %-8s %12s  %-12s  %s%n", e.model().modelName, status,
                            e.present() ? Long.toString(e.size()) : "-",
                            e.present() ? e.sha256().substring(0, 12) : "-", e.model().description);
                } else if (f == Format.CSV) {
                    out.printf("%s,%s,%d,%s,%s,\"%s\"%n", e.model().modelName, status, e.size(), e.sha256(), e.path(),
                            e.model().description);
                } else {
                    out.printf("  {\"name\": \"%s\", \"status\": \"%s\", \"size_bytes\": %d, \"sha256\": \"%s\", "
                                    + "\"path\": \"%s\", \"recipe\": \"%s\"}%s%n", e.model().modelName, status,
                            e.size(), e.sha256(), e.path().toString().replace("\\", "\\\\").replace("\"", "\\\""),
                            e.model().description, ++i < entries.size() ? "," : "");
                }
            }
            if (f == Format.JSON) {
                out.println("]");
            }
            out.flush();
            return 0;
        });
    }
}
