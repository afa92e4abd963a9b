package org.scim2j.filter;

import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.api.AsString;
import org.quicktheories.core.DetatchedRandomnessSource;
import org.quicktheories.core.ExceptionReporter;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;
import org.quicktheories.generators.Generate;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * How the property tests of scim-filter, scim-core and scim-spi run, on QuickTheories: {@link #qt(int)} starts a
 * property with a fixed seed, and a few generator combinators QuickTheories lacks or orders differently. A property
 * is a plain JUnit test:
 * <pre>{@code
 *   @Test
 *   void printedFilterParsesBackToAnEqualFilter() {
 *       Pbt.qt(400).forAll(filters()).checkAssert(f -> assertThat(Filter.parse(f.toString())).isEqualTo(f));
 *   }
 * }</pre>
 * System properties, passed to Maven with {@code -D} (surefire hands them to the test JVM):
 * <ul>
 *   <li>{@code scim.pbt.seed}: the seed of every property, a number or {@code random}; default {@value #DEFAULT_SEED},
 *       so that CI runs are repeatable. A failure starts with "Seed was N" and the command that replays it.</li>
 *   <li>{@code scim.pbt.examples}: multiplies the number of examples of every property (default 1).</li>
 *   <li>{@code scim.pbt.shrinks}: shrink cycles after a failure (default {@value #DEFAULT_SHRINKS}).</li>
 * </ul>
 * scim-filter publishes this class alone as its test-jar, which scim-core and scim-spi use in test scope.
 */
public final class Pbt {

    /** The seed of every property unless {@code -Dscim.pbt.seed} says otherwise. */
    public static final long DEFAULT_SEED = 7644L;

    /** Enough to shrink a generated filter or a list of actions, few enough to fail within a minute. */
    public static final int DEFAULT_SHRINKS = 2000;

    private Pbt() {
    }

    /**
     * A property that draws {@code examples} values (times {@code scim.pbt.examples}); QuickTheories runs a value
     * drawn twice only once, and draws the generators' bounds (all minimums, all maximums) first.
     */
    public static QuickTheory qt(int examples) {
        String seedProperty = System.getProperty("scim.pbt.seed", "").trim();
        long seed = seedProperty.isEmpty() ? DEFAULT_SEED
                : seedProperty.equals("random") ? System.nanoTime() : Long.parseLong(seedProperty);
        int multiplier = Integer.getInteger("scim.pbt.examples", 1);
        return QuickTheory.qt()
                .withFixedSeed(seed)
                .withExamples(examples * multiplier)
                .withShrinkCycles(Integer.getInteger("scim.pbt.shrinks", DEFAULT_SHRINKS))
                .withReporter(new ReplayHint(multiplier));
    }

    /** One of the generators, each as likely; shrinks towards the first, so put the simplest first. */
    @SafeVarargs
    public static <T> Gen<T> oneOf(Gen<? extends T>... generators) {
        List<Gen<? extends T>> choices = List.of(generators);
        Gen<Integer> index = Generate.range(0, choices.size() - 1);
        return in -> choices.get(index.generate(in)).generate(in);
    }

    /** One of the values, each as likely; shrinks towards the first. */
    @SafeVarargs
    public static <T> Gen<T> pick(T... values) {
        return Generate.pick(List.of(values));
    }

    /** {@code null} in {@code percentNull} of the cases, else a value; shrinks towards {@code null}. */
    public static <T> Gen<T> nullable(Gen<T> generator, int percentNull) {
        Gen<Integer> percentile = Generate.range(0, 99);
        return in -> percentile.generate(in) < percentNull ? null : generator.generate(in);
    }

    /**
     * Lists of {@code min} to {@code max} elements (mutable). Shrinking drops elements anywhere in the list, not only
     * at its end: each element comes with a draw that drops it when zero, rarely when generating (one in twenty) and
     * as the shrinker's target; a dropped element's own draws are still made, so the others keep their values.
     */
    public static <T> Gen<List<T>> listsOf(Gen<T> element, int min, int max) {
        Gen<Integer> sizes = Generate.range(min, max);
        Gen<Integer> keeps = Generate.range(0, 19);
        Gen<List<T>> lists = in -> {
            int size = sizes.generate(in);
            List<T> list = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                boolean dropped = keeps.generate(in) == 0;
                T value = element.generate(in);
                if (!dropped || list.size() + (size - 1 - i) < min) {
                    list.add(value);
                }
            }
            return list;
        };
        return lists.describedAs(list -> describeAll(element, list));
    }

    /** Strings of {@code min} to {@code max} characters taken from {@code alphabet}. */
    public static Gen<String> strings(String alphabet, int min, int max) {
        Gen<Character> chars = Generate.range(0, alphabet.length() - 1).map(alphabet::charAt);
        return listsOf(chars, min, max).map(Pbt::join);
    }

    /** Strings of {@code min} to {@code max} UTF-16 units between {@code from} and {@code to}, lone surrogates too. */
    public static Gen<String> strings(char from, char to, int min, int max) {
        Gen<Character> chars = Generate.range(from, to).map(c -> (char) c.intValue());
        return listsOf(chars, min, max).map(Pbt::join);
    }

    /**
     * The generator's values that pass {@code keep}. A rejected draw is dropped and drawn again; it leaves nothing
     * that shrinking replays, unlike QuickTheories' {@code assuming}, whose rejections also count against a budget
     * of attempts per example that large generated values use up.
     */
    public static <T> Gen<T> filtered(Gen<T> generator, Predicate<? super T> keep) {
        Gen<T> gen = in -> {
            for (int attempt = 0; attempt < 1000; attempt++) {
                DetatchedRandomnessSource draw = in.detach();
                T value = generator.generate(draw);
                if (keep.test(value)) {
                    draw.commit();
                    return value;
                }
            }
            throw new IllegalStateException("1000 draws in a row were rejected: loosen the filter or the generator");
        };
        return gen.describedAs(generator::asString);
    }

    private static String join(List<Character> chars) {
        StringBuilder out = new StringBuilder(chars.size());
        chars.forEach(out::append);
        return out.toString();
    }

    private static <T> String describeAll(Gen<T> element, List<T> list) {
        List<String> parts = new ArrayList<>(list.size());
        list.forEach(value -> parts.add(element.asString(value)));
        return parts.toString();
    }

    /** QuickTheories' report ("Seed was N"), followed by the command-line switches that replay the failure. */
    private static final class ReplayHint implements Reporter {
        private final ExceptionReporter delegate = new ExceptionReporter();
        private final int multiplier;

        ReplayHint(int multiplier) {
            this.multiplier = multiplier;
        }

        @Override
        public void falisification(long seed, int count, Object smallest, Throwable cause, List<Object> examples,
                                   AsString<Object> toString) {
            try {
                delegate.falisification(seed, count, smallest, cause, examples, toString);
            } catch (AssertionError e) {
                throw withHint(e, seed);
            }
        }

        @Override
        public void falisification(long seed, int count, Object smallest, List<Object> examples,
                                   AsString<Object> toString) {
            try {
                delegate.falisification(seed, count, smallest, examples, toString);
            } catch (AssertionError e) {
                throw withHint(e, seed);
            }
        }

        @Override
        public void valuesExhausted(int completedExamples) {
            delegate.valuesExhausted(completedExamples);
        }

        /**
         * The seed and the replay command first, then QuickTheories' report with control characters and lone
         * surrogates escaped: generated values hold them, and surefire's XML report ends at the first one.
         */
        private AssertionError withHint(AssertionError e, long seed) {
            String replay = "mvn -B test " + testSelection() + " -Dsurefire.failIfNoSpecifiedTests=false"
                    + " -Dscim.pbt.seed=" + seed + (multiplier == 1 ? "" : " -Dscim.pbt.examples=" + multiplier);
            AssertionError hinted = new AssertionError("Seed was " + seed + "; replay with: " + replay
                    + System.lineSeparator() + printable(e.getMessage()));
            hinted.setStackTrace(e.getStackTrace());
            return hinted;
        }

        private static String printable(String text) {
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1));
                if (paired) {
                    out.append(c).append(text.charAt(++i));
                } else if ((c < ' ' && c != '\n' && c != '\r' && c != '\t') || Character.isSurrogate(c)
                        || c == '\ufffe' || c == '\uffff') {
                    out.append(String.format("\\u%04x", (int) c));
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** {@code -pl module -am -Dtest=Class#method} of the JUnit test on the stack, as far as it can be found. */
        private static String testSelection() {
            return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                    .filter(ReplayHint::isTestMethod)
                    .findFirst()
                    .map(f -> "-pl " + module(f.getDeclaringClass()) + " -am -Dtest="
                            + f.getDeclaringClass().getName() + "#" + f.getMethodName())
                    .orElse("-pl <module> -am -Dtest=<Class>#<method>"));
        }

        private static boolean isTestMethod(StackWalker.StackFrame frame) {
            try {
                return frame.getDeclaringClass().getDeclaredMethod(frame.getMethodName())
                        .isAnnotationPresent(Test.class);
            } catch (NoSuchMethodException e) {
                return false;
            }
        }

        /** The module directory of {@code <module>/target/test-classes}. */
        private static String module(Class<?> testClass) {
            try {
                Path classes = Path.of(testClass.getProtectionDomain().getCodeSource().getLocation().toURI());
                return classes.getParent().getParent().getFileName().toString();
            } catch (RuntimeException | URISyntaxException e) {
                return "<module>";
            }
        }
    }
}
