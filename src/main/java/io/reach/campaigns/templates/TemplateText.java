package io.reach.campaigns.templates;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Logic-less templates (Mustache, through JMustache): compiling, listing the placeholders a
 * text uses, and rendering with a recipient's variables. HTML parts escape what they insert;
 * subjects, plain text and SMS bodies do not.
 */
public final class TemplateText {

    private static final Mustache.Compiler HTML =
            Mustache.compiler().escapeHTML(true).defaultValue("");
    private static final Mustache.Compiler PLAIN =
            Mustache.compiler().escapeHTML(false).defaultValue("");

    private TemplateText() {}

    /** Thrown for text that is not valid Mustache. */
    static final class Invalid extends RuntimeException {
        Invalid(String message) {
            super(message);
        }
    }

    public static Template compile(String source, boolean html) {
        try {
            return (html ? HTML : PLAIN).compile(source);
        } catch (MustacheException e) {
            throw new Invalid(Objects.requireNonNullElse(e.getMessage(), "malformed Mustache"));
        }
    }

    /**
     * The names a text refers to: variables and section names (their first dotted part); what a
     * section refers to inside itself belongs to the section's items and is not listed.
     */
    static Set<String> placeholders(String source) {
        Set<String> names = new LinkedHashSet<>();
        compile(source, false).visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {}

            @Override
            public void visitVariable(String name) {
                add(name);
            }

            @Override
            public boolean visitInclude(String name) {
                throw new Invalid("partials ({{> " + name + "}}) are not supported");
            }

            @Override
            public boolean visitSection(String name) {
                add(name);
                return false;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                add(name);
                return false;
            }

            private void add(String name) {
                if (!name.equals(".") && !name.equals("this")) {
                    names.add(name.split("\\.", 2)[0]);
                }
            }
        });
        return names;
    }
}
