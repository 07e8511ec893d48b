package io.jobstats.demo;

import io.jobstats.reference.Taxonomy;
import io.jobstats.reference.TaxonomyFile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes a benchmark or demo file of generated ads without starting the service:
 * {@code java -cp 'target/quarkus-app/app/*:target/quarkus-app/lib/main/*' io.jobstats.demo.GenerateAds FILE COUNT
 * [DESCRIPTION_LENGTH] [SEED]}. The same arguments give the same file.
 */
public final class GenerateAds {

    private GenerateAds() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: GenerateAds FILE COUNT [DESCRIPTION_LENGTH=1500] [SEED=20250502]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        int count = Integer.parseInt(args[1]);
        int length = args.length > 2 ? Integer.parseInt(args[2]) : 1500;
        long seed = args.length > 3 ? Long.parseLong(args[3]) : 20250502L;
        // Ids only matter inside the service; the generator uses names.
        Taxonomy taxonomy = TaxonomyFile.read().numbered();
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            new DemoAdGenerator(taxonomy, seed, DemoAdGenerator.RESERVED_ROLES)
                    .write(out, count, LocalDate.of(2022, 5, 3), LocalDate.of(2025, 5, 2), length);
        }
    }
}
