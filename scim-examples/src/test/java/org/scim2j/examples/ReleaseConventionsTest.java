package org.scim2j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** What a release needs that no compiler checks: the BOM lists every published module, every package is documented. */
class ReleaseConventionsTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    /** Modules that are never published. */
    private static final Set<String> UNPUBLISHED = Set.of("scim-examples", "scim-benchmarks", "scim2j-bom");

    private static Document pom(Path path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(path.toFile());
    }

    /** The text of the first child element with this name, or null. */
    private static String child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    private static List<String> published() throws Exception {
        NodeList modules = pom(ROOT.resolve("pom.xml")).getElementsByTagName("module");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < modules.getLength(); i++) {
            String name = modules.item(i).getTextContent().trim();
            if (!UNPUBLISHED.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    @Test
    void theBomManagesEveryPublishedModuleAtTheReactorVersion() throws Exception {
        Element parent = pom(ROOT.resolve("pom.xml")).getDocumentElement();
        Element bom = pom(ROOT.resolve("scim2j-bom/pom.xml")).getDocumentElement();
        assertThat(child(bom, "version")).as("scim2j-bom has no parent: its version must follow the reactor's")
                .isEqualTo(child(parent, "version"));
        Set<String> managed = new TreeSet<>();
        NodeList dependencies = bom.getElementsByTagName("dependency");
        for (int i = 0; i < dependencies.getLength(); i++) {
            Element dependency = (Element) dependencies.item(i);
            assertThat(child(dependency, "groupId")).isEqualTo("org.scim2j");
            assertThat(child(dependency, "version")).isEqualTo("${project.version}");
            managed.add(child(dependency, "artifactId"));
        }
        assertThat(managed).containsExactlyInAnyOrderElementsOf(published());
    }

    @Test
    void everyPackageOfAPublishedModuleHasAPackageInfo() throws Exception {
        List<String> undocumented = new ArrayList<>();
        for (String module : published()) {
            Path sources = ROOT.resolve(module).resolve("src/main/java");
            try (Stream<Path> dirs = Files.walk(sources)) {
                for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                    if (hasJavaSources(dir) && !Files.exists(dir.resolve("package-info.java"))) {
                        undocumented.add(ROOT.relativize(dir).toString());
                    }
                }
            }
        }
        assertThat(undocumented).as("packages without package-info.java").isEmpty();
    }

    private static boolean hasJavaSources(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(f -> f.toString().endsWith(".java"));
        }
    }

    @Test
    void theLicenseIsAtTheRoot() {
        assertThat(ROOT.resolve("LICENSE")).content().contains("Apache License", "Version 2.0, January 2004");
    }
}
