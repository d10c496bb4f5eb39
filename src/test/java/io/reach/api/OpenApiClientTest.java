package io.reach.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.reach.support.Api;
import io.reach.support.ReachTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.openapitools.codegen.DefaultGenerator;
import org.openapitools.codegen.config.CodegenConfigurator;
import org.openapitools.codegen.validation.Invalid;
import org.openapitools.codegen.validation.ValidationResult;
import org.openapitools.codegen.validations.oas.OpenApiEvaluator;
import org.openapitools.codegen.validations.oas.RuleConfiguration;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;

/**
 * A newcomer's first step: generate a client from {@code /v3/api-docs} and compile it. The
 * document must parse without a message and pass the generator's own checks without an error or
 * a warning; the Java client (openapi-generator's {@code java} generator, {@code apache-httpclient}
 * library: Apache HttpClient 5 and Jackson 2) must compile. The document and the client
 * are left in {@code target/openapi/} to look at.
 */
@ReachTest
class OpenApiClientTest {

    private static final Path ROOT = Path.of("target", "openapi");

    @Autowired
    Api api;

    @Test
    void aClientGeneratedFromTheDocumentCompiles() throws IOException {
        Path spec = ROOT.resolve("reach.json");
        Files.createDirectories(ROOT);
        Files.writeString(spec, api.get("/v3/api-docs", null).body());

        SwaggerParseResult parsed =
                new OpenAPIParser().readLocation(spec.toUri().toString(), null, new ParseOptions());
        assertThat(parsed.getMessages()).as("the parser's messages").isEmpty();
        ValidationResult checked = new OpenApiEvaluator(new RuleConfiguration()).validate(parsed.getOpenAPI());
        assertThat(described(checked.getErrors())).as("the generator's errors").isEmpty();
        assertThat(described(checked.getWarnings()))
                .as("the generator's warnings")
                .isEmpty();

        Path client = ROOT.resolve("java-client");
        FileSystemUtils.deleteRecursively(client);
        List<File> generated = new DefaultGenerator()
                .opts(configurator(spec, client).toClientOptInput())
                .generate();
        List<File> sources = generated.stream()
                .filter(file -> file.getName().endsWith(".java"))
                .toList();
        assertThat(sources).as("generated sources").hasSizeGreaterThan(100);
        assertThat(sources).anyMatch(file -> file.getName().equals("CampaignsApi.java"));

        assertThat(compile(sources, client.resolve("classes")))
                .as("compiler errors")
                .isEmpty();
    }

    private static CodegenConfigurator configurator(Path spec, Path output) {
        CodegenConfigurator configurator = new CodegenConfigurator()
                .setGeneratorName("java")
                .setLibrary("apache-httpclient")
                .setInputSpec(spec.toUri().toString())
                .setOutputDir(output.toString())
                .setValidateSpec(true)
                .setApiPackage("io.reach.client.api")
                .setModelPackage("io.reach.client.model")
                .setInvokerPackage("io.reach.client")
                .addAdditionalProperty("openApiNullable", false)
                .addAdditionalProperty("useJakartaEe", true)
                .addAdditionalProperty("annotationLibrary", "none")
                .addAdditionalProperty("hideGenerationTimestamp", true);
        for (String part : List.of("apiTests", "modelTests", "apiDocs", "modelDocs")) {
            configurator.addGlobalProperty(part, "false");
        }
        return configurator;
    }

    /** Compiles against the jars a user of the client needs, and nothing else: HttpClient 5, Jackson 2, Jakarta annotations. */
    private static List<String> compile(List<File> sources, Path classes) throws IOException {
        Files.createDirectories(classes);
        List<String> classpath = Stream.of(
                        com.fasterxml.jackson.databind.ObjectMapper.class,
                        com.fasterxml.jackson.core.JsonParser.class,
                        com.fasterxml.jackson.annotation.JsonProperty.class,
                        com.fasterxml.jackson.datatype.jsr310.JavaTimeModule.class,
                        jakarta.annotation.Generated.class,
                        org.apache.hc.client5.http.classic.HttpClient.class,
                        org.apache.hc.core5.http.HttpEntity.class)
                .map(type -> new File(type.getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .getPath())
                        .getPath())
                .distinct()
                .toList();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of(
                    "-proc:none",
                    "-nowarn",
                    "-classpath",
                    String.join(File.pathSeparator, classpath),
                    "-d",
                    classes.toString());
            compiler.getTask(null, files, diagnostics, options, null, units).call();
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
            if (diagnostic.getKind() == Diagnostic.Kind.ERROR) {
                errors.add((diagnostic.getSource() == null
                                ? ""
                                : diagnostic.getSource().getName()) + ":" + diagnostic.getLineNumber() + " "
                        + diagnostic.getMessage(Locale.ROOT));
            }
        }
        return errors;
    }

    private static List<String> described(List<Invalid> found) {
        return found.stream()
                .map(invalid -> invalid.getMessage() + " " + invalid.getDetails())
                .toList();
    }
}
