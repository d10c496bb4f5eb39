package io.reach.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.ReachApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps Spring Modulith's module diagrams (PlantUML) and module canvases (AsciiDoc) in
 * {@code docs/modules/}, where they are committed: a change to the modules shows up in the diff.
 *
 * <p>The Documenter writes a diagram's relations in an order that changes from run to run, so it
 * writes into {@code target/} and each run of relation lines is sorted before the file is copied
 * (only when its content changed): an unchanged module structure leaves the tree clean.
 */
class ModuleDocumentationTest {

    private static final Path GENERATED = Path.of("target/spring-modulith-docs");
    private static final Path COMMITTED = Path.of("docs/modules");

    @Test
    void docsModulesHoldTheGeneratedModuleDiagramsAndCanvases() throws IOException {
        new Documenter(
                        ApplicationModules.of(ReachApplication.class),
                        Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeDocumentation();

        Files.createDirectories(COMMITTED);
        Set<String> generated = names(GENERATED);
        for (String name : generated) {
            String content = stable(Files.readString(GENERATED.resolve(name)));
            Path committed = COMMITTED.resolve(name);
            if (!Files.exists(committed) || !Files.readString(committed).equals(content)) {
                Files.writeString(committed, content);
            }
        }
        for (String name : names(COMMITTED)) {
            if (!generated.contains(name)) {
                Files.delete(COMMITTED.resolve(name));
            }
        }

        assertThat(COMMITTED.resolve("components.puml")).exists();
        assertThat(COMMITTED.resolve("all-docs.adoc")).exists();
        assertThat(Files.readString(COMMITTED.resolve("module-publishing.adoc")))
                .contains("`i.r.s.FollowersChanged` (async)");
    }

    private static Set<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> file.getFileName().toString())
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    /** Sorts every run of consecutive {@code Rel(…)} lines; PlantUML does not care about their order. */
    private static String stable(String content) {
        List<String> out = new ArrayList<>();
        List<String> relations = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            if (line.startsWith("Rel(")) {
                relations.add(line);
                continue;
            }
            relations.sort(null);
            out.addAll(relations);
            relations.clear();
            out.add(line);
        }
        relations.sort(null);
        out.addAll(relations);
        return String.join("\n", out);
    }
}
