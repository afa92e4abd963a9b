package org.scim2j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every Java snippet of README.md and scim-examples/README.md is an excerpt of code the build compiles: the line
 * before its fence names the source regions, {@code <!-- snippet: path#region [path#region ...] -->}, and the
 * block must equal them (joined by a blank line, indentation removed). A region is the lines between
 * {@code tag::region[]} and {@code end::region[]} comments. A Java block without a marker fails, and so does any
 * other block (XML) that has one and differs.
 */
class ReadmeSnippetsTest {

    /** The repository root: the tests run in scim-examples. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Pattern FENCE = Pattern.compile("^```(\\w*)\\s*$");
    private static final Pattern MARKER = Pattern.compile("^<!-- snippet: (.+) -->$");

    record Block(Path readme, int line, String language, String marker, String text) {
        @Override
        public String toString() {
            return ROOT.relativize(readme) + ":" + line;
        }
    }

    @TestFactory
    Stream<DynamicTest> everySnippetIsCompiledSource() throws IOException {
        List<Block> blocks = new ArrayList<>();
        blocks.addAll(blocks(ROOT.resolve("README.md")));
        blocks.addAll(blocks(ROOT.resolve("scim-examples/README.md")));
        assertThat(blocks).as("Java snippets in the READMEs").anyMatch(b -> b.language().equals("java"));
        return blocks.stream().filter(b -> b.language().equals("java") || b.marker() != null)
                .map(b -> DynamicTest.dynamicTest(b + " " + (b.marker() == null ? "(no marker)" : b.marker()),
                        () -> check(b)));
    }

    private static void check(Block block) throws IOException {
        assertThat(block.marker()).as("%s: a Java snippet needs a '<!-- snippet: path#region -->' line before it "
                + "naming the compiled source it shows", block).isNotNull();
        List<String> parts = new ArrayList<>();
        for (String reference : block.marker().trim().split("\\s+")) {
            int hash = reference.indexOf('#');
            assertThat(hash).as("%s: '%s' is not path#region", block, reference).isPositive();
            parts.add(region(ROOT.resolve(reference.substring(0, hash)), reference.substring(hash + 1)));
        }
        String expected = String.join("\n\n", parts);
        assertThat(block.text()).as("%s: the snippet differs from %s; paste this instead:%n%s%n", block,
                block.marker(), expected).isEqualTo(expected);
    }

    /** The lines between tag::name[] and end::name[], nested tag lines dropped, common indentation removed. */
    static String region(Path source, String name) throws IOException {
        assertThat(source).as("snippet source").exists();
        List<String> lines = Files.readAllLines(source);
        int start = -1;
        int end = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("tag::" + name + "[]")) {
                start = i;
            } else if (lines.get(i).contains("end::" + name + "[]")) {
                end = i;
            }
        }
        assertThat(start).as("tag::%s[] in %s", name, source).isNotNegative();
        assertThat(end).as("end::%s[] in %s", name, source).isGreaterThan(start);
        List<String> body = lines.subList(start + 1, end).stream()
                .filter(l -> !l.contains("tag::") && !l.contains("end::")).toList();
        int indent = body.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        return String.join("\n", body.stream().map(l -> l.isBlank() ? "" : l.substring(indent).stripTrailing())
                .toList());
    }

    static List<Block> blocks(Path readme) throws IOException {
        List<String> lines = Files.readAllLines(readme);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher open = FENCE.matcher(lines.get(i));
            if (!open.matches()) {
                continue;
            }
            int first = i + 1;
            int close = first;
            while (close < lines.size() && !lines.get(close).startsWith("```")) {
                close++;
            }
            String marker = null;
            for (int j = i - 1; j >= 0; j--) {
                if (!lines.get(j).isBlank()) {
                    Matcher m = MARKER.matcher(lines.get(j).trim());
                    marker = m.matches() ? m.group(1) : null;
                    break;
                }
            }
            String text = String.join("\n", lines.subList(first, close).stream().map(String::stripTrailing)
                    .toList());
            blocks.add(new Block(readme, i + 1, open.group(1), marker, text));
            i = close;
        }
        return blocks;
    }
}
