package io.reach.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.SpringAsmInfo;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * The success (2xx and 3xx) statuses a handler method really answers with, read from its
 * bytecode: {@code @ResponseStatus}, or for a {@code ResponseEntity} the statuses it builds
 * ({@code ok}, {@code created}, {@code accepted}, {@code noContent}, {@code status(…)} with a
 * constant), following its lambdas and the methods it calls that return a {@code ResponseEntity}.
 * Any other return value is a 200. Empty when a status is computed at run time.
 */
final class SuccessStatuses {

    private static final String ENTITY = "org/springframework/http/ResponseEntity";
    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";
    private static final Map<String, Integer> BUILDERS =
            Map.of("ok", 200, "created", 201, "accepted", 202, "noContent", 204);

    private SuccessStatuses() {}

    static Set<Integer> of(Method handler) {
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(handler, ResponseStatus.class);
        if (annotated == null) {
            annotated = AnnotatedElementUtils.findMergedAnnotation(handler.getDeclaringClass(), ResponseStatus.class);
        }
        if (annotated != null) {
            return Set.of(annotated.code().value());
        }
        if (!ResponseEntity.class.isAssignableFrom(handler.getReturnType())) {
            return Set.of(200);
        }
        Set<Integer> statuses = new TreeSet<>();
        scan(
                handler.getDeclaringClass().getName().replace('.', '/'),
                handler.getName(),
                org.springframework.asm.Type.getMethodDescriptor(handler),
                statuses,
                new HashSet<>());
        statuses.removeIf(status -> status < 200 || status >= 400);
        return statuses;
    }

    private static void scan(String owner, String name, String descriptor, Set<Integer> statuses, Set<String> seen) {
        if (!seen.add(owner + "." + name + descriptor)) {
            return;
        }
        List<String[]> calls = new ArrayList<>();
        try (InputStream bytes = SuccessStatuses.class.getClassLoader().getResourceAsStream(owner + ".class")) {
            if (bytes == null) {
                return;
            }
            new ClassReader(bytes)
                    .accept(
                            new ClassVisitor(SpringAsmInfo.ASM_VERSION) {
                                @Override
                                public MethodVisitor visitMethod(
                                        int access, String method, String desc, String signature, String[] exceptions) {
                                    return method.equals(name) && desc.equals(descriptor)
                                            ? new Body(statuses, calls)
                                            : null;
                                }
                            },
                            ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String[] call : calls) {
            scan(call[0], call[1], call[2], statuses, seen);
        }
    }

    /** One method's body: the statuses it builds, and the lambdas and entity-returning methods it calls. */
    private static final class Body extends MethodVisitor {

        private final Set<Integer> statuses;
        private final List<String[]> calls;
        private final List<Integer> pending = new ArrayList<>();

        Body(Set<Integer> statuses, List<String[]> calls) {
            super(SpringAsmInfo.ASM_VERSION);
            this.statuses = statuses;
            this.calls = calls;
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
            if (opcode == Opcodes.SIPUSH || opcode == Opcodes.BIPUSH) {
                pending.add(operand);
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (value instanceof Integer number) {
                pending.add(number);
            }
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && owner.equals(HTTP_STATUS)) {
                pending.add(HttpStatus.valueOf(name).value());
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (owner.equals(ENTITY) && opcode == Opcodes.INVOKESTATIC && BUILDERS.containsKey(name)) {
                statuses.add(BUILDERS.get(name));
            } else if (owner.equals(ENTITY) && (name.equals("status") || name.equals("<init>"))) {
                statuses.addAll(pending);
                pending.clear();
            } else if (owner.startsWith("io/reach/") && descriptor.endsWith(")L" + ENTITY + ";")) {
                calls.add(new String[] {owner, name, descriptor});
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle lambda && lambda.getOwner().startsWith("io/reach/")) {
                    calls.add(new String[] {lambda.getOwner(), lambda.getName(), lambda.getDesc()});
                }
            }
        }
    }
}
