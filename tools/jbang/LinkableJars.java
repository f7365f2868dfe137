import java.io.IOException;
import java.io.OutputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;

/**
 * Writes, for each jar that holds class files older than Java 6, a copy whose classes are Java 8 class files with
 * stack maps, so that JDK 25's AOT cache can load and link them ahead of time: it skips class files below version
 * 50 ("Unlinked class not supported by AOTClassLinking"), and picocli ships Java 5 ones, about 180 classes loaded
 * from its jar on every run otherwise.
 *
 * <p>{@code java tools/jbang/LinkableJars.java JAR COPY [JAR COPY]... [-- CLASSPATH]} (JDK 24 or newer: the
 * ClassFile API). A jar with no old class is left alone and no copy written. In a copy, only the class files change:
 * the same bytecode, rebuilt by the JDK's ClassFile API with the version raised and stack maps computed (the
 * classes of {@code CLASSPATH} and the JDK resolve the hierarchy), then verified by the same API; every other entry
 * is copied as it is. A signed jar is kept. Prints one line per jar, {@code copied JAR} or {@code kept JAR} (and why, when a class could
 * not be rewritten or verified: the original then stays in use). Exits 0 unless a file cannot be read or written.
 */
public class LinkableJars {
    private static final int LINKABLE = ClassFile.JAVA_6_VERSION;
    private static final Pattern SIGNATURE = Pattern.compile("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");

    public static void main(String... args) throws IOException {
        List<String> pairs = new ArrayList<>();
        List<URL> classPath = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                for (String entry : args[i + 1].split(":")) {
                    classPath.add(Path.of(entry).toUri().toURL());
                }
                break;
            }
            pairs.add(args[i]);
        }
        if (pairs.isEmpty() || pairs.size() % 2 != 0) {
            System.err.println("usage: java LinkableJars.java JAR COPY [JAR COPY]... [-- CLASSPATH]");
            System.exit(2);
        }
        for (int i = 0; i < pairs.size(); i += 2) {
            classPath.add(Path.of(pairs.get(i)).toUri().toURL());
        }
        try (URLClassLoader loader = new URLClassLoader(classPath.toArray(URL[]::new), null)) {
            ClassFile classFile = ClassFile.of(ClassFile.ClassHierarchyResolverOption.of(
                    ClassHierarchyResolver.defaultResolver().orElse(ClassHierarchyResolver.ofResourceParsing(loader))));
            for (int i = 0; i < pairs.size(); i += 2) {
                Path jar = Path.of(pairs.get(i));
                String outcome = copy(classFile, jar, Path.of(pairs.get(i + 1)));
                System.out.println(outcome + " " + jar);
            }
        }
    }

    private static String copy(ClassFile classFile, Path jar, Path copy) throws IOException {
        Path partial = copy.resolveSibling(copy.getFileName() + ".partial");
        Files.createDirectories(copy.getParent());
        int rewritten = 0;
        try (JarFile in = new JarFile(jar.toFile(), false)) {
            if (in.stream().anyMatch(entry -> SIGNATURE.matcher(entry.getName()).matches())) {
                return "kept (signed)";          // a rewritten class would no longer match its signature
            }
        }
        try (JarFile in = new JarFile(jar.toFile(), false);
             OutputStream file = Files.newOutputStream(partial);
             JarOutputStream out = new JarOutputStream(file)) {
            for (JarEntry entry : Collections.list(in.entries())) {
                byte[] bytes = in.getInputStream(entry).readAllBytes();
                if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
                    ClassModel model = classFile.parse(bytes);
                    if (model.majorVersion() < LINKABLE) {
                        bytes = rewritten(classFile, model);
                        rewritten++;
                    }
                }
                JarEntry copied = new JarEntry(entry.getName());
                copied.setTime(entry.getTime());
                out.putNextEntry(copied);
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            Files.deleteIfExists(partial);
            return "kept (" + e.getMessage() + ")";
        }
        if (rewritten == 0) {
            Files.delete(partial);
            return "kept";
        }
        Files.move(partial, copy, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return "copied";
    }

    /** The same class as a Java 8 class file: every method body rebuilt, so that its stack maps are generated. */
    private static byte[] rewritten(ClassFile classFile, ClassModel model) {
        ClassTransform toJava8 = (builder, element) -> {
            if (element instanceof ClassFileVersion) {
                builder.withVersion(ClassFile.JAVA_8_VERSION, 0);
            } else {
                builder.with(element);
            }
        };
        byte[] bytes = classFile.transformClass(model,
                ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL).andThen(toJava8));
        List<VerifyError> errors = classFile.verify(bytes);
        if (!errors.isEmpty()) {
            throw new IllegalStateException(model.thisClass().asInternalName() + " does not verify: "
                    + errors.get(0).getMessage());
        }
        return bytes;
    }
}
