package io.reach.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A console page that fails answers a browser with an HTML page in the console's layout, not the
 * API's problem document: when a request for {@code /} or {@code /app/**} that accepts
 * {@code text/html} gets an {@code application/problem+json} answer, the problem's status, title,
 * detail and field errors are shown by {@link ProblemPage} instead. The API ({@code /api/**}) and
 * clients that ask for JSON keep their problems.
 */
final class ConsoleProblemPages extends OncePerRequestFilter {

    static final String PAGE = "/app/problem";
    static final String PROBLEM = ConsoleProblemPages.class.getName() + ".problem";

    /** What the error page shows. */
    record Shown(int status, String title, String detail, List<String> errors) {}

    private final JsonMapper json;

    ConsoleProblemPages(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        String accept = request.getHeader("Accept");
        return !(path.equals("/") || path.startsWith("/app/"))
                || path.equals(PAGE)
                || accept == null
                || !accept.contains(MediaType.TEXT_HTML_VALUE);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ProblemCatcher caught = new ProblemCatcher(response);
        chain.doFilter(request, caught);
        byte[] problem = caught.problem();
        if (problem == null || response.isCommitted()) {
            return;
        }
        request.setAttribute(PROBLEM, shown(caught.getStatus(), problem));
        response.reset();
        request.getRequestDispatcher(PAGE).forward(request, response);
    }

    private Shown shown(int status, byte[] problem) {
        try {
            JsonNode document = json.readTree(problem);
            List<String> errors = new ArrayList<>();
            document.path("errors")
                    .forEach(error -> errors.add(error.path("field").asString("") + ": "
                            + error.path("message").asString("")));
            return new Shown(
                    status,
                    document.path("title").asString("Error"),
                    document.path("detail").asString(""),
                    errors);
        } catch (JacksonException unreadable) {
            return new Shown(status, "Error", "", List.of());
        }
    }

    /** Passes everything through, except a problem document's body, which it keeps. */
    private static final class ProblemCatcher extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private boolean catching;
        private @Nullable PrintWriter writer;

        ProblemCatcher(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(@Nullable String type) {
            catching = type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            if (!catching) {
                super.setContentType(type);
            }
        }

        @Override
        public void setHeader(String name, @Nullable String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                setContentType(value);
            } else {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, @Nullable String value) {
            if (name.equalsIgnoreCase("Content-Type")) {
                setContentType(value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!catching) {
                return super.getOutputStream();
            }
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    kept.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    kept.write(bytes, offset, length);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {}
            };
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!catching) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(kept, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!catching) {
                super.flushBuffer();
            }
        }

        byte @Nullable [] problem() {
            if (!catching || getStatus() < 400) {
                return null;
            }
            if (writer != null) {
                writer.flush();
            }
            return kept.toByteArray();
        }
    }
}
