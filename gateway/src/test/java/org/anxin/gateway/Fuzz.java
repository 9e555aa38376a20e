package org.anxin.gateway;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Generated and mutated device input for the {@code *FuzzTest}s: a seeded {@link Random}, so a
 * failure names the seed and try that repeat it ({@code -Dfuzz.seed}), and {@code -Dfuzz.tries}
 * inputs per test (2,000 in the normal build, a million for the long run). No shrinking: the
 * failing input is printed as hex, which pastes into a pipeline test.
 */
public final class Fuzz {
    private Fuzz() {}

    public static int tries() {
        return Integer.getInteger("fuzz.tries", 2_000);
    }

    /** Runs {@code check} on {@link #tries()} generated inputs; the first failure stops the run. */
    public static <T> void run(Function<Random, T> generate, Consumer<T> check) {
        String configured = System.getProperty("fuzz.seed", "");
        long seed = configured.isBlank() ? new Random().nextLong() : Long.parseLong(configured.trim());
        Random random = new Random(seed);
        int tries = tries();
        for (int i = 0; i < tries; i++) {
            T input = generate.apply(random);
            try {
                check.accept(input);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(
                        "try " + i + " of " + tries + " (-Dfuzz.seed=" + seed + ") failed on " + describe(input), e);
            }
        }
    }

    public static byte[] randomBytes(Random random, int maxLength) {
        byte[] bytes = new byte[random.nextInt(maxLength + 1)];
        random.nextBytes(bytes);
        return bytes;
    }

    /** One of the corpus's frames, whole or mutated: a flipped byte, cut short, a lying length byte, garbage spliced in. */
    public static byte[] mutated(Random random, List<byte[]> corpus, int lengthAt) {
        byte[] frame = corpus.get(random.nextInt(corpus.size())).clone();
        switch (random.nextInt(5)) {
            case 0 -> frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
            case 1 -> frame = Arrays.copyOf(frame, random.nextInt(frame.length));
            case 2 -> frame[Math.min(lengthAt, frame.length - 1)] = (byte) random.nextInt(256);
            case 3 -> {
                byte[] garbage = randomBytes(random, 16);
                int at = random.nextInt(frame.length + 1);
                byte[] spliced = new byte[frame.length + garbage.length];
                System.arraycopy(frame, 0, spliced, 0, at);
                System.arraycopy(garbage, 0, spliced, at, garbage.length);
                System.arraycopy(frame, at, spliced, at + garbage.length, frame.length - at);
                frame = spliced;
            }
            default -> {
                // whole
            }
        }
        return frame;
    }

    /**
     * Bytes to write, in how many reads, and whether after a good first frame (a login), for which
     * the decoders behave differently.
     */
    public record Case(byte[] bytes, int reads, boolean afterLogin) {
        public static Function<Random, Case> of(Function<Random, byte[]> bytes) {
            return random -> new Case(bytes.apply(random), 1 + random.nextInt(4), random.nextBoolean());
        }

        @Override
        public String toString() {
            return HexFormat.of().formatHex(bytes) + " in " + reads + " reads" + (afterLogin ? " after a login" : "");
        }
    }

    private static String describe(Object input) {
        if (input instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (input instanceof List<?> list) {
            return list.stream().map(Fuzz::describe).toList().toString();
        }
        return String.valueOf(input);
    }
}
