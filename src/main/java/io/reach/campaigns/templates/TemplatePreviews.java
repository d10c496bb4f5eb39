package io.reach.campaigns.templates;

import gg.jte.html.escape.Escape;
import gg.jte.output.StringOutput;
import io.reach.platform.web.InvalidRequestException;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The editor's live preview: the typed content rendered by {@link TemplateManagement#previewDraft} (the
 * renderer sending uses), or, while the content is not valid yet, what is wrong with it.
 */
@Component
public class TemplatePreviews {

    /** One rendered part; the HTML part is shown as the e-mail will look and as its source. */
    public record Part(String name, String rendered) {

        public boolean html() {
            return name.equals("html");
        }

        /**
         * The rendered HTML escaped for the double-quoted {@code srcdoc} of the preview's iframe, which is
         * sandboxed (no scripts, no same origin) and under the console's CSP. JTE writes no user content into
         * srcdoc by itself (it cannot know the frame is sandboxed), so the template writes this unescaped.
         */
        public String srcdoc() {
            StringOutput escaped = new StringOutput();
            Escape.htmlAttribute(rendered, escaped);
            return escaped.toString();
        }
    }

    /** The rendered parts, or the problems that keep the content from rendering. */
    public record Preview(List<Part> parts, List<String> problems) {}

    private final TemplateManagement templates;

    TemplatePreviews(TemplateManagement templates) {
        this.templates = templates;
    }

    Preview of(TemplateForm form) {
        try {
            List<Part> parts =
                    templates.previewDraft(form.type(), form.content(), form.sampleValues()).entrySet().stream()
                            .map(part -> new Part(part.getKey(), part.getValue()))
                            .toList();
            return new Preview(parts, List.of());
        } catch (InvalidRequestException invalid) {
            return new Preview(
                    List.of(),
                    invalid.errors().stream()
                            .map(error -> TemplateForm.fieldOf(error.field()) + ": " + error.message())
                            .toList());
        }
    }
}
